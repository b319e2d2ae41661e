import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createLogger } from '../../src/log/logger';
import { say } from '../../src/messages/common';
import { openStore, type Store } from '../../src/storage';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { readable, SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Issue 8 §3, as it was measured: many conversations, each sending four follow-ups at once, spread over
 * instances that share one database. Before the turn lock, the turns of one conversation raced: the losers'
 * writes were refused for a stale etag and the error handler then deleted the winner's state (199 of 200
 * conversations lost their state on one PostgreSQL instance, 140 of 200 on two).
 *
 * Each conversation first searches for a kind with 30 places nearby (an offer written for this test), then says
 * "voir plus" four times at once. Run one after the other, the four pages are 6–10, 11–15, 16–20 and 21–25, and the
 * memory ends at offset 20: a final offset of 20 proves that every one of the four turns read what the previous one
 * wrote.
 */

const CONVERSATIONS = 200;
/** Conversations started together: 50 × 4 turns in flight at once over the instances. */
const BATCH = 50;
const FOLLOW_UPS = 4;
const PAGE_SIZE = 5;
const SEARCH = 'un LAEP à Lyon';
const PLACES = 30;
const TURN_ERROR = say('turnError', 'fr');

const ExpectRepliesBodySchema = z.object({ activities: z.array(z.record(z.string(), z.unknown())) });
const StoredOfferSchema = z.object({
  maillage: z.object({
    offer: z.object({ offset: z.number(), placeCode: z.string(), kinds: z.array(z.string()).optional() }),
    lastTopic: z.literal('offer'),
  }),
});

interface Instance {
  bot: TestBot;
  messagesUrl: string;
}

/** The shipped sheets, and an offer of PLACES LAEPs spread over Lyon's arrondissements. */
const knowledgeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-turns-knowledge-'));
fs.cpSync(path.join(SHIPPED_KNOWLEDGE, 'sheets'), path.join(knowledgeDir, 'sheets'), { recursive: true });
fs.mkdirSync(path.join(knowledgeDir, 'offer'));
const place = (i: number) => ({
  commune: 'Lyon',
  code_postal: `6900${(i % 9) + 1}`,
  code_insee: `6938${(i % 9) + 1}`,
  adresse: `${i + 1} rue de la Paix`,
  latitude: 45.75 + (i % 6) * 0.004,
  longitude: 4.83 + Math.floor(i / 6) * 0.004,
});
fs.writeFileSync(
  path.join(knowledgeDir, 'offer', 'structures.json'),
  JSON.stringify(Array.from({ length: PLACES }, (_, i) => ({ id: `cs-${i}`, nom: `Centre social ${i}`, telephone: '04 65 71 20 07', ...place(i) }))),
);
fs.writeFileSync(
  path.join(knowledgeDir, 'offer', 'services.json'),
  JSON.stringify(
    Array.from({ length: PLACES }, (_, i) => ({
      id: `laep-${i}`,
      structure_id: `cs-${i}`,
      nom: `LAEP numéro ${i}`,
      description: "Lieu d'accueil enfants-parents pour les enfants de 0 à 6 ans accompagnés d'un adulte.",
      thematiques: ['famille--soutien-a-la-parentalite'],
      horaires_accueil: 'Tu,Th 09:00-11:30',
      ...place(i),
    })),
  ),
);
afterAll(() => fs.rmSync(knowledgeDir, { recursive: true, force: true }));

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const bot = await startTestBot(knowledgeDir, env);
  const port = await bot.app.http.listen(0, '127.0.0.1');
  return { bot, messagesUrl: `http://127.0.0.1:${port}/api/messages` };
}

/** One activity to one instance, through HTTP (POST /api/messages, expectReplies) or through its gateway. */
async function send(instance: Instance, via: 'http' | 'gateway', activity: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  if (via === 'gateway') return instance.bot.app.gateway.deliver(activity);
  const response = await fetch(instance.messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), timestamp: new Date().toISOString(), deliveryMode: 'expectReplies', ...activity }),
  });
  if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
  return ExpectRepliesBodySchema.parse(await response.json()).activities;
}

interface Outcome {
  key: string;
  replies: string[];
}

/** One conversation: a search, then four "voir plus" at once, spread over the instances (and over both ways in). */
async function runConversation(instances: readonly Instance[], index: number): Promise<Outcome> {
  const conversationId = `race-${index}-${randomUUID()}`;
  const base = {
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: conversationId },
    from: { id: `parent-${index}`, name: 'Parent' },
    recipient: { id: 'maillage', name: 'Maillage' },
    locale: 'fr-FR',
  };
  const via = (turn: number): 'http' | 'gateway' => ((index + turn) % 2 === 0 ? 'http' : 'gateway');
  const first = await send(instances[index % instances.length]!, via(0), { ...base, type: 'message', text: SEARCH });
  const followUps = await Promise.all(
    Array.from({ length: FOLLOW_UPS }, (_, turn) =>
      send(instances[(index + turn) % instances.length]!, via(turn + 1), { ...base, type: 'message', text: 'voir plus' }),
    ),
  );
  return {
    key: `webchat/conversations/${conversationId}/`,
    replies: [first, ...followUps].map((replies) => replies.map(readable).join('\n')),
  };
}

async function runAll(instances: readonly Instance[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let start = 0; start < CONVERSATIONS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, CONVERSATIONS - start) }, (_, offset) => runConversation(instances, start + offset));
    outcomes.push(...(await Promise.all(batch)));
  }
  return outcomes;
}

async function storedOffsets(store: Store, outcomes: readonly Outcome[]): Promise<(number | 'missing' | 'unexpected')[]> {
  const { records } = await store.state.read(outcomes.map((outcome) => outcome.key));
  return outcomes.map((outcome) => {
    const record = records.get(outcome.key);
    if (!record) return 'missing';
    const parsed = StoredOfferSchema.safeParse(record.value);
    return parsed.success ? parsed.data.maillage.offer.offset : 'unexpected';
  });
}

/** Every conversation kept the state of all its turns, and no turn failed. */
async function expectEveryTurnKept(store: Store, outcomes: readonly Outcome[]): Promise<void> {
  const offsets = await storedOffsets(store, outcomes);
  const notices = outcomes.flatMap((outcome) => outcome.replies).filter((reply) => reply.includes(TURN_ERROR));
  const lost = offsets.filter((offset) => offset !== FOLLOW_UPS * PAGE_SIZE);
  expect({ notices: notices.length, lost: lost.length, examples: lost.slice(0, 5) }).toEqual({ notices: 0, lost: 0, examples: [] });
  // Each follow-up showed the next page: the four replies, in some order, are pages 2 to 5.
  for (const outcome of outcomes) {
    const pages = outcome.replies.slice(1).map((reply) => /Résultats (\d+) à/.exec(reply)?.[1]).sort();
    expect(pages).toEqual(['11', '16', '21', '6']);
  }
}

describePostgres('four follow-ups at once, on two instances sharing PostgreSQL', (baseUrl) => {
  const schema = uniqueSchemaName();
  const databaseUrl = withSchema(baseUrl, schema);
  let instances: Instance[];

  beforeAll(async () => {
    // Each instance is a whole application with its own pool of connections, as two processes would be.
    instances = [await startInstance({ DATABASE_URL: databaseUrl }), await startInstance({ DATABASE_URL: databaseUrl })];
  }, 120_000);
  afterAll(async () => {
    for (const instance of instances ?? []) await instance.bot.stop();
    await dropSchema(baseUrl, schema);
  });

  test(`${CONVERSATIONS} conversations keep the state of every turn, and no reply is the error notice`, async () => {
    const outcomes = await runAll(instances);
    const store = await openStore(databaseUrl, createLogger('silent'));
    try {
      await expectEveryTurnKept(store, outcomes);
    } finally {
      await store.close();
    }
    // Every lease was given back: none is left to hold up a conversation.
    const leases = await openStore(databaseUrl, createLogger('silent'));
    try {
      expect(await leases.turnLeases?.purgeExpired()).toBe(0);
    } finally {
      await leases.close();
    }
  }, 240_000);
});

describe('four follow-ups at once on SQLite', () => {
  let directory: string;
  let databaseUrl: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-turns-'));
    databaseUrl = `sqlite:${path.join(directory, 'state.sqlite')}`;
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test(`one instance: ${CONVERSATIONS} conversations keep the state of every turn, and no reply is the error notice`, async () => {
    const instance = await startInstance({ DATABASE_URL: databaseUrl });
    try {
      const outcomes = await runAll([instance]);
      const store = await openStore(databaseUrl, createLogger('silent'));
      try {
        await expectEveryTurnKept(store, outcomes);
      } finally {
        await store.close();
      }
    } finally {
      await instance.bot.stop();
    }
  }, 240_000);
});
