"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createBotGateway = createBotGateway;
const zod_1 = require("zod");
/** The fields a channel must give; everything else passes through as the channel sent it. */
const InProcessActivitySchema = zod_1.z
    .object({
    type: zod_1.z.string().min(1),
    conversation: zod_1.z.object({ id: zod_1.z.string().min(1) }).passthrough(),
    from: zod_1.z.object({ id: zod_1.z.string().min(1) }).passthrough(),
    channelId: zod_1.z.string().min(1),
    serviceUrl: zod_1.z.string().min(1),
})
    .passthrough();
/** `runTurn` is the bot's turn as the runtime wraps it (one turn at a time per conversation). */
function createBotGateway(adapter, runTurn) {
    return {
        async deliver(activity) {
            const checked = InProcessActivitySchema.parse({
                id: `${Date.now()}`,
                timestamp: new Date().toISOString(),
                recipient: { id: 'maillage', name: 'Maillage' },
                ...activity,
            });
            const replies = await adapter.deliver(checked, runTurn);
            return replies.map((reply) => JSON.parse(JSON.stringify(reply)));
        },
    };
}
//# sourceMappingURL=gateway.js.map