import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';
import { parseDatabaseUrl } from '../../src/storage';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { conversation, folded, SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * What the bot keeps of a conversation (issue 8 §4 and §5): nothing for a conversation in which nobody has spoken,
 * a shared position only to 3 decimals, and no activity that would break botbuilder let in to fail a turn.
 */

const StoredRowSchema = z.object({ key: z.string(), value: z.string(), etag: z.string() });
type StoredRow = z.infer<typeof StoredRowSchema>;

/** The bot_state rows as they are in the database, read around the bot. */
async function storedRows(databaseUrl: string): Promise<StoredRow[]> {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.backend === 'sqlite') {
    const db = new Database(location.file, { readonly: true });
    try {
      return db.prepare('SELECT key, value, etag FROM bot_state ORDER BY key').all().map((row) => StoredRowSchema.parse(row));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.connectionString, options: `-c search_path=${location.schema}` });
  await client.connect();
  try {
    return (await client.query('SELECT key, value, etag FROM bot_state ORDER BY key')).rows.map((row) => StoredRowSchema.parse(row));
  } finally {
    await client.end();
  }
}

const StoredPositionSchema = z.object({
  maillage: z.object({ offer: z.object({ position: z.object({ latitude: z.number(), longitude: z.number() }) }) }),
});

async function storedPosition(bot: TestBot, stateKey: string) {
  const row = (await storedRows(bot.databaseUrl)).find((candidate) => candidate.key === stateKey);
  return row ? StoredPositionSchema.parse(JSON.parse(row.value)).maillage.offer.position : undefined;
}

function keptStateSuite(start: () => Promise<TestBot>) {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await start();
  }, 60_000);
  afterAll(() => bot.stop());

  test('conversations started without a message store nothing; the greeting is still said once', async () => {
    const before = await storedRows(bot.databaseUrl);
    const chats = Array.from({ length: 20 }, () => conversation(bot, { channelId: 'directline' }));
    const greetings = await Promise.all(chats.map((chat) => chat.joins()));
    for (const greeting of greetings) expect(folded(greeting.text)).toContain('bonjour');
    expect(await storedRows(bot.databaseUrl)).toEqual(before);
    // The widget reconnects: no second greeting, and still nothing stored.
    expect((await chats[0]!.joins()).text).toBe('');
    expect(await storedRows(bot.databaseUrl)).toEqual(before);
  });

  test('the conversation is stored from the first message on, greeting included', async () => {
    const chat = conversation(bot, { channelId: 'directline' });
    await chat.joins();
    await chat.says('merci');
    const row = (await storedRows(bot.databaseUrl)).find((candidate) => candidate.key === chat.stateKey);
    expect(row).toBeDefined();
    expect(JSON.parse(row?.value ?? '{}')).toMatchObject({ maillage: { greeted: true } });
    expect((await chat.joins()).text).toBe('');
  });

  test('a shared position is kept to 3 decimals; the search around it still works', async () => {
    const chat = conversation(bot);
    await chat.says('un groupe de parole près de chez moi');
    const answer = await chat.sharesPosition(45.7578137, 4.8320114);
    expect(folded(answer.text)).toContain('groupe');
    expect(await storedPosition(bot, chat.stateKey)).toEqual({ latitude: 45.758, longitude: 4.832 });

    // Also when it comes as a GeoCoordinates entity on a message, and with a follow-up reading it back.
    const other = conversation(bot);
    await other.says('aide aux devoirs', { entities: [{ type: 'GeoCoordinates', latitude: 45.7484293, longitude: 4.8467451 }] });
    expect(await storedPosition(bot, other.stateKey)).toEqual({ latitude: 45.748, longitude: 4.847 });
    await other.says('plus loin');
    expect(await storedPosition(bot, other.stateKey)).toEqual({ latitude: 45.748, longitude: 4.847 });
  });

  test('a malformed invoke is refused with 400 before the bot sees it, and the stored conversation is untouched', async () => {
    // Closed with the application in afterAll.
    const port = await bot.app.http.listen(0, '127.0.0.1');
    const conversationId = `invoke-${randomUUID()}`;
    const base = {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: conversationId },
      from: { id: 'partner', name: 'Partenaire' },
      recipient: { id: 'maillage', name: 'Maillage' },
      locale: 'fr-FR',
    };
    const post = async (fields: Record<string, unknown>) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), timestamp: new Date().toISOString(), deliveryMode: 'expectReplies', ...base, ...fields }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    expect((await post({ type: 'message', text: 'qui pilote la PA 3.2.1 ?' })).status).toBe(200);
    const stateKey = `msteams/conversations/${conversationId}/`;
    const stored = (await storedRows(bot.databaseUrl)).find((row) => row.key === stateKey);
    expect(stored).toBeDefined();

    const malformed: [label: string, fields: Record<string, unknown>, field: string][] = [
      ['adaptiveCard/action without a value', { type: 'invoke', name: 'adaptiveCard/action' }, 'value'],
      ['adaptiveCard/action without an action', { type: 'invoke', name: 'adaptiveCard/action', value: { data: 1 } }, 'value.action'],
      ['adaptiveCard/action with a null action', { type: 'invoke', name: 'adaptiveCard/action', value: { action: null } }, 'value.action'],
      ['adaptiveCard/action without action.type', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { data: { ask: 'x' } } } }, 'value.action.type'],
      ['fileConsent/invoke without a value', { type: 'invoke', name: 'fileConsent/invoke' }, 'value'],
      ['composeExtension/submitAction without a value', { type: 'invoke', name: 'composeExtension/submitAction' }, 'value'],
      ['a Teams messageUpdate without channelData', { type: 'messageUpdate' }, 'channelData'],
    ];
    for (const [label, fields, field] of malformed) {
      const { status, body } = await post(fields);
      expect({ label, status, body }).toMatchObject({ label, status: 400, body: { error: { code: 'invalid_activity', field } } });
    }
    expect((await storedRows(bot.databaseUrl)).find((row) => row.key === stateKey)).toEqual(stored);

    // A well-formed Action.Execute is still answered.
    const execute = await post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: { ask: 'et ses indicateurs ?' } } } });
    expect(execute.status).toBe(200);
  });
}

describe('what is kept, on SQLite', () => {
  keptStateSuite(() => startTestBot());
});

describePostgres('what is kept, on PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName();
  afterAll(() => dropSchema(baseUrl, schema));
  keptStateSuite(() => startTestBot(SHIPPED_KNOWLEDGE, { DATABASE_URL: withSchema(baseUrl, schema) }));
});
