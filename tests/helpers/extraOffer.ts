import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Settings } from 'luxon';
import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from './transcript';

/**
 * A bot on the development knowledge plus an offer of the test file's own (records as data·inclusion publishes them),
 * started before the file's tests and removed after. `clock`, when given, is the instant luxon reads as now until
 * the end of the file (tests may move it with `setClock`). Returns a getter: the bot exists once `beforeAll` ran.
 */
export function useBotWithExtraOffer(name: string, offer: { structures: unknown[]; services: unknown[] }, clock?: string): () => TestBot {
  let bot: TestBot | undefined;
  let knowledge: string | undefined;
  beforeAll(async () => {
    if (clock) setClock(clock);
    knowledge = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    cpSync(DEV_KNOWLEDGE, knowledge, { recursive: true });
    writeFileSync(path.join(knowledge, 'offer', `structures-${name}.json`), JSON.stringify(offer.structures));
    writeFileSync(path.join(knowledge, 'offer', `services-${name}.json`), JSON.stringify(offer.services));
    bot = await startTestBot(knowledge);
  }, 120_000);
  afterAll(async () => {
    Settings.now = () => Date.now();
    await bot?.stop();
    if (knowledge) rmSync(knowledge, { recursive: true, force: true });
  });
  return () => {
    if (!bot) throw new Error('the bot starts in beforeAll');
    return bot;
  };
}

/** From now on, luxon's now is this instant (ISO). */
export function setClock(iso: string): void {
  Settings.now = () => Date.parse(iso);
}

/** Says each message in one new conversation; the last reply, folded. */
export async function lastReply(bot: TestBot, ...messages: string[]): Promise<string> {
  const chat = conversation(bot);
  let last = '';
  for (const message of messages) last = folded((await chat.says(message)).text);
  return last;
}

/** Where a service's name first appears in a folded reply (Infinity when absent): the order results come in. */
export function positionIn(reply: string, name: string): number {
  const i = reply.indexOf(folded(name));
  return i < 0 ? Infinity : i;
}
