"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createEchoBot = createEchoBot;
exports.startGuardedEchoServer = startGuardedEchoServer;
exports.startBareEchoServer = startBareEchoServer;
const restify_1 = __importDefault(require("restify"));
const botbuilder_1 = require("botbuilder");
const server_1 = require("../../src/server/server");
/**
 * The botbuilder echo bot of the SDK samples, used as a floor: the bench compares Maillage's turn cost with it
 * on the same HTTP stack, and the fuzz test compares our guarded stack with the samples' bare one.
 * botbuilder is imported here (outside src/bot) because this measures the SDK itself, not Maillage.
 */
function createEchoBot() {
    const bot = new botbuilder_1.ActivityHandler();
    bot.onMessage(async (context, next) => {
        await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
        await next();
    });
    return bot;
}
/** A CloudAdapter as the samples make it: without credentials, no channel authentication. */
function createEchoAdapter() {
    const adapter = new botbuilder_1.CloudAdapter(new botbuilder_1.ConfigurationBotFrameworkAuthentication({}));
    adapter.onTurnError = async (context) => {
        await context.sendActivity('The bot encountered an error or bug.');
    };
    return adapter;
}
/** The echo bot behind Maillage's own server: createHttpServer, the activity guard, then a CloudAdapter. */
async function startGuardedEchoServer(log) {
    const adapter = createEchoAdapter();
    const bot = createEchoBot();
    const http = (0, server_1.createHttpServer)({
        log,
        isReady: () => true,
        handleActivity: (req, res) => adapter.process(req, res, (context) => bot.run(context)),
    });
    const port = await http.listen(0, '127.0.0.1');
    return { http, url: `http://127.0.0.1:${port}/api/messages`, close: () => http.close() };
}
/** The samples' stack as published: restify with its bodyParser, straight into the adapter. */
async function startBareEchoServer() {
    const adapter = createEchoAdapter();
    const bot = createEchoBot();
    const server = restify_1.default.createServer();
    server.use(restify_1.default.plugins.bodyParser());
    server.post('/api/messages', async (req, res) => {
        await adapter.process(req, res, (context) => bot.run(context));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    return {
        url: `http://127.0.0.1:${address.port}/api/messages`,
        close: () => new Promise((resolve) => {
            server.server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=echoBot.js.map