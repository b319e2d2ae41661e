"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SheetQuestions = void 0;
const replies_1 = require("../src/bot/replies");
const sheets_1 = require("../src/sheets");
/**
 * A partner asks about the action sheets: a field of a sheet ("qui pilote la PA 3.2.1 ?"), a topic, a list across
 * sheets, a term of the glossary, or a follow-up on the sheet being discussed ("et ses indicateurs ?").
 * The answer quotes the sheet's own words and names the sheet and its plan; the sheet becomes the current one.
 * When a number exists in several plans, the answer asks which plan, with each as a suggestion (one turn: the
 * choice is a new question naming the plan).
 */
class SheetQuestions {
    sheets;
    id = 'sheetQuestions';
    constructor(sheets) {
        this.sheets = sheets;
    }
    async answer(context, reading, memory) {
        const result = (0, sheets_1.answerSheetQuestion)(this.sheets, reading.sheets, memory.sheets, reading.language);
        memory.sheets = result.conversation;
        memory.lastTopic = 'sheets';
        await (0, replies_1.sendReply)(context, { text: result.text, cards: result.cards, suggestions: result.suggestions });
    }
}
exports.SheetQuestions = SheetQuestions;
//# sourceMappingURL=sheetQuestions.js.map