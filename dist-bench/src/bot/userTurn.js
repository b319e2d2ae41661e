"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PositionSchema = exports.MAX_UNDERSTOOD_CHARACTERS = void 0;
exports.readTurnInput = readTurnInput;
const botbuilder_1 = require("botbuilder");
const zod_1 = require("zod");
/** The part of a message the understanding reads; the rest of a very long message is ignored (and the user told). */
exports.MAX_UNDERSTOOD_CHARACTERS = 1000;
exports.PositionSchema = zod_1.z.object({
    latitude: zod_1.z.coerce.number().min(-90).max(90),
    longitude: zod_1.z.coerce.number().min(-180).max(180),
});
const GeoEntitySchema = exports.PositionSchema.extend({ type: zod_1.z.literal('GeoCoordinates') });
/** A card's inputs may ask a question on the user's behalf (a "voir plus" or a choice of plan). */
const CardAskSchema = zod_1.z.object({ ask: zod_1.z.string().min(1).max(exports.MAX_UNDERSTOOD_CHARACTERS) });
/** What the user said or shared in one turn, taken once from the activity, whatever the channel. */
function readTurnInput(context) {
    const activity = context.activity;
    const rawText = typeof activity.text === 'string' ? textWithoutMentions(activity) : '';
    const fullText = (rawText || cardAsk(activity)).replace(/\s+/g, ' ').trim();
    const position = readPosition(activity);
    return {
        text: fullText.slice(0, exports.MAX_UNDERSTOOD_CHARACTERS),
        ...(position ? { position } : {}),
        ...(typeof activity.locale === 'string' ? { locale: activity.locale } : {}),
        truncated: fullText.length > exports.MAX_UNDERSTOOD_CHARACTERS,
    };
}
/** Teams puts "<at>Maillage</at>" in the text when the bot is mentioned in a channel or group chat. */
function textWithoutMentions(activity) {
    const withoutRecipient = activity.recipient ? botbuilder_1.TurnContext.removeRecipientMention(activity) : activity.text;
    return (withoutRecipient ?? activity.text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ');
}
/** Action.Submit puts the card's data in `value`; Teams' Action.Execute nests it in `value.action.data`. */
const ExecuteValueSchema = zod_1.z.object({ action: zod_1.z.object({ data: zod_1.z.unknown() }) });
function cardAsk(activity) {
    if (activity.value === undefined || activity.value === null)
        return '';
    const execute = ExecuteValueSchema.safeParse(activity.value);
    const asked = CardAskSchema.safeParse(execute.success ? execute.data.action.data : activity.value);
    return asked.success ? asked.data.ask : '';
}
function readPosition(activity) {
    if (activity.type === 'event' && activity.name === 'location') {
        const fromEvent = exports.PositionSchema.safeParse(activity.value);
        if (fromEvent.success)
            return fromEvent.data;
    }
    for (const entity of activity.entities ?? []) {
        const geo = GeoEntitySchema.safeParse(entity);
        if (geo.success)
            return { latitude: geo.data.latitude, longitude: geo.data.longitude };
    }
    return undefined;
}
//# sourceMappingURL=userTurn.js.map