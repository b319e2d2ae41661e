"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeStateRows = decodeStateRows;
exports.encodeStateValue = encodeStateValue;
exports.newEtag = newEtag;
exports.isUnconditional = isUnconditional;
const node_crypto_1 = require("node:crypto");
const store_1 = require("./store");
/**
 * Turns rows of bot_state, from either database, into records. A row that cannot be read back is reported
 * (key and reason, never its content) and left out: the bot then starts that conversation afresh, and its
 * next save overwrites the bad row, instead of every turn of the conversation failing.
 */
function decodeStateRows(rows, log) {
    const result = { records: new Map(), corrupt: [] };
    for (const row of rows) {
        if (!(0, store_1.isStateRow)(row)) {
            const key = typeof row === 'object' && row !== null && 'key' in row ? String(row.key) : '(unknown key)';
            result.corrupt.push({ key, reason: 'the row does not have the expected columns' });
            continue;
        }
        const { key, value, etag } = row;
        const updatedAt = row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at);
        if (Number.isNaN(updatedAt.getTime())) {
            result.corrupt.push({ key, reason: 'the row has no valid updated_at' });
            continue;
        }
        let json;
        try {
            json = JSON.parse(value);
        }
        catch {
            result.corrupt.push({ key, reason: 'the stored value is not valid JSON' });
            continue;
        }
        if (!(0, store_1.isStateValue)(json)) {
            result.corrupt.push({ key, reason: 'the stored value is not a JSON object' });
            continue;
        }
        result.records.set(key, { key, value: json, etag, json: value, updatedAt });
    }
    for (const problem of result.corrupt)
        log.warn({ key: problem.key, reason: problem.reason }, 'unreadable state record skipped');
    return result;
}
/** Serialises a value before it is written (unless the writer did); refuses what would not read back as an object. */
function encodeStateValue(write) {
    if (!(0, store_1.isStateValue)(write.value))
        throw new TypeError(`State for "${write.key}" must be a JSON object`);
    return write.json ?? JSON.stringify(write.value);
}
function newEtag() {
    return (0, node_crypto_1.randomUUID)();
}
/** `*` and an absent etag both mean "overwrite", as in botbuilder. */
function isUnconditional(etag) {
    return etag === undefined || etag === '' || etag === '*';
}
//# sourceMappingURL=stateRows.js.map