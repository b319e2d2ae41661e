"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runColdStartBench = runColdStartBench;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = __importDefault(require("node:fs"));
const node_net_1 = __importDefault(require("node:net"));
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const table_1 = require("./table");
const RUNS = 3;
const GIVE_UP_MS = 30_000;
async function freePort() {
    const server = node_net_1.default.createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(() => resolve()));
    if (!address || typeof address === 'string')
        throw new Error('no TCP port');
    return address.port;
}
/** One start of the built server, from spawn to the first 200 on /healthz, on a new database. */
async function timeOneStart(entry, knowledgeDir) {
    const dataDir = node_fs_1.default.mkdtempSync(node_path_1.default.join(node_os_1.default.tmpdir(), 'maillage-bench-cold-'));
    const port = await freePort();
    const started = performance.now();
    const child = (0, node_child_process_1.spawn)(process.execPath, [entry], {
        env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${node_path_1.default.join(dataDir, 'cold.sqlite')}`, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk.toString('utf8')));
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    try {
        while (performance.now() - started < GIVE_UP_MS) {
            if (child.exitCode !== null)
                throw new Error(`the server exited with ${child.exitCode}: ${stderr.trim().slice(0, 300)}`);
            const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
                .then((response) => response.status === 200)
                .catch(() => false);
            if (ok)
                return performance.now() - started;
            await new Promise((resolve) => setTimeout(resolve, 5));
        }
        throw new Error(`no 200 on /healthz within ${GIVE_UP_MS / 1000} s`);
    }
    finally {
        child.kill('SIGTERM');
        await exited;
        node_fs_1.default.rmSync(dataDir, { recursive: true, force: true });
    }
}
/** Cold start of `node dist/src/index.js` until /healthz answers 200 (median of three, each on a new database). */
async function runColdStartBench(root, knowledgeDir) {
    const entry = node_path_1.default.join(root, 'dist', 'src', 'index.js');
    const name = 'cold start: spawn → /healthz 200';
    if (!node_fs_1.default.existsSync(entry))
        return [{ name, value: Number.NaN, unit: 's', target: { max: 2 }, error: `${entry} is missing (npm run build)` }];
    try {
        const timings = [];
        for (let run = 0; run < RUNS; run++)
            timings.push(await timeOneStart(entry, knowledgeDir));
        return [{ name, value: (0, table_1.median)(timings) / 1000, unit: 's', target: { max: 2 } }];
    }
    catch (error) {
        return [{ name, value: Number.NaN, unit: 's', target: { max: 2 }, error: error instanceof Error ? error.message : String(error) }];
    }
}
//# sourceMappingURL=coldStart.js.map