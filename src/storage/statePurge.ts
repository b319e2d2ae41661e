import type { Logger } from '../log/logger';
import type { Store } from './store';

/** Besides once at start: often enough that expired state does not linger, rare enough to cost nothing. */
const STATE_PURGE_EVERY_MS = 15 * 60 * 1000;
const HOUR_MS = 3_600_000;
/** A report left half filled in is kept this long after its last change, so « reprendre ma déclaration » works days later. */
export const DRAFT_TTL_DAYS = 30;

export interface StatePurge {
  /** Settles when the purge run at start is over (it never rejects: a failure is logged and tried again later). */
  readonly firstRun: Promise<void>;
  stop(): void;
}

/**
 * Conversation state holds what parents tell the bot (their place, their position, their words): it is kept
 * `ttlHours` after its last use and no longer. Purges now and every STATE_PURGE_EVERY_MS, on a timer that does not
 * keep the process alive, until stopped or the store closes; leases left by killed processes go with it, and report
 * drafts DRAFT_TTL_DAYS after their last change.
 */
export function startStatePurge(store: Store, ttlHours: number, log: Logger, everyMs = STATE_PURGE_EVERY_MS): StatePurge {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const purge = async () => {
    if (store.closed) return stop();
    try {
      const states = await store.state.purgeOlderThan(new Date(Date.now() - ttlHours * HOUR_MS));
      const leases = store.turnLeases ? await store.turnLeases.purgeExpired() : 0;
      const drafts = await store.drafts.purgeOlderThan(new Date(Date.now() - DRAFT_TTL_DAYS * 24 * HOUR_MS));
      if (states > 0 || leases > 0 || drafts > 0) log.info({ states, leases, drafts, ttlHours }, 'expired conversation state purged');
    } catch (error) {
      // Closed while purging: nothing is wrong, the store is going away.
      if (store.closed) return stop();
      const err = error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
      log.warn({ err }, 'could not purge expired conversation state; trying again later');
    }
  };
  timer = setInterval(() => void purge(), everyMs);
  timer.unref();
  return { firstRun: purge(), stop };
}
