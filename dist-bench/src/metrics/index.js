"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.instrumentStore = exports.routeGroup = exports.channelLabel = exports.createMetrics = void 0;
/** Prometheus metrics (GET /metrics when METRICS=true): one registry per application. */
var metrics_1 = require("./metrics");
Object.defineProperty(exports, "createMetrics", { enumerable: true, get: function () { return metrics_1.createMetrics; } });
Object.defineProperty(exports, "channelLabel", { enumerable: true, get: function () { return metrics_1.channelLabel; } });
Object.defineProperty(exports, "routeGroup", { enumerable: true, get: function () { return metrics_1.routeGroup; } });
var instrumentedStore_1 = require("./instrumentedStore");
Object.defineProperty(exports, "instrumentStore", { enumerable: true, get: function () { return instrumentedStore_1.instrumentStore; } });
//# sourceMappingURL=index.js.map