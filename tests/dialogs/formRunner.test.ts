import { ActivityTypes, TestAdapter, type TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ConversationMemorySchema, type ConversationMemory } from '../../dialogs/conversationMemory';
import { FormRunner, type FormDefinition } from '../../dialogs/forms/formRunner';
import { sendReply } from '../../src/bot/replies';
import { readTurnInput } from '../../src/bot/userTurn';
import { CommuneIndex } from '../../src/geo';
import { readTurn, type TurnReading } from '../../src/reading';
import { SheetIndex } from '../../src/sheets';

/**
 * The generic form runner, on a small form of two numbers where the second is a part of the first (the shape of a
 * report's « parents, dont QPV »). The conversation's memory is written to JSON and parsed back between turns, as
 * the database does, so every step also proves that a restart in the middle loses nothing.
 */
interface Counts {
  parents: number;
  qpv: number;
}

const number = (reading: TurnReading) => {
  const match = /\b(\d{1,5})\b/.exec(reading.text);
  if (match) return { value: Number(match[1]) };
  return /\b(beaucoup|plein|many)\b/i.test(reading.text) ? { problem: 'un nombre, en chiffres' } : null;
};

const completed: Counts[] = [];
const countsForm: FormDefinition<Counts> = {
  id: 'counts',
  fields: [
    { key: 'parents', ask: () => 'Combien de parents ?', reask: (_l, problem) => `Il me faut ${problem} : combien de parents ?`, read: number },
    { key: 'qpv', ask: () => 'Dont combien en QPV ?', reask: (_l, problem) => `Dont combien en QPV ? (${problem})`, read: number },
  ],
  schema: z.object({ parents: z.number(), qpv: z.number() }).refine((c) => c.qpv <= c.parents, { path: ['qpv'], message: 'pas plus que de parents' }),
  prefill: (reading) => {
    const match = /(\d+) parents/.exec(reading.text);
    return match ? { parents: Number(match[1]) } : {};
  },
  complete: async (context, values) => {
    completed.push(values);
    await sendReply(context, { text: `Enregistré : ${values.parents} parents, dont ${values.qpv} en QPV.` });
  },
};

const runner = new FormRunner(countsForm);
const readers = { sheets: SheetIndex.build([]), communes: CommuneIndex.load() };
const now = DateTime.fromISO('2026-03-10T10:00:00', { zone: 'Europe/Paris' });

/** A conversation whose memory lives as JSON between turns, with the same routing rule as the main dialog. */
function chat() {
  let stored = '{}';
  const adapter = new TestAdapter(async (context: TurnContext) => {
    if (context.activity.type !== ActivityTypes.Message) return;
    const memory: ConversationMemory = ConversationMemorySchema.parse(JSON.parse(stored));
    const reading = readTurn(readTurnInput(context), readers, now);
    if (runner.pendingQuestion(memory) !== null && runner.answersPending(reading, memory)) await runner.answer(context, reading, memory);
    else if (reading.text.startsWith('compte')) await runner.start(context, reading, memory);
    else {
      // Another route answers the interruption; the form asks its question again.
      await context.sendActivity('(autre réponse)');
      if (runner.pendingQuestion(memory) !== null) await runner.askAgain(context, reading, memory);
    }
    stored = JSON.stringify(memory);
  });
  return { adapter, memory: () => JSON.parse(stored) as Record<string, unknown> };
}

test('asks each field in turn and completes with the checked values', async () => {
  const { adapter } = chat();
  await adapter
    .send('compte')
    .assertReply('Combien de parents ?')
    .send('14')
    .assertReply('Dont combien en QPV ?')
    .send('6')
    .assertReply('Enregistré : 14 parents, dont 6 en QPV.')
    .startTest();
  expect(completed).toContainEqual({ parents: 14, qpv: 6 });
});

test('takes what the first message says and asks only for the rest', async () => {
  const { adapter } = chat();
  await adapter.send('compte 20 parents').assertReply('Dont combien en QPV ?').send('3').assertReply('Enregistré : 20 parents, dont 3 en QPV.').startTest();
});

test('a wrong answer is re-asked with what to fix, and nothing already given is lost', async () => {
  const { adapter, memory } = chat();
  await adapter
    .send('compte 12 parents')
    .assertReply('Dont combien en QPV ?')
    .send('beaucoup')
    .assertReply('Dont combien en QPV ? (un nombre, en chiffres)')
    .startTest();
  expect(memory().form).toMatchObject({ form: 'counts', values: { parents: 12 }, awaiting: 'qpv', attempts: 1 });
});

test('a part larger than its whole is refused by the form, and only that field is asked again', async () => {
  const { adapter } = chat();
  await adapter
    .send('compte 5 parents')
    .assertReply('Dont combien en QPV ?')
    .send('9')
    .assertReply('Dont combien en QPV ? (pas plus que de parents)')
    .send('4')
    .assertReply('Enregistré : 5 parents, dont 4 en QPV.')
    .startTest();
});

test('an interruption is answered by its route, then the question is asked again', async () => {
  const { adapter, memory } = chat();
  await adapter
    .send('compte')
    .assertReply('Combien de parents ?')
    .send('que veut dire CTG ?')
    .assertReply('(autre réponse)')
    .assertReply('Combien de parents ?')
    .send('8')
    .assertReply('Dont combien en QPV ?')
    .startTest();
  expect(memory().form).toMatchObject({ values: { parents: 8 }, awaiting: 'qpv' });
});

test('a stored form that no longer fits is dropped on its own: the rest of the memory is kept', () => {
  const memory = ConversationMemorySchema.parse({ greeted: true, lastTopic: 'offer', form: { form: 'counts', awaiting: 42 } });
  expect(memory.form).toBeUndefined();
  expect(memory.greeted).toBe(true);
  expect(memory.lastTopic).toBe('offer');
});

/** A form whose first field's answers may name another field (« Café des parents » names the parents). */
interface Kinded {
  kind: string;
  parents: number;
}
const kindedForm: FormDefinition<Kinded> = {
  id: 'kinded',
  fields: [
    { key: 'kind', ask: () => 'Quel type ?', reask: () => 'Quel type ?', read: (reading) => (/caf[eé]/i.test(reading.text) ? { value: 'cafe' } : null) },
    { key: 'parents', ask: () => 'Combien de parents ?', reask: () => 'Combien de parents ?', read: number },
  ],
  schema: z.object({ kind: z.string(), parents: z.number() }),
  // As the report's reader: a field named alone is a bare change; a word of change makes it explicit.
  command: (reading) => {
    if (/^modifier le nombre de parents$/i.test(reading.text)) return { kind: 'edit', field: 'parents' };
    if (/parents/i.test(reading.text)) return { kind: 'edit', field: 'parents', bare: true };
    return null;
  },
  complete: async (context, values) => {
    await sendReply(context, { text: `Enregistré : ${values.kind}, ${values.parents}.` });
  },
};

/** A conversation on the kinded form, its memory as JSON between turns: « go » starts it, another route answers the rest. */
function kindedChat() {
  const kinded = new FormRunner(kindedForm);
  let stored = '{}';
  return new TestAdapter(async (context: TurnContext) => {
    const memory: ConversationMemory = ConversationMemorySchema.parse(JSON.parse(stored));
    const reading = readTurn(readTurnInput(context), readers, now);
    if (kinded.pendingQuestion(memory) !== null && kinded.answersPending(reading, memory)) await kinded.answer(context, reading, memory);
    else if (reading.text === 'go') await kinded.start(context, reading, memory);
    else await context.sendActivity('(autre réponse)');
    stored = JSON.stringify(memory);
  });
}

test('a field only named, at another field, is that field’s answer, not a change: nothing is asked twice', async () => {
  await kindedChat()
    .send('go')
    .assertReply('Quel type ?')
    .send('Café des parents')
    .assertReply('Combien de parents ?')
    .send('14')
    .assertReply('Enregistré : cafe, 14.')
    .startTest();
});

test('a change said with its word counts at any field', async () => {
  await kindedChat().send('go').assertReply('Quel type ?').send('modifier le nombre de parents').assertReply('Combien de parents ?').startTest();
});
