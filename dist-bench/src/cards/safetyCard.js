"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nationalTelUrl = nationalTelUrl;
exports.safetyCard = safetyCard;
const markdown_1 = require("../language/markdown");
/**
 * A tel: link for a short national number. links.ts only takes subscriber numbers (6 to 15 digits) from imported data;
 * these come from our own checked vocabulary, and are 2 to 6 digits.
 */
function nationalTelUrl(dial) {
    return /^\d{2,6}$/.test(dial) ? `tel:${dial}` : null;
}
function safetyCard(view) {
    const body = [{ type: 'TextBlock', text: (0, markdown_1.escapeMarkdown)(view.heading), weight: 'Bolder', wrap: true, style: 'heading' }];
    for (const number of view.numbers) {
        const url = nationalTelUrl(number.dial);
        const items = [
            { type: 'TextBlock', text: `**${(0, markdown_1.escapeMarkdown)(number.display)}** · ${(0, markdown_1.escapeMarkdown)(number.name)}`, wrap: true },
            { type: 'TextBlock', text: (0, markdown_1.escapeMarkdown)(number.description), wrap: true, isSubtle: true, spacing: 'None' },
        ];
        if (number.callTitle && url) {
            items.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: number.callTitle, url }] });
        }
        body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
    }
    return {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        speak: (0, markdown_1.speakableText)([view.heading, ...view.numbers.map((n) => `${n.display}, ${n.name}`)].join('. ')),
        body,
    };
}
//# sourceMappingURL=safetyCard.js.map