"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Safety = void 0;
const replies_1 = require("../src/bot/replies");
const safety_1 = require("../src/messages/safety");
/**
 * Someone says a child is in danger, violence at home, that they are at breaking point or think of suicide, that
 * a teenager ran away, or an emergency: the right national numbers come first, in one short, calm message, whatever
 * the conversation was doing. A journey in progress is kept; it simply is not pushed on the person now.
 */
class Safety {
    id = 'safety';
    async answer(context, reading) {
        if (!reading.safety)
            return;
        const reply = (0, safety_1.safetyReply)(reading.safety, reading.language);
        await (0, replies_1.sendReply)(context, { text: reply.text, cards: reply.cards });
    }
}
exports.Safety = Safety;
//# sourceMappingURL=safety.js.map