"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.asksForNextPage = asksForNextPage;
exports.nextPage = nextPage;
const engine_1 = require("../../src/offer/engine");
/**
 * "D'autres ?", "voir plus": the next page of the same search. A list of places shows PAGE_SIZE a page; a grouped
 * answer (support in general) shows GROUPS_SHOWN kinds a page.
 */
function asksForNextPage(reading) {
    return reading.more && !reading.farther;
}
function nextPage(search) {
    const step = search.general ? engine_1.GROUPS_SHOWN : engine_1.PAGE_SIZE;
    return { ...search, offset: (search.offset ?? 0) + step };
}
//# sourceMappingURL=paging.js.map