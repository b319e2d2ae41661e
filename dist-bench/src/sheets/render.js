"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.composePart = composePart;
exports.sheetHeader = sheetHeader;
exports.sectionsBody = sectionsBody;
exports.deadlinesForActions = deadlinesForActions;
exports.fieldsBody = fieldsBody;
exports.actionsBody = actionsBody;
exports.summaryBody = summaryBody;
exports.passageHeading = passageHeading;
exports.passagesBody = passagesBody;
const sheetCards_1 = require("../cards/sheetCards");
const markdown_1 = require("../language/markdown");
const sheets_1 = require("../messages/sheets");
const display_1 = require("./display");
const model_1 = require("./model");
/**
 * Turns what a sheet says into one answer part: a short text (markdown lists, readable aloud) and the matching
 * card. Sheet texts are quoted as written; only the framing comes from the messages catalogue.
 *
 * The text is Markdown: the sheets' words, and catalogue phrases that carry them, go through escapeMarkdown as they
 * are put in; the only Markdown is the bold and list marks written here. Card blocks stay plain: the card escapes them.
 */
const SUMMARY_ITEM_LENGTH = 150;
const SUMMARY_MAX_ACTIONS = 8;
const MAX_PASSAGES = 3;
/**
 * The card shows what was asked; only a summary unfolds the whole sheet, so that an answer on one section does not
 * carry the others' words (a pilot question must not read out the partners).
 */
function composePart(sheet, bodies, language) {
    const lines = bodies.flatMap((body) => body.lines);
    const blocks = bodies.flatMap((body) => body.blocks);
    const facts = bodies.flatMap((body) => body.facts ?? []);
    return {
        sheet,
        text: [sheetHeader(sheet, language), ...withNote(lines, language)].join('\n'),
        card: (0, sheetCards_1.sheetCard)({ sheet, language, blocks, ...(facts.length > 0 ? { facts } : {}), withWholeSheet: bodies.some((body) => body.wholeSheet === true) }),
    };
}
function sheetHeader(sheet, language) {
    const messages = sheets_1.sheetMessages[language];
    return `${(0, markdown_1.boldMarkdown)((0, display_1.sheetName)(sheet))}\n${(0, markdown_1.escapeMarkdown)(messages.labelled(messages.plan, sheet.plan.title))}`;
}
function quotedLines(items, language) {
    const quote = sheets_1.sheetMessages[language].quote;
    return items.map((item) => {
        const number = item.number !== undefined ? `${(0, markdown_1.escapeMarkdown)(item.number)}. ` : '';
        return `${item.level === 1 ? '  ' : ''}- ${number}${(0, markdown_1.escapeMarkdown)(quote(item.text))}`;
    });
}
function cardLines(items) {
    return items.map((item) => ({ text: item.text, number: item.number, level: item.level }));
}
function sectionHeading(section, language) {
    return section.heading ? (0, display_1.readableText)(section.heading) : sheets_1.sheetMessages[language].fieldLabel[section.field];
}
function withNote(lines, language) {
    const note = sheets_1.sheetMessages[language].quotedNote;
    return note && lines.length > 0 ? [note, ...lines] : lines;
}
/** Sections shown whole, under their own headings. */
function sectionsBody(sections, language) {
    const lines = [];
    const blocks = [];
    for (const section of sections) {
        const heading = sectionHeading(section, language);
        lines.push((0, markdown_1.boldMarkdown)(heading), ...quotedLines(section.items, language));
        blocks.push({ heading, lines: cardLines(section.items) });
    }
    return { lines, blocks };
}
/** Deadline lines that apply to these actions: their own, or the sheet's when none is given per action. */
function deadlinesForActions(sheet, actions) {
    if (actions.length === 0)
        return sheet.deadlines;
    const own = sheet.deadlines.filter((deadline) => deadline.actions.some((n) => actions.includes(n)));
    return own.length > 0 ? own : sheet.deadlines.filter((deadline) => deadline.actions.length === 0);
}
/** The sections of the fields asked, quoted; a field the sheet lacks is said to be missing, never filled in. */
function fieldsBody(sheet, fields, actionNumbers, language) {
    const messages = sheets_1.sheetMessages[language];
    const bodies = [];
    for (const field of fields) {
        let sections = (0, model_1.sectionsOf)(sheet, field).filter((section) => section.items.length > 0);
        if (field === 'deadlines' && actionNumbers.length > 0) {
            const wanted = new Set(deadlinesForActions(sheet, actionNumbers).map((deadline) => deadline.text));
            sections = sections.map((section) => ({ ...section, items: section.items.filter((item) => wanted.has(item.text)) }));
        }
        bodies.push(sections.length > 0 ? sectionsBody(sections, language) : { lines: [messages.sectionMissing(messages.fieldLabel[field])], blocks: [] });
    }
    return { lines: bodies.flatMap((body) => body.lines), blocks: bodies.flatMap((body) => body.blocks) };
}
/** "Action 2" of a sheet, with the deadline that applies to it. */
function actionsBody(sheet, numbers, last, language) {
    const messages = sheets_1.sheetMessages[language];
    const wanted = [...numbers];
    const lastAction = sheet.actions.at(-1);
    if (last && lastAction && !wanted.includes(lastAction.number))
        wanted.push(lastAction.number);
    const lines = [];
    const blocks = [];
    for (const number of wanted) {
        const action = sheet.actions.find((candidate) => candidate.number === number);
        if (!action) {
            lines.push(messages.actionMissing(number, sheet.actions.length));
            continue;
        }
        const heading = action.title ? `${messages.action(number)} — ${action.title}` : messages.action(number);
        const items = action.items.map((text) => ({ text, level: 0 }));
        lines.push((0, markdown_1.boldMarkdown)(heading), ...quotedLines(items, language));
        const deadlines = deadlinesForActions(sheet, [number]);
        const block = { heading, lines: cardLines(items) };
        blocks.push(block);
        if (deadlines.length > 0) {
            lines.push((0, markdown_1.escapeMarkdown)(messages.labelled(messages.deadlineOfAction, deadlines.map((deadline) => messages.quote(deadline.text)).join(' ; '))));
            blocks.push({ heading: messages.deadlineOfAction, lines: deadlines.map((deadline) => ({ text: deadline.text })) });
        }
    }
    if (wanted.length === 0)
        lines.push(messages.noActions);
    return { lines, blocks };
}
function firstItems(sheet, field, count) {
    return (0, model_1.sectionsOf)(sheet, field)
        .flatMap((section) => section.items)
        .filter((item) => item.level === 0)
        .slice(0, count)
        .map((item) => (0, display_1.shorten)(item.text, SUMMARY_ITEM_LENGTH));
}
/** Title, plan, axis, pilot, audience, deadlines, funding and the actions in short. */
function summaryBody(sheet, language) {
    const messages = sheets_1.sheetMessages[language];
    const facts = [];
    const lines = [];
    const axis = (0, display_1.axisPath)(sheet);
    if (axis)
        lines.push((0, markdown_1.escapeMarkdown)(messages.labelled(messages.axis, axis)));
    const add = (field, values) => {
        if (values.length === 0)
            return;
        const label = messages.fieldLabel[field];
        lines.push((0, markdown_1.escapeMarkdown)(messages.labelled(label, values.map(messages.quote).join(' ; '))));
        facts.push({ title: label, value: values.join(' ; ') });
    };
    add('pilot', firstItems(sheet, 'pilot', 3));
    add('audience', firstItems(sheet, 'audience', 2));
    add('deadlines', sheet.deadlines.map((deadline) => deadline.text));
    add('funding', firstItems(sheet, 'funding', 2));
    const blocks = [];
    if (sheet.actions.length > 0) {
        const shown = sheet.actions.slice(0, SUMMARY_MAX_ACTIONS);
        lines.push((0, markdown_1.boldMarkdown)(messages.actionCount(sheet.actions.length)));
        for (const action of shown)
            lines.push(`- ${(0, markdown_1.escapeMarkdown)(`${messages.action(action.number)} : ${messages.quote((0, display_1.shorten)(action.items[0], SUMMARY_ITEM_LENGTH))}`)}`);
        blocks.push({
            heading: messages.actionCount(sheet.actions.length),
            lines: shown.map((action) => ({ text: `${messages.action(action.number)} : ${(0, display_1.shorten)(action.items[0], SUMMARY_ITEM_LENGTH)}` })),
        });
    }
    lines.push(messages.summaryMore);
    return { lines, blocks, facts, wholeSheet: true };
}
/** Where a passage sits: its section's heading, or the field's name. */
function passageHeading(sheet, section, language) {
    const found = section >= 0 ? sheet.sections[section] : undefined;
    return found ? sectionHeading(found, language) : sheets_1.sheetMessages[language].title;
}
/** The passages of a sheet that match the question best, quoted (cut around the match when long). */
function passagesBody(match, language) {
    const messages = sheets_1.sheetMessages[language];
    const { sheet } = match;
    const lines = [];
    const blocks = [];
    const best = match.passages[0]?.score ?? 0;
    const chosen = match.passages.filter((passage) => passage.passage.kind !== 'axis' && passage.score >= best * 0.5).slice(0, MAX_PASSAGES);
    const shownSections = new Set();
    for (const { passage, matched } of chosen) {
        if (shownSections.has(passage.section))
            continue;
        const heading = passageHeading(sheet, passage.section, language);
        if (passage.kind === 'heading') {
            // The question names a heading of the sheet: the whole section answers it.
            const section = sheet.sections[passage.section];
            shownSections.add(passage.section);
            lines.push((0, markdown_1.boldMarkdown)(heading), ...quotedLines(section.items, language));
            blocks.push({ heading, lines: cardLines(section.items) });
            continue;
        }
        const text = (0, display_1.excerpt)(passage.text, matched);
        lines.push(messages.labelled((0, markdown_1.boldMarkdown)(heading), (0, markdown_1.escapeMarkdown)(messages.quote(text))));
        blocks.push({ heading, lines: [{ text }] });
    }
    return { lines, blocks };
}
//# sourceMappingURL=render.js.map