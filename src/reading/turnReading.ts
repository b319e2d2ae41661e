import type { DateTime } from 'luxon';
import type { SmallTalk } from '../language/smallTalk';
import type { Language } from '../language/text';
import type { OfferReading } from '../offer';
import type { ReportIntent } from '../reports/reading';
import type { SafetyReading } from '../safety';
import type { SheetQuestion } from '../sheets';

/** A position the user shared (the widget's button, Teams' location), checked. */
export interface SharedPosition {
  latitude: number;
  longitude: number;
}

/**
 * One turn, read once: everything any route or journey needs to know about what the user said or did.
 * Every reader runs here and nowhere else, so no service reads the text a second time to answer what was read
 * to choose it (see docs/decisions/0006).
 */
export interface TurnReading {
  /** The message as understood (whitespace collapsed, cut at MAX_UNDERSTOOD_CHARACTERS). */
  text: string;
  language: Language;
  position?: SharedPosition;
  /** The message was longer than what is read. */
  truncated: boolean;
  /** The instant the turn is read at, in Paris time: "ce soir", "demain" are read against it. */
  now: DateTime;
  /** Danger, violence, suicide…: answered first, whatever else the conversation was doing. */
  safety: SafetyReading | null;
  /** A greeting, a call for help, thanks, "recommencer": answered by the conversation itself. */
  command: SmallTalk | null;
  /** The message as a question on the action sheets. */
  sheets: SheetQuestion;
  /** The message as a parent's search for support. */
  offer: OfferReading;
  /** What it asks of a centre's reports: start, resume, list, correct, cancel (src/reports/reading/intent.ts). */
  reportIntent: ReportIntent | null;
}
