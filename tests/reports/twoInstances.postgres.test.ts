import { DateTime } from 'luxon';
import { createLogger } from '../../src/log/logger';
import { openStore, type Store } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { conversation, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Two bot instances share one PostgreSQL, as behind a load balancer. 200 staff members, each in their own
 * conversation, send the whole form at once, the conversations spread over both instances; some click « Confirmer »
 * twice, on either instance. Exactly one report per draft is stored, each with its own reference.
 */
const REPORTS = 200;

describePostgres('reports from two instances sharing PostgreSQL', (url) => {
  const schema = uniqueSchemaName('maillage_reports2');
  const databaseUrl = withSchema(url, schema);
  let first: TestBot;
  let second: TestBot;
  let store: Store;

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestBot(undefined, { DATABASE_URL: databaseUrl }), startTestBot(undefined, { DATABASE_URL: databaseUrl })]);
    store = await openStore(databaseUrl, createLogger('silent'));
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await dropSchema(url, schema);
  });

  test(`${REPORTS} reports at once, over two instances, with double clicks: exactly ${REPORTS} rows`, async () => {
    const day = DateTime.now().setZone('Europe/Paris').minus({ days: 3 }).toISODate() ?? '';
    const staff = await Promise.all(
      Array.from({ length: REPORTS }, async (_, index) => {
        const code = await inviteCode(store);
        const bot = index % 2 === 0 ? first : second;
        const chat = conversation(bot, { channelId: 'msteams', user: { id: `29:staff-${index}`, aadObjectId: `aad-staff-${index}` } });
        await chat.says('déclarer une action pour la PA 3.2.1');
        await chat.says(code);
        const form = JSON.stringify((await chat.says('formulaire complet')).replies);
        const draft = /"draft":"([^"]+)"/.exec(form)?.[1] ?? '';
        return { index, chat, draft };
      }),
    );
    await Promise.all(
      staff.map(({ index, chat, draft }) =>
        chat.submits({ maillage: 'report', draft, command: 'form', sheet: 'PA 3.2.1', action: '1', kind: 'groupe-de-parole', title: `Groupe ${index}`, start: day, sessions: 1, parents: index % 50, qpvParents: 0, children: 0, families: 1, singleParentFamilies: 0, partners: '', comment: '', indicator_0: 1, indicator_1: 0, indicator_2: index % 7, indicator_3: 0 }),
      ),
    );
    // Confirmed everywhere at once; every third one twice (a double click), the second click possibly on the other instance.
    const receipts = await Promise.all(
      staff.flatMap(({ index, chat, draft }) => {
        const confirm = { maillage: 'report', draft, command: 'confirm' };
        return index % 3 === 0 ? [chat.submits(confirm), chat.submits(confirm)] : [chat.submits(confirm)];
      }),
    );
    const references = receipts.flatMap((turn) => /RPT-\d{4}-\d{6}/.exec(turn.text) ?? []);
    expect(references.length).toBe(receipts.length);
    const stored = await store.reports.list({});
    expect(stored).toHaveLength(REPORTS);
    expect(new Set(stored.map((report) => report.id)).size).toBe(REPORTS);
    expect(new Set(references)).toEqual(new Set(stored.map((report) => report.id)));
  }, 120_000);
});
