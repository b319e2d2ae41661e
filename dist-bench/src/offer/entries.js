"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.arrayEntries = arrayEntries;
function arrayEntries(services) {
    return { count: services.length, at: (index) => services[index], facts: (index) => services[index] };
}
//# sourceMappingURL=entries.js.map