import type { TurnContext } from 'botbuilder';
import type { TurnReading } from '../src/reading';
import type { ConversationMemory } from './conversationMemory';

/**
 * A journey answers a kind of request from the turn's reading and the conversation's memory, which it may change
 * (the main dialog saves it once the turn is answered).
 */
export interface Journey {
  readonly id: string;
  answer(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void>;
}

/**
 * A journey that can wait for an answer over several turns (the place of a search, a choice of commune, and next a
 * report's fields). Its question lives in the conversation's memory, so it survives a restart and another instance.
 * The route table gives it the turn first when the message answers its question; when another route answers
 * instead (an interruption), the main dialog asks the question again (dialogs/mainDialog.ts).
 */
export interface MultiTurnJourney extends Journey {
  /**
   * What the journey is waiting for, if anything, from this speaker (an account key: in a group chat, a question
   * asked to one person is not waiting for another's answer).
   */
  pendingQuestion(memory: ConversationMemory, speaker: string): string | null;
  /** Whether this message answers the pending question. */
  answersPending(reading: TurnReading, memory: ConversationMemory, speaker: string): boolean;
  /** Asks the pending question again, briefly, after another route has answered. */
  askAgain(context: TurnContext, reading: TurnReading, memory: ConversationMemory): Promise<void>;
}
