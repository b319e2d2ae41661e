import { sheetCard, type CardBlock, type CardFact, type CardLine } from '../cards/sheetCards';
import { boldMarkdown, escapeMarkdown as escapeMarkdownOnce } from '../language/markdown';
import { rememberMany } from '../shared/remember';
import type { Language } from '../language/text';
import { sheetMessages } from '../messages/sheets';
import { axisPath, excerpt, readableText, sheetName, shorten } from './display';
import { actionHeading, knownHeading } from './headings';
import { sectionsOf, type Sheet, type SheetField, type SheetDeadline, type SheetItem, type SheetSection } from './model';
import type { PassageMatch, SheetMatch } from './sheetIndex';
import type { AskedField } from './vocabulary';

/** A sheet's words and their labelled lines come back from answer to answer: each is escaped once, up to this many. */
const REMEMBERED_TEXTS = 10_000;
const escapeMarkdown = rememberMany(REMEMBERED_TEXTS, escapeMarkdownOnce);

/**
 * Turns what a sheet says into one answer part: a short text (markdown lists, readable aloud) and the matching
 * card. Sheet texts are quoted as written; only the framing comes from the messages catalogue.
 *
 * The text is Markdown: the sheets' words, and catalogue phrases that carry them, go through escapeMarkdown as they
 * are put in; the only Markdown is the bold and list marks written here. Card blocks stay plain: the card escapes them.
 */

const SUMMARY_ITEM_LENGTH = 150;
const SUMMARY_MAX_ACTIONS = 8;
const MAX_PASSAGES = 3;

export interface AnswerPart {
  sheet: Sheet;
  text: string;
  card: object;
}

/** What a part says about its sheet, before the sheet's name is put on top. */
export interface PartBody {
  lines: string[];
  blocks: CardBlock[];
  facts?: CardFact[];
  /** The card may unfold the whole sheet (a summary). */
  wholeSheet?: boolean;
}

/**
 * How an answer shows a sheet beyond its own words, as the channel allows: the address of the sheet's whole page
 * (Teams' stage view, or the page elsewhere). The dialog makes it for the turn's channel; without it, no link.
 */
export interface SheetPresentation {
  openSheet?(sheet: Sheet): string | undefined;
}

/**
 * The card shows what was asked; only a summary unfolds the whole sheet, so that an answer on one section does not
 * carry the others' words (a pilot question must not read out the partners). Any answer may link to the whole page:
 * it is behind a button, read only by whoever opens it.
 */
export function composePart(
  sheet: Sheet,
  bodies: readonly PartBody[],
  language: Language,
  present: SheetPresentation = {},
  /** A button that picks this sheet among others of the same number: its title, and the words it sends. */
  choose?: { title: string; ask: string },
): AnswerPart {
  const lines = bodies.flatMap((body) => body.lines);
  const blocks = bodies.flatMap((body) => body.blocks);
  const facts = bodies.flatMap((body) => body.facts ?? []);
  const openUrl = present.openSheet?.(sheet);
  return {
    sheet,
    text: [sheetHeader(sheet, language), ...withNote(lines, language)].join('\n'),
    card: sheetCard({
      sheet,
      language,
      blocks,
      ...(facts.length > 0 ? { facts } : {}),
      withWholeSheet: bodies.some((body) => body.wholeSheet === true),
      ...(openUrl ? { openUrl } : {}),
      ...(choose ? { choose } : {}),
    }),
  };
}

export function sheetHeader(sheet: Sheet, language: Language): string {
  const messages = sheetMessages[language];
  return `${boldMarkdown(sheetName(sheet))}\n${escapeMarkdown(messages.labelled(messages.plan, sheet.plan.title))}`;
}

function quotedLines(items: readonly SheetItem[], language: Language): string[] {
  const quote = sheetMessages[language].quote;
  return items.map((item) => {
    const number = item.number !== undefined ? `${escapeMarkdown(item.number)}. ` : '';
    return `${item.level === 1 ? '  ' : ''}- ${number}${escapeMarkdown(quote(item.text))}`;
  });
}

function cardLines(items: readonly SheetItem[]): CardLine[] {
  return items.map((item) => ({ text: item.text, number: item.number, level: item.level }));
}

function sectionHeading(section: SheetSection, language: Language): string {
  return section.heading ? readableText(section.heading) : sheetMessages[language].fieldLabel[section.field];
}

function withNote(lines: string[], language: Language): string[] {
  const note = sheetMessages[language].quotedNote;
  return note && lines.length > 0 ? [note, ...lines] : lines;
}

/** Sections shown whole, under their own headings. */
export function sectionsBody(sections: readonly SheetSection[], language: Language): PartBody {
  const lines: string[] = [];
  const blocks: CardBlock[] = [];
  for (const section of sections) {
    const heading = sectionHeading(section, language);
    lines.push(boldMarkdown(heading), ...quotedLines(section.items, language));
    blocks.push({ heading, lines: cardLines(section.items) });
  }
  return { lines, blocks };
}

/** Deadline lines that apply to these actions: their own, or the sheet's when none is given per action. */
export function deadlinesForActions(sheet: Sheet, actions: readonly number[]): SheetDeadline[] {
  if (actions.length === 0) return sheet.deadlines;
  const own = sheet.deadlines.filter((deadline) => deadline.actions.some((n) => actions.includes(n)));
  return own.length > 0 ? own : sheet.deadlines.filter((deadline) => deadline.actions.length === 0);
}

/** The sections of the fields asked, quoted; a field the sheet lacks is said to be missing, never filled in. */
export function fieldsBody(sheet: Sheet, fields: readonly AskedField[], actionNumbers: readonly number[], language: Language): PartBody {
  const messages = sheetMessages[language];
  const bodies: PartBody[] = [];
  for (const field of fields) {
    let sections = sectionsOf(sheet, field).filter((section) => section.items.length > 0);
    // Another action's part (« Pilote : … » under action 3) does not answer a question on action 2.
    if (actionNumbers.length > 0) sections = sections.filter((section) => section.actionNumber === undefined || actionNumbers.includes(section.actionNumber));
    if (field === 'deadlines' && actionNumbers.length > 0) {
      const wanted = new Set(deadlinesForActions(sheet, actionNumbers).map((deadline) => deadline.text));
      sections = sections.map((section) => ({ ...section, items: section.items.filter((item) => wanted.has(item.text)) })).filter((section) => section.items.length > 0);
    }
    if (sections.length === 0) bodies.push({ lines: [messages.sectionMissing(messages.fieldLabel[field])], blocks: [] });
    else bodies.push(ownedSectionsBody(sheet, field, sections, language));
  }
  return { lines: bodies.flatMap((body) => body.lines), blocks: bodies.flatMap((body) => body.blocks) };
}

/** An action's short title, when it has no title of its own: its first words, up to here. */
const ACTION_NAME_LENGTH = 60;

/**
 * « Action 2 — Former les animateurs »: an action by its number and short title — its own title, or else the first
 * words of its text (not one of its labelled parts, « Pilote : … »). Only the number when the sheet gives no words.
 */
export function actionName(sheet: Sheet, number: number, language: Language): string {
  const messages = sheetMessages[language];
  const action = sheet.actions.find((candidate) => candidate.number === number);
  const words = action?.title ?? action?.items.find((text) => !isLabelledPart(text));
  if (!words) return messages.action(number);
  const sentence = /^(.{12,}?[.!?])\s/u.exec(words)?.[1] ?? words;
  return messages.actionNamed(number, shorten(readableText(sentence.replace(/[.!?]$/u, '')), ACTION_NAME_LENGTH));
}

/** « Échéance : juin 2026 », « Pilote : Caf »: a part of an action the parser carried over with its label. */
function isLabelledPart(text: string): boolean {
  const colon = text.indexOf(' : ');
  return colon > 0 && colon <= 40 && knownHeading(text.slice(0, colon)) !== undefined;
}

/**
 * A line as it is quoted: with the action it belongs to when it is one action's (its section is that action's part, or
 * it is a deadline line that names one action), so that « juin 2026 » is never read as the whole sheet's deadline. A
 * line that names its action already (« Action 1 : 2024 ») is quoted after the action's name instead; one that names
 * another action, or several, is quoted as written.
 */
function ownedLine(sheet: Sheet, section: SheetSection, text: string, language: Language): { owner?: string; text: string } {
  const number = section.actionNumber ?? (section.field === 'deadlines' ? onlyAction(sheet.deadlines.find((deadline) => deadline.text === text)) : undefined);
  if (number === undefined) return { text };
  const label = actionHeading(text);
  if (label === undefined) return { owner: actionName(sheet, number, language), text };
  if (label.number !== number || !label.title) return { text };
  return { owner: actionName(sheet, number, language), text: label.title.replace(/^[\s:–—-]+/u, '') };
}

function onlyAction(deadline: SheetDeadline | undefined): number | undefined {
  return deadline && deadline.actions.length === 1 ? deadline.actions[0] : undefined;
}

/** A deadline as one line of text: « Action 2 — Former les animateurs : « juin 2026 » », or the line quoted. */
function deadlineLine(sheet: Sheet, deadline: SheetDeadline, language: Language, quote: (text: string) => string): string {
  const messages = sheetMessages[language];
  const section: SheetSection = { heading: '', field: 'deadlines', items: [] };
  const owned = ownedLine(sheet, section, deadline.text, language);
  return owned.owner ? messages.labelled(owned.owner, quote(owned.text)) : quote(owned.text);
}

/**
 * The sections of a field, quoted. What the sheet gives action by action (« Échéance : juin 2026 » or « Pilote : Caf »
 * under each action, a table's dates column) is gathered under the field's name, each line with its action's number
 * and short title; the sheet's own sections keep their headings. A deadline line that names one action gets its name.
 */
function ownedSectionsBody(sheet: Sheet, field: AskedField, sections: readonly SheetSection[], language: Language): PartBody {
  const messages = sheetMessages[language];
  const groups: Array<{ heading: string; items: Array<{ item: SheetItem; owner?: string; text: string }> }> = [];
  let perAction: (typeof groups)[number] | undefined;
  for (const section of sections) {
    const items = section.items.map((item) => ({ item, ...ownedLine(sheet, section, item.text, language) }));
    if (section.actionNumber === undefined) {
      groups.push({ heading: sectionHeading(section, language), items });
      continue;
    }
    if (!perAction) {
      perAction = { heading: messages.fieldLabel[field], items: [] };
      groups.push(perAction);
    }
    perAction.items.push(...items);
  }
  const lines: string[] = [];
  const blocks: CardBlock[] = [];
  for (const group of groups) {
    lines.push(boldMarkdown(group.heading));
    for (const { item, owner, text } of group.items) {
      if (!owner) {
        lines.push(...quotedLines([{ ...item, text }], language));
        continue;
      }
      lines.push(`${item.level === 1 ? '  ' : ''}- ${escapeMarkdown(messages.labelled(owner, messages.quote(text)))}`);
    }
    blocks.push({
      heading: group.heading,
      lines: group.items.map(({ item, owner, text }) => ({ text: owner ? messages.labelled(owner, text) : text, number: owner ? undefined : item.number, level: item.level })),
    });
  }
  return { lines, blocks };
}

/** "Action 2" of a sheet, with the deadline that applies to it. */
export function actionsBody(sheet: Sheet, numbers: readonly number[], last: boolean, language: Language): PartBody {
  const messages = sheetMessages[language];
  const wanted = [...numbers];
  const lastAction = sheet.actions.at(-1);
  if (last && lastAction && !wanted.includes(lastAction.number)) wanted.push(lastAction.number);
  const lines: string[] = [];
  const blocks: CardBlock[] = [];
  for (const number of wanted) {
    const action = sheet.actions.find((candidate) => candidate.number === number);
    if (!action) {
      lines.push(messages.actionMissing(number, sheet.actions.length));
      continue;
    }
    const heading = action.title ? messages.actionNamed(number, action.title) : messages.action(number);
    const items = action.items.map((text): SheetItem => ({ text, level: 0 }));
    lines.push(boldMarkdown(heading), ...quotedLines(items, language));
    const deadlines = deadlinesForActions(sheet, [number]);
    const block: CardBlock = { heading, lines: cardLines(items) };
    blocks.push(block);
    if (deadlines.length > 0) {
      lines.push(escapeMarkdown(messages.labelled(messages.deadlineOfAction, deadlines.map((deadline) => messages.quote(deadline.text)).join(' ; '))));
      blocks.push({ heading: messages.deadlineOfAction, lines: deadlines.map((deadline) => ({ text: deadline.text })) });
    }
  }
  if (wanted.length === 0) lines.push(messages.noActions);
  return { lines, blocks };
}

function firstItems(sheet: Sheet, field: AskedField, count: number): string[] {
  return sectionsOf(sheet, field)
    .flatMap((section) => section.items)
    .filter((item) => item.level === 0)
    .slice(0, count)
    .map((item) => shorten(item.text, SUMMARY_ITEM_LENGTH));
}

/** Title, plan, axis, pilot, audience, deadlines, funding and the actions in short. */
export function summaryBody(sheet: Sheet, language: Language): PartBody {
  const messages = sheetMessages[language];
  const facts: CardFact[] = [];
  const lines: string[] = [];
  const axis = axisPath(sheet);
  if (axis) lines.push(escapeMarkdown(messages.labelled(messages.axis, axis)));
  const add = (field: AskedField, values: string[]) => {
    if (values.length === 0) return;
    const label = messages.fieldLabel[field];
    lines.push(escapeMarkdown(messages.labelled(label, values.map(messages.quote).join(' ; '))));
    facts.push({ title: label, value: values.join(' ; ') });
  };
  add('pilot', firstItems(sheet, 'pilot', 3));
  add('audience', firstItems(sheet, 'audience', 2));
  if (sheet.deadlines.length > 0) {
    // Each deadline with the action it is for, when it is one action's: « juin 2026 » alone would read as the sheet's.
    const label = messages.fieldLabel.deadlines;
    lines.push(escapeMarkdown(messages.labelled(label, sheet.deadlines.map((deadline) => deadlineLine(sheet, deadline, language, messages.quote)).join(' ; '))));
    facts.push({ title: label, value: sheet.deadlines.map((deadline) => deadlineLine(sheet, deadline, language, (text) => text)).join(' ; ') });
  }
  add('funding', firstItems(sheet, 'funding', 2));
  const blocks: CardBlock[] = [];
  if (sheet.actions.length > 0) {
    const shown = sheet.actions.slice(0, SUMMARY_MAX_ACTIONS);
    lines.push(boldMarkdown(messages.actionCount(sheet.actions.length)));
    for (const action of shown) lines.push(`- ${escapeMarkdown(`${messages.action(action.number)} : ${messages.quote(shorten(action.items[0], SUMMARY_ITEM_LENGTH))}`)}`);
    blocks.push({
      heading: messages.actionCount(sheet.actions.length),
      lines: shown.map((action) => ({ text: `${messages.action(action.number)} : ${shorten(action.items[0], SUMMARY_ITEM_LENGTH)}` })),
    });
  }
  lines.push(messages.summaryMore);
  return { lines, blocks, facts, wholeSheet: true };
}

/** Where a passage sits: its section's heading, or the field's name. */
export function passageHeading(sheet: Sheet, section: number, language: Language): string {
  const found = section >= 0 ? sheet.sections[section] : undefined;
  return found ? sectionHeading(found, language) : sheetMessages[language].title;
}

/**
 * What a sheet is about is said in its title, objectives and actions; its diagnosis and side sections mention things
 * in passing. Which sheet a topic is about, and which of its passages to quote first, weigh passages by where they stand.
 */
const PASSAGE_WEIGHT: Readonly<Record<SheetField, number>> = {
  actions: 1,
  objectives: 1,
  pilot: 0.95,
  partners: 0.95,
  funding: 0.95,
  audience: 0.9,
  results: 0.9,
  deadlines: 0.85,
  context: 0.85,
  other: 0.85,
  links: 0.7,
};

/** A passage's score, less when it only mentions the topic in passing. */
export function aboutness(match: PassageMatch): number {
  return match.score * (match.passage.field ? PASSAGE_WEIGHT[match.passage.field] : 1);
}

/** A figure: a number that is not a year ("2026") nor a numbering ("7.3"). */
export function holdsFigure(text: string): boolean {
  return /\d/.test(text.replace(/\b\d+(?:\.\d+)+\b/g, ' ').replace(/\b(?:19|20)\d{2}\b/g, ' '));
}

/**
 * The passages of a sheet that match the question best, quoted (cut around the match when long). When a figure is
 * asked, the passages that hold one come first: « combien de LAEP » is answered by the sentence with « 31 LAEP ».
 */
/**
 * The passages of a match, quoted under their headings. `keepOrder` quotes them in the order given (the caller ranked
 * them); `everyLine` quotes each, several lines of one section included (an organisation named twice in the budget).
 */
export function passagesBody(
  match: SheetMatch,
  language: Language,
  preferFigures = false,
  options: { keepOrder?: boolean; everyLine?: boolean } = {},
): PartBody {
  const messages = sheetMessages[language];
  const { sheet } = match;
  const lines: string[] = [];
  const blocks: CardBlock[] = [];
  const best = match.passages[0]?.score ?? 0;
  const close = options.keepOrder
    ? match.passages.filter((passage) => passage.passage.kind !== 'axis')
    : match.passages
        .filter((passage) => passage.passage.kind !== 'axis' && passage.score >= best * 0.5)
        .sort((a, b) => aboutness(b) - aboutness(a));
  const withFigures = preferFigures ? close.filter((passage) => holdsFigure(passage.passage.text)) : [];
  const chosen = options.keepOrder
    ? close
    : (withFigures.length > 0 ? [...withFigures, ...close.filter((passage) => !withFigures.includes(passage))] : close).slice(0, MAX_PASSAGES);
  const shownSections = new Set<number>();
  for (const { passage, matched } of chosen) {
    if (shownSections.has(passage.section) && !options.everyLine) continue;
    const heading = passageHeading(sheet, passage.section, language);
    if (passage.kind === 'heading') {
      // The question names a heading of the sheet: the whole section answers it.
      const section = sheet.sections[passage.section];
      shownSections.add(passage.section);
      lines.push(boldMarkdown(heading), ...quotedLines(section.items, language));
      blocks.push({ heading, lines: cardLines(section.items) });
      continue;
    }
    const text = excerpt(passage.text, matched);
    lines.push(messages.labelled(boldMarkdown(heading), escapeMarkdown(messages.quote(text))));
    blocks.push({ heading, lines: [{ text }] });
  }
  return { lines, blocks };
}
