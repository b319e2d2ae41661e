import type { RateLimit } from './rateLimiter';

/**
 * Every bound of the built-in Direct Line endpoint, in one place so a deployment (or a test) can tune them.
 * Anonymous clients must not be able to fill the server: memory is budgeted in bytes (the serialised size of
 * the kept activities), per conversation and in all, and a new parent always gets in, at the cost of the
 * conversation used least recently (one in which nobody spoke goes first).
 */
export interface DirectLineLimits {
  /** Largest accepted request body; larger gets 413. */
  maxBodyBytes: number;
  /**
   * A refused body is still read and dropped up to this many bytes (and for at most `drainMs`), so the client
   * reads its 413 instead of a reset connection; past either bound the connection is cut.
   */
  maxDrainBytes: number;
  drainMs: number;
  /** Deepest accepted JSON nesting; deeper gets 400. */
  maxJsonDepth: number;
  /** Life of a conversation token, refreshable before it ends (Web Chat refreshes every 15 minutes). */
  tokenLifetimeSeconds: number;
  /** Life of the ticket inside a streamUrl: the client connects right away, and asks again on reconnect. */
  streamTicketSeconds: number;
  /** New tokens per client address (the anonymous door, so the strictest). */
  tokenGenerate: RateLimit;
  /** Requests of any kind per client address, polling included (Web Chat polls once a second). */
  requests: RateLimit;
  /** Activities posted per conversation. */
  postsPerConversation: RateLimit;
  /** Past this many conversations, starting one ends the least recently used. */
  maxConversations: number;
  /** Past this many bytes of activities in all, the least recently used conversations end. */
  maxTotalBytes: number;
  /** Past this many bytes of activities in one conversation, its oldest activities are dropped. */
  maxConversationBytes: number;
  /** Past this many activities in one conversation, its oldest are dropped. */
  maxActivitiesPerConversation: number;
  /**
   * A conversation with no post, poll, token refresh or stream opened for this long ends (Web Chat refreshes
   * its token every 15 minutes while its page is open, which keeps a quiet but open conversation).
   */
  conversationIdleMs: number;
  /** How often idle conversations are purged (and, on PostgreSQL, the global budgets checked). */
  purgeIntervalMs: number;
  maxStreamsPerConversation: number;
  /** Open WebSockets per client address (a school or an office shares one address: not too few). */
  maxStreamsPerAddress: number;
  /** Open WebSockets in this process. */
  maxStreams: number;
  streamPingIntervalMs: number;
  /**
   * With PostgreSQL, how often an instance with open streams checks, in one query for all of them, that none
   * is behind its conversation or open on an ended one: the safety net for a wake-up that was lost.
   */
  streamCatchUpIntervalMs: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: Readonly<DirectLineLimits> = Object.freeze({
  maxBodyBytes: 64 * 1024,
  maxDrainBytes: 16 * 1024 * 1024,
  drainMs: 10_000,
  maxJsonDepth: 32,
  tokenLifetimeSeconds: 30 * 60,
  streamTicketSeconds: 2 * 60,
  tokenGenerate: { capacity: 30, refillPerSecond: 1 / 10 },
  requests: { capacity: 120, refillPerSecond: 10 },
  postsPerConversation: { capacity: 20, refillPerSecond: 1 / 2 },
  maxConversations: 10_000,
  // Kept as JSON text, which V8 stores at one or two bytes a character: 32 MB of transcripts is at most 64 MB of
  // heap, and holds a thousand conversations of 30 KB. The conversations in use are the most recently used, so what
  // a full budget ends is the abandoned ones. Measured by the soak bench: at 128 MB the process's memory was still
  // climbing after a minute of widget traffic (2.3–2.7× its size after warm-up).
  maxTotalBytes: 32 * 1024 * 1024,
  maxConversationBytes: 512 * 1024,
  maxActivitiesPerConversation: 500,
  conversationIdleMs: 60 * 60 * 1000,
  purgeIntervalMs: 60 * 1000,
  maxStreamsPerConversation: 4,
  maxStreamsPerAddress: 32,
  maxStreams: 5_000,
  streamPingIntervalMs: 30_000,
  streamCatchUpIntervalMs: 15_000,
});
