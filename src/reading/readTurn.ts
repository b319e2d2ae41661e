import type { DateTime } from 'luxon';
import type { CommuneIndex } from '../geo';
import { recogniseSmallTalk, type SmallTalk } from '../language/smallTalk';
import { detectLanguage, type Language } from '../language/text';
import { readOfferMessage, type OfferReading } from '../offer';
import { readReportIntent, type ReportIntent } from '../reports/reading';
import { readSafety, type SafetyReading } from '../safety';
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
  /** The language the conversation was in: a short « bye » or « ok » follows it, before the locale. */
  languageBefore?: Language;
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
  return new LazyTurnReading(input, readers, now);
}

/** The accessors of the parts read on first use, the same objects for every reading (so every reading has one shape). */
let LAZY_PARTS: PropertyDescriptorMap;

/**
 * A reading whose later parts are read on first use. They are own, enumerable properties (accessors shared by every
 * reading), so `{ ...reading, text: '' }` copies them as values, as it would copy an eager reading's. An object
 * literal with getters would do the same, but V8 keeps such an object as a dictionary, and every route and journey
 * reads the reading's properties: a class with one shape keeps those reads fast.
 */
class LazyTurnReading implements TurnReading {
  readonly text: string;
  readonly language: Language;
  declare readonly position?: SharedPosition;
  readonly truncated: boolean;
  readonly now: DateTime;
  readonly safety: SafetyReading | null;
  declare readonly command: SmallTalk | null;
  declare readonly sheets: SheetQuestion;
  declare readonly offer: OfferReading;
  declare readonly reportIntent: ReportIntent | null;
  readonly #readers: Readers;
  #command: SmallTalk | null | undefined;
  #sheets: SheetQuestion | undefined;
  #offer: OfferReading | undefined;
  #reportIntent: ReportIntent | null | undefined;

  constructor(input: TurnInput, readers: Readers, now: DateTime) {
    const { text } = input;
    this.text = text;
    this.language = detectLanguage(text, input.locale, input.languageBefore);
    if (input.position) (this as { position?: SharedPosition }).position = input.position;
    this.truncated = input.truncated;
    this.now = now;
    // Danger is read at once: its route is the first, and it claims whatever else the message says.
    this.safety = text ? readSafety(input.wholeText ?? text) : null;
    this.#readers = readers;
    Object.defineProperties(this, LAZY_PARTS);
  }

  static {
    LAZY_PARTS = {
      command: {
        enumerable: true,
        get(this: LazyTurnReading) {
          if (this.#command === undefined) this.#command = this.text ? (recogniseSmallTalk(this.text) ?? null) : null;
          return this.#command;
        },
      },
      sheets: {
        enumerable: true,
        get(this: LazyTurnReading) {
          this.#sheets ??= readSheetQuestion(this.#readers.sheets, this.text);
          return this.#sheets;
        },
      },
      offer: {
        enumerable: true,
        get(this: LazyTurnReading) {
          this.#offer ??= readOfferMessage(this.text, this.now, this.#readers.communes);
          return this.#offer;
        },
      },
      reportIntent: {
        enumerable: true,
        get(this: LazyTurnReading) {
          if (this.#reportIntent === undefined) this.#reportIntent = readReportIntent(this.text, this.now);
          return this.#reportIntent;
        },
      },
    };
  }
}
