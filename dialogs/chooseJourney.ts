import type { SmallTalk } from '../src/language/smallTalk';

/** Which journey answers a turn. */
export type Journey =
  | { kind: 'small-talk'; smallTalk: SmallTalk }
  | { kind: 'empty' }
  | { kind: 'sheets' }
  | { kind: 'offer' }
  | { kind: 'not-understood' };

export interface JourneySignals {
  hasText: boolean;
  hasPosition: boolean;
  smallTalk?: SmallTalk;
  /** 0..1: how much the text reads like a partner's question on the sheets. */
  sheetScore: number;
  /** 0..1: how much the text reads like a parent's search for support. */
  offerScore: number;
  lastTopic?: 'sheets' | 'offer';
}

/** Below this, neither service recognises the message and the bot says what it can do. */
export const MIN_CONFIDENCE = 0.2;
/** Scores this close are a tie, settled by what the conversation was about. */
const TIE_MARGIN = 0.05;

/** A score below this loses to `otherScore`, whatever the conversation was about: its exact value does not matter. */
export function scoreNeededAgainst(otherScore: number): number {
  return otherScore - TIE_MARGIN;
}

/**
 * Tells a partner's sheet question from a parent's search. Each service scores the text on its own vocabulary;
 * a shared position counts for the search, and a tie follows the conversation's last topic (so follow-ups stay put).
 */
export function chooseJourney(signals: JourneySignals): Journey {
  if (!signals.hasText) return signals.hasPosition ? { kind: 'offer' } : { kind: 'empty' };
  if (signals.smallTalk) return { kind: 'small-talk', smallTalk: signals.smallTalk };
  const offerScore = signals.hasPosition ? Math.max(signals.offerScore, MIN_CONFIDENCE + TIE_MARGIN) : signals.offerScore;
  const best = Math.max(signals.sheetScore, offerScore);
  if (best < MIN_CONFIDENCE) return { kind: 'not-understood' };
  if (Math.abs(signals.sheetScore - offerScore) < TIE_MARGIN && signals.lastTopic) return { kind: signals.lastTopic };
  return signals.sheetScore >= offerScore ? { kind: 'sheets' } : { kind: 'offer' };
}
