import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Language } from '../language/text';
import { TEAMS_CHANNEL_ID } from '../shared/channels';

/**
 * Who the bot answers in Teams, decided from the activity alone before any dialog runs: the tenant allow-list
 * (ALLOWED_TENANTS), and in channels and group chats only the messages that @mention it.
 */

/** Conversations several people share: the bot speaks there only when spoken to. */
const SHARED_CONVERSATION_TYPES: ReadonlySet<string> = new Set(['channel', 'groupChat']);

const TenantChannelDataSchema = z.object({ tenant: z.object({ id: z.string().min(1) }) });
const ConversationTenantSchema = z.object({ tenantId: z.string().min(1) });
const MentionSchema = z.object({ type: z.literal('mention'), mentioned: z.object({ id: z.string() }) });
const TeamChannelDataSchema = z.object({ team: z.object({ id: z.string().min(1) }) });

/** The tenant Teams says the activity comes from (`channelData.tenant.id`, else `conversation.tenantId`), lower case. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = TenantChannelDataSchema.safeParse(activity.channelData);
  if (fromChannelData.success) return fromChannelData.data.tenant.id.toLowerCase();
  const fromConversation = ConversationTenantSchema.safeParse(activity.conversation);
  return fromConversation.success ? fromConversation.data.tenantId.toLowerCase() : undefined;
}

/**
 * Whether the allow-list refuses this activity. Only Teams activities carry a tenant: the website widget and Direct
 * Line are not Teams and are not concerned. A Teams activity without a tenant is refused when there is a list.
 */
export function isTenantRefused(activity: Partial<Activity>, allowedTenants: readonly string[] | undefined): boolean {
  if (!allowedTenants || allowedTenants.length === 0) return false;
  if (activity.channelId !== TEAMS_CHANNEL_ID) return false;
  const tenant = tenantOf(activity);
  return tenant === undefined || !allowedTenants.includes(tenant);
}

/**
 * A channel of a team or a group chat (several people), as opposed to a personal chat with the bot. An activity
 * that names its team (`channelData.team`) is in one of the team's channels even if it leaves out the type.
 */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return (typeof type === 'string' && SHARED_CONVERSATION_TYPES.has(type)) || teamOf(activity) !== undefined;
}

/** Whether the message's entities @mention the bot (the activity's recipient). */
function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  // Channels over HTTP have their entities checked (src/server/activitySchema.ts); in-process channels may not.
  if (!Array.isArray(activity.entities)) return false;
  return activity.entities.some((entity) => {
    const mention = MentionSchema.safeParse(entity);
    return mention.success && mention.data.mentioned.id === botId;
  });
}

/**
 * Whether a message is for the bot: always in a personal chat; in a channel or a group chat when it @mentions the
 * bot, or when it is a card's Action.Submit (Teams sends those with the card's data and no text, and only the bot
 * can have posted the card).
 */
export function isAddressedToBot(activity: Partial<Activity>): boolean {
  if (!isSharedConversation(activity)) return true;
  if (mentionsBot(activity)) return true;
  const hasText = typeof activity.text === 'string' && activity.text.trim() !== '';
  return !hasText && activity.value !== undefined && activity.value !== null;
}

/** The team a conversation update is about, when Teams says so (`channelData.team.id`). */
function teamOf(activity: Partial<Activity>): string | undefined {
  const parsed = TeamChannelDataSchema.safeParse(activity.channelData);
  return parsed.success ? parsed.data.team.id : undefined;
}

/** Whether this conversation update adds the bot itself (installed in a team, a group chat or a personal chat). */
export function addsTheBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && Array.isArray(activity.membersAdded) && activity.membersAdded.some((member) => member?.id === botId);
}

/** What a person of a tenant not on the list is told: short, with nothing about the configuration. */
export const teamsPolicyMessages = {
  tenantRefused: {
    fr: "Désolé, Maillage n'est pas ouvert à votre organisation. Rapprochez-vous de la personne qui l'a installé.",
    en: 'Sorry, Maillage is not open to your organisation. Please ask whoever installed it.',
  },
} as const satisfies Record<string, Record<Language, string>>;

/** The body of the 403 an invoke from a refused tenant gets. */
export const TENANT_REFUSED_INVOKE_BODY = Object.freeze({
  error: { code: 'tenant_not_allowed', message: 'This Teams tenant is not allowed to use this bot.' },
});
