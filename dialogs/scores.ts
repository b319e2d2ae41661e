/**
 * The last step of the route table: when no exact signal decided, each service scores the message on its own
 * vocabulary and the higher score answers. A near tie follows what the conversation was about, so that « et à
 * Givors ? » or « et ses indicateurs ? » stay where they were.
 */

export type ScoredJourney = 'sheets' | 'offer';

export interface Scores {
  /** 0..1: how much the message reads like a partner's question on the sheets. */
  sheets: number;
  /** 0..1: how much it reads like a parent's search for support. */
  offer: number;
  lastTopic?: ScoredJourney;
}

/** Below this, neither service recognises the message and the bot says what it can do. */
export const MIN_CONFIDENCE = 0.2;
/** Scores this close are a tie, settled by what the conversation was about. */
const TIE_MARGIN = 0.05;

/** A score below this loses to `otherScore`, whatever the conversation was about: its exact value does not matter. */
export function scoreNeededAgainst(otherScore: number): number {
  return otherScore - TIE_MARGIN;
}

export function chooseByScores(scores: Scores): ScoredJourney | null {
  const best = Math.max(scores.sheets, scores.offer);
  if (best < MIN_CONFIDENCE) return null;
  if (Math.abs(scores.sheets - scores.offer) < TIE_MARGIN && scores.lastTopic) return scores.lastTopic;
  return scores.sheets >= scores.offer ? 'sheets' : 'offer';
}
