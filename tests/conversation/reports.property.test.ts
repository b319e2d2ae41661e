import fc from 'fast-check';
import { commonMessages } from '../../src/messages/common';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * Hostile answers and card submissions in the middle of a report: whatever arrives, the bot answers with a clear
 * message (never the technical-problem one), stores only checked reports, and the form keeps what it had.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

const technicalProblem = folded(commonMessages.turnError.fr);

async function enrolledChat() {
  const code = await inviteCode(store);
  const chat = conversation(bot, { channelId: 'msteams', user: { id: `29:${Math.random()}`, aadObjectId: `aad-${Math.random()}` } });
  await chat.says('déclarer une action pour la PA 2.3.2');
  await chat.says(code);
  const form = JSON.stringify((await chat.says('formulaire complet')).replies);
  return { chat, draft: /"draft":"([^"]+)"/.exec(form)?.[1] ?? '' };
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('\u0000', '\uD800', '=HYPERLINK("x")', '<script>alert(1)</script>', "'; DROP TABLE reports; --", '-1', '1e309', 'NaN', '99999999999', '31/02', 'du 5 au 3 avril', '🙂'.repeat(50)),
);

test('typed answers of any kind, at any field: a clear answer every time, and nothing stored unconfirmed', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 12 }), async (answers) => {
      const { chat } = await enrolledChat();
      for (const answer of answers) {
        const turn = await chat.says(answer);
        expect(folded(turn.text)).not.toContain(technicalProblem);
      }
      expect(await store.reports.list({ submittedBy: `aad:${chat.user.aadObjectId}` })).toHaveLength(0);
    }),
    { numRuns: 25 },
  );
}, 120_000);

test('card submissions with any values: refused with what to fix, or taken, never a technical failure', async () => {
  const value = fc.oneof(hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
  const inputs = fc.record(
    {
      sheet: value,
      action: value,
      kind: value,
      title: value,
      start: value,
      end: value,
      sessions: value,
      parents: value,
      qpvParents: value,
      children: value,
      families: value,
      singleParentFamilies: value,
      partners: value,
      comment: value,
      indicator_0: value,
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(inputs, fc.boolean(), async (card, confirm) => {
      const { chat, draft } = await enrolledChat();
      const turn = await chat.submits({ ...card, maillage: 'report', draft, command: 'form' });
      expect(turn.text.length).toBeGreaterThan(0);
      expect(folded(turn.text)).not.toContain(technicalProblem);
      if (confirm) {
        const after = await chat.submits({ maillage: 'report', draft, command: 'confirm' });
        expect(folded(after.text)).not.toContain(technicalProblem);
      }
      // Whatever was stored passed the report's own schema (the store parses every row it reads back).
      for (const report of await store.reports.list({ submittedBy: `aad:${chat.user.aadObjectId}` })) {
        expect(report.qpvParents).toBeLessThanOrEqual(report.parents);
        expect(report.endDate >= report.startDate).toBe(true);
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);

test('buttons of another draft, or of no report at all, are told apart', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ minLength: 1, maxLength: 100 }), fc.constantFrom('confirm', 'cancel', 'edit', 'form'), async (draft, command) => {
      const { chat } = await enrolledChat();
      const turn = await chat.submits({ maillage: 'report', draft: `other-${draft}`, command });
      expect(folded(turn.text)).toContain(folded('ne correspond plus'));
    }),
    { numRuns: 15 },
  );
}, 60_000);

/** Answers staff really type, in any order: a field's value, a field's name, a whole sentence, a question, a command. */
const realisticAnswer = fc.oneof(
  fc.constantFrom(
    'PA 2.3.2', '2.3.2', 'c’est pour la PA 3.2.1', '1', '2', 'Café des parents', 'Groupe de parole', 'atelier parents-enfants', 'Autre',
    '14', '6', '0', 'douze', 'le 12 mars', 'mardi dernier', 'du 3 au 5 avril', '3 séances', '12 enfants', '14 parents dont 6 en QPV',
    'café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV', 'on a fait un groupe de parole hier, 9 parents',
    'les partenaires', 'le nombre de parents', 'la date', 'Café des parents de mars', 'aucun', 'non concerné', 'non', 'oui', 'ok',
    'qui pilote la PA 3.2.1 ?', 'combien de parents ont participé aux actions de la PA 2.3.2 cette année ?', 'modifier le nombre de parents',
    'modifier le type', 'Caf du Rhône', 'formulaire complet', 'mes déclarations',
  ),
  hostileText,
);

/** The answers that change or drop what was given, on purpose. */
const CHANGES = new Set(['modifier le nombre de parents', 'modifier le type', 'non']);

test('whatever is answered, a value once given stays, and the form never asks a field it holds a value for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(realisticAnswer, { minLength: 1, maxLength: 14 }), async (answers) => {
      const code = await inviteCode(store);
      const chat = conversation(bot, { channelId: 'msteams', user: { id: `29:${Math.random()}`, aadObjectId: `aad-${Math.random()}` } });
      await chat.says('je veux déclarer une action');
      await chat.says(code);
      let held: string[] = [];
      for (const answer of answers) {
        const turn = await chat.says(answer);
        expect(folded(turn.text)).not.toContain(technicalProblem);
        const saved = await store.drafts.get(`aad:${chat.user.aadObjectId}`);
        const form = (saved?.body as { form?: { values: Record<string, unknown>; awaiting: string } } | undefined)?.form;
        if (!form) {
          held = [];
          continue;
        }
        // The indicators are asked one at a time: their value holds the ones already answered.
        if (form.awaiting !== 'indicators') expect(Object.keys(form.values)).not.toContain(form.awaiting);
        if (!CHANGES.has(answer)) expect(Object.keys(form.values)).toEqual(expect.arrayContaining(held));
        held = Object.keys(form.values);
      }
    }),
    { numRuns: 40 },
  );
}, 180_000);
