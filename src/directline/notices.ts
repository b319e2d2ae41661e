/** What the channel itself tells a user when the bot could not be reached for their message. */
const BOT_UNAVAILABLE = {
  fr: 'Le service ne répond pas pour le moment. Réessayez dans un instant, s’il vous plaît.',
  en: 'The service is not answering right now. Please try again in a moment.',
} as const;

export function botUnavailableNotice(locale: string | undefined): string {
  return locale?.toLowerCase().startsWith('en') ? BOT_UNAVAILABLE.en : BOT_UNAVAILABLE.fr;
}
