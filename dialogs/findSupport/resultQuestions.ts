import { fold } from '../../src/language/text';
import type { OfferConversation } from '../../src/offer';
import { isSearchUnderway } from '../../src/offer/conversation';
import type { PlaceFacts } from '../../src/offer/engine';
import type { ResultTopic } from '../../src/offer/resultQuestion';
import type { PresentedHit } from '../../src/offer/present';

/**
 * Questions about the places the bot just showed are read with the offer's reading (src/offer/resultQuestion.ts);
 * here, whether one belongs to the search under way, and what a place's own words say of registering.
 */

/** How many of the places shown an answer speaks of: the first few, as a parent reads them on the screen. */
export const PLACES_ANSWERED = 3;

/** Whether a question about the results belongs to this search: one is under way, and waits for no answer. */
export function isResultQuestion(topics: ResultTopic[] | null, search: OfferConversation): topics is ResultTopic[] {
  return topics !== null && isSearchUnderway(search) && !search.pending;
}

/**
 * What a place's own words say of registering, read from its description and the comments of its hours (« sur
 * rendez-vous »): « sans inscription » before « inscription », so that the one is not read as the other.
 */
const NO_REGISTRATION = ['sans inscription', 'sans rendez-vous', 'sans rendez vous', 'sans rdv', 'sans reservation', 'acces libre',
  'entree libre', 'accueil libre', 'libre et gratuit', 'anonyme', 'sans prise de rendez-vous', 'no registration', 'no appointment',
  'drop-in', 'drop in'];
const REGISTRATION = ['sur inscription', 'inscription obligatoire', 'inscription necessaire', 'inscription prealable', 'sur rendez-vous',
  'sur rendez vous', 'sur rdv', 'sur reservation', 'reservation obligatoire', 'uniquement sur', 'inscriptions aupres', 'inscription aupres',
  's inscrire aupres', 'registration required', 'by appointment', 'booking required'];

function says(text: string, phrases: readonly string[]): boolean {
  const padded = ` ${fold(text).replace(/[^a-z0-9-]+/g, ' ')} `;
  return phrases.some((phrase) => padded.includes(` ${fold(phrase).replace(/[^a-z0-9-]+/g, ' ')} `));
}

export function registrationOf(hit: PresentedHit): PlaceFacts['registration'] {
  const texts = [hit.summary ?? '', ...(hit.hours?.week.comments ?? []), hit.today?.state === 'open' ? (hit.today.note ?? '') : ''];
  const text = texts.join(' . ');
  if (says(text, NO_REGISTRATION)) return 'not-required';
  if (says(text, REGISTRATION)) return 'required';
  return null;
}

/** The places a question is answered about: the first few shown, with what they say of registering. */
export function placesAnswered(shown: readonly PresentedHit[]): PlaceFacts[] {
  return shown.slice(0, PLACES_ANSWERED).map((hit) => ({ hit, registration: registrationOf(hit) }));
}
