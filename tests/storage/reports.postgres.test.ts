import pg from 'pg';
import { z } from 'zod';
import { openStore } from '../../src/storage';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { runReportsContract, type ReportsHarness } from './reportsContract';

const MigrationRowSchema = z.object({ id: z.number() });

describePostgres('PostgreSQL report storage', (baseUrl) => {
  /** Each test gets its own schema; stores on it are opened through openStore, as the bot does. */
  const postgresHarness = (): ReportsHarness => {
    const schema = uniqueSchemaName('maillage_reports');
    const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
    return {
      open: (log, migrations) => openStore(withSchema(baseUrl, schema), log, migrations),
      insertCorruptReport: (id, submissionKey, structureId) =>
        withClient(async (client) => {
          await client.query(
            `INSERT INTO reports (id, reference_year, submission_key, structure_id, structure_name, plan_id, sheet_code, title, kind, start_date, end_date,
               sessions, parents, children, families, qpv_parents, single_parent_families, partners, indicators, submitted_at, submitted_by, channel_id, updated_at)
             OVERRIDING SYSTEM VALUE
             VALUES ($1, 2026, $2, $3, 'Centre', 'plan', 'PA 1', 'Titre secret', 'not-a-kind', '2026-01-01', '2026-01-01', 1, 1, 0, 1, 0, 0, '["unterminated', '{}', now(), 'aad:x', 'msteams', now())`,
            [id, submissionKey, structureId],
          );
        }),
      appliedMigrationIds: () =>
        withClient(async (client) => {
          const { rows } = await client.query('SELECT id FROM schema_migrations ORDER BY id');
          return rows.map((row) => MigrationRowSchema.parse(row).id);
        }),
      runSql: (statement) =>
        withClient(async (client) => {
          await client.query(statement);
        }),
      dispose: () => dropSchema(baseUrl, schema),
    };
  };

  runReportsContract(postgresHarness);
});
