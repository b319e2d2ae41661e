"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runTurnBench = runTurnBench;
const node_fs_1 = __importDefault(require("node:fs"));
const node_http_1 = __importDefault(require("node:http"));
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const node_crypto_1 = require("node:crypto");
const app_1 = require("../src/app");
const config_1 = require("../src/config/config");
const logger_1 = require("../src/log/logger");
const echoBot_1 = require("../tests/helpers/echoBot");
const serviceUrlReceiver_1 = require("../tests/helpers/serviceUrlReceiver");
const table_1 = require("./table");
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
function postActivity(agent, url, body) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const req = node_http_1.default.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        });
        req.on('error', reject);
        req.end(body);
    });
}
/** `conversations` users talk at once, each waiting for the bot's answer before the next message. */
async function runLoad(target, receiver, conversations, turnsEach) {
    const agent = new node_http_1.default.Agent({ keepAlive: true, maxSockets: conversations });
    const latencies = [];
    const failures = [];
    const repliesBefore = receiver.replyCount;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: conversations }, async (_, index) => {
        const conversationId = `bench-${(0, node_crypto_1.randomUUID)()}`;
        const from = { id: `user-${index}`, name: 'Bench' };
        for (let turn = 0; turn < turnsEach; turn++) {
            const text = QUESTIONS[(index * 5 + turn) % QUESTIONS.length] ?? 'bonjour';
            const body = JSON.stringify({
                type: 'message',
                id: (0, node_crypto_1.randomUUID)(),
                timestamp: new Date().toISOString(),
                channelId: 'webchat',
                serviceUrl: receiver.serviceUrl,
                conversation: { id: conversationId },
                from,
                recipient: { id: 'maillage', name: 'Maillage' },
                locale: 'fr-FR',
                text,
            });
            const { status, ms } = await postActivity(agent, target.url, body);
            if (status !== 200)
                failures.push(`${status} for « ${text} »`);
            latencies.push(ms);
        }
    }));
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - started;
    agent.destroy();
    // Every turn answers at least once; a turn that answered nothing would make a bot look cheap.
    const replies = receiver.replyCount - repliesBefore;
    if (replies < latencies.length)
        failures.push(`${latencies.length - replies} turns got no reply`);
    return { latencies, wallMs, cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / latencies.length, failures };
}
/** Several measured rounds of the same load add up to one result. */
function combine(results) {
    const turns = results.reduce((sum, result) => sum + result.latencies.length, 0);
    return {
        latencies: results.flatMap((result) => result.latencies),
        wallMs: results.reduce((sum, result) => sum + result.wallMs, 0),
        cpuMsPerTurn: results.reduce((sum, result) => sum + result.cpuMsPerTurn * result.latencies.length, 0) / turns,
        failures: results.flatMap((result) => result.failures),
    };
}
async function startMaillage(knowledgeDir) {
    const dataDir = node_fs_1.default.mkdtempSync(node_path_1.default.join(node_os_1.default.tmpdir(), 'maillage-bench-'));
    const config = (0, config_1.parseConfig)({ KNOWLEDGE_DIR: knowledgeDir, DATABASE_URL: `sqlite:${node_path_1.default.join(dataDir, 'bench.sqlite')}`, LOG_LEVEL: 'silent', PORT: '0' });
    const app = await (0, app_1.createApp)(config, (0, logger_1.createLogger)('silent'));
    const port = await app.http.listen(0, '127.0.0.1');
    await app.ready;
    return {
        url: `http://127.0.0.1:${port}/api/messages`,
        async close() {
            await app.close();
            node_fs_1.default.rmSync(dataDir, { recursive: true, force: true });
        },
    };
}
const CONCURRENT = 32;
const ROUNDS = 10;
const WARM_UP_TURNS_EACH = 60;
async function runTurnBench(options) {
    const singleTurns = options.singleTurns ?? 150;
    const concurrentTurnsEach = options.concurrentTurnsEach ?? 12;
    const receiver = await serviceUrlReceiver_1.ServiceUrlReceiver.start({ keepReplies: false });
    const rows = [];
    const rounds = { echo: { 1: [], [CONCURRENT]: [] }, bot: { 1: [], [CONCURRENT]: [] } };
    const targets = {};
    try {
        targets.echo = await (0, echoBot_1.startGuardedEchoServer)((0, logger_1.createLogger)('silent'));
        targets.bot = await startMaillage(options.knowledgeDir);
        // Warm-up until both run steadily (JIT, caches, SQLite pages, keep-alive sockets): a server answers for days,
        // and the first thousand turns of a fresh process are not what its users see.
        for (const label of ['echo', 'bot'])
            await runLoad(targets[label], receiver, CONCURRENT, WARM_UP_TURNS_EACH);
        // The two bots take turns, round after round, so a noisy moment on this shared machine falls on both.
        // Short rounds, each bot right after the other and in turn first, so both meet the same moment of the machine.
        for (let round = 0; round < ROUNDS; round++) {
            const order = round % 2 === 0 ? ['echo', 'bot'] : ['bot', 'echo'];
            for (const concurrency of [1, CONCURRENT]) {
                for (const label of order) {
                    rounds[label][concurrency].push(await runLoad(targets[label], receiver, concurrency, concurrency === 1 ? singleTurns : concurrentTurnsEach));
                }
            }
        }
    }
    finally {
        for (const target of Object.values(targets))
            await target.close();
        await receiver.close();
    }
    const measured = {};
    for (const [label, byConcurrency] of Object.entries(rounds)) {
        measured[label] = Object.fromEntries(Object.entries(byConcurrency).map(([concurrency, results]) => [concurrency, combine(results)]));
    }
    for (const concurrency of [1, CONCURRENT]) {
        for (const label of ['bot', 'echo']) {
            const result = measured[label]?.[concurrency];
            if (!result)
                continue;
            const who = label === 'bot' ? 'Maillage' : 'echo bot';
            const error = result.failures.length > 0 ? `${result.failures.length} turns failed, e.g. ${result.failures[0]}` : undefined;
            rows.push({ name: `turn ${who} @${concurrency}: p50`, value: (0, table_1.percentile)(result.latencies, 0.5), unit: 'ms', error }, { name: `turn ${who} @${concurrency}: p99`, value: (0, table_1.percentile)(result.latencies, 0.99), unit: 'ms' }, { name: `turn ${who} @${concurrency}: throughput`, value: (result.latencies.length * 1000) / result.wallMs, unit: 'turns/s' }, { name: `turn ${who} @${concurrency}: CPU per turn`, value: result.cpuMsPerTurn, unit: 'ms' });
        }
        const bot = measured.bot?.[concurrency];
        const echo = measured.echo?.[concurrency];
        const botRounds = rounds.bot?.[concurrency] ?? [];
        const echoRounds = rounds.echo?.[concurrency] ?? [];
        if (bot && echo) {
            // Each round's ratio compares two runs a second apart; the median of the rounds leaves out the one a
            // neighbour on this shared machine happened to slow down.
            const perRound = (ratio) => {
                const ratios = botRounds.map((botRound, index) => ratio(botRound, echoRounds[index]));
                if (process.env.BENCH_ROUNDS)
                    process.stderr.write(`@${concurrency} rounds: ${ratios.map((r) => r.toFixed(2)).join(' ')}\n`);
                return (0, table_1.median)(ratios);
            };
            const p50Ratio = (botRound, echoRound) => (0, table_1.percentile)(botRound.latencies, 0.5) / (0, table_1.percentile)(echoRound.latencies, 0.5);
            const throughputRatio = (botRound, echoRound) => (echoRound.latencies.length / echoRound.wallMs) / (botRound.latencies.length / botRound.wallMs);
            rows.push({ name: `turn ratio Maillage/echo @${concurrency}: p50`, value: perRound(p50Ratio), unit: '×', target: { max: 1.3 }, targetNote: `median of ${ROUNDS} rounds` }, { name: `turn ratio Maillage/echo @${concurrency}: p99`, value: (0, table_1.percentile)(bot.latencies, 0.99) / (0, table_1.percentile)(echo.latencies, 0.99), unit: '×' }, { name: `turn ratio Maillage/echo @${concurrency}: CPU per turn`, value: perRound((b, e) => b.cpuMsPerTurn / e.cpuMsPerTurn), unit: '×' }, {
                name: `turn ratio echo/Maillage @${concurrency}: throughput`,
                value: perRound(throughputRatio),
                unit: '×',
                // With one conversation throughput is only 1/latency; at 32 it is the capacity of the process.
                target: concurrency === CONCURRENT ? { max: 1.3 } : undefined,
                targetNote: concurrency === CONCURRENT ? `median of ${ROUNDS} rounds` : undefined,
            });
        }
    }
    return rows;
}
//# sourceMappingURL=turnLatency.js.map