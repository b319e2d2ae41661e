import { z } from 'zod';
import type { TranscriptActivity } from './activities';

/**
 * Where the built-in endpoint keeps its conversations: who they belong to, their activities with the
 * watermark, and when they were last used. Two implementations: in this process's memory (one instance,
 * SQLite) and in PostgreSQL (several instances behind a round-robin balancer, woken across instances by
 * LISTEN/NOTIFY or Redis). The endpoint and its streams only see this interface.
 *
 * The watermark is the sequence number of an activity in its conversation: 1, 2, 3… assigned by the store,
 * so it only grows, and a reader that sees number n also sees every kept number below it.
 */
export interface TranscriptStore {
  readonly kind: 'memory' | 'postgres';
  /** Starts a conversation, or finds it when it already exists (then `created` is false). */
  start(conversationId: string, userId: string, locale: string | undefined): Promise<{ conversation: ConversationRecord; created: boolean }>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  /**
   * Keeps an activity, gives it its id ("conversation|0000042") and wakes the streams of the conversation
   * wherever they are. `fromUser` marks the conversation as one where somebody spoke (it then outlives the
   * conversations that were only opened). Undefined when the conversation has ended meanwhile.
   */
  append(conversationId: string, activity: TranscriptActivity, options?: { fromUser?: boolean }): Promise<StoredActivity | undefined>;
  /** The kept activities after the watermark, in order; undefined when the conversation has ended. */
  since(conversationId: string, watermark: number): Promise<ActivityPage | undefined>;
  /**
   * The last sequence of each of these conversations that still exists, in one read for all; an absent one has
   * ended. The streams' safety net for a lost wake-up.
   */
  lastSequences(conversationIds: readonly string[]): Promise<Map<string, number>>;
  /** The conversation was used: it is kept longer. Cheap enough to call on every request. */
  touch(conversationId: string): Promise<void>;
  /** Ends the conversations idle past the limit (and enforces the global budgets); resolves with how many ended. */
  purge(): Promise<number>;
  /** Called for each change that may concern a stream of this process. */
  onChange(listener: (change: TranscriptChange) => void): void;
  /** Called when changes may have been missed (the wake-up channel reconnected): every stream must look again. */
  onResync(listener: () => void): void;
  /** Figures for the endpoint's stats: exact in memory, as of the last purge on PostgreSQL. */
  readonly counts: { conversations: number; bytes: number };
  close(): Promise<void>;
}

export interface ConversationRecord {
  id: string;
  userId: string;
  locale: string | undefined;
}

export interface StoredActivity {
  id: string;
  sequence: number;
}

/** Activities as JSON texts (they are sent as they were kept, never re-serialised), and the watermark after them. */
export interface ActivityPage {
  activities: string[];
  watermark: number;
}

/** The wire form of a page, `{activities, watermark}`, with the watermark as a string as Direct Line gives it. */
export function serialiseActivityPage(page: ActivityPage): string {
  return `{"activities":[${page.activities.join(',')}],"watermark":${JSON.stringify(String(page.watermark))}}`;
}

/** The id a kept activity gets: its conversation and its sequence, padded so ids sort in order. */
export function activityId(conversationId: string, sequence: number): string {
  return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}

/**
 * A change announced to the streams: new activities up to `sequence`, or the conversation ended (idle,
 * evicted for a newer one). Parsed when it comes from another instance.
 */
export const TranscriptChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appended'), conversationId: z.string().min(1).max(128), sequence: z.number().int().positive() }),
  z.object({ kind: z.literal('ended'), conversationId: z.string().min(1).max(128) }),
]);
export type TranscriptChange = z.output<typeof TranscriptChangeSchema>;

/**
 * Which conversation a full budget ends first: one where nobody spoke and that nobody used for this long (a page
 * opened and left), else the least recently used of all. A conversation just opened is not "quiet" yet: its parent
 * is reading the greeting and typing; ending it first would refuse the newest parent, which the budgets exist to avoid.
 */
export const QUIET_GRACE_MS = 2 * 60 * 1000;

/** Budgets a store enforces (a subset of DirectLineLimits, so a store can be made without the HTTP side). */
export interface TranscriptLimits {
  maxConversations: number;
  maxTotalBytes: number;
  maxConversationBytes: number;
  maxActivitiesPerConversation: number;
  conversationIdleMs: number;
}
