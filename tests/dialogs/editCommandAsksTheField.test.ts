import fc from 'fast-check';
import { valueOfChange } from '../../src/reports/reading';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * QA « reports » round 2, N1: at the summary, « modifier le titre » (and its partners and comment) kept the command as
 * the new value. A change that names a field asks that field's question; the next message is the value.
 */
const FIELD_NAMES: Record<string, { fr: string[]; en: string[] }> = {
  title: { fr: ['le titre', "l'intitulé", 'le titre de l’action'], en: ['the title', 'title'] },
  partners: { fr: ['les partenaires', 'le partenaire'], en: ['the partners', 'partners'] },
  comment: { fr: ['le commentaire', 'la remarque'], en: ['the comment', 'comment'] },
  sessions: { fr: ['le nombre de séances', 'les séances'], en: ['the sessions'] },
  parents: { fr: ['le nombre de parents', 'les parents'], en: ['the parents'] },
  dates: { fr: ['la date'], en: ['the date'] },
};
const FR_VERBS = ['modifier', 'changer', 'corriger', 'je veux modifier', 'je voudrais changer', 'il faut corriger', 'Modifier'];
const EN_VERBS = ['edit', 'change', 'I want to change', 'please edit'];

describe('valueOfChange: the command alone says no value', () => {
  test('every field, every wording, with or without punctuation: nothing to keep', () => {
    const wordings = Object.values(FIELD_NAMES).flatMap((names) => [
      ...FR_VERBS.flatMap((verb) => names.fr.map((name) => `${verb} ${name}`)),
      ...EN_VERBS.flatMap((verb) => names.en.map((name) => `${verb} ${name}`)),
    ]);
    fc.assert(
      fc.property(fc.constantFrom(...wordings), fc.constantFrom('', ' ?', '.', ' svp', ' please', ' !'), (wording, end) => {
        expect(valueOfChange(`${wording}${end}`)).toBe('');
      }),
    );
  });

  test('what follows the field name is the value, as typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('modifier le titre en', 'changer le titre :', 'change the title to', 'modifier le commentaire :', 'changer les partenaires par'),
        fc.constantFrom('Café des papas', 'La sortie au parc', 'Caf du Rhône et PMI', 'Très bonne ambiance'),
        (command, value) => {
          expect(valueOfChange(`${command} ${value}`)).toBe(value);
        },
      ),
    );
  });

  test('other words before the field name: no value of its own (the field reads the whole message)', () => {
    expect(valueOfChange("non, c'était 17 parents")).toBeUndefined();
    expect(valueOfChange('la sortie au parc')).toBeUndefined();
  });
});

let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

let users = 0;
async function atSummary() {
  users += 1;
  const user = { id: `29:edit-${users}-${Math.random()}`, aadObjectId: `aad-edit-${users}-${Math.random()}` };
  const chat = conversation(bot, { channelId: 'msteams', user });
  await chat.says('déclarer une action');
  await chat.says(await inviteCode(store));
  for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi', 'hier', '1', '8', '2', '5', '6', '1', 'Caf du Rhône']) await chat.says(answer);
  let turn = await chat.says('non concerné');
  for (let guard = 0; guard < 6 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
  expect(folded(turn.text)).toContain('confirmer');
  const key = `aad:${user.aadObjectId}`;
  const draft = async () =>
    ((await store.drafts.get(key))?.body as { form?: { values?: Record<string, unknown>; awaiting?: string } } | undefined)?.form ?? {};
  return { chat, draft };
}

const NEW_VALUES: Record<string, (n: number) => string> = {
  title: (n) => `Café des papas ${n}`,
  partners: () => 'Udaf',
  comment: (n) => `Bonne ambiance, séance ${n}`,
};

describe('« modifier le titre » at the summary asks the title; the next message is the title', () => {
  test.each(Object.keys(NEW_VALUES))('%s: every wording asks the question, never keeps the command', async (field) => {
    const { chat, draft } = await atSummary();
    const names = FIELD_NAMES[field];
    const wordings = [...FR_VERBS.map((verb) => `${verb} ${names.fr[0]}`), ...EN_VERBS.slice(0, 2).map((verb) => `${verb} ${names.en[0]}`)];
    let n = 0;
    for (const wording of wordings) {
      n += 1;
      const asked = await chat.says(wording);
      const form = await draft();
      expect({ wording, awaiting: form.awaiting }).toEqual({ wording, awaiting: field });
      expect(form.values?.[field]).toBeUndefined();
      expect(folded(asked.text)).not.toContain('confirmer');
      const value = NEW_VALUES[field](n);
      const summary = await chat.says(value);
      const stored = (await draft()).values?.[field];
      expect(JSON.stringify(stored)).not.toContain(folded(wording).slice(0, 6));
      expect(JSON.stringify(stored)).toContain(field === 'partners' ? 'Udaf' : value);
      expect(folded(summary.text)).toContain('confirmer');
    }
  });

  test('« Modifier » then « le titre » asks the title', async () => {
    const { chat, draft } = await atSummary();
    await chat.says('Modifier');
    const asked = await chat.says('le titre');
    expect(folded(asked.text)).toContain('titre');
    expect((await draft()).awaiting).toBe('title');
    await chat.says('Le café des papas');
    expect((await draft()).values?.title).toBe('Le café des papas');
  });

  test('« modifier le titre en Café des papas » takes the new title at once', async () => {
    const { chat, draft } = await atSummary();
    const turn = await chat.says('modifier le titre en Café des papas');
    expect((await draft()).values?.title).toBe('Café des papas');
    expect(folded(turn.text)).toContain('confirmer');
  });
});
