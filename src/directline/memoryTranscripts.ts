import type { TranscriptActivity } from './activities';
import {
  type ActivityPage,
  activityId,
  type ConversationRecord,
  type StoredActivity,
  type TranscriptChange,
  type TranscriptLimits,
  type TranscriptStore,
  QUIET_GRACE_MS,
} from './transcripts';

/**
 * The conversations of one process, in its memory: what a single instance on SQLite uses (a restart forgets
 * them; the widget then starts a new one by itself).
 *
 * Bounded in bytes: each activity is kept as its JSON text and counted at that size. Past a conversation's
 * budget its oldest activities go; past the global budget, or the conversation cap, the least recently used
 * conversation ends, one where nobody spoke for QUIET_GRACE_MS first (a page that was opened and left loses a
 * greeting; a parent in the middle of a question keeps their conversation). Two maps in least-recently-used order make every
 * step O(1): a use moves the conversation to the end of its map.
 */

interface KeptActivity {
  sequence: number;
  json: string;
  bytes: number;
}

class MemoryConversation implements ConversationRecord {
  readonly kept: KeptActivity[] = [];
  lastSequence = 0;
  bytes = 0;
  spoken = false;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly locale: string | undefined,
    public lastActiveAt: number,
  ) {}
}

export class MemoryTranscriptStore implements TranscriptStore {
  readonly kind = 'memory';
  /** Conversations where nobody spoke yet, least recently used first. */
  private readonly quiet = new Map<string, MemoryConversation>();
  /** Conversations where the user posted at least once, least recently used first. */
  private readonly spoken = new Map<string, MemoryConversation>();
  private totalBytes = 0;
  private readonly changeListeners = new Set<(change: TranscriptChange) => void>();

  constructor(
    private readonly limits: TranscriptLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get counts(): { conversations: number; bytes: number } {
    return { conversations: this.quiet.size + this.spoken.size, bytes: this.totalBytes };
  }

  async start(conversationId: string, userId: string, locale: string | undefined): Promise<{ conversation: ConversationRecord; created: boolean }> {
    const existing = this.find(conversationId);
    if (existing) {
      this.use(existing);
      return { conversation: existing, created: false };
    }
    while (this.counts.conversations >= this.limits.maxConversations) {
      if (!this.endLeastRecentlyUsed(undefined)) break;
    }
    const conversation = new MemoryConversation(conversationId, userId, locale, this.now());
    this.quiet.set(conversationId, conversation);
    return { conversation, created: true };
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    return this.find(conversationId);
  }

  async append(conversationId: string, activity: TranscriptActivity, options: { fromUser?: boolean } = {}): Promise<StoredActivity | undefined> {
    const conversation = this.find(conversationId);
    if (!conversation) return undefined;
    const sequence = ++conversation.lastSequence;
    const id = activityId(conversationId, sequence);
    const json = JSON.stringify({ ...activity, id });
    const bytes = Buffer.byteLength(json);
    conversation.kept.push({ sequence, json, bytes });
    conversation.bytes += bytes;
    this.totalBytes += bytes;
    if (options.fromUser && !conversation.spoken) {
      this.quiet.delete(conversationId);
      conversation.spoken = true;
    }
    this.use(conversation);
    this.trim(conversation);
    while (this.totalBytes > this.limits.maxTotalBytes) {
      if (!this.endLeastRecentlyUsed(conversation)) break;
    }
    this.emit({ kind: 'appended', conversationId, sequence });
    return { id, sequence };
  }

  async since(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const conversation = this.find(conversationId);
    if (!conversation) return undefined;
    const activities = conversation.kept.filter((entry) => entry.sequence > watermark).map((entry) => entry.json);
    return { activities, watermark: conversation.lastSequence };
  }

  async lastSequences(conversationIds: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const id of conversationIds) {
      const conversation = this.find(id);
      if (conversation) found.set(id, conversation.lastSequence);
    }
    return found;
  }

  async touch(conversationId: string): Promise<void> {
    const conversation = this.find(conversationId);
    if (conversation) this.use(conversation);
  }

  async purge(): Promise<number> {
    const now = this.now();
    let ended = 0;
    for (const map of [this.quiet, this.spoken]) {
      // Least recently used first: the first one still fresh means all after it are too.
      for (const conversation of [...map.values()]) {
        if (!this.isIdle(conversation, now)) break;
        this.end(conversation);
        ended++;
      }
    }
    return ended;
  }

  onChange(listener: (change: TranscriptChange) => void): void {
    this.changeListeners.add(listener);
  }

  onResync(): void {
    // Nothing is ever missed in one process.
  }

  async close(): Promise<void> {
    for (const conversation of [...this.quiet.values(), ...this.spoken.values()]) this.end(conversation);
  }

  private find(conversationId: string): MemoryConversation | undefined {
    const conversation = this.quiet.get(conversationId) ?? this.spoken.get(conversationId);
    if (conversation && this.isIdle(conversation, this.now())) {
      this.end(conversation);
      return undefined;
    }
    return conversation;
  }

  /** Marks a use: the conversation moves to the most recently used end of its map. */
  private use(conversation: MemoryConversation): void {
    conversation.lastActiveAt = this.now();
    const map = conversation.spoken ? this.spoken : this.quiet;
    map.delete(conversation.id);
    map.set(conversation.id, conversation);
  }

  /** Drops the oldest activities past the conversation's budgets, always keeping the newest one. */
  private trim(conversation: MemoryConversation): void {
    let drop = 0;
    let bytes = conversation.bytes;
    while (
      conversation.kept.length - drop > 1 &&
      (bytes > this.limits.maxConversationBytes || conversation.kept.length - drop > this.limits.maxActivitiesPerConversation)
    ) {
      bytes -= conversation.kept[drop]!.bytes;
      drop++;
    }
    if (drop === 0) return;
    conversation.kept.splice(0, drop);
    this.totalBytes -= conversation.bytes - bytes;
    conversation.bytes = bytes;
  }

  /**
   * Ends one conversation other than `keep`: the least recently used quiet one if it has been left for
   * QUIET_GRACE_MS, else the least recently used of all. False when there is none.
   */
  private endLeastRecentlyUsed(keep: MemoryConversation | undefined): boolean {
    const oldestQuiet = oldestOf(this.quiet, keep);
    const oldestSpoken = oldestOf(this.spoken, keep);
    const quietAndLeft = oldestQuiet && this.now() - oldestQuiet.lastActiveAt >= QUIET_GRACE_MS;
    const victim =
      quietAndLeft || !oldestSpoken || (oldestQuiet && oldestQuiet.lastActiveAt <= oldestSpoken.lastActiveAt) ? oldestQuiet : oldestSpoken;
    if (!victim) return false;
    this.end(victim);
    return true;
  }

  private isIdle(conversation: MemoryConversation, now: number): boolean {
    return now - conversation.lastActiveAt > this.limits.conversationIdleMs;
  }

  private end(conversation: MemoryConversation): void {
    const map = conversation.spoken ? this.spoken : this.quiet;
    if (map.get(conversation.id) !== conversation) return;
    map.delete(conversation.id);
    this.totalBytes -= conversation.bytes;
    conversation.kept.length = 0;
    conversation.bytes = 0;
    this.emit({ kind: 'ended', conversationId: conversation.id });
  }

  private emit(change: TranscriptChange): void {
    for (const listener of this.changeListeners) listener(change);
  }
}

/** The first entry of a map kept in least-recently-used order, skipping `keep`. */
function oldestOf(map: Map<string, MemoryConversation>, keep: MemoryConversation | undefined): MemoryConversation | undefined {
  for (const conversation of map.values()) {
    if (conversation !== keep) return conversation;
  }
  return undefined;
}
