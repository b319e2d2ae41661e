"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_path_1 = __importDefault(require("node:path"));
const networkJail_1 = require("../tests/helpers/networkJail");
const table_1 = require("./table");
/**
 * `npm run bench`: the performance benchmarks of INTERFACES.md, one table. Each row shows its value, its target
 * and pass/FAIL; the exit code is 1 when a row fails, so CI or a person sees it at once.
 * Everything runs on this machine: requests go to the loopback only.
 * The bench lives outside src/ and is compiled on its own (tsconfig.bench.json → dist-bench/), so the shipped build
 * carries no generator or load script; the cold-start row still starts the shipped build, dist/src/index.js.
 */
async function main() {
    const unjail = (0, networkJail_1.jailToLoopback)();
    const root = node_path_1.default.resolve(__dirname, '..', '..');
    const knowledgeDir = node_path_1.default.resolve(process.env.KNOWLEDGE_DIR ?? node_path_1.default.join(root, 'knowledge'));
    const rows = [];
    // `npm run bench -- turns cold` runs only the sections named; no argument runs them all.
    const only = process.argv.slice(2);
    const section = async (name, run) => {
        if (only.length > 0 && !only.some((wanted) => name.startsWith(wanted)))
            return;
        process.stderr.write(`bench: ${name}…\n`);
        try {
            rows.push(...(await run()));
        }
        catch (error) {
            rows.push({ name, value: Number.NaN, unit: '', error: error instanceof Error ? error.message : String(error) });
        }
    };
    // Each section loads its own modules when it runs: a section left out costs nothing (the offer's figures do not
    // carry the whole bot's modules), and one that cannot load is a row in error, not a bench that cannot start.
    try {
        await section('turns', async () => (await import('./turnLatency.js')).runTurnBench({ knowledgeDir }));
        await section('sheets', async () => (await import('./sheets.js')).runSheetsBench());
        await section('cold', async () => (await import('./coldStart.js')).runColdStartBench(root, knowledgeDir));
        await section('offer', async () => (await import('./offer.js')).runOfferBench());
        await section('soak', async () => (await import('./soak.js')).runSoakBench({ knowledgeDir }));
        await section('widget', async () => (await import('./widgetLoad.js')).runWidgetLoadBench({ knowledgeDir }));
    }
    finally {
        unjail();
    }
    console.log((0, table_1.renderTable)(rows));
    const targeted = rows.filter((row) => row.target || row.error);
    const failed = rows.filter((row) => (0, table_1.verdict)(row) === 'FAIL');
    console.log(`\nbench: ${targeted.length - failed.length} of ${targeted.length} targets met`);
    process.exitCode = failed.length > 0 ? 1 : 0;
}
main().catch((error) => {
    console.error('bench failed:', error instanceof Error ? error.stack : error);
    process.exit(1);
});
//# sourceMappingURL=run.js.map