"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadSheetKnowledge = loadSheetKnowledge;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const parser_1 = require("./parser");
const model_1 = require("./model");
/**
 * Loads every `.txt` / `.md` sheet under a directory, each with the `plan.json` of its folder or the nearest parent.
 * One bad file or plan is reported with its path and reason and skipped; the rest loads. Synchronous: it runs once
 * at start, before the server listens.
 */
const SHEET_FILE = /\.(txt|md)$/i;
/** Notes for people who maintain the folder, not sheets. */
const NOT_A_SHEET = /^readme(\.[a-z]+)?$/i;
const PLAN_FILE = 'plan.json';
/** A sheet is a few kilobytes; a file this large is something else. */
const MAX_SHEET_BYTES = 2 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** "tours-contrat-de-ville" → a plan named after its folder, for sheets that have no plan.json. */
function planFromFolder(folder) {
    const id = folder
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[^A-Za-z0-9]+|-+$/g, '')
        .toLowerCase();
    const words = folder.replace(/[-_]+/g, ' ').trim();
    return { id: id || 'plan', title: words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Plan' };
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
function readPlan(path, shownPath, problems) {
    let raw;
    try {
        raw = JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        problems.push({ file: shownPath, reason: `plan.json is not valid JSON: ${describe(error)}` });
        return undefined;
    }
    const parsed = model_1.PlanSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push({ file: shownPath, reason: `plan.json does not fit {id, title, territory?, period?}: ${issue.path.join('.') || 'value'} ${issue.message}` });
        return undefined;
    }
    return parsed.data;
}
function readSheetFile(path) {
    let bytes;
    try {
        const size = (0, node_fs_1.statSync)(path).size;
        if (size > MAX_SHEET_BYTES)
            return { reason: `file too large for a sheet (${size} bytes)` };
        bytes = (0, node_fs_1.readFileSync)(path);
    }
    catch (error) {
        return { reason: `cannot be read: ${describe(error)}` };
    }
    try {
        return { text: utf8.decode(bytes) };
    }
    catch {
        return { reason: 'not UTF-8 text' };
    }
}
function loadSheetKnowledge(sheetsDir) {
    const sheets = [];
    const plans = new Map();
    const problems = [];
    const seen = new Map();
    const shown = (path) => (0, node_path_1.relative)(sheetsDir, path).split(node_path_1.sep).join('/') || (0, node_path_1.basename)(path);
    const visit = (dir, inherited) => {
        let entries;
        try {
            entries = (0, node_fs_1.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
        }
        catch (error) {
            problems.push({ file: shown(dir) || dir, reason: `folder cannot be read: ${describe(error)}` });
            return;
        }
        const planEntry = entries.find((entry) => entry.isFile() && entry.name === PLAN_FILE);
        const own = planEntry ? readPlan((0, node_path_1.join)(dir, PLAN_FILE), shown((0, node_path_1.join)(dir, PLAN_FILE)), problems) : undefined;
        const plan = own ?? inherited;
        for (const entry of entries) {
            if (entry.name.startsWith('.'))
                continue;
            const path = (0, node_path_1.join)(dir, entry.name);
            if (entry.isDirectory()) {
                visit(path, plan);
                continue;
            }
            if (!entry.isFile() || !SHEET_FILE.test(entry.name) || NOT_A_SHEET.test(entry.name))
                continue;
            const file = shown(path);
            const read = readSheetFile(path);
            if ('reason' in read) {
                problems.push({ file, reason: read.reason });
                continue;
            }
            const sheetPlan = plan ?? planFromFolder((0, node_path_1.basename)(dir));
            const outcome = (0, parser_1.parseSheetText)(read.text, { file, plan: sheetPlan });
            if (!outcome.ok) {
                problems.push({ file, reason: outcome.reason });
                continue;
            }
            const earlier = seen.get(outcome.sheet.id);
            if (earlier !== undefined) {
                problems.push({ file, reason: `${outcome.sheet.code} is already defined for plan "${sheetPlan.id}" by ${earlier}` });
                continue;
            }
            seen.set(outcome.sheet.id, file);
            if (!plans.has(sheetPlan.id))
                plans.set(sheetPlan.id, sheetPlan);
            sheets.push(outcome.sheet);
        }
    };
    try {
        if (!(0, node_fs_1.statSync)(sheetsDir).isDirectory()) {
            return { sheets, plans: [], problems: [{ file: sheetsDir, reason: 'not a folder' }] };
        }
    }
    catch (error) {
        return { sheets, plans: [], problems: [{ file: sheetsDir, reason: `sheets folder cannot be read: ${describe(error)}` }] };
    }
    visit(sheetsDir, undefined);
    return { sheets, plans: [...plans.values()], problems };
}
//# sourceMappingURL=loader.js.map