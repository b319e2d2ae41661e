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
 * QA reports 9 and 7, in the generic runner: an empty message re-asks the pending question; text at the review that
 * is no command says so and what to say; a doubtful value is questioned, and stands on « oui » or said again.
 */
interface Counts {
  parents: number;
}

const read = (reading: TurnReading) => {
  const match = /^\s*(\d{1,7})\s*$/.exec(reading.text);
  if (!match) return { problem: 'un nombre' };
  const value = Number(match[1]);
  return value > 300 ? { value, doubt: { text: `${value}, c’est beaucoup : est-ce bien ${value} ?`, suggestions: ['Oui'] } } : { value };
};

const completed: Counts[] = [];
const form: FormDefinition<Counts> = {
  id: 'counts',
  fields: [{ key: 'parents', ask: () => 'Combien de parents ?', reask: (_l, problem) => `Il me faut ${problem} : combien de parents ?`, read }],
  schema: z.object({ parents: z.number() }),
  command: (reading) => (/^(oui|confirmer)$/i.test(reading.text.trim()) ? { kind: 'confirm' } : /^modifier$/i.test(reading.text.trim()) ? { kind: 'edit', field: 'parents' } : null),
  review: {
    summary: (values) => ({ text: `Résumé : ${values.parents} parents. Confirmer ?` }),
    whichField: () => ({ text: 'Quel champ ?' }),
    notUnderstood: () => ({ text: 'Je n’ai pas compris : dites « confirmer » ou « modifier ».' }),
  },
  complete: async (context, values) => {
    completed.push(values);
    await sendReply(context, { text: `Enregistré : ${values.parents}.` });
  },
};

const runner = new FormRunner(form);
const readers = { sheets: SheetIndex.build([]), communes: CommuneIndex.load() };
const now = DateTime.fromISO('2026-03-10T10:00:00', { zone: 'Europe/Paris' });

function chat() {
  let stored = '{}';
  const adapter = new TestAdapter(async (context: TurnContext) => {
    if (context.activity.type !== ActivityTypes.Message) return;
    const memory: ConversationMemory = ConversationMemorySchema.parse(JSON.parse(stored));
    const reading = readTurn(readTurnInput(context), readers, now);
    if (runner.pendingQuestion(memory) !== null && runner.answersPending(reading, memory)) await runner.answer(context, reading, memory);
    else if (reading.text.startsWith('compte')) await runner.start(context, reading, memory);
    else await context.sendActivity('(aide du bot)');
    stored = JSON.stringify(memory);
  });
  return adapter;
}

test('an empty message in the middle of the form asks the pending question again, not the bot’s help', async () => {
  await chat().send('compte').assertReply('Combien de parents ?').send('').assertReply('Combien de parents ?').send('   ').assertReply('Combien de parents ?').startTest();
});

test('text at the review that is no command is said not understood, with what to say', async () => {
  await chat()
    .send('compte')
    .assertReply('Combien de parents ?')
    .send('14')
    .assertReply('Résumé : 14 parents. Confirmer ?')
    .send('RAS')
    .assertReply('Je n’ai pas compris : dites « confirmer » ou « modifier ».')
    .send('confirmer')
    .assertReply('Enregistré : 14.')
    .startTest();
});

test('a doubtful value is questioned; « oui » keeps it', async () => {
  await chat()
    .send('compte')
    .assertReply('Combien de parents ?')
    .send('100000')
    .assertReply('100000, c’est beaucoup : est-ce bien 100000 ?')
    .send('oui')
    .assertReply('Résumé : 100000 parents. Confirmer ?')
    .startTest();
});

test('a doubtful value said again stands; another number replaces it', async () => {
  await chat()
    .send('compte')
    .assertReply('Combien de parents ?')
    .send('5000')
    .assertReply('5000, c’est beaucoup : est-ce bien 5000 ?')
    .send('50')
    .assertReply('Résumé : 50 parents. Confirmer ?')
    .send('modifier')
    .assertReply('Combien de parents ?')
    .send('900')
    .assertReply('900, c’est beaucoup : est-ce bien 900 ?')
    .send('900')
    .assertReply('Résumé : 900 parents. Confirmer ?')
    .startTest();
});
