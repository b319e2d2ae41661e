import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * The development set of parents' messages (parents-dev.jsonl), through the whole bot. Besides each case's own
 * expectations, no answer may say « pas compris », quote an action sheet, or search a word of the message as text.
 */
const TurnSchema = z.object({
  say: z.string(),
  extra: z.record(z.string(), z.unknown()).optional(),
  all: z.array(z.string()).optional(),
  any: z.array(z.string()).optional(),
  none: z.array(z.string()).optional(),
  /** Said first: within the first 300 characters of the reply. */
  lead: z.array(z.string()).optional(),
});
const CaseSchema = TurnSchema.partial({ say: true }).extend({
  id: z.string(),
  locale: z.string().optional(),
  knowledge: z.enum(['shipped', 'dev']).optional(),
  turns: z.array(TurnSchema).optional(),
});
type Case = z.infer<typeof CaseSchema>;

const cases: Case[] = readFileSync(path.join(__dirname, 'parents-dev.jsonl'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('//'))
  .map((line) => CaseSchema.parse(JSON.parse(line)));

/** What no answer to a parent may say. */
const NEVER = [/pas (bien )?compris/, /\bpa \d\.\d/, /aucun resultat pour/, /fiche action/];

let shipped: TestBot;
let dev: TestBot;
beforeAll(async () => {
  [shipped, dev] = await Promise.all([startTestBot(), startTestBot(DEV_KNOWLEDGE)]);
});
afterAll(async () => {
  await Promise.all([shipped.stop(), dev.stop()]);
});

test('the set holds at least 60 messages', () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
});

describe("parents' messages", () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const chat = conversation(c.knowledge === 'dev' ? dev : shipped, { locale: c.locale ?? 'fr-FR' });
    const turns = c.turns ?? [TurnSchema.parse(c)];
    for (const turn of turns) {
      const reply = folded((await chat.says(turn.say, turn.extra ?? {})).text);
      const problems: string[] = [];
      for (const e of turn.all ?? []) if (!reply.includes(folded(e))) problems.push(`missing ${e}`);
      for (const e of turn.lead ?? []) if (!reply.slice(0, 300).includes(folded(e))) problems.push(`not first: ${e}`);
      for (const e of turn.none ?? []) if (reply.includes(folded(e))) problems.push(`unwanted ${e}`);
      if (turn.any && !turn.any.some((e) => reply.includes(folded(e)))) problems.push(`none of ${turn.any.join(', ')}`);
      for (const never of NEVER) if (never.test(reply)) problems.push(`says ${never}`);
      expect({ said: turn.say, problems, reply: problems.length > 0 ? reply.slice(0, 600) : '' }).toEqual({ said: turn.say, problems: [], reply: '' });
    }
  });
});
