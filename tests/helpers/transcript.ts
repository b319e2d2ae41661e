import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';

/** The shipped knowledge, and the development knowledge shared with the evaluation sets. */
export const SHIPPED_KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
export const DEV_KNOWLEDGE = path.resolve(__dirname, '../../../shared/fixtures/knowledge-dev');

export interface TestBot {
  app: App;
  /** The bot's own database, for a test to look at or tamper with what it stored. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The real application, in-process, on a throw-away SQLite file. */
export async function startTestBot(knowledgeDir = SHIPPED_KNOWLEDGE, env: Record<string, string> = {}): Promise<TestBot> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-test-'));
  const databaseUrl = `sqlite:${path.join(dataDir, 'test.sqlite')}`;
  const config = parseConfig({ KNOWLEDGE_DIR: knowledgeDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger('silent'));
  await app.ready;
  return {
    app,
    databaseUrl: config.databaseUrl,
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything a person could read in a reply: its text, its cards' texts and facts, its buttons. */
export function readable(activity: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['text', 'title', 'value', 'label', 'altText', 'fallbackText'].includes(key)) parts.push(value);
      else if (typeof value === 'object') walk(value);
    }
  };
  if (activity.type !== 'message') return '';
  if (typeof activity.text === 'string') parts.push(activity.text);
  walk(activity.attachments);
  walk(activity.suggestedActions);
  return parts.join('\n');
}

/** Transcripts compare the way the bot reads: lower case, no accents, one space. */
export { fold as folded } from '../../src/language/text';

export interface Turn {
  replies: Record<string, unknown>[];
  text: string;
}

/**
 * One conversation with the bot, as a user in a channel would have it:
 *   const chat = conversation(bot); await chat.says('qui pilote la PA 3.2.1 ?'); expect(chat.last).toMention('commission parentalité')
 */
export function conversation(bot: TestBot, options: { channelId?: string; locale?: string; user?: { id: string; aadObjectId?: string }; conversationId?: string } = {}) {
  // Several people in one conversation (a Teams group chat) share its id.
  const conversationId = options.conversationId ?? `test-${randomUUID()}`;
  const user = { id: `user-${randomUUID().slice(0, 8)}`, name: 'Test', ...options.user };
  const base = {
    channelId: options.channelId ?? 'webchat',
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: conversationId },
    from: user,
    recipient: { id: 'maillage', name: 'Maillage' },
    locale: options.locale ?? 'fr-FR',
  };
  const send = async (activity: Record<string, unknown>): Promise<Turn> => {
    const replies = await bot.app.gateway.deliver({ ...base, ...activity });
    return { replies, text: replies.map(readable).join('\n') };
  };
  return {
    user,
    /** Where botbuilder keeps this conversation's state. */
    stateKey: `${base.channelId}/conversations/${conversationId}/`,
    says: (text: string, extra: Record<string, unknown> = {}) => send({ type: 'message', text, ...extra }),
    submits: (value: Record<string, unknown>) => send({ type: 'message', value }),
    sharesPosition: (latitude: number, longitude: number) => send({ type: 'event', name: 'location', value: { latitude, longitude } }),
    joins: () => send({ type: 'conversationUpdate', membersAdded: [user, { id: 'maillage' }] }),
  };
}

/** The numbers a turn's cards dial or text (« tel:119 », « sms:114 »), in the order the cards give them. */
export function callUrls(turn: { replies: Record<string, unknown>[] }): string[] {
  return [...JSON.stringify(turn.replies.map((reply) => reply.attachments ?? null)).matchAll(/"url":"((?:tel|sms):\d+)"/g)].map((m) => m[1]!);
}
