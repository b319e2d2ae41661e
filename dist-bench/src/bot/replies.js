"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendReply = sendReply;
const botbuilder_1 = require("botbuilder");
const MAX_SUGGESTIONS = 6;
/**
 * One message: the readable text, the cards stacked as a list (never a carousel: on a phone its arrows leave the
 * panel and each card is cut to the carousel's width), and quick replies.
 */
async function sendReply(context, reply) {
    const attachments = (reply.cards ?? []).map((card) => botbuilder_1.CardFactory.adaptiveCard(card));
    const message = attachments.length > 0 ? botbuilder_1.MessageFactory.list(attachments, reply.text) : botbuilder_1.MessageFactory.text(reply.text);
    message.attachmentLayout = 'list';
    message.textFormat = 'markdown';
    const suggestions = (reply.suggestions ?? []).slice(0, MAX_SUGGESTIONS);
    if (suggestions.length > 0) {
        message.suggestedActions = {
            to: [context.activity.from?.id].filter((id) => typeof id === 'string'),
            actions: suggestions.map((title) => ({ type: botbuilder_1.ActionTypes.ImBack, title, value: title })),
        };
    }
    if (reply.askLocation)
        message.channelData = { maillage: { askLocation: true } };
    message.type = botbuilder_1.ActivityTypes.Message;
    await context.sendActivity(message);
}
//# sourceMappingURL=replies.js.map