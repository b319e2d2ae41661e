"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readTurn = readTurn;
const smallTalk_1 = require("../language/smallTalk");
const text_1 = require("../language/text");
const offer_1 = require("../offer");
const safety_1 = require("../safety");
const sheets_1 = require("../sheets");
/**
 * Reads a turn once, with every reader: its language, danger, small talk, the sheets' and the offer's readings.
 * Routes and journeys get the result; none of them reads the text again.
 */
function readTurn(input, readers, now) {
    const { text } = input;
    return {
        text,
        language: (0, text_1.detectLanguage)(text, input.locale),
        ...(input.position ? { position: input.position } : {}),
        truncated: input.truncated,
        now,
        safety: text ? (0, safety_1.readSafety)(text) : null,
        command: text ? ((0, smallTalk_1.recogniseSmallTalk)(text) ?? null) : null,
        sheets: (0, sheets_1.readSheetQuestion)(readers.sheets, text),
        offer: (0, offer_1.readOfferMessage)(text, now, readers.communes),
    };
}
//# sourceMappingURL=readTurn.js.map