"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startStatePurge = startStatePurge;
/** Besides once at start: often enough that expired state does not linger, rare enough to cost nothing. */
const STATE_PURGE_EVERY_MS = 15 * 60 * 1000;
const HOUR_MS = 3_600_000;
/**
 * Conversation state holds what parents tell the bot (their place, their position, their words): it is kept
 * `ttlHours` after its last use and no longer. Purges now and every STATE_PURGE_EVERY_MS, on a timer that does not
 * keep the process alive, until stopped or the store closes; leases left by killed processes go with it.
 */
function startStatePurge(store, ttlHours, log, everyMs = STATE_PURGE_EVERY_MS) {
    let timer;
    const stop = () => {
        if (timer)
            clearInterval(timer);
        timer = undefined;
    };
    const purge = async () => {
        if (store.closed)
            return stop();
        try {
            const states = await store.state.purgeOlderThan(new Date(Date.now() - ttlHours * HOUR_MS));
            const leases = store.turnLeases ? await store.turnLeases.purgeExpired() : 0;
            if (states > 0 || leases > 0)
                log.info({ states, leases, ttlHours }, 'expired conversation state purged');
        }
        catch (error) {
            // Closed while purging: nothing is wrong, the store is going away.
            if (store.closed)
                return stop();
            const err = error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
            log.warn({ err }, 'could not purge expired conversation state; trying again later');
        }
    };
    timer = setInterval(() => void purge(), everyMs);
    timer.unref();
    return { firstRun: purge(), stop };
}
//# sourceMappingURL=statePurge.js.map