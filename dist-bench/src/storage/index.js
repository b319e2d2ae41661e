"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startStatePurge = exports.openStore = exports.MIGRATIONS = exports.StoreOpenError = exports.ETagConflictError = exports.parseDatabaseUrl = exports.DatabaseUrlError = void 0;
var databaseUrl_1 = require("./databaseUrl");
Object.defineProperty(exports, "DatabaseUrlError", { enumerable: true, get: function () { return databaseUrl_1.DatabaseUrlError; } });
Object.defineProperty(exports, "parseDatabaseUrl", { enumerable: true, get: function () { return databaseUrl_1.parseDatabaseUrl; } });
var errors_1 = require("./errors");
Object.defineProperty(exports, "ETagConflictError", { enumerable: true, get: function () { return errors_1.ETagConflictError; } });
Object.defineProperty(exports, "StoreOpenError", { enumerable: true, get: function () { return errors_1.StoreOpenError; } });
var migrations_1 = require("./migrations");
Object.defineProperty(exports, "MIGRATIONS", { enumerable: true, get: function () { return migrations_1.MIGRATIONS; } });
var openStore_1 = require("./openStore");
Object.defineProperty(exports, "openStore", { enumerable: true, get: function () { return openStore_1.openStore; } });
var statePurge_1 = require("./statePurge");
Object.defineProperty(exports, "startStatePurge", { enumerable: true, get: function () { return statePurge_1.startStatePurge; } });
//# sourceMappingURL=index.js.map