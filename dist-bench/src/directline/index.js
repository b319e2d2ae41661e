"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIRECT_LINE_CHANNEL_ID = exports.AZURE_DIRECT_LINE_BASE_URL = exports.DEFAULT_DIRECT_LINE_LIMITS = exports.WIDGET_TOKEN_PATH = exports.registerWidget = exports.DIRECT_LINE_BASE_PATH = exports.registerDirectLine = void 0;
/** The web channel: the built-in Direct Line 3.0 endpoint and the website widget that uses it (or Azure's). */
var directLineEndpoint_1 = require("./directLineEndpoint");
Object.defineProperty(exports, "registerDirectLine", { enumerable: true, get: function () { return directLineEndpoint_1.registerDirectLine; } });
Object.defineProperty(exports, "DIRECT_LINE_BASE_PATH", { enumerable: true, get: function () { return directLineEndpoint_1.DIRECT_LINE_BASE_PATH; } });
var widgetRoutes_1 = require("./widgetRoutes");
Object.defineProperty(exports, "registerWidget", { enumerable: true, get: function () { return widgetRoutes_1.registerWidget; } });
Object.defineProperty(exports, "WIDGET_TOKEN_PATH", { enumerable: true, get: function () { return widgetRoutes_1.WIDGET_TOKEN_PATH; } });
var limits_1 = require("./limits");
Object.defineProperty(exports, "DEFAULT_DIRECT_LINE_LIMITS", { enumerable: true, get: function () { return limits_1.DEFAULT_DIRECT_LINE_LIMITS; } });
var azureTokens_1 = require("./azureTokens");
Object.defineProperty(exports, "AZURE_DIRECT_LINE_BASE_URL", { enumerable: true, get: function () { return azureTokens_1.AZURE_DIRECT_LINE_BASE_URL; } });
var activities_1 = require("./activities");
Object.defineProperty(exports, "DIRECT_LINE_CHANNEL_ID", { enumerable: true, get: function () { return activities_1.DIRECT_LINE_CHANNEL_ID; } });
//# sourceMappingURL=index.js.map