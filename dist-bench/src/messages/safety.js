"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.safetyReply = safetyReply;
const safetyCard_1 = require("../cards/safetyCard");
const safety_1 = require("../safety");
/**
 * The answer to a message about danger: one short, calm text that names the right numbers first, each with what it is
 * for, and a card with a call button for each. Only the numbers of the concerns found, in their order of urgency; a
 * number already named is not named again. The words are the vocabulary's (src/safety/vocabulary.ts), beside their
 * official sources.
 */
const CALL_TITLE = {
    fr: (display) => `Appeler le ${display}`,
    en: (display) => `Call ${display}`,
};
function safetyReply(reading, language) {
    const vocabulary = safety_1.SAFETY_VOCABULARY;
    const lines = [];
    const named = [];
    let reminded = false;
    let emergency = false;
    for (const id of reading.concerns) {
        const concern = vocabulary.concerns.find((c) => c.id === id);
        if (!concern)
            continue;
        for (const call of concern.calls) {
            const fresh = call.numbers.filter((number) => !named.includes(number));
            if (fresh.length === 0)
                continue;
            named.push(...fresh);
            lines.push(call.line[language]);
        }
        if (id === 'immediate-danger' || id === 'medical-emergency')
            emergency = true;
        if (concern.reminder)
            reminded = true;
    }
    // 17 and 112 are said as text, not as more buttons, when the danger is not said to be immediate.
    if (reminded && !emergency && !vocabulary.reminder.numbers.every((number) => named.includes(number)))
        lines.push(vocabulary.reminder.line[language]);
    if (!emergency)
        lines.push(vocabulary.closing[language]);
    const numbers = named.map((key) => {
        const number = vocabulary.numbers[key];
        return {
            dial: number.dial,
            display: number.display,
            name: number.name[language],
            description: number.description[language],
            callTitle: number.reach === 'call' ? CALL_TITLE[language](number.display) : null,
        };
    });
    return { text: lines.join('\n\n'), cards: numbers.length > 0 ? [(0, safetyCard_1.safetyCard)({ heading: vocabulary.heading[language], numbers })] : [] };
}
//# sourceMappingURL=safety.js.map