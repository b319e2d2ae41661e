"use strict";
/**
 * Pure functions of a word that keep meeting the same inputs remember their results. Messages are not remembered:
 * a turn is read once (src/reading), so nothing reads the same message twice.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.rememberMany = rememberMany;
/**
 * Words, titles and headings come back from passage to passage and from message to message: up to `limit` of them
 * are remembered; past it the memory starts afresh, so a flood of new inputs cannot grow it.
 */
function rememberMany(limit, compute) {
    const remembered = new Map();
    return (input) => {
        if (remembered.has(input))
            return remembered.get(input);
        const result = compute(input);
        if (remembered.size >= limit)
            remembered.clear();
        remembered.set(input, result);
        return result;
    };
}
//# sourceMappingURL=remember.js.map