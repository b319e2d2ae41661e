"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.exampleQuestions = exampleQuestions;
exports.sheetHelpText = sheetHelpText;
const markdown_1 = require("../language/markdown");
const text_1 = require("../language/text");
const sheets_1 = require("../messages/sheets");
const glossary_1 = require("./glossary");
const model_1 = require("./model");
const terms_1 = require("./terms");
const understand_1 = require("./understand");
/**
 * What one can ask about the sheets, with examples built from the sheets actually loaded, so that every example
 * works on this deployment.
 */
const MIN_TITLE_WORD = 5;
/** Words that would be read as part of the question ("actions", "public") make poor topic examples. */
function isQuestionWord(word) {
    return (0, understand_1.understandsAsCue)((0, text_1.fold)(word));
}
function firstWith(sheets, field, skip) {
    return sheets.find((sheet) => sheet !== skip && (0, model_1.sectionsOf)(sheet, field).some((section) => section.items.length > 0));
}
/** A title word shared by several sheets (but not all), as a listing example: "parentalité". */
function sharedTitleWord(index) {
    const sheets = index.sheets;
    const counts = new Map();
    for (const sheet of sheets) {
        const seen = new Set();
        for (const match of sheet.title.matchAll(/\p{L}+/gu)) {
            const word = match[0].toLowerCase();
            if (word.length < MIN_TITLE_WORD || isQuestionWord(word))
                continue;
            const term = (0, terms_1.normaliseTerm)((0, text_1.fold)(word));
            if (seen.has(term))
                continue;
            seen.add(term);
            const entry = counts.get(term) ?? { word, sheets: 0 };
            entry.sheets++;
            counts.set(term, entry);
        }
    }
    // Shared by the most sheets, then the most talked about in them: the plans' central topics.
    let best;
    for (const [term, entry] of counts) {
        const distinctive = entry.sheets < sheets.length || sheets.length === 1;
        if (entry.sheets < Math.min(2, sheets.length) || !distinctive)
            continue;
        const passages = index.passageCount(term);
        if (!best || entry.sheets > best.sheets || (entry.sheets === best.sheets && passages > best.passages))
            best = { ...entry, passages };
    }
    return best?.word;
}
/** The glossary term that occurs in the most passages of the loaded sheets. */
function frequentAbbreviation(index) {
    let best;
    for (const entry of glossary_1.GLOSSARY) {
        const count = index.passageCount((0, terms_1.normaliseTerm)((0, text_1.fold)(entry.term)));
        if (count > 0 && (!best || count > best.count))
            best = { term: entry.term, count };
    }
    return best?.term;
}
/** Examples depend only on the sheets loaded: worked out once per index and language. */
const examples = new WeakMap();
function exampleQuestions(index, language) {
    let known = examples.get(index);
    if (!known) {
        known = new Map();
        examples.set(index, known);
    }
    const found = known.get(language) ?? buildExamples(index, language);
    known.set(language, found);
    return [...found];
}
function buildExamples(index, language) {
    const messages = sheets_1.sheetMessages[language];
    const found = [];
    const piloted = firstWith(index.sheets, 'pilot');
    if (piloted)
        found.push(messages.askPilot(piloted.code));
    const otherPlan = index.sheets.filter((sheet) => sheet.plan.id !== piloted?.plan.id);
    const measured = firstWith(otherPlan, 'results') ?? firstWith(index.sheets, 'results', piloted);
    if (measured)
        found.push(messages.askIndicators(measured.code));
    const word = sharedTitleWord(index);
    if (word)
        found.push(messages.askListing(word));
    const abbreviation = frequentAbbreviation(index);
    if (abbreviation)
        found.push(messages.askDefinition(abbreviation));
    return found;
}
function sheetHelpText(language, index) {
    const messages = sheets_1.sheetMessages[language];
    if (index.size === 0)
        return messages.noSheets;
    const questions = exampleQuestions(index, language);
    return [
        messages.helpIntro(index.size, index.plans.length),
        messages.helpKinds,
        // Examples carry words of the sheets: plain text for a suggestion, escaped in this Markdown list.
        ...(questions.length > 0 ? [messages.canAsk, ...questions.map((example) => `- ${(0, markdown_1.escapeMarkdown)(example)}`)] : []),
    ].join('\n');
}
//# sourceMappingURL=help.js.map