"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InProcessAdapter = exports.ChannelAdapter = void 0;
const botbuilder_1 = require("botbuilder");
const activityValidator_1 = require("botbuilder/lib/activityValidator");
const clientAddress_1 = require("../server/clientAddress");
const errors_1 = require("../server/errors");
const channelAuthentication_1 = require("./channelAuthentication");
const outboundRequests_1 = require("./outboundRequests");
const reusedConnectors_1 = require("./reusedConnectors");
const serviceUrls_1 = require("./serviceUrls");
const turnErrors_1 = require("./turnErrors");
/**
 * The Bot Connector side: channel authentication from the Microsoft App settings. Without a MicrosoftAppId nobody
 * authenticates the requests (local mode), so replies may only go to the allowed origins (serviceUrls.ts).
 */
class ChannelAdapter extends botbuilder_1.CloudAdapter {
    log;
    channelAuthentication;
    /** Local mode only; with credentials the channel's token signs the serviceUrl. */
    serviceUrls;
    trustProxy;
    constructor(config, log, conversationState, onTurnFailed) {
        const appId = config.botAuth.MicrosoftAppId;
        const serviceUrls = appId ? undefined : (0, serviceUrls_1.createServiceUrlPolicy)(config.allowedServiceUrls);
        const authentication = new reusedConnectors_1.ReusedConnectorsAuthentication({
            MicrosoftAppId: appId ?? '',
            MicrosoftAppPassword: config.botAuth.MicrosoftAppPassword ?? '',
            MicrosoftAppType: config.botAuth.MicrosoftAppType,
            MicrosoftAppTenantId: config.botAuth.MicrosoftAppTenantId ?? '',
        }, { timeoutMs: outboundRequests_1.OUTBOUND_TIMEOUT_MS, serviceUrls });
        super(authentication);
        this.log = log;
        this.serviceUrls = serviceUrls;
        this.trustProxy = config.trustProxy;
        this.channelAuthentication = new channelAuthentication_1.ChannelAuthentication(authentication, appId, log);
        this.onTurnError = (0, turnErrors_1.createTurnErrorHandler)(log, conversationState, onTurnFailed);
        if (serviceUrls) {
            log.warn({ allowedServiceUrls: serviceUrls.description }, `No MicrosoftAppId: the bot runs unauthenticated — anyone who reaches POST /api/messages can talk to it. It posts replies only to ${serviceUrls.description} (ALLOWED_SERVICE_URLS${config.allowedServiceUrls ? '' : ', and then only for senders on this machine'}), or returns them in the response with deliveryMode "expectReplies".`);
        }
    }
    /**
     * One POST /api/messages whose activity the server's guard has already read and checked (`req.body`). What
     * CloudAdapter.process would do after its own parsing — authenticate, run the turn, answer with the invoke or
     * expectReplies body — with the refusals of this application first: a serviceUrl local mode may not post to (403),
     * a token that cannot be valid (401, no key fetched), keys that cannot be fetched (503 with Retry-After). Each is
     * answered from the catalogue before the turn runs, so nothing is sent.
     */
    async processChannelRequest(req, res, logic) {
        const activity = (0, activityValidator_1.validateAndFixActivity)(req.body);
        this.checkServiceUrl(activity, req);
        let authenticated;
        try {
            authenticated = await this.channelAuthentication.authenticate(activity, req.header('authorization') ?? '');
        }
        catch (error) {
            if (error instanceof channelAuthentication_1.KeysUnavailable)
                res.setHeader('Retry-After', String(error.retryAfterSeconds));
            throw error;
        }
        const invokeResponse = await this.processActivity(authenticated, activity, logic);
        if (invokeResponse?.body !== undefined)
            res.send(invokeResponse.status ?? 200, invokeResponse.body);
        else
            res.send(invokeResponse?.status ?? 200);
    }
    /** Replies of an "expectReplies" activity come back in the response, so its serviceUrl receives nothing. */
    checkServiceUrl(activity, req) {
        if (!this.serviceUrls || activity.deliveryMode === 'expectReplies')
            return;
        const senderIsLocal = (0, clientAddress_1.isLoopbackAddress)((0, clientAddress_1.clientAddress)(req, this.trustProxy));
        const refusal = this.serviceUrls.refusal(activity.serviceUrl ?? '', senderIsLocal);
        if (refusal === undefined)
            return;
        this.log.info({ serviceUrlOrigin: originForLog(activity.serviceUrl), reason: refusal }, 'serviceUrl not allowed in local mode');
        throw new errors_1.HttpProblem('service_url_not_allowed');
    }
}
exports.ChannelAdapter = ChannelAdapter;
/** The origin only: the path and query of a refused serviceUrl are the sender's choice and stay out of the log. */
function originForLog(serviceUrl) {
    try {
        return new URL(serviceUrl ?? '').origin;
    }
    catch {
        return undefined;
    }
}
/**
 * Channels that live in this process (the built-in Direct Line endpoint, the terminal chat) reach the bot here,
 * without HTTP and without channel authentication, with replies collected as "expectReplies": its connector clients
 * may send nothing at all.
 */
class InProcessAdapter extends botbuilder_1.CloudAdapter {
    constructor(log, conversationState, onTurnFailed) {
        super(new reusedConnectors_1.ReusedConnectorsAuthentication({}, { timeoutMs: outboundRequests_1.OUTBOUND_TIMEOUT_MS, serviceUrls: serviceUrls_1.NO_SERVICE_URL }));
        this.onTurnError = (0, turnErrors_1.createTurnErrorHandler)(log, conversationState, onTurnFailed);
    }
    async deliver(activity, logic) {
        const response = await this.processActivity('', { ...activity, deliveryMode: 'expectReplies' }, logic);
        const body = response?.body;
        return body?.activities ?? [];
    }
}
exports.InProcessAdapter = InProcessAdapter;
//# sourceMappingURL=adapter.js.map