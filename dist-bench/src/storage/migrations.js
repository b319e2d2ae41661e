"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
exports.checkMigrationOrder = checkMigrationOrder;
exports.MIGRATIONS = [
    {
        id: 1,
        name: 'bot state',
        // The value is JSON kept as text, not jsonb: jsonb refuses \u0000 and lone surrogates that a user can type
        // and botbuilder may keep in a dialog's state, while JSON.stringify writes them as plain ASCII escapes.
        sqlite: [
            `CREATE TABLE bot_state (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL,
         etag TEXT NOT NULL,
         updated_at TEXT NOT NULL
       )`,
        ],
        postgres: [
            `CREATE TABLE bot_state (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL,
         etag TEXT NOT NULL,
         updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
        ],
    },
    {
        id: 2,
        name: 'state expiry and turn leases',
        // The purge of expired state deletes by updated_at. Turn leases serialise a conversation's turns across the
        // instances sharing a PostgreSQL database (src/bot/turnLock.ts); an SQLite file serves one process, which
        // serialises its turns in memory, so it has no lease table.
        sqlite: [`CREATE INDEX bot_state_updated_at ON bot_state (updated_at)`],
        postgres: [
            `CREATE INDEX bot_state_updated_at ON bot_state (updated_at)`,
            `CREATE TABLE turn_leases (
         key TEXT PRIMARY KEY,
         holder TEXT NOT NULL,
         expires_at TIMESTAMPTZ NOT NULL
       )`,
        ],
    },
    {
        id: 3,
        name: 'built-in Direct Line conversations',
        // Only PostgreSQL: there several instances serve one widget, so its conversations must be shared (see
        // src/directline/postgresTranscripts.ts). An SQLite file serves one process, which keeps them in memory.
        // last_sequence is the watermark, raised by the statement that inserts the activity; bodies are JSON as
        // text, not jsonb, for the reason given in migration 1.
        sqlite: [],
        postgres: [
            `CREATE TABLE directline_conversations (
         id TEXT PRIMARY KEY,
         user_id TEXT NOT NULL,
         locale TEXT,
         spoken BOOLEAN NOT NULL DEFAULT false,
         last_sequence INTEGER NOT NULL DEFAULT 0,
         activity_count INTEGER NOT NULL DEFAULT 0,
         bytes BIGINT NOT NULL DEFAULT 0,
         started_at TIMESTAMPTZ NOT NULL,
         last_active_at TIMESTAMPTZ NOT NULL
       )`,
            `CREATE INDEX directline_conversations_eviction ON directline_conversations (spoken, last_active_at)`,
            `CREATE INDEX directline_conversations_idle ON directline_conversations (last_active_at)`,
            `CREATE TABLE directline_activities (
         conversation_id TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
         sequence INTEGER NOT NULL,
         body TEXT NOT NULL,
         bytes INTEGER NOT NULL,
         PRIMARY KEY (conversation_id, sequence)
       )`,
        ],
    },
];
/** The list must be strictly increasing by id; checked at open so a bad merge fails loudly. */
function checkMigrationOrder(migrations) {
    migrations.forEach((migration, index) => {
        const previous = migrations[index - 1];
        if (previous && migration.id <= previous.id) {
            throw new Error(`Migration ${migration.id} (${migration.name}) comes after ${previous.id}: ids must increase`);
        }
    });
}
//# sourceMappingURL=migrations.js.map