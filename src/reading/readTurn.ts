import type { DateTime } from 'luxon';
import type { CommuneIndex } from '../geo';
import { recogniseSmallTalk, type SmallTalk } from '../language/smallTalk';
import { detectLanguage } from '../language/text';
import { readOfferMessage, type OfferReading } from '../offer';
import { readSafety } from '../safety';
import { readSheetQuestion, type SheetIndex, type SheetQuestion } from '../sheets';
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
 *
 * Small talk and the sheets' and the offer's readings are worked out when a route first asks for them, then kept:
 * a turn answered before the scores (danger, a sheet number, « merci ») never pays for the offer's reading — its
 * search for a commune in the sentence is most of a reading's cost. The values are those an eager reading gives
 * (each reader is pure: the same text at the same instant reads the same), so a route sees no difference.
 */
export function readTurn(input: TurnInput, readers: Readers, now: DateTime): TurnReading {
  const { text } = input;
  let command: SmallTalk | null | undefined;
  let sheets: SheetQuestion | undefined;
  let offer: OfferReading | undefined;
  return {
    text,
    language: detectLanguage(text, input.locale),
    ...(input.position ? { position: input.position } : {}),
    truncated: input.truncated,
    now,
    // Danger is read at once: its route is the first, and it claims whatever else the message says.
    safety: text ? readSafety(input.wholeText ?? text) : null,
    get command() {
      if (command === undefined) command = text ? (recogniseSmallTalk(text) ?? null) : null;
      return command;
    },
    get sheets() {
      sheets ??= readSheetQuestion(readers.sheets, text);
      return sheets;
    },
    get offer() {
      offer ??= readOfferMessage(text, now, readers.communes);
      return offer;
    },
  };
}
