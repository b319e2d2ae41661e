"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runSheetsBench = runSheetsBench;
const node_fs_1 = __importDefault(require("node:fs"));
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const sheets_1 = require("../src/sheets");
const sheets_2 = require("./generate/sheets");
const table_1 = require("./table");
const SHEET_COUNT = 1000;
const RUNS = 3;
/**
 * Parse + index of 1,000 generated sheets, read from files as at start-up (plan.json per plan folder).
 * The files are written once; each run reads, parses and indexes them all. The median of three runs is kept.
 */
function runSheetsBench() {
    const directory = node_fs_1.default.mkdtempSync(node_path_1.default.join(node_os_1.default.tmpdir(), 'maillage-bench-sheets-'));
    try {
        const sheets = (0, sheets_2.generateSheets)(SHEET_COUNT);
        const plans = new Map(sheets.map((sheet) => [sheet.plan.id, sheet.plan]));
        for (const [id, plan] of plans) {
            node_fs_1.default.mkdirSync(node_path_1.default.join(directory, id), { recursive: true });
            node_fs_1.default.writeFileSync(node_path_1.default.join(directory, id, 'plan.json'), JSON.stringify(plan));
        }
        for (const sheet of sheets)
            node_fs_1.default.writeFileSync(node_path_1.default.join(directory, sheet.file), sheet.text);
        const timings = [];
        let loaded = 0;
        let problems = 0;
        for (let run = 0; run < RUNS; run++) {
            const started = performance.now();
            const knowledge = (0, sheets_1.loadSheetKnowledge)(directory);
            sheets_1.SheetIndex.build(knowledge.sheets);
            timings.push(performance.now() - started);
            loaded = knowledge.sheets.length;
            problems = knowledge.problems.length;
        }
        const rows = [{ name: `sheets: parse + index ${SHEET_COUNT} generated sheets`, value: (0, table_1.median)(timings) / 1000, unit: 's', target: { max: 1 } }];
        if (loaded !== SHEET_COUNT) {
            rows.push({ name: 'sheets: generated sheets loaded', value: loaded, unit: `of ${SHEET_COUNT}`, target: { min: SHEET_COUNT }, error: `${problems} reported as problems` });
        }
        return rows;
    }
    finally {
        node_fs_1.default.rmSync(directory, { recursive: true, force: true });
    }
}
//# sourceMappingURL=sheets.js.map