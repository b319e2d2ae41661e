"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ActivityEnvelopeSchema = exports.DeliveryModeSchema = exports.EntitySchema = exports.AttachmentSchema = exports.ConversationAccountSchema = exports.ChannelAccountSchema = void 0;
exports.valueAt = valueAt;
const zod_1 = require("zod");
/**
 * The envelope of a Bot Framework activity as it arrives on POST /api/messages: the fields the adapter, the
 * state keys and the replies rely on must be there with the right type; every other field passes through
 * untouched (channels add their own). JSON null in an optional field means "absent", as channels treat it.
 */
const MAX_ID_LENGTH = 1024;
const MAX_URL_LENGTH = 2048;
const MAX_SHORT_TEXT = 256;
/** An optional field: absent, null (read as absent) or of the given type. */
const optional = (schema) => schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
/**
 * Ids are opaque printable ASCII on every Bot Framework channel. botbuilder copies the conversation id into an
 * HTTP header of each reply (x-ms-conversation-id), where a control or non-Latin-1 character makes Node throw
 * and the turn end in a 500, so anything else is refused here.
 */
const identifier = zod_1.z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
    .regex(/^[\x20-\x7E]+$/, 'must be printable ASCII');
const shortText = zod_1.z.string().max(MAX_SHORT_TEXT, `must be at most ${MAX_SHORT_TEXT} characters`);
const jsonObject = zod_1.z.record(zod_1.z.string(), zod_1.z.unknown());
/** Dates are strings that parse: botbuilder turns them into Date objects, and an invalid one throws later on. */
const isoDate = zod_1.z.string().max(64).refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date');
/** Replies are posted to serviceUrl, so it has to be an absolute http(s) URL. */
const serviceUrl = zod_1.z
    .string()
    .max(MAX_URL_LENGTH)
    .refine((text) => {
    try {
        const url = new URL(text);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    }
    catch {
        return false;
    }
}, 'must be an absolute http(s) URL');
exports.ChannelAccountSchema = zod_1.z.looseObject({
    id: identifier,
    name: optional(shortText),
    aadObjectId: optional(shortText),
    role: optional(shortText),
});
exports.ConversationAccountSchema = zod_1.z.looseObject({
    id: identifier,
    name: optional(shortText),
    isGroup: optional(zod_1.z.boolean()),
    conversationType: optional(shortText),
    tenantId: optional(shortText),
});
exports.AttachmentSchema = zod_1.z.looseObject({
    contentType: zod_1.z.string().min(1).max(MAX_SHORT_TEXT),
    contentUrl: optional(zod_1.z.string().max(MAX_URL_LENGTH)),
    content: zod_1.z.unknown().optional(),
    name: optional(zod_1.z.string().max(MAX_URL_LENGTH)),
    thumbnailUrl: optional(zod_1.z.string().max(MAX_URL_LENGTH)),
});
exports.EntitySchema = zod_1.z.looseObject({ type: zod_1.z.string().min(1).max(MAX_SHORT_TEXT) });
exports.DeliveryModeSchema = zod_1.z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']);
exports.ActivityEnvelopeSchema = zod_1.z.looseObject({
    type: zod_1.z.string().min(1, 'must not be empty').max(64),
    id: optional(identifier),
    channelId: identifier,
    serviceUrl,
    conversation: exports.ConversationAccountSchema,
    from: exports.ChannelAccountSchema,
    recipient: optional(exports.ChannelAccountSchema),
    timestamp: optional(isoDate),
    localTimestamp: optional(isoDate),
    expiration: optional(isoDate),
    localTimezone: optional(shortText),
    locale: optional(zod_1.z.string().max(64)),
    text: optional(zod_1.z.string()),
    speak: optional(zod_1.z.string()),
    textFormat: optional(shortText),
    inputHint: optional(shortText),
    summary: optional(zod_1.z.string()),
    name: optional(shortText),
    action: optional(shortText),
    label: optional(shortText),
    valueType: optional(shortText),
    topicName: optional(shortText),
    importance: optional(shortText),
    callerId: optional(zod_1.z.string().max(MAX_URL_LENGTH)),
    replyToId: optional(identifier),
    deliveryMode: optional(exports.DeliveryModeSchema),
    attachmentLayout: optional(shortText),
    attachments: optional(zod_1.z.array(exports.AttachmentSchema)),
    entities: optional(zod_1.z.array(exports.EntitySchema)),
    membersAdded: optional(zod_1.z.array(exports.ChannelAccountSchema)),
    membersRemoved: optional(zod_1.z.array(exports.ChannelAccountSchema)),
    channelData: optional(jsonObject),
    value: optional(jsonObject),
    suggestedActions: optional(jsonObject),
    relatesTo: optional(jsonObject),
    conversationReference: optional(jsonObject),
}).superRefine((activity, context) => {
    // An invoke is a call by name (Teams card actions, sign-in…): without one there is nothing to call.
    if (activity.type === 'invoke' && !activity.name) {
        context.addIssue({ code: 'custom', path: ['name'], message: 'is required for an invoke activity' });
    }
    if (activity.type === 'invoke' && activity.name)
        checkInvokeValue(activity.name, activity.value, context);
    // botbuilder's Teams handler reads channelData.eventType of an edited or deleted message without checking it.
    if ((activity.type === 'messageUpdate' || activity.type === 'messageDelete') && activity.channelId === 'msteams' && !activity.channelData) {
        context.addIssue({ code: 'custom', path: ['channelData'], message: `is required for a Teams ${activity.type} activity` });
    }
});
/**
 * Invokes whose value botbuilder reads without checking it: without this, a request missing it threw a TypeError
 * inside the SDK, and the failed turn used to wipe the conversation's state (issue 8 §3). Refused here as the
 * client's fault, before the bot sees it. Invokes botbuilder answers itself when their value is missing
 * (`application/search`, or names the bot does not handle) are left to it.
 */
const INVOKES_NEEDING_A_VALUE = new Set(['adaptiveCard/action', 'fileConsent/invoke', 'composeExtension/submitAction']);
/** Action.Execute: `value.action.type` is read before anything else (ActivityHandler.getAdaptiveCardInvokeValue). */
const AdaptiveCardActionValueSchema = zod_1.z.looseObject({
    action: zod_1.z.looseObject({ type: zod_1.z.string().min(1, 'must not be empty').max(MAX_SHORT_TEXT) }),
});
function checkInvokeValue(name, value, context) {
    if (!INVOKES_NEEDING_A_VALUE.has(name))
        return;
    if (value === undefined) {
        context.addIssue({ code: 'custom', path: ['value'], message: `is required for the ${name} invoke` });
        return;
    }
    if (name !== 'adaptiveCard/action')
        return;
    const parsed = AdaptiveCardActionValueSchema.safeParse(value);
    if (parsed.success)
        return;
    const issue = parsed.error.issues[0];
    const path = ['value', ...(issue?.path ?? [])];
    const missing = issue?.code === 'invalid_type' && valueAt(value, issue.path) === undefined;
    context.addIssue({ code: 'custom', path, message: missing ? 'is required for the adaptiveCard/action invoke' : (issue?.message ?? 'is invalid') });
}
/** The value at a zod issue's path, read without trusting the input's prototype (absent when any step is missing). */
function valueAt(root, path) {
    let current = root;
    for (const key of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = Object.hasOwn(current, key) ? current[key] : undefined;
    }
    return current;
}
//# sourceMappingURL=activitySchema.js.map