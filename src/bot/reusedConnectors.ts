import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { forgetTenantIssuers } from './channelTokens';
import { boundOutboundRequests, type OutboundLimits } from './outboundRequests';
import { sendActivitiesAsPlainJson } from './plainActivityBodies';

/** Channels' serviceUrls are few (one per Teams region, one per Web Chat host); the bound only stops a flood of made-up ones. */
const MAX_CACHED_CLIENTS = 64;

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and a new UserTokenClient for every activity — two HTTP
 * pipelines of a dozen policies each, measured at a sixth of a whole turn's CPU. Here each is built once per bot
 * identity, serviceUrl and audience and reused, as botbuilder's older BotFrameworkAdapter did. Clients hold no
 * per-turn state; their credentials fetch and renew tokens themselves. Each sends its activities as plain JSON
 * (see plainActivityBodies.ts), and every request it sends is bounded in time and in destination (outboundRequests.ts).
 */
export class ReusedConnectorsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new BoundedCache<Promise<ConnectorClient>>(MAX_CACHED_CLIENTS);
  private readonly userTokenClients = new BoundedCache<Promise<UserTokenClient>>(MAX_CACHED_CLIENTS);

  constructor(
    botFrameworkAuthConfig: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly outbound: OutboundLimits,
  ) {
    super(botFrameworkAuthConfig);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } finally {
      // botbuilder adds the issuers of each token's tenant to a process-wide list and never takes them out.
      forgetTenantIssuers();
    }
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.getOrCreate(botIdentity(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, botIdentity(claimsIdentity), this.connectorClients, this.outbound);
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly clients: BoundedCache<Promise<ConnectorClient>>,
    private readonly outbound: OutboundLimits,
  ) {
    super();
  }

  /**
   * Every client botbuilder asks for is made here, also for a serviceUrl local mode does not allow (CloudAdapter makes
   * one before each turn, even for "expectReplies"): the client exists, but each request it would send to an origin
   * not allowed fails before reaching the network.
   */
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    // Neither an app id nor a URL contains a line break.
    return this.clients.getOrCreate(`${this.identity}\n${serviceUrl}\n${audience ?? ''}`, async () =>
      boundOutboundRequests(sendActivitiesAsPlainJson(await this.inner.create(serviceUrl, audience)), serviceUrl, this.outbound),
    );
  }
}

/** The bot's own app id as botbuilder's connector factory reads it: the token's audience, else its appid claim. */
function botIdentity(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    '(anonymous)'
  );
}

/** A small least-recently-used map of pending or settled creations; a failed creation is forgotten, so it is retried. */
class BoundedCache<T extends Promise<unknown>> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  getOrCreate(key: string, create: () => T): T {
    const existing = this.entries.get(key);
    if (existing) {
      this.entries.delete(key);
      this.entries.set(key, existing);
      return existing;
    }
    const created = create();
    this.entries.set(key, created);
    created.catch(() => {
      if (this.entries.get(key) === created) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return created;
  }
}
