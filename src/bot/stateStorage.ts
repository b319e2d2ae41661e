import type { Storage, StoreItems } from 'botbuilder';
import type { StateWrite, Store } from '../storage';

/**
 * botbuilder's Storage over our Store, so conversation state survives a restart and several instances can
 * share PostgreSQL. Same eTag rules as botbuilder's MemoryStorage: an item read back carries its `eTag`; a write
 * with `*` or no eTag overwrites; a write with a stale eTag rejects (ETagConflictError) and, unlike
 * MemoryStorage, writes none of the batch. A stored value that cannot be read back is reported by the store
 * and read as absent, so the conversation starts afresh instead of failing on every turn.
 */
export class StoreStateStorage implements Storage {
  constructor(private readonly store: Store) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const { records } = await this.store.state.read(keys);
    for (const [key, record] of records) items[key] = { ...record.value, eTag: record.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const writes: StateWrite[] = Object.entries(changes).map(([key, item]: [string, unknown]) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new TypeError(`State for "${key}" must be an object`);
      }
      const value = Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'eTag'));
      const eTag = 'eTag' in item ? item.eTag : undefined;
      return { key, value, etag: typeof eTag === 'string' ? eTag : undefined };
    });
    await this.store.state.write(writes);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.store.state.delete(keys);
  }
}
