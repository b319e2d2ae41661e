import { z } from 'zod';

/**
 * The envelope of a Bot Framework activity as it arrives on POST /api/messages: the fields the adapter, the
 * state keys and the replies rely on must be there with the right type; every other field passes through
 * untouched (channels add their own). JSON null in an optional field means "absent", as channels treat it.
 */

const MAX_ID_LENGTH = 1024;
const MAX_URL_LENGTH = 2048;
const MAX_SHORT_TEXT = 256;

/** An optional field: absent, null (read as absent) or of the given type. */
const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();

/**
 * Ids are opaque printable ASCII on every Bot Framework channel. botbuilder copies the conversation id into an
 * HTTP header of each reply (x-ms-conversation-id), where a control or non-Latin-1 character makes Node throw
 * and the turn end in a 500, so anything else is refused here.
 */
const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(/^[\x20-\x7E]+$/, 'must be printable ASCII');
const shortText = z.string().max(MAX_SHORT_TEXT, `must be at most ${MAX_SHORT_TEXT} characters`);
const jsonObject = z.record(z.string(), z.unknown());

/** Dates are strings that parse: botbuilder turns them into Date objects, and an invalid one throws later on. */
const isoDate = z.string().max(64).refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date');

/** Replies are posted to serviceUrl, so it has to be an absolute http(s) URL. */
const serviceUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

export const ChannelAccountSchema = z.looseObject({
  id: identifier,
  name: optional(shortText),
  aadObjectId: optional(shortText),
  role: optional(shortText),
});

export const ConversationAccountSchema = z.looseObject({
  id: identifier,
  name: optional(shortText),
  isGroup: optional(z.boolean()),
  conversationType: optional(shortText),
  tenantId: optional(shortText),
});

export const AttachmentSchema = z.looseObject({
  contentType: z.string().min(1).max(MAX_SHORT_TEXT),
  contentUrl: optional(z.string().max(MAX_URL_LENGTH)),
  content: z.unknown().optional(),
  name: optional(z.string().max(MAX_URL_LENGTH)),
  thumbnailUrl: optional(z.string().max(MAX_URL_LENGTH)),
});

export const EntitySchema = z.looseObject({ type: z.string().min(1).max(MAX_SHORT_TEXT) });

export const DeliveryModeSchema = z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']);

export const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1, 'must not be empty').max(64),
  id: optional(identifier),
  channelId: identifier,
  serviceUrl,
  conversation: ConversationAccountSchema,
  from: ChannelAccountSchema,
  recipient: optional(ChannelAccountSchema),
  timestamp: optional(isoDate),
  localTimestamp: optional(isoDate),
  expiration: optional(isoDate),
  localTimezone: optional(shortText),
  locale: optional(z.string().max(64)),
  text: optional(z.string()),
  speak: optional(z.string()),
  textFormat: optional(shortText),
  inputHint: optional(shortText),
  summary: optional(z.string()),
  name: optional(shortText),
  action: optional(shortText),
  label: optional(shortText),
  valueType: optional(shortText),
  topicName: optional(shortText),
  importance: optional(shortText),
  callerId: optional(z.string().max(MAX_URL_LENGTH)),
  replyToId: optional(identifier),
  deliveryMode: optional(DeliveryModeSchema),
  attachmentLayout: optional(shortText),
  attachments: optional(z.array(AttachmentSchema)),
  entities: optional(z.array(EntitySchema)),
  membersAdded: optional(z.array(ChannelAccountSchema)),
  membersRemoved: optional(z.array(ChannelAccountSchema)),
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
  if (activity.type === 'invoke' && activity.name) checkInvokeValue(activity.name, activity.value, context);
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
const INVOKES_NEEDING_A_VALUE: ReadonlySet<string> = new Set(['adaptiveCard/action', 'fileConsent/invoke', 'composeExtension/submitAction']);

/** Action.Execute: `value.action.type` is read before anything else (ActivityHandler.getAdaptiveCardInvokeValue). */
const AdaptiveCardActionValueSchema = z.looseObject({
  action: z.looseObject({ type: z.string().min(1, 'must not be empty').max(MAX_SHORT_TEXT) }),
});

function checkInvokeValue(name: string, value: Record<string, unknown> | undefined, context: z.RefinementCtx): void {
  if (!INVOKES_NEEDING_A_VALUE.has(name)) return;
  if (value === undefined) {
    context.addIssue({ code: 'custom', path: ['value'], message: `is required for the ${name} invoke` });
    return;
  }
  if (name !== 'adaptiveCard/action') return;
  const parsed = AdaptiveCardActionValueSchema.safeParse(value);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const path = ['value', ...(issue?.path ?? [])];
  const missing = issue?.code === 'invalid_type' && valueAt(value, issue.path) === undefined;
  context.addIssue({ code: 'custom', path, message: missing ? 'is required for the adaptiveCard/action invoke' : (issue?.message ?? 'is invalid') });
}

/** The value at a zod issue's path, read without trusting the input's prototype (absent when any step is missing). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key) ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}

export type ActivityEnvelope = z.output<typeof ActivityEnvelopeSchema>;
