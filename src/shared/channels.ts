/** Teams' channel id in Bot Framework activities: whatever is done only in Teams tests it against this. */
export const TEAMS_CHANNEL_ID = 'msteams';
