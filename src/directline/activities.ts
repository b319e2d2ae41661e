import { z } from 'zod';

/**
 * The activities that cross the built-in Direct Line endpoint: what a client may post (parsed, unknown fields
 * dropped so a client cannot forge `serviceUrl`, `recipient` or `conversation`), and what the bot answers.
 */

/** The channel id the bot sees, the same as Azure Direct Line gives, so the bot behaves alike in both modes. */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

const MAX_TEXT_LENGTH = 10_000;
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

const ClientAccountSchema = z.object({
  id: z.string().max(256).optional(),
  name: z.string().max(256).optional(),
  role: z.string().max(32).optional(),
});

export const ClientActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(35).regex(LOCALE_PATTERN, 'must be a BCP 47 language tag').optional(),
  name: z.string().min(1).max(128).optional(),
  value: z.unknown().optional(),
  entities: z.array(z.looseObject({ type: z.string().min(1).max(128) })).max(32).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string().max(256).optional() })).max(16).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  from: ClientAccountSchema.optional(),
  replyToId: z.string().max(256).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
});
export type ClientActivity = z.output<typeof ClientActivitySchema>;

/** A reply of the bot: only its type is required; everything else is passed on to the client as is. */
export const BotReplySchema = z.looseObject({
  type: z.string().min(1).max(64),
  from: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  replyToId: z.string().optional(),
});
export type BotReply = z.output<typeof BotReplySchema>;

/** Replies a Direct Line client should not see (diagnostics meant for the Emulator). */
const HIDDEN_REPLY_TYPES = new Set(['trace', 'delay']);

export interface BotAccount {
  id: string;
  name: string;
}

export interface ConversationParties {
  conversationId: string;
  userId: string;
  bot: BotAccount;
  /** The conversation's locale, from the client's start request, used when an activity carries none. */
  locale?: string;
}

/** An activity as stored in a conversation's transcript, before the store gives it its id. */
export type TranscriptActivity = Record<string, unknown> & { type: string };

export function userActivityToTranscript(input: ClientActivity, parties: ConversationParties, timestamp: Date): TranscriptActivity {
  const name = input.from?.name?.trim();
  return dropUndefined({
    ...input,
    channelId: DIRECT_LINE_CHANNEL_ID,
    timestamp: timestamp.toISOString(),
    from: dropUndefined({ id: parties.userId, name: name ? name : undefined, role: 'user' }),
    recipient: { id: parties.bot.id, name: parties.bot.name, role: 'bot' },
    conversation: { id: parties.conversationId },
    locale: input.locale ?? parties.locale,
  });
}

/** The conversationUpdate a channel sends when a conversation starts: both the bot and the user joined. */
export function conversationStartActivity(parties: ConversationParties, timestamp: Date): TranscriptActivity {
  return dropUndefined({
    type: 'conversationUpdate',
    channelId: DIRECT_LINE_CHANNEL_ID,
    timestamp: timestamp.toISOString(),
    from: { id: parties.userId, role: 'user' },
    recipient: { id: parties.bot.id, name: parties.bot.name, role: 'bot' },
    conversation: { id: parties.conversationId },
    membersAdded: [
      { id: parties.bot.id, name: parties.bot.name, role: 'bot' },
      { id: parties.userId, role: 'user' },
    ],
    locale: parties.locale,
  });
}

/** What the bot receives: the transcript activity plus where a channel would take replies. */
export function activityForBot(activity: Record<string, unknown>, serviceUrl: string): Record<string, unknown> {
  return { ...activity, serviceUrl };
}

/** A bot reply made ready for the transcript, or undefined when clients must not see it. */
export function botReplyToTranscript(
  reply: BotReply,
  parties: ConversationParties,
  replyToId: string | undefined,
  timestamp: Date,
): TranscriptActivity | undefined {
  if (HIDDEN_REPLY_TYPES.has(reply.type)) return undefined;
  const { serviceUrl: _serviceUrl, id: _id, ...rest } = reply;
  return dropUndefined({
    ...rest,
    channelId: DIRECT_LINE_CHANNEL_ID,
    timestamp: timestamp.toISOString(),
    from: { ...(reply.from ?? {}), id: reply.from?.id ?? parties.bot.id, name: reply.from?.name ?? parties.bot.name, role: 'bot' },
    recipient: { id: parties.userId, role: 'user' },
    conversation: { id: parties.conversationId },
    replyToId: reply.replyToId ?? replyToId,
  });
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
