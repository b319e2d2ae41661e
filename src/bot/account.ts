import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { teamsAccountKey } from '../reports/accounts';
import { TEAMS_CHANNEL_ID } from '../shared/channels';

/**
 * Who is speaking, as a key the reports' enrolments are bound to: in Teams the person's Entra ID object id (the same
 * in every chat and team they meet the bot in), elsewhere the channel's own user id. Never a name.
 */
export function accountKey(context: TurnContext): string {
  const { channelId, from } = context.activity;
  const aad = typeof from?.aadObjectId === 'string' ? from.aadObjectId.trim() : '';
  if (channelId === TEAMS_CHANNEL_ID && aad) return teamsAccountKey(aad);
  return `${String(channelId ?? 'unknown').slice(0, 50)}:${String(from?.id ?? 'anonymous').slice(0, 200)}`;
}

/** Action.Submit puts the card's data in `value`; Teams' Action.Execute nests it in `value.action.data`. */
const ExecuteValueSchema = z.object({ action: z.object({ data: z.unknown() }) });

/** What a card's button sent, unchecked (each journey parses the part that is its own), or null. */
export function cardData(context: TurnContext): unknown {
  const value: unknown = context.activity.value;
  if (value === undefined || value === null || typeof value !== 'object') return null;
  const execute = ExecuteValueSchema.safeParse(value);
  return execute.success ? execute.data.action.data : value;
}
