"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openTranscriptStore = openTranscriptStore;
const node_crypto_1 = require("node:crypto");
const zod_1 = require("zod");
const memoryTranscripts_1 = require("./memoryTranscripts");
/**
 * Chooses where the conversations live: in PostgreSQL when the application's database is PostgreSQL (several
 * instances may then serve one widget), woken through Redis when REDIS_URL is set and LISTEN/NOTIFY otherwise;
 * in this process's memory with SQLite or no database (one instance; a restart forgets them).
 */
async function openTranscriptStore(options) {
    const pool = options.store?.postgres?.pool;
    if (!pool)
        return new memoryTranscripts_1.MemoryTranscriptStore(options.limits, options.now);
    // Loaded here, not at start: ioredis and the wake-up code cost a tenth of a second that one instance never needs.
    const { PostgresTranscriptStore } = require('./postgresTranscripts');
    const { PostgresNotifyWakeUps, RedisWakeUps } = require('./wakeUps');
    const { rows } = await pool.query('SELECT current_schema() AS schema');
    const schema = zod_1.z.object({ schema: zod_1.z.string().min(1) }).parse(rows[0]).schema;
    // Per schema, so that deployments (or test runs) sharing a database server never wake each other's streams.
    const suffix = (0, node_crypto_1.createHash)('sha256').update(schema).digest('hex').slice(0, 16);
    const wakeUps = options.redisUrl
        ? await RedisWakeUps.open(options.redisUrl, `maillage:directline:${suffix}`, options.log)
        : await PostgresNotifyWakeUps.open(pool, `maillage_directline_${suffix}`, options.log);
    const transcripts = new PostgresTranscriptStore(pool, wakeUps, options.limits, options.now, options.log);
    try {
        // Conversations left idle while no instance ran are ended now rather than at the first timer.
        await transcripts.purge();
    }
    catch (error) {
        // The next request tries again from the start: this channel (a connection of its own) must not be left open.
        await transcripts.close().catch(() => undefined);
        throw error;
    }
    return transcripts;
}
//# sourceMappingURL=transcriptBackends.js.map