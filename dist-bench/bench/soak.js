"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runSoakBench = runSoakBench;
const node_fs_1 = __importDefault(require("node:fs"));
const node_http_1 = __importDefault(require("node:http"));
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const node_crypto_1 = require("node:crypto");
const pg_1 = __importDefault(require("pg"));
const app_1 = require("../src/app");
const config_1 = require("../src/config/config");
const logger_1 = require("../src/log/logger");
const serviceUrlReceiver_1 = require("../tests/helpers/serviceUrlReceiver");
const table_1 = require("./table");
/**
 * The soak rows: Maillage under a steady mixed load for a minute, as a deployment sees it — half the users on a
 * Bot Framework channel (POST /api/messages, replies to a serviceUrl), half in the widget through the built-in
 * Direct Line endpoint (token, start, post, poll). It must make no error, and its memory must settle: the resident
 * size at the end stays within 1.5× of what it was after the warm-up. Then the built-in Direct Line's throughput
 * with two instances sharing PostgreSQL, each request of a conversation sent to the other instance in turn, as a
 * round-robin load balancer would.
 */
const MESSAGES = [
    'qui pilote la PA 3.2.1 ?',
    'et ses indicateurs ?',
    'un groupe de parole près de Vénissieux le samedi ?',
    'aide aux devoirs à Villeurbanne',
    'un LAEP à Givors',
    'quelles fiches impliquent l’Udaf 69 ?',
    'et à Bron ?',
    'médiation familiale près de Tours',
    'merci',
];
/** A conversation is left for a new one after this many turns, so conversations keep starting and ending. */
const TURNS_PER_CONVERSATION = 12;
/**
 * The instances run behind a (pretend) reverse proxy, TRUST_PROXY=1, and each widget conversation comes from a
 * visitor address of its own (198.18.0.0/15, the benchmarking range), as real visitors do: the per-address rate
 * limits then apply as they would in production, instead of all the load counting as one visitor's.
 */
let visitors = 0;
function newVisitorAddress() {
    const n = visitors++ % 131_072;
    return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}
function request(agent, url, method, body, token, forwardedFor) {
    const started = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const headers = {};
        if (payload !== undefined) {
            headers['content-type'] = 'application/json';
            headers['content-length'] = String(Buffer.byteLength(payload));
        }
        if (token)
            headers.authorization = `Bearer ${token}`;
        if (forwardedFor)
            headers['x-forwarded-for'] = forwardedFor;
        const req = node_http_1.default.request(url, { method, agent, headers }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let json;
                try {
                    json = text ? JSON.parse(text) : undefined;
                }
                catch {
                    json = undefined;
                }
                resolve({ status: res.statusCode ?? 0, json, ms: performance.now() - started });
            });
        });
        req.on('error', reject);
        req.end(payload);
    });
}
/** One Bot Framework user: each message waits for the bot's answer (the POST returns once replies are posted). */
async function botConnectorUser(agent, instance, receiver, until, counters) {
    while (performance.now() < until) {
        const conversationId = `soak-${(0, node_crypto_1.randomUUID)()}`;
        for (let turn = 0; turn < TURNS_PER_CONVERSATION && performance.now() < until; turn++) {
            const text = MESSAGES[turn % MESSAGES.length];
            const result = await request(agent, `${instance.base}/api/messages`, 'POST', {
                type: 'message',
                id: (0, node_crypto_1.randomUUID)(),
                timestamp: new Date().toISOString(),
                channelId: 'webchat',
                serviceUrl: receiver.serviceUrl,
                conversation: { id: conversationId },
                from: { id: `soak-user-${conversationId}` },
                recipient: { id: 'maillage', name: 'Maillage' },
                locale: 'fr-FR',
                text,
            });
            counters.turns++;
            counters.latencies.push(result.ms);
            if (result.status !== 200)
                counters.errors.push(`Bot Connector ${result.status}`);
        }
    }
}
function readGrant(json) {
    if (typeof json !== 'object' || json === null)
        return undefined;
    const { token, conversationId } = json;
    return typeof token === 'string' && typeof conversationId === 'string' ? { token, conversationId } : undefined;
}
function readActivities(json) {
    if (typeof json !== 'object' || json === null)
        return undefined;
    const { activities, watermark } = json;
    return Array.isArray(activities) && typeof watermark === 'string' ? { activities: activities, watermark } : undefined;
}
/**
 * One widget user on the built-in Direct Line: a token, a conversation, then messages, each followed by a poll that
 * must bring the bot's answer. `instances` are used in turn, request after request (one, or two behind a balancer).
 */
async function directLineUser(agent, instances, until, counters, userIndex) {
    let next = userIndex;
    const pick = () => instances[next++ % instances.length];
    while (performance.now() < until) {
        const visitor = newVisitorAddress();
        const generated = await request(agent, `${pick().base}/v3/directline/tokens/generate`, 'POST', undefined, undefined, visitor);
        const grant = readGrant(generated.json);
        if (generated.status !== 200 || !grant) {
            counters.errors.push(`Direct Line token ${generated.status}`);
            return;
        }
        const started = await request(agent, `${pick().base}/v3/directline/conversations`, 'POST', { locale: 'fr-FR' }, grant.token, visitor);
        if (started.status !== 201 && started.status !== 200) {
            counters.errors.push(`Direct Line start ${started.status}`);
            return;
        }
        const conversationPath = `/v3/directline/conversations/${encodeURIComponent(grant.conversationId)}`;
        let watermark = '0';
        for (let turn = 0; turn < TURNS_PER_CONVERSATION && performance.now() < until; turn++) {
            const text = MESSAGES[(turn + userIndex) % MESSAGES.length];
            const posted = await request(agent, `${pick().base}${conversationPath}/activities`, 'POST', { type: 'message', from: { id: 'x' }, text, locale: 'fr-FR' }, grant.token, visitor);
            counters.turns++;
            counters.latencies.push(posted.ms);
            if (posted.status !== 200) {
                counters.errors.push(`Direct Line post ${posted.status}`);
                continue;
            }
            const polled = await request(agent, `${pick().base}${conversationPath}/activities?watermark=${watermark}`, 'GET', undefined, grant.token, visitor);
            const set = readActivities(polled.json);
            if (polled.status !== 200 || !set) {
                counters.errors.push(`Direct Line poll ${polled.status}`);
                continue;
            }
            const answered = set.activities.some((activity) => activity.from?.role === 'bot' && activity.type === 'message');
            if (!answered)
                counters.errors.push('Direct Line: a message got no answer in the next poll');
            watermark = set.watermark;
        }
    }
}
async function startInstance(knowledgeDir, databaseUrl, signingKey) {
    const config = (0, config_1.parseConfig)({
        KNOWLEDGE_DIR: knowledgeDir,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
        PORT: '0',
        DIRECT_LINE_SIGNING_KEY: signingKey,
        TRUST_PROXY: '1',
    });
    const app = await (0, app_1.createApp)(config, (0, logger_1.createLogger)('silent'));
    const port = await app.http.listen(0, '127.0.0.1');
    await app.ready;
    return { base: `http://127.0.0.1:${port}`, app };
}
/**
 * Memory once the garbage is collected: V8 lets its heap grow under a high allocation rate and collects later, so a
 * reading taken mid-load mostly says how much garbage was pending. `npm run bench` runs node with --expose-gc; the
 * reading is taken as is without it.
 */
function settledMemory() {
    const collect = globalThis.gc;
    collect?.();
    collect?.();
    return process.memoryUsage();
}
function mib(bytes) {
    return bytes / (1024 * 1024);
}
async function runSoakBench(options) {
    const seconds = options.seconds ?? Number(process.env.BENCH_SOAK_SECONDS ?? 60);
    const users = options.conversations ?? 16;
    const rows = [];
    const signingKey = (0, node_crypto_1.randomUUID)();
    const dataDir = node_fs_1.default.mkdtempSync(node_path_1.default.join(node_os_1.default.tmpdir(), 'maillage-soak-'));
    const receiver = await serviceUrlReceiver_1.ServiceUrlReceiver.start({ keepReplies: false });
    const agent = new node_http_1.default.Agent({ keepAlive: true, maxSockets: users * 2 });
    let instance;
    try {
        instance = await startInstance(options.knowledgeDir, `sqlite:${node_path_1.default.join(dataDir, 'soak.sqlite')}`, signingKey);
        const run = async (durationMs) => {
            const counters = { turns: 0, errors: [], latencies: [] };
            const until = performance.now() + durationMs;
            await Promise.all(Array.from({ length: users }, (_, index) => index % 2 === 0
                ? botConnectorUser(agent, instance, receiver, until, counters)
                : directLineUser(agent, [instance], until, counters, index)));
            return counters;
        };
        // The warm-up reaches the steady state a server lives in before memory is read: JIT, caches, SQLite pages, and
        // the built-in Direct Line's transcripts up to their byte budget (about 650 widget conversations of this load,
        // which fill it in 25–30 s on a 2-core machine; a server keeps them for an hour).
        await run(Math.min(30_000, (seconds * 1000) / 2));
        const afterWarmUp = settledMemory();
        const rssAfterWarmUp = afterWarmUp.rss;
        const started = performance.now();
        const soak = await run(seconds * 1000);
        const wallMs = performance.now() - started;
        const atEnd = settledMemory();
        const rssAtEnd = atEnd.rss;
        const error = soak.errors.length > 0 ? `${soak.errors.length} errors, e.g. ${soak.errors[0]}` : undefined;
        rows.push({ name: `soak ${seconds} s @${users} (Bot Connector + Direct Line): errors`, value: soak.errors.length, unit: '', target: { max: 0 }, error }, { name: `soak: turns/s`, value: (soak.turns * 1000) / wallMs, unit: 'turns/s' }, { name: `soak: p99 turn`, value: (0, table_1.percentile)(soak.latencies, 0.99), unit: 'ms' }, { name: `soak: RSS after warm-up`, value: mib(rssAfterWarmUp), unit: 'MiB' }, { name: `soak: heap used at end / after warm-up`, value: atEnd.heapUsed / afterWarmUp.heapUsed, unit: '×' }, { name: `soak: RSS at end / after warm-up`, value: rssAtEnd / rssAfterWarmUp, unit: '×', target: { max: 1.5 } });
    }
    finally {
        agent.destroy();
        await instance?.app.close();
        await receiver.close();
        node_fs_1.default.rmSync(dataDir, { recursive: true, force: true });
    }
    rows.push(...(await twoInstanceDirectLine(options, signingKey)));
    return rows;
}
/** Two instances on one PostgreSQL schema, each request of a widget conversation to the other in turn. */
async function twoInstanceDirectLine(options, signingKey) {
    const name = 'Direct Line, 2 instances round-robin: throughput';
    const base = options.postgresUrl ?? process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `maillage_bench_${process.pid}_${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
    const databaseUrl = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
    const instances = [];
    const agent = new node_http_1.default.Agent({ keepAlive: true, maxSockets: 32 });
    try {
        instances.push(await startInstance(options.knowledgeDir, databaseUrl, signingKey));
        instances.push(await startInstance(options.knowledgeDir, databaseUrl, signingKey));
        const users = 16;
        const run = async (durationMs) => {
            const counters = { turns: 0, errors: [], latencies: [] };
            const started = performance.now();
            const until = started + durationMs;
            await Promise.all(Array.from({ length: users }, (_, index) => directLineUser(agent, instances, until, counters, index)));
            return { ...counters, wallMs: performance.now() - started };
        };
        await run(5_000);
        const measured = await run(20_000);
        const error = measured.errors.length > 0 ? `${measured.errors.length} errors, e.g. ${measured.errors[0]}` : undefined;
        return [
            { name, value: (measured.turns * 1000) / measured.wallMs, unit: 'messages/s', error },
            { name: 'Direct Line, 2 instances round-robin: p99 post', value: (0, table_1.percentile)(measured.latencies, 0.99), unit: 'ms' },
        ];
    }
    catch (error) {
        return [{ name, value: Number.NaN, unit: '', error: error instanceof Error ? error.message : String(error) }];
    }
    finally {
        agent.destroy();
        for (const instance of instances)
            await instance.app.close();
        await dropSchema(base, schema);
    }
}
async function dropSchema(connectionString, schema) {
    const client = new pg_1.default.Client({ connectionString });
    try {
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
    catch {
        // Nothing to drop when PostgreSQL did not answer; the row above already says so.
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
//# sourceMappingURL=soak.js.map