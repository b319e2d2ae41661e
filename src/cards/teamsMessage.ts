import { fold } from '../language/text';
import { jsonBytes, lineBlocks, textLines } from './refreshedCard';
import { cardMarkdown } from './reportCards';

/**
 * Teams shows a message's text above its cards, so an answer whose card restates its text reads twice there (a
 * sheet's pilot quoted, then the same sheet's card). For Teams the text goes into the first card instead: the lines
 * the cards do not already say become its first TextBlocks, and the message carries its cards alone, its first line
 * as the notification's summary. Nothing the text said is lost: a line is left out only when every word of it is in
 * the cards. Other channels keep text and cards as they are (the widget's light view reads the text).
 */

/** Teams refuses a message larger than about 28 KB; past this the text is kept apart rather than folded in. */
const MAX_CARD_BYTES = 26_000;
const SUMMARY_LENGTH = 120;
/** Where a card's words are: what any client shows of it. */
const SHOWN_KEYS = new Set(['text', 'title', 'value', 'label', 'placeholder', 'altText', 'fallbackText']);

export interface TeamsMessage {
  cards: object[];
  /** The first line of the text, plain: what Teams shows in a notification. */
  summary: string;
}

/** The cards with the text folded into the first; null when they cannot take it (then send text and cards). */
export function textIntoCards(text: string, cards: readonly object[]): TeamsMessage | null {
  const first = cards[0];
  if (!isAdaptiveCard(first)) return null;
  // As the card will show them: a reply's character references become backslash escapes there (reportCards.ts).
  const lines = textLines(cardMarkdown(text));
  const said = wordsOf(cards);
  const unsaid = lines.filter((line) => !tokens(line).every((token) => said.has(token)));
  const folded = { ...first, body: [...lineBlocks(unsaid), ...first.body] };
  if (jsonBytes(folded) > MAX_CARD_BYTES) return null;
  return { cards: [folded, ...cards.slice(1)], summary: summaryOf(lines[0] ?? '') };
}

function isAdaptiveCard(card: unknown): card is { type: 'AdaptiveCard'; body: unknown[] } & Record<string, unknown> {
  return typeof card === 'object' && card !== null && (card as { type?: unknown }).type === 'AdaptiveCard' && Array.isArray((card as { body?: unknown }).body);
}

/** A line's words, folded, without Markdown's marks and escapes: what must be in a card for the line to be said. */
function tokens(line: string): string[] {
  return fold(withoutEscapes(line)).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function wordsOf(cards: readonly object[]): Set<string> {
  const words = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && SHOWN_KEYS.has(key)) for (const token of tokens(value)) words.add(token);
      else if (typeof value === 'object') walk(value);
    }
  };
  walk(cards);
  return words;
}

function summaryOf(line: string): string {
  const plain = withoutEscapes(line).replace(/\*\*|__|[*_`]/g, '').replace(/^\s*(?:[-•]|\d+\.)\s+/, '').trim();
  return plain.length > SUMMARY_LENGTH ? `${plain.slice(0, SUMMARY_LENGTH - 1)}…` : plain;
}

/** Markdown's backslash escapes (src/language/markdown.ts) undone: the characters as a reader sees them. */
function withoutEscapes(line: string): string {
  return line.replace(/\\(.)/g, '$1');
}
