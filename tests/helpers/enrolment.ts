import { hashEnrolmentCode, newEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Centre } from '../../src/reports/model';
import { createLogger } from '../../src/log/logger';
import { openStore, type Store } from '../../src/storage';
import { startTestBot, type TestBot } from './transcript';
import { TISSERANDS } from './reportFixtures';

/** A one-time code for a centre, stored as `npm run admin -- invite` stores one (its hash), valid an hour. */
export async function inviteCode(store: Pick<Store, 'enrolments'>, centre: Centre = TISSERANDS): Promise<string> {
  const code = newEnrolmentCode();
  await store.enrolments.createInvite({ codeHash: hashEnrolmentCode(code), centre, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
  return code;
}

/**
 * The whole bot on the shipped knowledge and a connection to its own database, opened before a file's tests and closed
 * after them: report tests read back what the bot stored, and enrol with codes stored there.
 */
export function withBotAndItsStore(started: (running: { bot: TestBot; store: Store }) => void): void {
  let running: { bot: TestBot; store: Store } | undefined;
  beforeAll(async () => {
    const bot = await startTestBot();
    running = { bot, store: await openStore(bot.databaseUrl, createLogger('silent')) };
    started(running);
  });
  afterAll(async () => {
    await running?.store.close();
    await running?.bot.stop();
  });
}
