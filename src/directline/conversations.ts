import type { TranscriptActivity } from './activities';

/**
 * The built-in endpoint's conversations, in this process's memory: the transcript with its watermark, the
 * streams listening to it, and a queue so one conversation's turns reach the bot one at a time.
 * Memory is bounded by a cap on conversations, on activities kept per conversation, and an idle time-out.
 * Several instances behind a load balancer do not share these: use Azure Direct Line or sticky sessions there.
 */

export interface ConversationLimits {
  maxConversations: number;
  /** A conversation with no activity for this long is forgotten. */
  idleTtlMs: number;
  /** Older activities are dropped past this; a client that asks for them gets the oldest still kept. */
  maxActivitiesPerConversation: number;
}

export interface ActivitySet {
  activities: Record<string, unknown>[];
  watermark: string;
}

type Listener = (set: ActivitySet) => void;

export class Conversation {
  private readonly transcript: { sequence: number; activity: Record<string, unknown> }[] = [];
  private lastSequence = 0;
  private readonly listeners = new Set<Listener>();
  private turns: Promise<void> = Promise.resolve();

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly locale: string | undefined,
    public lastActiveAt: number,
    private readonly maxActivities: number,
  ) {}

  /** Gives the activity its id ("conversation|0000001") and hands it to every open stream. */
  append(activity: TranscriptActivity): Record<string, unknown> {
    const sequence = ++this.lastSequence;
    const stored = { ...activity, id: `${this.id}|${String(sequence).padStart(7, '0')}` };
    this.transcript.push({ sequence, activity: stored });
    if (this.transcript.length > this.maxActivities) this.transcript.splice(0, this.transcript.length - this.maxActivities);
    const set = { activities: [stored], watermark: String(sequence) };
    for (const listener of this.listeners) listener(set);
    return stored;
  }

  /** Activities after the watermark (a sequence number; 0 for all), and the watermark to ask from next. */
  since(watermark: number): ActivitySet {
    const activities = this.transcript.filter((entry) => entry.sequence > watermark).map((entry) => entry.activity);
    return { activities, watermark: String(this.lastSequence) };
  }

  /** The backlog after the watermark and every later activity, with nothing lost in between. */
  subscribe(watermark: number, listener: Listener): { backlog: ActivitySet; unsubscribe: () => void } {
    const backlog = this.since(watermark);
    this.listeners.add(listener);
    return { backlog, unsubscribe: () => this.listeners.delete(listener) };
  }

  get streamCount(): number {
    return this.listeners.size;
  }

  /** Runs turns of this conversation one after another, so the bot never sees two at once for it. */
  enqueue<T>(turn: () => Promise<T>): Promise<T> {
    const result = this.turns.then(turn);
    this.turns = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export type CreateResult = { created: true; conversation: Conversation } | { created: false; reason: 'exists' | 'full' };

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly evictionListeners = new Set<(conversation: Conversation) => void>();

  constructor(
    private readonly limits: ConversationLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation && this.isIdle(conversation, this.now())) {
      this.evict(conversation);
      return undefined;
    }
    return conversation;
  }

  create(id: string, userId: string, locale: string | undefined): CreateResult {
    if (this.get(id)) return { created: false, reason: 'exists' };
    if (this.conversations.size >= this.limits.maxConversations) this.sweep();
    if (this.conversations.size >= this.limits.maxConversations) return { created: false, reason: 'full' };
    const conversation = new Conversation(id, userId, locale, this.now(), this.limits.maxActivitiesPerConversation);
    this.conversations.set(id, conversation);
    return { created: true, conversation };
  }

  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
  }

  /** Forgets idle conversations; called on a timer and when the cap is reached. */
  sweep(): number {
    const now = this.now();
    let evicted = 0;
    for (const conversation of this.conversations.values()) {
      if (this.isIdle(conversation, now)) {
        this.evict(conversation);
        evicted++;
      }
    }
    return evicted;
  }

  onEvicted(listener: (conversation: Conversation) => void): void {
    this.evictionListeners.add(listener);
  }

  clear(): void {
    for (const conversation of [...this.conversations.values()]) this.evict(conversation);
  }

  private isIdle(conversation: Conversation, now: number): boolean {
    // An open stream keeps a conversation alive: someone is still looking at it.
    return conversation.streamCount === 0 && now - conversation.lastActiveAt > this.limits.idleTtlMs;
  }

  private evict(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    for (const listener of this.evictionListeners) listener(conversation);
  }
}
