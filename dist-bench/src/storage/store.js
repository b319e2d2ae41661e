"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isStateValue = isStateValue;
exports.isStateRow = isStateRow;
/**
 * Whether a value can be stored as state (a plain object). Checked on every read and write, so by hand: a zod
 * record schema copies the object key by key, every turn, to say the same.
 */
function isStateValue(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
/** Checked on every read, so by hand (a zod object schema would copy the row to say the same). */
function isStateRow(row) {
    if (typeof row !== 'object' || row === null)
        return false;
    const { key, value, etag, updated_at: updatedAt } = row;
    return typeof key === 'string' && typeof value === 'string' && typeof etag === 'string' && (typeof updatedAt === 'string' || updatedAt instanceof Date);
}
//# sourceMappingURL=store.js.map