import type { TurnContext } from 'botbuilder';
import { sendReply } from '../src/bot/replies';
import type { CommuneIndex } from '../src/geo';
import { offerText } from '../src/messages/offer';
import { renderOfferAnswer } from '../src/messages/offerAnswer';
import { offerQueryScore, type OfferIndex, type OfferTurn } from '../src/offer';
import type { TurnReading } from '../src/reading';
import type { ConversationMemory } from './conversationMemory';
import { answerOfferQuery } from './findSupport/answer';
import { answersPlace } from './findSupport/askPlace';
import { candidatesOf, chosenAmong, CHOICES_SHOWN, placeChoiceOf } from './findSupport/placeChoice';
import { isResultQuestion } from './findSupport/resultQuestions';
import type { MultiTurnJourney } from './journey';

/** A question about the places just shown scores this: above any of the sheets' but a sheet's number. */
const RESULT_QUESTION_SCORE = 0.9;

/**
 * A parent looks for parenting support near them. The journey, in order (dialogs/findSupport/answer.ts):
 * - a pending question first: which of several communes of that name (placeChoice.ts), or where (askPlace.ts);
 * - a new question starts afresh; only an explicit follow-up keeps the kind, day and audience (followUps.ts);
 * - a question about the places just shown (« c'est quand ? », « c'est gratuit ? ») is answered from them (resultQuestions.ts);
 * - "d'autres" pages (paging.ts), and after nothing found widens what held the search back; "plus loin" widens and
 *   shows only what is new (widening.ts);
 * - then the search: a kind or a situation near a place, or support in general grouped by kind (src/offer).
 * The parent's position stays in this conversation's memory and nowhere else.
 */
export class FindSupport implements MultiTurnJourney {
  readonly id = 'findSupport';

  constructor(
    private readonly offer: OfferIndex,
    private readonly communes: CommuneIndex,
  ) {}

  /**
   * 0..1: how much the message reads like a parent's search (the route table compares it with the sheets' score).
   * Right after places were shown, a question about them (« c'est quand ? », « c'est gratuit ? ») is theirs: the
   * sheets know « quand » as a deadline, but a parent asks it of the card on the screen.
   */
  score(reading: TurnReading, memory: ConversationMemory): number {
    const score = offerQueryScore(reading.offer, memory.offer);
    if (memory.lastTopic === 'offer' && isResultQuestion(reading.offer.resultQuestion, memory.offer)) return Math.max(score, RESULT_QUESTION_SCORE);
    return score;
  }

  /** The question the journey is waiting for an answer to, if any. */
  // A parent's search is the conversation's, whoever answers: the widget has one person, a group shares its search.
  pendingQuestion(memory: ConversationMemory, _speaker?: string): 'place' | 'place-choice' | null {
    return memory.offer.pending ?? null;
  }

  /** Whether this message answers the pending question (a place, a position, a choice), so it comes here first. */
  answersPending(reading: TurnReading, memory: ConversationMemory): boolean {
    switch (memory.offer.pending) {
      case 'place':
        return answersPlace(reading.offer, reading.position);
      case 'place-choice':
        return answersPlace(reading.offer, reading.position) || chosenAmong(memory.offer.placeChoices ?? [], reading.text, this.communes) !== null;
      default:
        return false;
    }
  }

  async answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const turn = answerOfferQuery(this.offer, this.communes, reading.offer, memory.offer, {
      position: reading.position,
      now: reading.now,
      language: reading.language,
    });
    memory.offer = turn.conversation;
    memory.lastTopic = 'offer';
    await send(context, turn);
  }

  /** After another route answered an interruption: the pending question again, short. */
  async askAgain(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void> {
    const language = reading.language;
    if (memory.offer.pending === 'place-choice') {
      const choices = candidatesOf(memory.offer.placeChoices ?? [], this.communes).slice(0, CHOICES_SHOWN).map(placeChoiceOf);
      const { text, suggestions } = renderOfferAnswer({ kind: 'place-choice', name: null, choices }, language);
      await sendReply(context, { text, suggestions });
    } else if (memory.offer.pending === 'place') {
      await sendReply(context, { text: offerText('askPlaceAgain', language), askLocation: true });
    }
  }
}

/** Each reply as a message (a grouped answer has one per kind); the quick replies and the position button go last. */
async function send(context: TurnContext, turn: OfferTurn): Promise<void> {
  const replies = turn.replies.length > 0 ? turn.replies : [{ text: turn.text, cards: [] }];
  for (const [i, reply] of replies.entries()) {
    const last = i === replies.length - 1;
    await sendReply(context, {
      text: reply.text,
      cards: reply.cards,
      ...(last ? { suggestions: turn.suggestions, askLocation: turn.askLocation } : {}),
    });
  }
}
