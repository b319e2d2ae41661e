import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { startGuardedEchoServer } from '../../tests/helpers/echoBot';
import { ServiceUrlReceiver } from '../../tests/helpers/serviceUrlReceiver';
import { percentile, type BenchRow } from './table';

/**
 * Turn latency through HTTP POST /api/messages, as a channel sees it: the POST returns once the turn is over and
 * its replies have been delivered to the serviceUrl (a local receiver). The same load runs against Maillage and
 * against the botbuilder echo bot on the same server stack (createHttpServer + guard + CloudAdapter).
 */

/** A realistic mix: partners asking about sheets, parents looking for support, follow-ups, small talk. */
const QUESTIONS = [
  'qui pilote la PA 3.2.1 ?',
  'et ses indicateurs ?',
  'un groupe de parole près de Vénissieux le samedi ?',
  'partenaires pa232',
  'aide aux devoirs à Villeurbanne',
  'que veut dire CTG ?',
  'un LAEP à Givors',
  'quelles fiches impliquent l’Udaf 69 ?',
  'et à Bron ?',
  'qui finance la fiche 1.2.5',
  'médiation familiale près de Tours',
  'quelles fiches concernent les familles monoparentales ?',
  'café des parents ouvert le samedi à Lyon 7',
  'calendrier de la PA 3.1.2',
  'merci',
  'je cherche quelqu’un à qui parler, je suis maman solo à Vaulx-en-Velin',
];

interface LoadResult {
  latencies: number[];
  wallMs: number;
  /** CPU time of this whole process (server, client and receiver alike) per turn: steadier than latency on a shared machine. */
  cpuMsPerTurn: number;
  failures: string[];
}

interface Target {
  url: string;
  close(): Promise<void>;
}

function postActivity(agent: http.Agent, url: string, body: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `conversations` users talk at once, each waiting for the bot's answer before the next message. */
async function runLoad(target: Target, serviceUrl: string, conversations: number, turnsEach: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conversations });
  const latencies: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: conversations }, async (_, index) => {
      const conversationId = `bench-${randomUUID()}`;
      const from = { id: `user-${index}`, name: 'Bench' };
      for (let turn = 0; turn < turnsEach; turn++) {
        const text = QUESTIONS[(index * 5 + turn) % QUESTIONS.length] ?? 'bonjour';
        const body = JSON.stringify({
          type: 'message',
          id: randomUUID(),
          timestamp: new Date().toISOString(),
          channelId: 'webchat',
          serviceUrl,
          conversation: { id: conversationId },
          from,
          recipient: { id: 'maillage', name: 'Maillage' },
          locale: 'fr-FR',
          text,
        });
        const { status, ms } = await postActivity(agent, target.url, body);
        if (status !== 200) failures.push(`${status} for « ${text} »`);
        latencies.push(ms);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { latencies, wallMs: performance.now() - started, cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / latencies.length, failures };
}

async function startMaillage(knowledgeDir: string): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-'));
  const config = parseConfig({ KNOWLEDGE_DIR: knowledgeDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'bench.sqlite')}`, LOG_LEVEL: 'silent', PORT: '0' });
  const app = await createApp(config, createLogger('silent'));
  const port = await app.http.listen(0, '127.0.0.1');
  await app.ready;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TurnBenchOptions {
  knowledgeDir: string;
  /** Turns of the single conversation, and of each of the 32. */
  singleTurns?: number;
  concurrentTurnsEach?: number;
}

const CONCURRENT = 32;

export async function runTurnBench(options: TurnBenchOptions): Promise<BenchRow[]> {
  const singleTurns = options.singleTurns ?? 300;
  const concurrentTurnsEach = options.concurrentTurnsEach ?? 16;
  const receiver = await ServiceUrlReceiver.start();
  const rows: BenchRow[] = [];
  const measured: Record<string, Record<number, LoadResult>> = {};
  try {
    const targets: [string, () => Promise<Target>][] = [
      ['echo', () => startGuardedEchoServer(createLogger('silent'))],
      ['bot', () => startMaillage(options.knowledgeDir)],
    ];
    for (const [label, start] of targets) {
      const target = await start();
      try {
        // Warm-up: JIT, caches, SQLite pages, keep-alive sockets.
        await runLoad(target, receiver.serviceUrl, 4, 20);
        measured[label] = {
          1: await runLoad(target, receiver.serviceUrl, 1, singleTurns),
          [CONCURRENT]: await runLoad(target, receiver.serviceUrl, CONCURRENT, concurrentTurnsEach),
        };
      } finally {
        await target.close();
      }
    }
  } finally {
    await receiver.close();
  }

  for (const concurrency of [1, CONCURRENT]) {
    for (const label of ['bot', 'echo']) {
      const result = measured[label]?.[concurrency];
      if (!result) continue;
      const who = label === 'bot' ? 'Maillage' : 'echo bot';
      const error = result.failures.length > 0 ? `${result.failures.length} turns failed, e.g. ${result.failures[0]}` : undefined;
      rows.push(
        { name: `turn ${who} @${concurrency}: p50`, value: percentile(result.latencies, 0.5), unit: 'ms', error },
        { name: `turn ${who} @${concurrency}: p99`, value: percentile(result.latencies, 0.99), unit: 'ms' },
        { name: `turn ${who} @${concurrency}: throughput`, value: (result.latencies.length * 1000) / result.wallMs, unit: 'turns/s' },
        { name: `turn ${who} @${concurrency}: CPU per turn`, value: result.cpuMsPerTurn, unit: 'ms' },
      );
    }
    const bot = measured.bot?.[concurrency];
    const echo = measured.echo?.[concurrency];
    if (bot && echo) {
      rows.push(
        { name: `turn ratio Maillage/echo @${concurrency}: p50`, value: percentile(bot.latencies, 0.5) / percentile(echo.latencies, 0.5), unit: '×', target: { max: 1.3 } },
        { name: `turn ratio Maillage/echo @${concurrency}: p99`, value: percentile(bot.latencies, 0.99) / percentile(echo.latencies, 0.99), unit: '×' },
        { name: `turn ratio Maillage/echo @${concurrency}: CPU per turn`, value: bot.cpuMsPerTurn / echo.cpuMsPerTurn, unit: '×' },
        {
          name: `turn ratio echo/Maillage @${concurrency}: throughput`,
          value: ((echo.latencies.length / echo.wallMs) * bot.wallMs) / bot.latencies.length,
          unit: '×',
          // With one conversation throughput is only 1/latency; at 32 it is the capacity of the process.
          target: concurrency === CONCURRENT ? { max: 1.3 } : undefined,
        },
      );
    }
  }
  return rows;
}
