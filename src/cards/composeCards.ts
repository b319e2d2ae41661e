import type { Language } from '../language/text';
import type { PresentedHit } from '../offer/present';
import { sheetTitle } from '../sheets/display';
import type { Sheet } from '../sheets/model';
import { offerServiceCard } from './serviceCards';
import { sheetCard, wholeSheetBlocks, type CardBlock } from './sheetCards';

/**
 * The cards of the Teams message extension: for each result a preview (a thumbnail card: title, then the plan or the
 * commune) and the Adaptive Card 1.5 put in the message when it is chosen. The full card is the chat's own card, so a
 * shared sheet or service reads the same as an answer of the bot.
 */

export const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * A shared card is read in a conversation, not browsed: the sheet's first lines, then a word saying there is more.
 * It also keeps a page of 25 results well under what Teams accepts in one response.
 */
const SHARED_SHEET_LINES = 30;

const composeTexts = {
  fr: {
    moreInSheet: (left: number) => `… et ${left} ligne${left > 1 ? 's' : ''} de plus dans la fiche.`,
    remote: 'À distance',
    sheetOf: (plan: string) => `Fiche · ${plan}`,
  },
  en: {
    moreInSheet: (left: number) => `… and ${left} more line${left > 1 ? 's' : ''} in the sheet.`,
    remote: 'Remote',
    sheetOf: (plan: string) => `Sheet · ${plan}`,
  },
} as const satisfies Record<Language, unknown>;

/** What `composeExtension/selectItem` gets back when a preview is tapped: enough to find the result again. */
export interface ComposeTap {
  kind: 'sheet' | 'service';
  id: string;
}

export interface ComposeAttachment {
  contentType: typeof ADAPTIVE_CARD;
  content: object;
  preview: { contentType: typeof THUMBNAIL_CARD; content: { title: string; subtitle?: string; text?: string; tap: { type: 'invoke'; value: ComposeTap } } };
}

/** The sheet's card, its sections cut after the first lines; `openUrl` (its page, or Teams' stage view) reads the rest. */
export function sharedSheetCard(sheet: Sheet, language: Language, openUrl?: string): object {
  const blocks: CardBlock[] = [];
  let lines = 0;
  let left = 0;
  for (const block of wholeSheetBlocks(sheet, language)) {
    const room = SHARED_SHEET_LINES - lines;
    if (room <= 0) {
      left += block.lines.length;
      continue;
    }
    blocks.push({ heading: block.heading, lines: block.lines.slice(0, room) });
    left += Math.max(0, block.lines.length - room);
    lines += Math.min(room, block.lines.length);
  }
  if (left > 0) blocks.push({ heading: '', lines: [{ text: composeTexts[language].moreInSheet(left) }] });
  return sheetCard({ sheet, language, blocks, withWholeSheet: false, ...(openUrl ? { openUrl } : {}) });
}

/**
 * A service's card, without today's opening status: a shared card stays in the conversation for days, and « ouvert
 * maintenant » would be wrong tomorrow. Its week's hours stay.
 */
export function sharedServiceCard(service: PresentedHit, language: Language): object {
  return offerServiceCard({ ...service, today: null }, null, language);
}

export function sheetAttachment(sheet: Sheet, language: Language, openUrl?: string): ComposeAttachment {
  const planLine = [sheet.plan.title, sheet.plan.territory].filter(Boolean).join(' · ');
  return {
    contentType: ADAPTIVE_CARD,
    content: sharedSheetCard(sheet, language, openUrl),
    preview: {
      contentType: THUMBNAIL_CARD,
      content: { title: `${sheet.code} — ${sheetTitle(sheet)}`, subtitle: composeTexts[language].sheetOf(planLine), tap: { type: 'invoke', value: { kind: 'sheet', id: sheet.id } } },
    },
  };
}

export function serviceAttachment(service: PresentedHit, language: Language): ComposeAttachment {
  const place = service.remote ? composeTexts[language].remote : [service.postcode, service.town].filter(Boolean).join(' ');
  return {
    contentType: ADAPTIVE_CARD,
    content: sharedServiceCard(service, language),
    preview: {
      contentType: THUMBNAIL_CARD,
      content: {
        title: service.name,
        ...(place ? { subtitle: place } : {}),
        ...(service.structureName && service.structureName !== service.name ? { text: service.structureName } : {}),
        tap: { type: 'invoke', value: { kind: 'service', id: service.id } },
      },
    },
  };
}
