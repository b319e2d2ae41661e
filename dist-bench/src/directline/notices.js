"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.botUnavailableNotice = botUnavailableNotice;
/** What the channel itself tells a user when the bot could not be reached for their message. */
const BOT_UNAVAILABLE = {
    fr: 'Le service ne répond pas pour le moment. Réessayez dans un instant, s’il vous plaît.',
    en: 'The service is not answering right now. Please try again in a moment.',
};
function botUnavailableNotice(locale) {
    return locale?.toLowerCase().startsWith('en') ? BOT_UNAVAILABLE.en : BOT_UNAVAILABLE.fr;
}
//# sourceMappingURL=notices.js.map