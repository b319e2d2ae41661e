import type { CommuneIndex, CommuneMatch } from '../../src/geo';
import type { PlaceCandidate } from '../../src/geo/commune';
import type { OfferIndex, PlaceChoice } from '../../src/offer';
import { DEFAULT_RADIUS_KM } from '../../src/offer/search';

/**
 * Several communes share a name (Saint-Julien, Saint-Paul…) and the sentence did not say which: the bot asks, with
 * each commune and its département as a quick reply, and keeps the search waiting. The answer — a quick reply,
 * « dans l'Ain », « 01 », « le premier » — picks one (the place finder's resolveAmong).
 */

/** How many communes the question lists, as quick replies: what a channel shows. */
export const CHOICES_SHOWN = 6;
/** How many are kept to resolve the answer: a parent may name the département of one not listed. */
export const CHOICES_KEPT = 12;

/** The communes to choose between when the place named is ambiguous, most populous first; null when it is not. */
export function candidatesToAsk(place: CommuneMatch | null): PlaceCandidate[] | null {
  if (!place || !place.ambiguous || place.candidates.length < 2) return null;
  return place.candidates.slice(0, CHOICES_KEPT);
}

/** Whether the offer has a place within the usual radius of the commune. */
function hasPlacesNear(candidate: PlaceCandidate, offer: OfferIndex): boolean {
  const point = offer.pointOf(candidate.commune);
  return point !== null && offer.nearest(point, null, 1, DEFAULT_RADIUS_KM, () => true).length > 0;
}

/**
 * The candidates with places near them first (the parent most likely means a commune the offer serves), each part
 * in its order (most populous first).
 */
export function withPlacesFirst(candidates: readonly PlaceCandidate[], offer: OfferIndex): PlaceCandidate[] {
  const near = candidates.map((c) => hasPlacesNear(c, offer));
  return [...candidates.filter((_, i) => near[i]), ...candidates.filter((_, i) => !near[i])];
}

/** A commune to choose, as the answer holds it (said "Saint-Julien (Ain, 01)" in the question and its quick reply). */
export function placeChoiceOf(candidate: PlaceCandidate): PlaceChoice {
  return { name: candidate.commune.name, departementName: candidate.departement.name, departement: candidate.departement.code };
}

/** The candidates as kept in the conversation (their codes, in the order shown), read back. */
export function candidatesOf(codes: readonly string[], communes: CommuneIndex): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const code of codes) {
    const commune = communes.byCode(code);
    if (!commune) continue;
    out.push({ commune, departement: { code: commune.departement, name: communes.departementName(commune.departement) ?? commune.departement } });
  }
  return out;
}

/** The commune the answer picks among those offered, or null when it picks none (or several). */
export function chosenAmong(codes: readonly string[], answerText: string, communes: CommuneIndex): PlaceCandidate | null {
  return communes.resolveAmong(candidatesOf(codes, communes), answerText);
}
