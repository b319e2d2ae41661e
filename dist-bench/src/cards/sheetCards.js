"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wholeSheetBlocks = wholeSheetBlocks;
exports.sheetCard = sheetCard;
exports.sheetListCard = sheetListCard;
exports.glossaryCard = glossaryCard;
const markdown_1 = require("../language/markdown");
const sheets_1 = require("../messages/sheets");
const display_1 = require("../sheets/display");
/**
 * Adaptive Cards (1.5, plain JSON) that show a sheet or part of it. Every card names the sheet (number, title,
 * plan) in TextBlocks, so that what it says is readable as text by any channel and by screen readers.
 *
 * Inputs are plain text (the sheets' words, our labels); TextBlocks and facts are Markdown, so every text is escaped
 * here as it goes into the card. Only the item markers this file writes are Markdown of ours.
 */
const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams refuses cards over about 28 KB; a whole sheet stays well under, this keeps a runaway one in check. */
const MAX_ITEMS_PER_CARD = 120;
/** A TextBlock showing `text` as written. */
function textBlock(text, extra = {}) {
    return { type: 'TextBlock', text: (0, markdown_1.escapeMarkdown)(text), wrap: true, ...extra };
}
/** A sub-item's indent: non-breaking spaces, since four plain spaces at a line's start open a Markdown code block. */
const SUB_ITEM_MARKER = '\u00a0\u00a0\u00a0\u00a0– ';
/** An item of a sheet's list, after its marker: the sheet's own number ("2. "), a dash for a sub-item, or a bullet. */
function itemBlock(line) {
    const marker = line.number !== undefined ? `${(0, markdown_1.escapeMarkdown)(line.number)}. ` : line.level === 1 ? SUB_ITEM_MARKER : '• ';
    return { type: 'TextBlock', text: `${marker}${(0, markdown_1.escapeMarkdown)(line.text)}`, wrap: true, spacing: 'Small' };
}
function card(language, body, actions = []) {
    return {
        type: 'AdaptiveCard',
        $schema: CARD_SCHEMA,
        version: '1.5',
        lang: language,
        body,
        ...(actions.length > 0 ? { actions } : {}),
    };
}
function headerElements(sheet, language) {
    const messages = sheets_1.sheetMessages[language];
    const planLine = [sheet.plan.title, sheet.plan.period].filter(Boolean).join(' · ');
    const elements = [
        textBlock((0, display_1.sheetName)(sheet), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
        textBlock(messages.labelled(messages.plan, planLine), { isSubtle: true, spacing: 'None' }),
    ];
    const axis = (0, display_1.axisPath)(sheet);
    if (axis)
        elements.push(textBlock(messages.labelled(messages.axis, axis), { isSubtle: true, spacing: 'None' }));
    return elements;
}
function blockElements(blocks) {
    const elements = [];
    let items = 0;
    for (const block of blocks) {
        if (block.heading)
            elements.push(textBlock(block.heading, { weight: 'Bolder', spacing: 'Medium' }));
        for (const line of block.lines) {
            if (++items > MAX_ITEMS_PER_CARD)
                return elements;
            elements.push(itemBlock(line));
        }
    }
    return elements;
}
/** Every section of a sheet as card blocks, headings in readable case, unnamed opening text last. */
function wholeSheetBlocks(sheet, language) {
    return sheet.sections.map((section) => ({
        heading: section.heading ? (0, display_1.readableText)(section.heading) : sheets_1.sheetMessages[language].fieldLabel.other,
        lines: section.items.map((item) => ({ text: item.text, number: item.number, level: item.level })),
    }));
}
function sheetCard(input) {
    const { sheet, language } = input;
    const body = [...headerElements(sheet, language)];
    if (input.facts && input.facts.length > 0) {
        body.push({ type: 'FactSet', facts: input.facts.map((fact) => ({ title: (0, markdown_1.escapeMarkdown)(fact.title), value: (0, markdown_1.escapeMarkdown)(fact.value) })), spacing: 'Medium' });
    }
    body.push(...blockElements(input.blocks));
    const actions = input.withWholeSheet
        ? [
            {
                type: 'Action.ShowCard',
                title: sheets_1.sheetMessages[language].showWholeSheet,
                card: card(language, [textBlock((0, display_1.sheetName)(sheet), { weight: 'Bolder', style: 'heading' }), ...blockElements(wholeSheetBlocks(sheet, language))]),
            },
        ]
        : [];
    return card(language, body, actions);
}
function sheetListCard(title, entries, language) {
    const body = [textBlock(title, { weight: 'Bolder', style: 'heading' })];
    for (const entry of entries) {
        body.push(textBlock((0, display_1.sheetName)(entry.sheet), { weight: 'Bolder', spacing: 'Medium' }));
        body.push(textBlock(entry.sheet.plan.title, { isSubtle: true, spacing: 'None' }));
        const messages = sheets_1.sheetMessages[language];
        if (entry.reason)
            body.push(textBlock(messages.labelled(entry.reason.heading, messages.quote(entry.reason.text)), { spacing: 'Small' }));
    }
    return card(language, body);
}
function glossaryCard(input) {
    const messages = sheets_1.sheetMessages[input.language];
    const body = [
        textBlock(input.term, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
        textBlock(input.expansion, { spacing: 'None' }),
    ];
    if (input.about)
        body.push(textBlock(input.about, { isSubtle: true }));
    if (input.source)
        body.push(textBlock(input.source, { isSubtle: true, spacing: 'Small' }));
    if (input.usedIn.length > 0) {
        body.push(textBlock(messages.glossaryUsedIn, { weight: 'Bolder', spacing: 'Medium' }));
        for (const name of input.usedIn)
            body.push(textBlock(`• ${name}`, { spacing: 'Small' }));
    }
    return card(input.language, body);
}
//# sourceMappingURL=sheetCards.js.map