"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_DIRECT_LINE_LIMITS = void 0;
exports.DEFAULT_DIRECT_LINE_LIMITS = Object.freeze({
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
//# sourceMappingURL=limits.js.map