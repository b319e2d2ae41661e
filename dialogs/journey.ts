import type { TurnContext } from 'botbuilder';
import type { UserTurn } from '../src/bot/userTurn';
import type { ConversationMemory } from './conversationMemory';

/**
 * A journey that answers in one turn: it reads what the user said, updates the conversation's memory and replies.
 * Journeys that need several turns (a form) are botbuilder ComponentDialogs instead; one-turn answers do not pay
 * for the dialog stack (measured at 0.5–0.8 ms of CPU a turn, against a budget of 1.3× a bare echo bot).
 */
export interface OneTurnJourney {
  readonly id: string;
  answer(context: TurnContext, turn: UserTurn, memory: ConversationMemory): Promise<void>;
}
