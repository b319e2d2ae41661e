import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { StateValue, Store } from '../storage';

/** What one turn read, and the JSON it read, so an unchanged state is not written back. */
interface LoadedState {
  key: string;
  value: StateValue;
  /** Absent when the conversation had no record yet: the first write then creates it whatever is there. */
  etag?: string;
  storedJson: string;
  /** The record is the one this process last wrote for the conversation (same etag): its values are as written. */
  writtenHere: boolean;
}

/** A property whose stored value is read through a check, except when this process wrote it itself. */
export interface CheckedProperty<T> {
  get(context: TurnContext): Promise<T>;
  set(context: TurnContext, value: T): Promise<void>;
}

/** Conversations whose last write this process remembers (key and etag, about 200 bytes each). */
const REMEMBERED_WRITES = 10_000;

/**
 * The conversation's state, read from the Store at most once per turn and written back only when it changed,
 * with the etag it was read with, so a turn that raced another instance is refused instead of overwriting it.
 *
 * It takes the place of botbuilder's ConversationState + Storage pair, which hashes the whole state three times
 * per turn and copies it twice on the way; that was a fifth of what Maillage cost above the echo bot per turn
 * (see docs/decisions/0003-own-state-and-reused-connectors.md). The storage key is botbuilder's
 * (`channelId/conversations/conversationId`) and the accessors follow botbuilder's StatePropertyAccessor, so
 * a botbuilder dialog set can keep its stack here too.
 */
export class ConversationStateStore {
  private readonly turnStateKey = Symbol('maillage.conversationState');
  /** The etag of this process's last write, per conversation, oldest first. */
  private readonly ownWrites = new Map<string, string>();

  constructor(private readonly store: Store) {}

  /**
   * A property read through `check` when its record comes from elsewhere: another instance, an older version, a
   * database edited by hand. A record this process wrote (its etag is the one the write returned) holds what the
   * bot's own typed code put there, and is taken as written: checking it again cost a twentieth of a turn.
   */
  createCheckedProperty<T>(name: string, check: (stored: unknown) => T): CheckedProperty<T> {
    return {
      get: async (context) => {
        const loaded = await this.load(context);
        const stored = loaded.value[name];
        if (loaded.writtenHere && stored !== undefined) return stored as T;
        const checked = check(stored);
        loaded.value[name] = checked;
        return checked;
      },
      set: async (context, value) => {
        (await this.load(context)).value[name] = value;
      },
    };
  }

  createProperty<T>(name: string): StatePropertyAccessor<T> {
    const state = this;
    async function get(context: TurnContext): Promise<T | undefined>;
    async function get(context: TurnContext, defaultValue: T): Promise<T>;
    async function get(context: TurnContext, defaultValue?: T): Promise<T | undefined> {
      const loaded = await state.load(context);
      if (loaded.value[name] === undefined && defaultValue !== undefined) {
        // As botbuilder does: a default object is copied into the state, so changing it is remembered.
        loaded.value[name] = typeof defaultValue === 'object' ? structuredClone(defaultValue) : defaultValue;
      }
      return loaded.value[name] as T | undefined;
    }
    return {
      get,
      async set(context, value) {
        (await state.load(context)).value[name] = value;
      },
      async delete(context) {
        delete (await state.load(context)).value[name];
      },
    };
  }

  /** Reads the conversation's record once per turn; later calls in the same turn get the same object. */
  async load(context: TurnContext): Promise<LoadedState> {
    const cached = context.turnState.get(this.turnStateKey) as LoadedState | undefined;
    if (cached) return cached;
    const key = storageKey(context);
    const { records } = await this.store.state.read([key]);
    const record = records.get(key);
    const loaded: LoadedState = record
      ? { key, value: record.value, etag: record.etag, storedJson: record.json, writtenHere: this.ownWrites.get(key) === record.etag }
      : { key, value: {}, storedJson: '{}', writtenHere: false };
    context.turnState.set(this.turnStateKey, loaded);
    return loaded;
  }

  /** Writes the state back if the turn changed it. A record changed meanwhile by another turn rejects (ETagConflictError). */
  async saveChanges(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get(this.turnStateKey) as LoadedState | undefined;
    if (!loaded) return;
    const json = JSON.stringify(loaded.value);
    if (json === loaded.storedJson) return;
    const etags = await this.store.state.write([{ key: loaded.key, value: loaded.value, etag: loaded.etag, json }]);
    loaded.etag = etags.get(loaded.key);
    loaded.storedJson = json;
    this.rememberWrite(loaded.key, loaded.etag);
  }

  private rememberWrite(key: string, etag: string | undefined): void {
    this.ownWrites.delete(key);
    if (etag === undefined) return;
    if (this.ownWrites.size >= REMEMBERED_WRITES) {
      const oldest = this.ownWrites.keys().next();
      if (!oldest.done) this.ownWrites.delete(oldest.value);
    }
    this.ownWrites.set(key, etag);
  }

  /** Forgets the conversation, stored and in this turn, so its next message starts afresh. */
  async clear(context: TurnContext): Promise<void> {
    context.turnState.delete(this.turnStateKey);
    this.ownWrites.delete(storageKey(context));
    await this.store.state.delete([storageKey(context)]);
  }
}

/** botbuilder's ConversationState key, so records written before this class existed still read back. */
function storageKey(context: TurnContext): string {
  const channelId = context.activity?.channelId;
  const conversationId = context.activity?.conversation?.id;
  if (!channelId || !conversationId) throw new Error('The activity has no channelId or conversation.id to keep its state under.');
  return `${channelId}/conversations/${conversationId}/`;
}
