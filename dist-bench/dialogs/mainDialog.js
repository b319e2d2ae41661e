"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MainDialog = void 0;
const userTurn_1 = require("../src/bot/userTurn");
const text_1 = require("../src/language/text");
const common_1 = require("../src/messages/common");
const reading_1 = require("../src/reading");
const commands_1 = require("./commands");
const findSupport_1 = require("./findSupport");
const routes_1 = require("./routes");
const safety_1 = require("./safety");
const sheetQuestions_1 = require("./sheetQuestions");
/**
 * Every turn starts here: it is read once (src/reading), walked through the route table (dialogs/routes.ts) until
 * a route claims it, and answered by that route's journey with the conversation's memory, saved once answered.
 * A journey that was waiting for an answer and was interrupted asks its question again.
 */
class MainDialog {
    services;
    memory;
    journeys;
    routes;
    waiting;
    constructor(services, 
    /** The conversation's memory, checked when it was stored by another instance or version. */
    memory) {
        this.services = services;
        this.memory = memory;
        this.journeys = {
            safety: new safety_1.Safety(),
            findSupport: new findSupport_1.FindSupport(services.offer, services.communes),
            sheetQuestions: new sheetQuestions_1.SheetQuestions(services.sheets),
            commands: new commands_1.Commands(services.sheets),
        };
        this.routes = (0, routes_1.buildRoutes)(this.journeys, services.sheets);
        this.waiting = (0, routes_1.multiTurnJourneys)(this.journeys);
    }
    async run(context) {
        const reading = (0, reading_1.readTurn)((0, userTurn_1.readTurnInput)(context), this.services, this.services.now());
        const memory = await this.memory.get(context);
        if (reading.truncated)
            await context.sendActivity((0, common_1.say)('tooLong', reading.language));
        const pending = this.waiting.find((journey) => journey.pendingQuestion(memory) !== null) ?? null;
        const turn = { context, reading, memory, partners: (0, commands_1.isPartnersChannel)(context.activity.channelId), pending };
        const route = this.routes.find((candidate) => candidate.claims(turn));
        await route.answer(turn);
        const interrupted = pending !== null && route.journey !== pending.id && route.name !== 'pending answer';
        if (interrupted && route.resumesPending(turn) && pending.pendingQuestion(memory) !== null) {
            await pending.askAgain(context, reading, memory);
        }
        await this.memory.set(context, memory);
    }
    /** A conversation's first contact: hello, once, with what the bot can do. */
    async greet(context) {
        const memory = await this.memory.get(context);
        if (memory.greeted)
            return;
        await this.journeys.commands.greet(context, (0, text_1.detectLanguage)('', context.activity.locale), memory);
        await this.memory.set(context, memory);
    }
}
exports.MainDialog = MainDialog;
//# sourceMappingURL=mainDialog.js.map