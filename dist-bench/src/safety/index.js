"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SAFETY_VOCABULARY = exports.SafetyVocabularySchema = exports.SafetyReadingSchema = exports.SafetyConcernSchema = exports.SAFETY_CONCERNS = exports.SafetyReader = exports.readSafety = void 0;
/** Safety first: messages that say someone is in danger, read from a vocabulary kept as data. */
var detect_1 = require("./detect");
Object.defineProperty(exports, "readSafety", { enumerable: true, get: function () { return detect_1.readSafety; } });
Object.defineProperty(exports, "SafetyReader", { enumerable: true, get: function () { return detect_1.SafetyReader; } });
var types_1 = require("./types");
Object.defineProperty(exports, "SAFETY_CONCERNS", { enumerable: true, get: function () { return types_1.SAFETY_CONCERNS; } });
Object.defineProperty(exports, "SafetyConcernSchema", { enumerable: true, get: function () { return types_1.SafetyConcernSchema; } });
Object.defineProperty(exports, "SafetyReadingSchema", { enumerable: true, get: function () { return types_1.SafetyReadingSchema; } });
Object.defineProperty(exports, "SafetyVocabularySchema", { enumerable: true, get: function () { return types_1.SafetyVocabularySchema; } });
var vocabulary_1 = require("./vocabulary");
Object.defineProperty(exports, "SAFETY_VOCABULARY", { enumerable: true, get: function () { return vocabulary_1.SAFETY_VOCABULARY; } });
//# sourceMappingURL=index.js.map