/** Teams' channel id in Bot Framework activities: the bot's Teams policy and the cards' Teams links both test it. */
export const TEAMS_CHANNEL_ID = 'msteams';
