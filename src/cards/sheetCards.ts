import { escapeMarkdown as escapeMarkdownOnce } from '../language/markdown';
import { rememberMany } from '../shared/remember';
import type { Language } from '../language/text';
import { sheetMessages } from '../messages/sheets';
import { axisPath, readableText, sheetName } from '../sheets/display';
import type { Sheet, SheetSection } from '../sheets/model';
import { webUrl } from './links';

/**
 * Adaptive Cards (1.5, plain JSON) that show a sheet or part of it. Every card names the sheet (number, title,
 * plan) in TextBlocks, so that what it says is readable as text by any channel and by screen readers.
 *
 * Inputs are plain text (the sheets' words, our labels); TextBlocks and facts are Markdown, so every text is escaped
 * here as it goes into the card. Only the item markers this file writes are Markdown of ours.
 */

const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams refuses cards over about 28 KB; a whole sheet stays well under, this keeps a runaway one in check. */
const MAX_ITEMS_PER_CARD = 120;

export interface CardLine {
  text: string;
  number?: string;
  level?: 0 | 1;
}

export interface CardBlock {
  heading: string;
  lines: CardLine[];
}

export interface CardFact {
  title: string;
  value: string;
}

type Element = Record<string, unknown>;

/**
 * A sheet's words come back from answer to answer (its name, its plan, its items): each text is escaped once and
 * remembered, up to this many (a territory's sheets hold a few thousand lines).
 */
const REMEMBERED_TEXTS = 10_000;
const escapeMarkdown = rememberMany(REMEMBERED_TEXTS, escapeMarkdownOnce);

/**
 * A backslash that Teams would show: some Teams clients print Markdown escapes as they are (microsoft/AdaptiveCards
 * #5590), so a card escapes only what its Markdown would misread. A number opens an ordered list only when a space
 * follows its dot (« 5. »), never in « 5.1 — … » or « 4.3.1 ».
 */
const NEEDLESS_NUMBER_ESCAPE = /^( ?\d{1,9})\\([.)])(?=[^\s])/;
/** After a bullet of ours (« • », « – », no Markdown marker), nothing the text starts with can open a block. */
const BLOCK_ESCAPE_AFTER_MARKER = /^( ?)\\([#+\-=])/;
const NUMBER_ESCAPE_AFTER_MARKER = /^( ?\d{1,9})\\([.)])/;

/** Text that starts a card's line, escaped for it. */
function lineText(text: string): string {
  return escapeMarkdown(text).replace(NEEDLESS_NUMBER_ESCAPE, '$1$2');
}

/** Text that follows one of our bullets on its line: no block can start there. */
function textAfterMarker(text: string): string {
  return escapeMarkdown(text).replace(BLOCK_ESCAPE_AFTER_MARKER, '$1$2').replace(NUMBER_ESCAPE_AFTER_MARKER, '$1$2');
}

/** A TextBlock showing `text` as written. */
function textBlock(text: string, extra: Element = {}): Element {
  return { type: 'TextBlock', text: lineText(text), wrap: true, ...extra };
}

/** A sub-item's indent: non-breaking spaces, since four plain spaces at a line's start open a Markdown code block. */
const SUB_ITEM_MARKER = '\u00a0\u00a0\u00a0\u00a0– ';

/** An item of a sheet's list, after its marker: the sheet's own number ("2. "), a dash for a sub-item, or a bullet. */
function itemBlock(line: CardLine): Element {
  // « 2. » is an ordered list of the sheet's own numbering; « 4.3.1. » reads as text, with no escape to show.
  const marker = line.number !== undefined ? `${/^\d+(?:\.\d+)*$/.test(line.number) ? line.number : escapeMarkdown(line.number)}. ` : line.level === 1 ? SUB_ITEM_MARKER : '• ';
  // After « 2. » (a list item) « - x » would open a list inside it: only a bullet of ours lets every escape go.
  return { type: 'TextBlock', text: `${marker}${line.number !== undefined ? lineText(line.text) : textAfterMarker(line.text)}`, wrap: true, spacing: 'Small' };
}

function card(language: Language, body: Element[], actions: Element[] = []): Element {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    lang: language,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function headerElements(sheet: Sheet, language: Language): Element[] {
  const messages = sheetMessages[language];
  const planLine = [sheet.plan.title, sheet.plan.period].filter(Boolean).join(' · ');
  const elements: Element[] = [
    textBlock(sheetName(sheet), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    textBlock(messages.labelled(messages.plan, planLine), { isSubtle: true, spacing: 'None' }),
  ];
  const axis = axisPath(sheet);
  if (axis) elements.push(textBlock(messages.labelled(messages.axis, axis), { isSubtle: true, spacing: 'None' }));
  return elements;
}

function blockElements(blocks: readonly CardBlock[]): Element[] {
  const elements: Element[] = [];
  let items = 0;
  for (const block of blocks) {
    if (block.heading) elements.push(textBlock(block.heading, { weight: 'Bolder', spacing: 'Medium' }));
    for (const line of block.lines) {
      if (++items > MAX_ITEMS_PER_CARD) return elements;
      elements.push(itemBlock(line));
    }
  }
  return elements;
}

/** Every section of a sheet as card blocks, headings in readable case, unnamed opening text last. */
export function wholeSheetBlocks(sheet: Sheet, language: Language): CardBlock[] {
  return sheet.sections.map((section: SheetSection) => ({
    heading: section.heading ? readableText(section.heading) : sheetMessages[language].fieldLabel.other,
    lines: section.items.map((item) => ({ text: item.text, number: item.number, level: item.level })),
  }));
}

export interface SheetCardInput {
  sheet: Sheet;
  language: Language;
  /** What was asked, shown in the card's body. */
  blocks: readonly CardBlock[];
  facts?: readonly CardFact[];
  /** Adds a "show the whole sheet" button that unfolds every section inside the card (when there is no openUrl). */
  withWholeSheet: boolean;
  /** The sheet's page, or Teams' stage view of it (src/cards/sheetLinks.ts): adds « Ouvrir la fiche complète ». */
  openUrl?: string;
  /**
   * When one number exists in several plans, a button on each card that picks it: it sends `ask` as the user's own
   * words (Teams' imBack; other channels post `ask`, read as typed by src/bot/userTurn.ts).
   */
  choose?: { title: string; ask: string };
}

export function sheetCard(input: SheetCardInput): object {
  const { sheet, language } = input;
  const body = [...headerElements(sheet, language)];
  if (input.facts && input.facts.length > 0) {
    body.push({ type: 'FactSet', facts: input.facts.map((fact) => ({ title: escapeMarkdown(fact.title), value: escapeMarkdown(fact.value) })), spacing: 'Medium' });
  }
  body.push(...blockElements(input.blocks));
  const choose = input.choose ? [{ type: 'Action.Submit', title: input.choose.title, data: { ask: input.choose.ask, msteams: { type: 'imBack', value: input.choose.ask } } }] : [];
  return card(language, body, [...choose, ...wholeSheetActions(input)]);
}

/**
 * One way to the whole sheet, never two buttons that say the same. The page wins when there is one: unfolded in a
 * chat, a whole sheet is a hundred lines that push the conversation off a phone's screen, its headings only bold
 * text, and its card close to what Teams accepts; the page has real headings, reflows, and in Teams opens in the
 * stage view and closes back to the chat. Without a page (no link could be made), the card unfolds the sheet itself.
 */
function wholeSheetActions(input: SheetCardInput): Element[] {
  const { sheet, language } = input;
  const url = input.openUrl ? webUrl(input.openUrl) : null;
  if (url) return [{ type: 'Action.OpenUrl', title: sheetMessages[language].openWholeSheet, url }];
  if (!input.withWholeSheet) return [];
  return [
    {
      type: 'Action.ShowCard',
      title: sheetMessages[language].showWholeSheet,
      card: card(language, [textBlock(sheetName(sheet), { weight: 'Bolder', style: 'heading' }), ...blockElements(wholeSheetBlocks(sheet, language))]),
    },
  ];
}

export interface ListCardEntry {
  sheet: Sheet;
  /** Why it is listed: the section and the quoted passage. */
  reason?: { heading: string; text: string };
  /** What the name searched for is in this sheet ("pilote", "financeur"), when an organisation was asked about. */
  roles?: string[];
}

export function sheetListCard(title: string, entries: readonly ListCardEntry[], language: Language): object {
  const body: Element[] = [textBlock(title, { weight: 'Bolder', style: 'heading' })];
  for (const entry of entries) {
    body.push(textBlock(sheetName(entry.sheet), { weight: 'Bolder', spacing: 'Medium' }));
    body.push(textBlock(entry.sheet.plan.title, { isSubtle: true, spacing: 'None' }));
    const messages = sheetMessages[language];
    if (entry.roles && entry.roles.length > 0) body.push(textBlock(entry.roles.join(', '), { spacing: 'Small', weight: 'Bolder' }));
    if (entry.reason) body.push(textBlock(messages.labelled(entry.reason.heading, messages.quote(entry.reason.text)), { spacing: 'Small' }));
  }
  return card(language, body);
}

export interface GlossaryCardInput {
  term: string;
  expansion: string;
  about?: string;
  source?: string;
  usedIn: readonly string[];
  language: Language;
}

export function glossaryCard(input: GlossaryCardInput): object {
  const messages = sheetMessages[input.language];
  const body: Element[] = [
    textBlock(input.term, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    textBlock(input.expansion, { spacing: 'None' }),
  ];
  if (input.about) body.push(textBlock(input.about, { isSubtle: true }));
  if (input.source) body.push(textBlock(input.source, { isSubtle: true, spacing: 'Small' }));
  if (input.usedIn.length > 0) {
    body.push(textBlock(messages.glossaryUsedIn, { weight: 'Bolder', spacing: 'Medium' }));
    for (const name of input.usedIn) body.push(textBlock(`• ${name}`, { spacing: 'Small' }));
  }
  return card(input.language, body);
}
