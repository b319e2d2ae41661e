"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresTranscriptStore = void 0;
const zod_1 = require("zod");
const transcripts_1 = require("./transcripts");
/**
 * The built-in endpoint's conversations in PostgreSQL (tables of migration 3), shared by every instance:
 * a widget's token, start, posts, polls and stream may each reach a different one.
 *
 * The watermark is `directline_conversations.last_sequence`, raised by the same statement that inserts the
 * activity. That UPDATE locks the conversation's row until the statement commits, so sequence n+1 can only
 * be given once n is committed: a reader that sees n+1 sees n, and a stream that reads "after n" never skips
 * one nor gets one twice. Budgets are those of the memory store: oldest activities dropped past the
 * conversation's bytes, least recently used conversations (quiet ones first) ended past the global ones —
 * checked when a conversation starts, after appends (at most every few seconds per instance) and by the purge.
 */
const ConversationRowSchema = zod_1.z.object({
    id: zod_1.z.string(),
    user_id: zod_1.z.string(),
    locale: zod_1.z.string().nullable(),
});
const AppendRowSchema = zod_1.z.object({
    sequence: zod_1.z.number().int().positive(),
    total_bytes: zod_1.z.coerce.number().int(),
    total_count: zod_1.z.number().int(),
});
/** One row per kept activity after the watermark, or one row with no activity: the conversation exists. */
const PageRowSchema = zod_1.z.object({
    last_sequence: zod_1.z.number().int().nonnegative(),
    sequence: zod_1.z.number().int().positive().nullable(),
    // Written by append() from JSON.stringify of an object; the id is spliced in after the opening brace.
    body: zod_1.z.string().startsWith('{').endsWith('}').nullable(),
});
const LastSequenceRowSchema = zod_1.z.object({ id: zod_1.z.string(), last_sequence: zod_1.z.number().int().nonnegative() });
const TotalsRowSchema = zod_1.z.object({ conversations: zod_1.z.number().int(), bytes: zod_1.z.coerce.number() });
const EndedRowSchema = zod_1.z.object({ id: zod_1.z.string() });
/** A conversation's last use is written at most this often (polling every second would write every second). */
const TOUCH_RESOLUTION_MS = 30_000;
/** Global budgets are checked after appends at most this often per instance (always when a conversation starts). */
const BUDGET_CHECK_INTERVAL_MS = 5_000;
class PostgresTranscriptStore {
    pool;
    wakeUps;
    limits;
    now;
    log;
    kind = 'postgres';
    changeListeners = new Set();
    lastCounts = { conversations: 0, bytes: 0 };
    lastBudgetCheck = 0;
    budgetCheck;
    publishing = new Set();
    lastPublishFailureLoggedAt = 0;
    constructor(pool, wakeUps, limits, now, log) {
        this.pool = pool;
        this.wakeUps = wakeUps;
        this.limits = limits;
        this.now = now;
        this.log = log;
        wakeUps.onChange((change) => this.emit(change));
    }
    get counts() {
        return this.lastCounts;
    }
    async start(conversationId, userId, locale) {
        // Two tries: a conversation that ends between the insert that found it and the read that fetches it is
        // started afresh (rare: the same client racing an idle purge).
        for (let attempt = 0; attempt < 2; attempt++) {
            const at = new Date(this.now());
            const inserted = await this.pool.query(`INSERT INTO directline_conversations (id, user_id, locale, last_active_at, started_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (id) DO NOTHING RETURNING id`, [conversationId, userId, locale ?? null, at]);
            if (inserted.rowCount === 1) {
                await this.enforceBudgets(conversationId);
                return { conversation: { id: conversationId, userId, locale }, created: true };
            }
            const existing = await this.get(conversationId);
            if (existing) {
                await this.touch(conversationId);
                return { conversation: existing, created: false };
            }
            // Idle but not yet purged: end it, then start it again. Only if still idle: another instance may have
            // restarted it meanwhile, and that conversation must not be deleted under its greeting and its streams.
            await this.endConversations(`DELETE FROM directline_conversations WHERE id = $1 AND last_active_at < $2 RETURNING id`, [conversationId, this.idleCutoff()]);
        }
        throw new Error('the conversation could not be started');
    }
    async get(conversationId) {
        const { rows } = await this.pool.query(`SELECT id, user_id, locale FROM directline_conversations WHERE id = $1 AND last_active_at >= $2`, [
            conversationId,
            this.idleCutoff(),
        ]);
        if (rows.length === 0)
            return undefined;
        const row = ConversationRowSchema.parse(rows[0]);
        return { id: row.id, userId: row.user_id, locale: row.locale ?? undefined };
    }
    async append(conversationId, activity, options = {}) {
        const { id: _ignored, ...rest } = activity;
        const body = JSON.stringify(rest);
        // Counted as sent: the id ("conversation|0000042") is spliced in when read.
        const bytes = Buffer.byteLength(body) + Buffer.byteLength(conversationId) + ID_OVERHEAD_BYTES;
        const { rows } = await this.pool.query(`WITH next AS (
         UPDATE directline_conversations
            SET last_sequence = last_sequence + 1, bytes = bytes + $3, activity_count = activity_count + 1,
                last_active_at = $4, spoken = spoken OR $5
          WHERE id = $1 AND last_active_at >= $6
          RETURNING last_sequence, bytes, activity_count)
       INSERT INTO directline_activities (conversation_id, sequence, body, bytes)
       SELECT $1, last_sequence, $2, $3 FROM next
       RETURNING sequence, (SELECT bytes FROM next) AS total_bytes, (SELECT activity_count FROM next) AS total_count`, [conversationId, body, bytes, new Date(this.now()), options.fromUser === true, this.idleCutoff()]);
        if (rows.length === 0)
            return undefined;
        const appended = AppendRowSchema.parse(rows[0]);
        if (appended.total_bytes > this.limits.maxConversationBytes || appended.total_count > this.limits.maxActivitiesPerConversation) {
            await this.trim(conversationId, appended.sequence);
        }
        const change = { kind: 'appended', conversationId, sequence: appended.sequence };
        this.emit(change);
        this.publish(change);
        this.checkBudgetsSoon();
        return { id: (0, transcripts_1.activityId)(conversationId, appended.sequence), sequence: appended.sequence };
    }
    async since(conversationId, watermark) {
        // One statement, so the last sequence and the activities come from the same snapshot.
        const { rows } = await this.pool.query(`SELECT c.last_sequence, a.sequence, a.body
         FROM directline_conversations c
         LEFT JOIN directline_activities a ON a.conversation_id = c.id AND a.sequence > $2
        WHERE c.id = $1 AND c.last_active_at >= $3
        ORDER BY a.sequence`, [conversationId, watermark, this.idleCutoff()]);
        if (rows.length === 0)
            return undefined;
        const page = { activities: [], watermark: 0 };
        for (const raw of rows) {
            const row = PageRowSchema.parse(raw);
            page.watermark = row.last_sequence;
            if (row.sequence === null || row.body === null)
                continue;
            page.activities.push(`{"id":${JSON.stringify((0, transcripts_1.activityId)(conversationId, row.sequence))}${row.body.length > 2 ? ',' : ''}${row.body.slice(1)}`);
        }
        return page;
    }
    async lastSequences(conversationIds) {
        const found = new Map();
        if (conversationIds.length === 0)
            return found;
        // Idle ones count as ended, as in since(): the stream would be closed at its next read anyway.
        const { rows } = await this.pool.query(`SELECT id, last_sequence FROM directline_conversations WHERE id = ANY($1::text[]) AND last_active_at >= $2`, [
            conversationIds,
            this.idleCutoff(),
        ]);
        for (const raw of rows) {
            const row = LastSequenceRowSchema.parse(raw);
            found.set(row.id, row.last_sequence);
        }
        return found;
    }
    async touch(conversationId) {
        const now = this.now();
        await this.pool.query(`UPDATE directline_conversations SET last_active_at = $2 WHERE id = $1 AND last_active_at < $3 AND last_active_at >= $4`, [
            conversationId,
            new Date(now),
            new Date(now - TOUCH_RESOLUTION_MS),
            this.idleCutoff(),
        ]);
    }
    async purge() {
        const idle = await this.endConversations(`DELETE FROM directline_conversations WHERE last_active_at < $1 RETURNING id`, [this.idleCutoff()]);
        const evicted = await this.enforceBudgets(undefined);
        return idle + evicted;
    }
    onChange(listener) {
        this.changeListeners.add(listener);
    }
    onResync(listener) {
        this.wakeUps.onResync(listener);
    }
    async close() {
        await this.budgetCheck;
        // The channel first: closing it settles what it still had to send (Redis), or lets it finish (NOTIFY
        // through the pool), before the application closes the pool.
        await this.wakeUps.close();
        await Promise.all(this.publishing);
    }
    /** Drops the oldest activities past the conversation's budgets, never the newest one. */
    async trim(conversationId, newest) {
        await this.pool.query(`WITH ranked AS (
         SELECT sequence,
                sum(bytes) OVER (ORDER BY sequence DESC) AS newer_bytes,
                row_number() OVER (ORDER BY sequence DESC) AS newer_count
           FROM directline_activities WHERE conversation_id = $1),
       deleted AS (
         DELETE FROM directline_activities a USING ranked r
          WHERE a.conversation_id = $1 AND a.sequence = r.sequence AND r.sequence < $2
            AND (r.newer_bytes > $3 OR r.newer_count > $4)
          RETURNING a.bytes)
       UPDATE directline_conversations
          SET bytes = bytes - (SELECT coalesce(sum(bytes), 0) FROM deleted),
              activity_count = activity_count - (SELECT count(*) FROM deleted)
        WHERE id = $1`, [conversationId, newest, this.limits.maxConversationBytes, this.limits.maxActivitiesPerConversation]);
    }
    /**
     * Ends the least recently used conversations (quiet ones left for QUIET_GRACE_MS first) past the conversation cap or the global
     * bytes, never `keep` (the one just started). Resolves with how many ended. The order is the memory store's to
     * the millisecond: left means idle for QUIET_GRACE_MS or more, and at equal times a quiet conversation goes first.
     */
    async enforceBudgets(keep) {
        this.lastBudgetCheck = this.now();
        const { rows } = await this.pool.query(`SELECT count(*)::int AS conversations, coalesce(sum(bytes), 0)::bigint AS bytes FROM directline_conversations`);
        const totals = TotalsRowSchema.parse(rows[0]);
        this.lastCounts = totals;
        const extraConversations = totals.conversations - this.limits.maxConversations;
        const extraBytes = totals.bytes - this.limits.maxTotalBytes;
        if (extraConversations <= 0 && extraBytes <= 0)
            return 0;
        const ended = await this.endConversations(`WITH ordered AS (
         SELECT id, row_number() OVER w AS position, sum(bytes) OVER w - bytes AS bytes_before
           FROM directline_conversations WHERE id <> $1
         WINDOW w AS (ORDER BY (NOT spoken AND last_active_at <= $4) DESC, last_active_at, spoken, id))
       DELETE FROM directline_conversations c USING ordered o
        WHERE c.id = o.id AND (o.position <= $2 OR o.bytes_before < $3)
        RETURNING c.id`, [keep ?? '', Math.max(0, extraConversations), Math.max(0, extraBytes), new Date(this.now() - transcripts_1.QUIET_GRACE_MS)]);
        this.lastCounts = { conversations: totals.conversations - ended, bytes: totals.bytes };
        return ended;
    }
    /** After appends, the global bytes are checked in the background, at most every few seconds. */
    checkBudgetsSoon() {
        if (this.budgetCheck || this.now() - this.lastBudgetCheck < BUDGET_CHECK_INTERVAL_MS)
            return;
        this.budgetCheck = this.enforceBudgets(undefined)
            .then(() => undefined, (error) => this.log.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'directline budget check failed'))
            .finally(() => {
            this.budgetCheck = undefined;
        });
    }
    async endConversations(sql, values) {
        const { rows } = await this.pool.query(sql, values);
        for (const raw of rows) {
            const change = { kind: 'ended', conversationId: EndedRowSchema.parse(raw).id };
            this.emit(change);
            this.publish(change);
        }
        return rows.length;
    }
    /**
     * Sent in the background: the activity is already committed, and a request must not wait for a doorbell
     * (a Redis that went silent would hold every post, and the bot's replies, until the connection gave up).
     * A wake-up that cannot be sent loses nothing (the streams read the database) but delays other instances;
     * logged once a minute at most, not once an activity.
     */
    publish(change) {
        const sending = this.wakeUps
            .publish(change)
            .catch((error) => {
            const now = Date.now();
            if (now - this.lastPublishFailureLoggedAt < 60_000)
                return;
            this.lastPublishFailureLoggedAt = now;
            this.log.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'directline wake-up not sent');
        })
            .finally(() => this.publishing.delete(sending));
        this.publishing.add(sending);
    }
    idleCutoff() {
        return new Date(this.now() - this.limits.conversationIdleMs);
    }
    emit(change) {
        for (const listener of this.changeListeners)
            listener(change);
    }
}
exports.PostgresTranscriptStore = PostgresTranscriptStore;
/** `"id":"",` and `|0000042` around the conversation id, as spliced into each activity when read. */
const ID_OVERHEAD_BYTES = '"id":"",'.length + '|0000000'.length;
//# sourceMappingURL=postgresTranscripts.js.map