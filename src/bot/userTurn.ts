import type { Activity } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TurnInput } from '../reading';

/** The part of a message the understanding reads; the rest of a very long message is ignored (and the user told). */
export const MAX_UNDERSTOOD_CHARACTERS = 1000;
/** Danger is looked for further: a long message that ends in distress is answered with the numbers first. */
export const SAFETY_READ_CHARACTERS = 10_000;

export const PositionSchema = z.object({
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
});
export type SharedPosition = z.infer<typeof PositionSchema>;

const GeoEntitySchema = PositionSchema.extend({ type: z.literal('GeoCoordinates') });

/** A card's inputs may ask a question on the user's behalf (a "voir plus" or a choice of plan). */
const CardAskSchema = z.object({ ask: z.string().min(1).max(MAX_UNDERSTOOD_CHARACTERS) });

/** What the user said or shared in one turn, taken once from the activity, whatever the channel. */
export function readTurnInput(context: TurnContext): TurnInput {
  const activity = context.activity;
  const rawText = typeof activity.text === 'string' ? textWithoutMentions(activity) : '';
  const fullText = (rawText || cardAsk(activity)).replace(/\s+/g, ' ').trim();
  const position = readPosition(activity);
  return {
    text: fullText.slice(0, MAX_UNDERSTOOD_CHARACTERS),
    ...(fullText.length > MAX_UNDERSTOOD_CHARACTERS ? { wholeText: fullText.slice(0, SAFETY_READ_CHARACTERS) } : {}),
    ...(position ? { position } : {}),
    ...(typeof activity.locale === 'string' ? { locale: activity.locale } : {}),
    truncated: fullText.length > MAX_UNDERSTOOD_CHARACTERS,
  };
}

/** Teams puts "<at>Maillage</at>" in the text when the bot is mentioned in a channel or group chat. */
function textWithoutMentions(activity: Activity): string {
  const withoutRecipient = activity.recipient ? TurnContext.removeRecipientMention(activity) : activity.text;
  return (withoutRecipient ?? activity.text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ');
}

/** Action.Submit puts the card's data in `value`; Teams' Action.Execute nests it in `value.action.data`. */
const ExecuteValueSchema = z.object({ action: z.object({ data: z.unknown() }) });
function cardAsk(activity: Activity): string {
  if (activity.value === undefined || activity.value === null) return '';
  const execute = ExecuteValueSchema.safeParse(activity.value);
  const asked = CardAskSchema.safeParse(execute.success ? execute.data.action.data : activity.value);
  return asked.success ? asked.data.ask : '';
}

function readPosition(activity: Activity): SharedPosition | undefined {
  if (activity.type === 'event' && activity.name === 'location') {
    const fromEvent = PositionSchema.safeParse(activity.value);
    if (fromEvent.success) return fromEvent.data;
  }
  for (const entity of activity.entities ?? []) {
    const geo = GeoEntitySchema.safeParse(entity);
    if (geo.success) return { latitude: geo.data.latitude, longitude: geo.data.longitude };
  }
  return undefined;
}
