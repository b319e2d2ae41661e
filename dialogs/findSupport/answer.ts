import type { CommuneIndex } from '../../src/geo';
import type { PlaceCandidate } from '../../src/geo/commune';
import { renderOfferAnswer } from '../../src/messages/offerAnswer';
import {
  answerSearch, outcomeOf, PositionSchema, type OfferConversation, type OfferIndex, type OfferQueryOptions, type OfferReading, type OfferTurn, type Position,
  type SearchAnswer,
} from '../../src/offer';
import { isSearchUnderway } from '../../src/offer/conversation';
import { labelsOf, shownPlaces } from '../../src/offer/engine';
import { DEFAULT_RADIUS_KM } from '../../src/offer/search';
import type { PresentedHit } from '../../src/offer/present';
import { needsPosition } from './askPlace';
import { isFollowUp, nextSearch } from './followUps';
import { asksForNextPage, nextPage } from './paging';
import { candidatesOf, candidatesToAsk, chosenAmong, CHOICES_SHOWN, placeChoiceOf, withPlacesFirst } from './placeChoice';
import { isResultQuestion, placesAnswered } from './resultQuestions';
import { asksToWiden, relaxationsOf, widen } from './widening';

/**
 * The find-support journey's policy for one message, read once: a pending choice of commune first, then a question
 * about the places just shown (answered from them, the search kept), then what carries over from the search under
 * way, then the questions the search cannot go on without (which commune, where), then paging or widening (after
 * nothing found, "d'autres" widens what held the search back), and the search itself. Pure: the reading, the previous search and the clock in, the
 * replies (src/messages renders the answer) and the next search out.
 */
export function answerOfferQuery(
  offer: OfferIndex,
  communes: CommuneIndex,
  reading: OfferReading,
  previous: OfferConversation,
  options: OfferQueryOptions,
): OfferTurn {
  const { answer, search } = decide(offer, communes, reading, previous, options);
  return { outcome: outcomeOf(answer), answer, ...renderOfferAnswer(answer, options.language), conversation: search };
}

/** What to answer, as data, and the search the conversation keeps. */
function decide(offer: OfferIndex, communes: CommuneIndex, reading: OfferReading, previous: OfferConversation, options: OfferQueryOptions): SearchAnswer {
  const { now } = options;
  const position: Position | undefined = options.position && PositionSchema.safeParse(options.position).success ? options.position : undefined;
  const search = (next: OfferConversation) => searched(answerSearch(offer, communes, next, { now }));

  // The parent was asked which commune: the answer picks one, and the search that waited for it runs.
  if (previous.pending === 'place-choice' && !position) {
    const chosen = chosenAmong(previous.placeChoices ?? [], reading.text, communes);
    if (chosen) return search(settled({ ...previous, placeCode: chosen.commune.code }));
    // Neither a choice nor a new search ("dans le Var" when none of the list is there): the question again.
    if (!asksSomethingNew(reading)) return askWhichCommune(previous, candidatesOf(previous.placeChoices ?? [], communes), null);
  }

  // « C'est quand ? », « c'est gratuit ? » right after places were shown: answered from them; the search stays as it was.
  const topics = position ? null : reading.resultQuestion;
  if (isResultQuestion(topics, previous)) {
    const shown = lastShown(previous, (next) => shownPlaces(answerSearch(offer, communes, next, { now }).answer));
    return { answer: { kind: 'about-results', topics, places: placesAnswered(shown), now }, search: previous };
  }

  if (saysNothingKnown(reading, previous, position, offer)) return { answer: { kind: 'no-match' }, search: previous };

  const ambiguous = position ? null : candidatesToAsk(reading.place);
  const placeCode = ambiguous ? null : (reading.place?.commune.code ?? null);
  let next = nextSearch(reading, settled(previous), position, placeCode);

  // The question names the place as the parent typed it (« villefranche »), not one of the communes it may be.
  if (ambiguous && reading.place) return askWhichCommune(next, withPlacesFirst(ambiguous, offer), reading.place.typed || reading.place.commune.name);
  if (needsPosition(reading, next, position)) return { answer: { kind: 'position-needed' }, search: { ...next, pending: 'place' } };

  // Something this offer does not hold (a crèche, a Caf file): where to look first; support near the place after.
  if (reading.outOfScope && reading.kinds.length === 0 && reading.situationKinds.length === 0) {
    const named = placeCode !== null || position !== undefined;
    const then = named ? search({ ...next, general: true, freeText: undefined }) : null;
    return { answer: { kind: 'out-of-scope', topic: reading.outOfScope, then: then?.answer ?? null }, search: then?.search ?? settled(previous) };
  }

  const followUp = isFollowUp(reading, previous, position);
  if (followUp && asksToWiden(reading) && next.departement && !next.position) {
    // A département was searched whole: "plus loin" has no radius to widen; a commune narrows or moves the search.
    return { answer: { kind: 'departement-covered', departement: next.departement }, search: next };
  }
  if (followUp && asksToWiden(reading)) {
    const wider = widen(next);
    if (!wider) return { answer: { kind: 'max-radius' }, search: next };
    return search(wider);
  }
  if (followUp && asksForNextPage(reading)) {
    const paged = search(nextPage(next));
    // Nothing at all was found (not the end of a list): another page of nothing would say the same sentence again.
    return paged.answer.kind === 'none-nearby' ? widenedAfterNothing(next, paged, search, now) : paged;
  }
  return search(next);
}

/**
 * The places the parent last saw: the search as it stands, else, when « plus loin » found nothing new, what it showed
 * before it looked further (everything within the distance it had reached).
 */
function lastShown(previous: OfferConversation, shownBy: (search: OfferConversation) => PresentedHit[]): PresentedHit[] {
  let search = settled(previous);
  let shown = shownBy(search);
  while (shown.length === 0 && (search.innerRadiusKm ?? 0) > 0) {
    const before = search.innerRadiusKm;
    search = { ...search, radiusKm: before, innerRadiusKm: undefined, offset: 0 };
    shown = shownBy(search);
  }
  return shown;
}

/**
 * "D'autres ?" after a search that found nothing: the search with what held it back let go, the smallest change
 * first (see widening.ts), said before what it finds; when even that finds nothing, said so once.
 */
function widenedAfterNothing(
  searched: OfferConversation, nothing: SearchAnswer, search: (next: OfferConversation) => SearchAnswer, now: OfferQueryOptions['now'],
): SearchAnswer {
  const labels = labelsOf(searched);
  for (const relaxed of relaxationsOf(searched)) {
    const found = search(relaxed.search);
    if (found.answer.kind === 'results' || found.answer.kind === 'grouped') {
      const radiusKm = relaxed.search.radiusKm ?? DEFAULT_RADIUS_KM;
      return { answer: { kind: 'widened', dropped: relaxed.dropped, radiusKm, labels, now, then: found.answer }, search: found.search };
    }
  }
  return { answer: { kind: 'widened', dropped: [], radiusKm: searched.radiusKm ?? DEFAULT_RADIUS_KM, labels, now, then: null }, search: { ...nothing.search, offset: 0 } };
}

/** The search's answer; when it cannot go on without a place, the journey waits for one. */
function searched(result: SearchAnswer): SearchAnswer {
  return result.answer.kind === 'need-place' ? { ...result, search: { ...result.search, pending: 'place' } } : result;
}

/** Asks which of the communes the parent meant, keeping the search waiting; `name` is the name typed, or null to ask again. */
function askWhichCommune(search: OfferConversation, candidates: PlaceCandidate[], name: string | null): SearchAnswer {
  return {
    answer: { kind: 'place-choice', name, choices: candidates.slice(0, CHOICES_SHOWN).map(placeChoiceOf) },
    search: { ...search, pending: 'place-choice', placeChoices: candidates.map((c) => c.commune.code) },
  };
}

/** Whether the message asks something of its own rather than answering a question: a kind, a situation, a place. */
function asksSomethingNew(reading: OfferReading): boolean {
  return reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.general || reading.place !== null || reading.nearMe;
}

/** The search without the question it was waiting on. */
function settled(search: OfferConversation): OfferConversation {
  const { pending: _pending, placeChoices: _choices, ...rest } = search;
  return rest;
}

/**
 * A message this journey cannot read as a search: nothing it knows (no kind, situation, audience, age, place, time,
 * "près de moi", general support or help), and words that match nothing in the offer.
 */
function saysNothingKnown(reading: OfferReading, previous: OfferConversation, position: Position | undefined, offer: OfferIndex): boolean {
  if (position || reading.place || reading.nearMe || reading.general || reading.help || reading.outOfScope) return false;
  if (reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.audiences.length > 0 || reading.age !== null || reading.remote) return false;
  if (isSearchUnderway(previous) && (reading.more || reading.farther || reading.time || reading.followUp)) return false;
  return !reading.freeText || offer.searchText(reading.freeText, 1).length === 0;
}
