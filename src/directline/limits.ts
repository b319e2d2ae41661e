import type { RateLimit } from './rateLimiter';

/** Every bound of the built-in Direct Line endpoint, in one place so a deployment (or a test) can tune them. */
export interface DirectLineLimits {
  /** Largest accepted request body; larger gets 413. */
  maxBodyBytes: number;
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
  maxConversations: number;
  conversationIdleMs: number;
  maxActivitiesPerConversation: number;
  maxStreamsPerConversation: number;
  streamPingIntervalMs: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: Readonly<DirectLineLimits> = Object.freeze({
  maxBodyBytes: 64 * 1024,
  maxJsonDepth: 32,
  tokenLifetimeSeconds: 30 * 60,
  streamTicketSeconds: 2 * 60,
  tokenGenerate: { capacity: 30, refillPerSecond: 1 / 10 },
  requests: { capacity: 120, refillPerSecond: 10 },
  postsPerConversation: { capacity: 20, refillPerSecond: 1 / 2 },
  maxConversations: 10_000,
  conversationIdleMs: 60 * 60 * 1000,
  maxActivitiesPerConversation: 500,
  maxStreamsPerConversation: 4,
  streamPingIntervalMs: 30_000,
});
