/**
 * The database's history, in order. A migration is never edited once shipped: a change is a new entry.
 * Each store runs the missing ones at open, inside a transaction, and records them in schema_migrations.
 * Later issues append here (reports, enrolments); both dialects are written side by side so they stay alike.
 */
export interface Migration {
  id: number;
  name: string;
  sqlite: readonly string[];
  postgres: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
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
];

/** The list must be strictly increasing by id; checked at open so a bad merge fails loudly. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && migration.id <= previous.id) {
      throw new Error(`Migration ${migration.id} (${migration.name}) comes after ${previous.id}: ids must increase`);
    }
  });
}
