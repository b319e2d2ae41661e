import type { DateTime } from 'luxon';
import type { CommuneIndex } from '../geo';
import { recogniseSmallTalk } from '../language/smallTalk';
import { detectLanguage } from '../language/text';
import { readOfferMessage } from '../offer';
import { readSafety } from '../safety';
import { readSheetQuestion, type SheetIndex } from '../sheets';
import type { SharedPosition, TurnReading } from './turnReading';

/** What a channel brought in one turn, before it is understood (see src/bot/userTurn.ts). */
export interface TurnInput {
  text: string;
  /**
   * The message before it was cut for understanding (up to SAFETY_READ_CHARACTERS): danger is looked for in all of
   * it, so « … je veux mourir » at the end of a long message is still answered first.
   */
  wholeText?: string;
  position?: SharedPosition;
  /** The channel's locale ("fr-FR", "en-US"), a hint for the language when the words do not tell. */
  locale?: string;
  truncated: boolean;
}

/** The knowledge a message is read against. */
export interface Readers {
  sheets: SheetIndex;
  communes: CommuneIndex;
}

/**
 * Reads a turn once, with every reader: its language, danger, small talk, the sheets' and the offer's readings.
 * Routes and journeys get the result; none of them reads the text again.
 */
export function readTurn(input: TurnInput, readers: Readers, now: DateTime): TurnReading {
  const { text } = input;
  return {
    text,
    language: detectLanguage(text, input.locale),
    ...(input.position ? { position: input.position } : {}),
    truncated: input.truncated,
    now,
    safety: text ? readSafety(input.wholeText ?? text) : null,
    command: text ? (recogniseSmallTalk(text) ?? null) : null,
    sheets: readSheetQuestion(readers.sheets, text),
    offer: readOfferMessage(text, now, readers.communes),
  };
}
