"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createBotRuntime = createBotRuntime;
const storage_1 = require("../storage");
const adapter_1 = require("./adapter");
const conversationState_1 = require("./conversationState");
const gateway_1 = require("./gateway");
const maillageBot_1 = require("./maillageBot");
const turnLock_1 = require("./turnLock");
function createBotRuntime(config, log, store, dialogs, onTurnFailed) {
    const conversationState = new conversationState_1.ConversationStateStore(store, { ttlHours: config.stateTtlHours });
    const memory = conversationState.createCheckedProperty(dialogs.memoryProperty, dialogs.readMemory, dialogs.keepMemory);
    const bot = new maillageBot_1.MaillageBot(conversationState, dialogs.createHandler(memory));
    // Both ways into the bot (channels over HTTP, the in-process gateway) run a conversation's turns one at a time.
    const turnLock = new turnLock_1.ConversationTurnLock(store.turnLeases, log);
    const runTurn = (context) => turnLock.run((0, conversationState_1.conversationStateKey)(context), () => bot.run(context));
    const channelAdapter = new adapter_1.ChannelAdapter(config, log, conversationState, onTurnFailed);
    // Started with the bot that reads the state, so expired state is never read and soon never kept.
    (0, storage_1.startStatePurge)(store, config.stateTtlHours, log);
    return {
        handleChannelRequest: (req, res) => channelAdapter.processChannelRequest(req, res, runTurn),
        gateway: (0, gateway_1.createBotGateway)(new adapter_1.InProcessAdapter(log, conversationState, onTurnFailed), runTurn),
    };
}
//# sourceMappingURL=runtime.js.map