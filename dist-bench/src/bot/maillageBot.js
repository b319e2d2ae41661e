"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MaillageBot = void 0;
const botbuilder_1 = require("botbuilder");
/**
 * Routes each activity by type: messages and shared positions go to the main dialog, a conversation's first
 * contact gets a greeting. State is saved after every turn, so a restart or another instance picks up the thread.
 */
class MaillageBot extends botbuilder_1.TeamsActivityHandler {
    conversationState;
    mainDialog;
    constructor(conversationState, mainDialog) {
        super();
        this.conversationState = conversationState;
        this.mainDialog = mainDialog;
        this.onMessage(async (context, next) => {
            await this.mainDialog.run(context);
            await next();
        });
        this.onEvent(async (context, next) => {
            if (context.activity.name === 'location')
                await this.mainDialog.run(context);
            await next();
        });
        this.onMembersAdded(async (context, next) => {
            const botId = context.activity.recipient?.id;
            const someoneElseJoined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
            if (someoneElseJoined)
                await this.mainDialog.greet(context);
            await next();
        });
    }
    /** Teams' Action.Execute: the card's data is read like an Action.Submit, and the answer posted in the chat. */
    async onAdaptiveCardInvoke(context, _invokeValue) {
        await this.mainDialog.run(context);
        return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: {} };
    }
    /**
     * botbuilder answers an invoke it has no handler for with 501; a channel sending one we do not offer is a
     * client error, so it gets a 4xx like any other request we cannot serve.
     */
    async onInvokeActivity(context) {
        const response = await super.onInvokeActivity(context);
        if (response?.status === 501) {
            return { status: 400, body: { error: { code: 'unsupported_invoke', message: 'This bot does not handle this invoke.' } } };
        }
        return response;
    }
    async run(context) {
        await super.run(context);
        // A conversation is remembered from the moment someone speaks in it: the conversation update a channel sends
        // when a widget opens (greeted, then often left) writes no record, nor does any other activity nobody typed.
        await this.conversationState.saveChanges(context, { create: SPOKEN_ACTIVITY_TYPES.has(context.activity.type) });
    }
}
exports.MaillageBot = MaillageBot;
/** A message, a shared position (event), a card's action (invoke): what a person did. */
const SPOKEN_ACTIVITY_TYPES = new Set(['message', 'event', 'invoke']);
//# sourceMappingURL=maillageBot.js.map