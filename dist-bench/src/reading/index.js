"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readTurn = void 0;
/** One turn, read once (docs/decisions/0006). */
var readTurn_1 = require("./readTurn");
Object.defineProperty(exports, "readTurn", { enumerable: true, get: function () { return readTurn_1.readTurn; } });
//# sourceMappingURL=index.js.map