"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FindSupport = void 0;
const replies_1 = require("../src/bot/replies");
const offer_1 = require("../src/messages/offer");
const offer_2 = require("../src/offer");
const answer_1 = require("./findSupport/answer");
const askPlace_1 = require("./findSupport/askPlace");
const placeChoice_1 = require("./findSupport/placeChoice");
/**
 * A parent looks for parenting support near them. The journey, in order (dialogs/findSupport/answer.ts):
 * - a pending question first: which of several communes of that name (placeChoice.ts), or where (askPlace.ts);
 * - a new question starts afresh; only an explicit follow-up keeps the kind, day and audience (followUps.ts);
 * - "d'autres" pages (paging.ts), "plus loin" widens and shows only what is new (widening.ts);
 * - then the search: a kind or a situation near a place, or support in general grouped by kind (src/offer).
 * The parent's position stays in this conversation's memory and nowhere else.
 */
class FindSupport {
    offer;
    communes;
    id = 'findSupport';
    constructor(offer, communes) {
        this.offer = offer;
        this.communes = communes;
    }
    /** 0..1: how much the message reads like a parent's search (the route table compares it with the sheets' score). */
    score(reading, memory) {
        return (0, offer_2.offerQueryScore)(reading.offer, memory.offer);
    }
    /** The question the journey is waiting for an answer to, if any. */
    pendingQuestion(memory) {
        return memory.offer.pending ?? null;
    }
    /** Whether this message answers the pending question (a place, a position, a choice), so it comes here first. */
    answersPending(reading, memory) {
        switch (memory.offer.pending) {
            case 'place':
                return (0, askPlace_1.answersPlace)(reading.offer, reading.position);
            case 'place-choice':
                return (0, askPlace_1.answersPlace)(reading.offer, reading.position) || (0, placeChoice_1.chosenAmong)(memory.offer.placeChoices ?? [], reading.text, this.communes) !== null;
            default:
                return false;
        }
    }
    async answer(context, reading, memory) {
        const turn = (0, answer_1.answerOfferQuery)(this.offer, this.communes, reading.offer, memory.offer, {
            position: reading.position,
            now: reading.now,
            language: reading.language,
        });
        memory.offer = turn.conversation;
        memory.lastTopic = 'offer';
        await send(context, turn);
    }
    /** After another route answered an interruption: the pending question again, short. */
    async askAgain(context, reading, memory) {
        const language = reading.language;
        if (memory.offer.pending === 'place-choice') {
            const choices = (0, placeChoice_1.candidatesOf)(memory.offer.placeChoices ?? [], this.communes).map(placeChoice_1.choiceLabel);
            await (0, replies_1.sendReply)(context, { text: (0, offer_1.offerText)('choosePlaceAgain', language), suggestions: choices });
        }
        else if (memory.offer.pending === 'place') {
            await (0, replies_1.sendReply)(context, { text: (0, offer_1.offerText)('askPlaceAgain', language), askLocation: true });
        }
    }
}
exports.FindSupport = FindSupport;
/** Each reply as a message (a grouped answer has one per kind); the quick replies and the position button go last. */
async function send(context, turn) {
    const replies = turn.replies.length > 0 ? turn.replies : [{ text: turn.text, cards: [] }];
    for (const [i, reply] of replies.entries()) {
        const last = i === replies.length - 1;
        await (0, replies_1.sendReply)(context, {
            text: reply.text,
            cards: reply.cards,
            ...(last ? { suggestions: turn.suggestions, askLocation: turn.askLocation } : {}),
        });
    }
}
//# sourceMappingURL=findSupport.js.map