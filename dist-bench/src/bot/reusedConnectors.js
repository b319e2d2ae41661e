"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReusedConnectorsAuthentication = void 0;
const botbuilder_1 = require("botbuilder");
const botframework_connector_1 = require("botframework-connector");
const channelTokens_1 = require("./channelTokens");
const outboundRequests_1 = require("./outboundRequests");
const plainActivityBodies_1 = require("./plainActivityBodies");
/** Channels' serviceUrls are few (one per Teams region, one per Web Chat host); the bound only stops a flood of made-up ones. */
const MAX_CACHED_CLIENTS = 64;
/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and a new UserTokenClient for every activity — two HTTP
 * pipelines of a dozen policies each, measured at a sixth of a whole turn's CPU. Here each is built once per bot
 * identity, serviceUrl and audience and reused, as botbuilder's older BotFrameworkAdapter did. Clients hold no
 * per-turn state; their credentials fetch and renew tokens themselves. Each sends its activities as plain JSON
 * (see plainActivityBodies.ts), and every request it sends is bounded in time and in destination (outboundRequests.ts).
 */
class ReusedConnectorsAuthentication extends botbuilder_1.ConfigurationBotFrameworkAuthentication {
    outbound;
    connectorClients = new BoundedCache(MAX_CACHED_CLIENTS);
    userTokenClients = new BoundedCache(MAX_CACHED_CLIENTS);
    constructor(botFrameworkAuthConfig, outbound) {
        super(botFrameworkAuthConfig);
        this.outbound = outbound;
    }
    async authenticateRequest(activity, authHeader) {
        let result;
        try {
            result = await super.authenticateRequest(activity, authHeader);
        }
        finally {
            // botbuilder adds the issuers of each token's tenant to a process-wide list and never takes them out.
            (0, channelTokens_1.forgetTenantIssuers)();
        }
        if (!result.connectorFactory)
            return result;
        return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
    }
    createConnectorFactory(claimsIdentity) {
        return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
    }
    createUserTokenClient(claimsIdentity) {
        return this.userTokenClients.getOrCreate(botIdentity(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
    }
    reusing(factory, claimsIdentity) {
        return new ReusingConnectorFactory(factory, botIdentity(claimsIdentity), this.connectorClients, this.outbound);
    }
}
exports.ReusedConnectorsAuthentication = ReusedConnectorsAuthentication;
class ReusingConnectorFactory extends botframework_connector_1.ConnectorFactory {
    inner;
    identity;
    clients;
    outbound;
    constructor(inner, identity, clients, outbound) {
        super();
        this.inner = inner;
        this.identity = identity;
        this.clients = clients;
        this.outbound = outbound;
    }
    /**
     * Every client botbuilder asks for is made here, also for a serviceUrl local mode does not allow (CloudAdapter makes
     * one before each turn, even for "expectReplies"): the client exists, but each request it would send to an origin
     * not allowed fails before reaching the network.
     */
    create(serviceUrl, audience) {
        // Neither an app id nor a URL contains a line break.
        return this.clients.getOrCreate(`${this.identity}\n${serviceUrl}\n${audience ?? ''}`, async () => (0, outboundRequests_1.boundOutboundRequests)((0, plainActivityBodies_1.sendActivitiesAsPlainJson)(await this.inner.create(serviceUrl, audience)), serviceUrl, this.outbound));
    }
}
/** The bot's own app id as botbuilder's connector factory reads it: the token's audience, else its appid claim. */
function botIdentity(claimsIdentity) {
    return (claimsIdentity.getClaimValue(botframework_connector_1.AuthenticationConstants.AudienceClaim) ??
        claimsIdentity.getClaimValue(botframework_connector_1.AuthenticationConstants.AppIdClaim) ??
        '(anonymous)');
}
/** A small least-recently-used map of pending or settled creations; a failed creation is forgotten, so it is retried. */
class BoundedCache {
    capacity;
    entries = new Map();
    constructor(capacity) {
        this.capacity = capacity;
    }
    getOrCreate(key, create) {
        const existing = this.entries.get(key);
        if (existing) {
            this.entries.delete(key);
            this.entries.set(key, existing);
            return existing;
        }
        const created = create();
        this.entries.set(key, created);
        created.catch(() => {
            if (this.entries.get(key) === created)
                this.entries.delete(key);
        });
        if (this.entries.size > this.capacity) {
            const oldest = this.entries.keys().next().value;
            if (oldest !== undefined)
                this.entries.delete(oldest);
        }
        return created;
    }
}
//# sourceMappingURL=reusedConnectors.js.map