"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Commands = void 0;
exports.isPartnersChannel = isPartnersChannel;
const replies_1 = require("../src/bot/replies");
const common_1 = require("../src/messages/common");
const offer_1 = require("../src/offer");
const sheets_1 = require("../src/sheets");
const conversationMemory_1 = require("./conversationMemory");
/**
 * What the conversation answers itself, once for the whole bot: hello, help, thanks, « recommencer », an empty
 * message, a message nobody understood. Partners meet the bot in Teams, parents on a website: each is greeted with
 * what they came for, and on the website the greeting talks to parents only.
 */
class Commands {
    sheets;
    id = 'commands';
    constructor(sheets) {
        this.sheets = sheets;
    }
    async answer(context, reading, memory) {
        const { language } = reading;
        switch (reading.command) {
            case 'thanks':
                await (0, replies_1.sendReply)(context, { text: (0, common_1.say)('thanks', language) });
                return;
            case 'reset':
                // « Recommencer » is the user's own choice: the only way a conversation's memory is cleared.
                Object.assign(memory, conversationMemory_1.ConversationMemorySchema.parse({ greeted: true }));
                await (0, replies_1.sendReply)(context, { text: (0, common_1.say)('reset', language), suggestions: examples(language) });
                return;
            case 'greeting':
            case 'help':
            case null:
                await this.sendHelp(context, language, reading.command === 'greeting');
                return;
        }
    }
    async answerEmpty(context, reading) {
        await (0, replies_1.sendReply)(context, { text: (0, common_1.say)('emptyMessage', reading.language), suggestions: examples(reading.language) });
    }
    async answerNotUnderstood(context, reading) {
        await (0, replies_1.sendReply)(context, { text: (0, common_1.say)('notUnderstood', reading.language), suggestions: examples(reading.language) });
    }
    /** Says hello once per conversation, with what the bot can do. */
    async greet(context, language, memory) {
        if (memory.greeted)
            return;
        memory.greeted = true;
        await this.sendHelp(context, language, true);
    }
    async sendHelp(context, language, withGreeting) {
        const partners = isPartnersChannel(context.activity.channelId);
        const offerHelp = `**${(0, common_1.say)('helpOfferHeading', language)}**\n${(0, offer_1.offerHelpText)(language)}`;
        const sheetsHelp = `**${(0, common_1.say)('helpSheetsHeading', language)}**\n${(0, sheets_1.sheetHelpText)(language, this.sheets)}`;
        const parts = partners
            ? [...(withGreeting ? [(0, common_1.say)('greeting', language)] : []), (0, common_1.say)('helpTitle', language), sheetsHelp, offerHelp]
            : // The website's visitors are parents: the sheets are still there for an explicit question, but not offered.
                [...(withGreeting ? [(0, common_1.say)('greetingParents', language)] : []), (0, common_1.say)('helpTitle', language), offerHelp];
        await (0, replies_1.sendReply)(context, { text: parts.join('\n\n') });
    }
}
exports.Commands = Commands;
/** Partners work in Teams, developers in the terminal; every other channel is the public website. */
function isPartnersChannel(channelId) {
    return channelId === 'msteams' || channelId === 'terminal';
}
function examples(language) {
    return language === 'en'
        ? ['What can you do?', 'a parents group near me']
        : ['Que savez-vous faire ?', 'un groupe de parole près de chez moi'];
}
//# sourceMappingURL=commands.js.map