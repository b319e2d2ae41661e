import type { CommuneIndex } from '../../src/geo';
import type { PlaceCandidate } from '../../src/geo/commune';
import type { Language } from '../../src/language/text';
import { offerPhrases, offerText } from '../../src/messages/offer';
import {
  answerSearch, PositionSchema, type OfferConversation, type OfferIndex, type OfferQueryOptions, type OfferReading, type OfferTurn, type Position,
} from '../../src/offer';
import { isSearchUnderway } from '../../src/offer/conversation';
import { examples, offerTurn, textReply } from '../../src/offer/engine';
import { needsPosition } from './askPlace';
import { isFollowUp, nextSearch } from './followUps';
import { asksForNextPage, nextPage } from './paging';
import { candidatesOf, candidatesToAsk, choiceLabel, chosenAmong, CHOICES_SHOWN } from './placeChoice';
import { asksToWiden, widen } from './widening';

/**
 * The find-support journey's policy for one message, read once: a pending choice of commune first, then what
 * carries over from the search under way, then the questions the search cannot go on without (which commune, where),
 * then paging or widening, and the search itself. Pure: the reading, the previous search and the clock in, the
 * replies and the next search out.
 */
export function answerOfferQuery(
  offer: OfferIndex,
  communes: CommuneIndex,
  reading: OfferReading,
  previous: OfferConversation,
  options: OfferQueryOptions,
): OfferTurn {
  const { now, language } = options;
  const position: Position | undefined = options.position && PositionSchema.safeParse(options.position).success ? options.position : undefined;
  const searchOptions = { now, language };

  // The parent was asked which commune: the answer picks one, and the search that waited for it runs.
  if (previous.pending === 'place-choice' && !position) {
    const chosen = chosenAmong(previous.placeChoices ?? [], reading.text, communes);
    if (chosen) return answerSearch(offer, communes, settled({ ...previous, placeCode: chosen.commune.code }), searchOptions);
    // Neither a choice nor a new search ("dans le Var" when none of the list is there): the question again.
    if (!asksSomethingNew(reading)) return askWhichCommune(previous, candidatesOf(previous.placeChoices ?? [], communes), language, 'again');
  }

  if (saysNothingKnown(reading, previous, position, offer)) {
    return offerTurn('no-match', [textReply(offerText('noMatch', language))], previous, { suggestions: examples(language) });
  }

  const ambiguous = position ? null : candidatesToAsk(reading.place);
  const placeCode = ambiguous ? null : (reading.place?.commune.code ?? null);
  let next = nextSearch(reading, settled(previous), position, placeCode);

  if (ambiguous && reading.place) return askWhichCommune(next, ambiguous, language, reading.place.commune.name);
  if (needsPosition(reading, next, position)) {
    return offerTurn('need-place', [textReply(offerText('positionNeeded', language))], { ...next, pending: 'place' }, { askLocation: true });
  }

  const followUp = isFollowUp(reading, previous, position);
  if (followUp && asksToWiden(reading)) {
    const wider = widen(next);
    if (!wider) {
      return offerTurn('nothing-new', [textReply(offerText('maxRadius', language))], next, { suggestions: examples(language).slice(0, 3) });
    }
    return answerSearch(offer, communes, wider, searchOptions);
  }
  if (followUp && asksForNextPage(reading)) next = nextPage(next);
  return answerSearch(offer, communes, next, searchOptions);
}

/** Asks which of the communes the parent meant, keeping the search waiting; `name` is the name typed, or 'again'. */
function askWhichCommune(search: OfferConversation, candidates: PlaceCandidate[], language: Language, name: string): OfferTurn {
  const choices = candidates.slice(0, CHOICES_SHOWN).map(choiceLabel);
  const text = name === 'again' ? offerText('choosePlaceAgain', language) : offerPhrases.choosePlace(name, choices, language);
  return offerTurn('place-choice', [textReply(text)], { ...search, pending: 'place-choice', placeChoices: candidates.map((c) => c.commune.code) }, {
    suggestions: choices,
  });
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
  if (position || reading.place || reading.nearMe || reading.general || reading.help) return false;
  if (reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.audiences.length > 0 || reading.age !== null || reading.remote) return false;
  if (isSearchUnderway(previous) && (reading.more || reading.farther || reading.time || reading.followUp)) return false;
  return !reading.freeText || offer.searchText(reading.freeText, 1).length === 0;
}
