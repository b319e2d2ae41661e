"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BotReplySchema = exports.ClientActivitySchema = exports.DIRECT_LINE_CHANNEL_ID = void 0;
exports.userActivityToTranscript = userActivityToTranscript;
exports.conversationStartActivity = conversationStartActivity;
exports.activityForBot = activityForBot;
exports.botReplyToTranscript = botReplyToTranscript;
const zod_1 = require("zod");
/**
 * The activities that cross the built-in Direct Line endpoint: what a client may post (parsed, unknown fields
 * dropped so a client cannot forge `serviceUrl`, `recipient` or `conversation`), and what the bot answers.
 */
/** The channel id the bot sees, the same as Azure Direct Line gives, so the bot behaves alike in both modes. */
exports.DIRECT_LINE_CHANNEL_ID = 'directline';
const MAX_TEXT_LENGTH = 10_000;
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;
const ClientAccountSchema = zod_1.z.object({
    id: zod_1.z.string().max(256).optional(),
    name: zod_1.z.string().max(256).optional(),
    role: zod_1.z.string().max(32).optional(),
});
exports.ClientActivitySchema = zod_1.z.object({
    type: zod_1.z.enum(['message', 'event', 'typing']),
    text: zod_1.z.string().max(MAX_TEXT_LENGTH).optional(),
    textFormat: zod_1.z.enum(['plain', 'markdown', 'xml']).optional(),
    locale: zod_1.z.string().max(35).regex(LOCALE_PATTERN, 'must be a BCP 47 language tag').optional(),
    name: zod_1.z.string().min(1).max(128).optional(),
    value: zod_1.z.unknown().optional(),
    entities: zod_1.z.array(zod_1.z.looseObject({ type: zod_1.z.string().min(1).max(128) })).max(32).optional(),
    attachments: zod_1.z.array(zod_1.z.looseObject({ contentType: zod_1.z.string().max(256).optional() })).max(16).optional(),
    channelData: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()).optional(),
    from: ClientAccountSchema.optional(),
    replyToId: zod_1.z.string().max(256).optional(),
    localTimestamp: zod_1.z.string().max(64).optional(),
    localTimezone: zod_1.z.string().max(64).optional(),
});
/** A reply of the bot: only its type is required; everything else is passed on to the client as is. */
exports.BotReplySchema = zod_1.z.looseObject({
    type: zod_1.z.string().min(1).max(64),
    from: zod_1.z.looseObject({ id: zod_1.z.string().optional(), name: zod_1.z.string().optional() }).optional(),
    replyToId: zod_1.z.string().optional(),
});
/** Replies a Direct Line client should not see (diagnostics meant for the Emulator). */
const HIDDEN_REPLY_TYPES = new Set(['trace', 'delay']);
function userActivityToTranscript(input, parties, timestamp) {
    const name = input.from?.name?.trim();
    return dropUndefined({
        ...input,
        channelId: exports.DIRECT_LINE_CHANNEL_ID,
        timestamp: timestamp.toISOString(),
        from: dropUndefined({ id: parties.userId, name: name ? name : undefined, role: 'user' }),
        recipient: { id: parties.bot.id, name: parties.bot.name, role: 'bot' },
        conversation: { id: parties.conversationId },
        locale: input.locale ?? parties.locale,
    });
}
/** The conversationUpdate a channel sends when a conversation starts: both the bot and the user joined. */
function conversationStartActivity(parties, timestamp) {
    return dropUndefined({
        type: 'conversationUpdate',
        channelId: exports.DIRECT_LINE_CHANNEL_ID,
        timestamp: timestamp.toISOString(),
        from: { id: parties.userId, role: 'user' },
        recipient: { id: parties.bot.id, name: parties.bot.name, role: 'bot' },
        conversation: { id: parties.conversationId },
        membersAdded: [
            { id: parties.bot.id, name: parties.bot.name, role: 'bot' },
            { id: parties.userId, role: 'user' },
        ],
        locale: parties.locale,
    });
}
/** What the bot receives: the transcript activity plus where a channel would take replies. */
function activityForBot(activity, serviceUrl) {
    return { ...activity, serviceUrl };
}
/** A bot reply made ready for the transcript, or undefined when clients must not see it. */
function botReplyToTranscript(reply, parties, replyToId, timestamp) {
    if (HIDDEN_REPLY_TYPES.has(reply.type))
        return undefined;
    const { serviceUrl: _serviceUrl, id: _id, ...rest } = reply;
    return dropUndefined({
        ...rest,
        channelId: exports.DIRECT_LINE_CHANNEL_ID,
        timestamp: timestamp.toISOString(),
        from: { ...(reply.from ?? {}), id: reply.from?.id ?? parties.bot.id, name: reply.from?.name ?? parties.bot.name, role: 'bot' },
        recipient: { id: parties.userId, role: 'user' },
        conversation: { id: parties.conversationId },
        replyToId: reply.replyToId ?? replyToId,
    });
}
function dropUndefined(value) {
    for (const key of Object.keys(value)) {
        if (value[key] === undefined)
            delete value[key];
    }
    return value;
}
//# sourceMappingURL=activities.js.map