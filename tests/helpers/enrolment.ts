import { hashEnrolmentCode, newEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Centre } from '../../src/reports/model';
import { createLogger } from '../../src/log/logger';
import { openStore, type Store } from '../../src/storage';
import { conversation, folded, startTestBot, type TestBot } from './transcript';
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

let staffMembers = 0;

/**
 * Centres' staff in Teams, on a running bot and its store: each `newChat` is a new person (their own user and Entra
 * id); `enrolled` has them ask to report and give a fresh code, which leaves them at « Pour quelle fiche action ? »;
 * `draftOf` is the form of the draft stored for their account.
 */
export function teamsStaff(running: () => { bot: TestBot; store: Store }, tag: string) {
  const newChat = () => {
    staffMembers += 1;
    const id = `${tag}-${staffMembers}-${Math.random()}`;
    return conversation(running().bot, { channelId: 'msteams', user: { id: `29:${id}`, aadObjectId: `aad-${id}` } });
  };
  type Chat = ReturnType<typeof newChat>;
  return {
    newChat,
    async enrolled(chat: Chat = newChat()): Promise<Chat> {
      await chat.says('déclarer une action');
      expect(folded((await chat.says(await inviteCode(running().store))).text)).toContain('quelle fiche');
      return chat;
    },
    async draftOf(chat: Chat): Promise<{ values?: Record<string, unknown>; awaiting?: string }> {
      const saved = await running().store.drafts.get(`aad:${chat.user.aadObjectId}`);
      return (saved?.body as { form?: { values?: Record<string, unknown>; awaiting?: string } } | undefined)?.form ?? {};
    },
  };
}
