"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerOfferQuery = answerOfferQuery;
const offer_1 = require("../../src/messages/offer");
const offer_2 = require("../../src/offer");
const conversation_1 = require("../../src/offer/conversation");
const engine_1 = require("../../src/offer/engine");
const askPlace_1 = require("./askPlace");
const followUps_1 = require("./followUps");
const paging_1 = require("./paging");
const placeChoice_1 = require("./placeChoice");
const widening_1 = require("./widening");
/**
 * The find-support journey's policy for one message, read once: a pending choice of commune first, then what
 * carries over from the search under way, then the questions the search cannot go on without (which commune, where),
 * then paging or widening, and the search itself. Pure: the reading, the previous search and the clock in, the
 * replies and the next search out.
 */
function answerOfferQuery(offer, communes, reading, previous, options) {
    const { now, language } = options;
    const position = options.position && offer_2.PositionSchema.safeParse(options.position).success ? options.position : undefined;
    const searchOptions = { now, language };
    // The parent was asked which commune: the answer picks one, and the search that waited for it runs.
    if (previous.pending === 'place-choice' && !position) {
        const chosen = (0, placeChoice_1.chosenAmong)(previous.placeChoices ?? [], reading.text, communes);
        if (chosen)
            return (0, offer_2.answerSearch)(offer, communes, settled({ ...previous, placeCode: chosen.commune.code }), searchOptions);
        // Neither a choice nor a new search ("dans le Var" when none of the list is there): the question again.
        if (!asksSomethingNew(reading))
            return askWhichCommune(previous, (0, placeChoice_1.candidatesOf)(previous.placeChoices ?? [], communes), language, 'again');
    }
    if (saysNothingKnown(reading, previous, position, offer)) {
        return (0, engine_1.offerTurn)('no-match', [(0, engine_1.textReply)((0, offer_1.offerText)('noMatch', language))], previous, { suggestions: (0, engine_1.examples)(language) });
    }
    const ambiguous = position ? null : (0, placeChoice_1.candidatesToAsk)(reading.place);
    const placeCode = ambiguous ? null : (reading.place?.commune.code ?? null);
    let next = (0, followUps_1.nextSearch)(reading, settled(previous), position, placeCode);
    if (ambiguous && reading.place)
        return askWhichCommune(next, ambiguous, language, reading.place.commune.name);
    if ((0, askPlace_1.needsPosition)(reading, next, position)) {
        return (0, engine_1.offerTurn)('need-place', [(0, engine_1.textReply)((0, offer_1.offerText)('positionNeeded', language))], { ...next, pending: 'place' }, { askLocation: true });
    }
    const followUp = (0, followUps_1.isFollowUp)(reading, previous, position);
    if (followUp && (0, widening_1.asksToWiden)(reading)) {
        const wider = (0, widening_1.widen)(next);
        if (!wider) {
            return (0, engine_1.offerTurn)('nothing-new', [(0, engine_1.textReply)((0, offer_1.offerText)('maxRadius', language))], next, { suggestions: (0, engine_1.examples)(language).slice(0, 3) });
        }
        return (0, offer_2.answerSearch)(offer, communes, wider, searchOptions);
    }
    if (followUp && (0, paging_1.asksForNextPage)(reading))
        next = (0, paging_1.nextPage)(next);
    return (0, offer_2.answerSearch)(offer, communes, next, searchOptions);
}
/** Asks which of the communes the parent meant, keeping the search waiting; `name` is the name typed, or 'again'. */
function askWhichCommune(search, candidates, language, name) {
    const choices = candidates.slice(0, placeChoice_1.CHOICES_SHOWN).map(placeChoice_1.choiceLabel);
    const text = name === 'again' ? (0, offer_1.offerText)('choosePlaceAgain', language) : offer_1.offerPhrases.choosePlace(name, choices, language);
    return (0, engine_1.offerTurn)('place-choice', [(0, engine_1.textReply)(text)], { ...search, pending: 'place-choice', placeChoices: candidates.map((c) => c.commune.code) }, {
        suggestions: choices,
    });
}
/** Whether the message asks something of its own rather than answering a question: a kind, a situation, a place. */
function asksSomethingNew(reading) {
    return reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.general || reading.place !== null || reading.nearMe;
}
/** The search without the question it was waiting on. */
function settled(search) {
    const { pending: _pending, placeChoices: _choices, ...rest } = search;
    return rest;
}
/**
 * A message this journey cannot read as a search: nothing it knows (no kind, situation, audience, age, place, time,
 * "près de moi", general support or help), and words that match nothing in the offer.
 */
function saysNothingKnown(reading, previous, position, offer) {
    if (position || reading.place || reading.nearMe || reading.general || reading.help)
        return false;
    if (reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.audiences.length > 0 || reading.age !== null || reading.remote)
        return false;
    if ((0, conversation_1.isSearchUnderway)(previous) && (reading.more || reading.farther || reading.time || reading.followUp))
        return false;
    return !reading.freeText || offer.searchText(reading.freeText, 1).length === 0;
}
//# sourceMappingURL=answer.js.map