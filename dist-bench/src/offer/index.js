"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PARIS = exports.AUDIENCES = exports.KINDS = exports.LoadProblemSchema = exports.readOfferMessage = exports.PAGE_SIZE = exports.offerHelpText = exports.offerQueryScore = exports.answerSearch = exports.PositionSchema = exports.OfferConversationSchema = exports.OfferIndex = exports.loadOffer = exports.buildOffer = void 0;
/** The local parenting-support offer: import, search, opening hours, and the parent-query engine. */
var loadOffer_1 = require("./loadOffer");
Object.defineProperty(exports, "buildOffer", { enumerable: true, get: function () { return loadOffer_1.buildOffer; } });
Object.defineProperty(exports, "loadOffer", { enumerable: true, get: function () { return loadOffer_1.loadOffer; } });
var offerIndex_1 = require("./offerIndex");
Object.defineProperty(exports, "OfferIndex", { enumerable: true, get: function () { return offerIndex_1.OfferIndex; } });
var conversation_1 = require("./conversation");
Object.defineProperty(exports, "OfferConversationSchema", { enumerable: true, get: function () { return conversation_1.OfferConversationSchema; } });
Object.defineProperty(exports, "PositionSchema", { enumerable: true, get: function () { return conversation_1.PositionSchema; } });
var engine_1 = require("./engine");
Object.defineProperty(exports, "answerSearch", { enumerable: true, get: function () { return engine_1.answerSearch; } });
Object.defineProperty(exports, "offerQueryScore", { enumerable: true, get: function () { return engine_1.offerQueryScore; } });
Object.defineProperty(exports, "offerHelpText", { enumerable: true, get: function () { return engine_1.offerHelpText; } });
Object.defineProperty(exports, "PAGE_SIZE", { enumerable: true, get: function () { return engine_1.PAGE_SIZE; } });
var understand_1 = require("./understand");
Object.defineProperty(exports, "readOfferMessage", { enumerable: true, get: function () { return understand_1.readOfferMessage; } });
var records_1 = require("./records");
Object.defineProperty(exports, "LoadProblemSchema", { enumerable: true, get: function () { return records_1.LoadProblemSchema; } });
var vocabulary_1 = require("./vocabulary");
Object.defineProperty(exports, "KINDS", { enumerable: true, get: function () { return vocabulary_1.KINDS; } });
Object.defineProperty(exports, "AUDIENCES", { enumerable: true, get: function () { return vocabulary_1.AUDIENCES; } });
var parisTime_1 = require("./parisTime");
Object.defineProperty(exports, "PARIS", { enumerable: true, get: function () { return parisTime_1.PARIS; } });
//# sourceMappingURL=index.js.map