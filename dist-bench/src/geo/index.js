"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.projectDataDir = exports.ORDINARY_WORDS_NAMING_COMMUNES = exports.isOrdinaryName = exports.placeTokens = exports.placeKey = exports.resolveAmong = exports.AMBIGUITY_POPULATION_RATIO = exports.ESTIMATED_COORDINATES = exports.hasCoordinates = exports.CommuneIndex = void 0;
/** Places: the official communes of France with postcodes and coordinates, found from what users type. */
var communeIndex_1 = require("./communeIndex");
Object.defineProperty(exports, "CommuneIndex", { enumerable: true, get: function () { return communeIndex_1.CommuneIndex; } });
var commune_1 = require("./commune");
Object.defineProperty(exports, "hasCoordinates", { enumerable: true, get: function () { return commune_1.hasCoordinates; } });
Object.defineProperty(exports, "ESTIMATED_COORDINATES", { enumerable: true, get: function () { return commune_1.ESTIMATED_COORDINATES; } });
var homonyms_1 = require("./homonyms");
Object.defineProperty(exports, "AMBIGUITY_POPULATION_RATIO", { enumerable: true, get: function () { return homonyms_1.AMBIGUITY_POPULATION_RATIO; } });
Object.defineProperty(exports, "resolveAmong", { enumerable: true, get: function () { return homonyms_1.resolveAmong; } });
var placeKey_1 = require("./placeKey");
Object.defineProperty(exports, "placeKey", { enumerable: true, get: function () { return placeKey_1.placeKey; } });
Object.defineProperty(exports, "placeTokens", { enumerable: true, get: function () { return placeKey_1.placeTokens; } });
var placeMarkers_1 = require("./placeMarkers");
Object.defineProperty(exports, "isOrdinaryName", { enumerable: true, get: function () { return placeMarkers_1.isOrdinaryName; } });
Object.defineProperty(exports, "ORDINARY_WORDS_NAMING_COMMUNES", { enumerable: true, get: function () { return placeMarkers_1.ORDINARY_WORDS_NAMING_COMMUNES; } });
var projectData_1 = require("./projectData");
Object.defineProperty(exports, "projectDataDir", { enumerable: true, get: function () { return projectData_1.projectDataDir; } });
//# sourceMappingURL=index.js.map