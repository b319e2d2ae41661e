import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import type { Request, Response } from 'restify';
import type { Config, TrustProxy } from '../config/config';
import { clientAddress, isLoopbackAddress } from '../server/clientAddress';
import type { Logger } from '../log/logger';
import { HttpProblem } from '../server/errors';
import { ChannelAuthentication, KeysUnavailable } from './channelAuthentication';
import type { ConversationStateStore } from './conversationState';
import { OUTBOUND_TIMEOUT_MS } from './outboundRequests';
import { ReusedConnectorsAuthentication } from './reusedConnectors';
import { createServiceUrlPolicy, NO_SERVICE_URL, type ServiceUrlPolicy } from './serviceUrls';
import { createTurnErrorHandler, type TurnFailureListener } from './turnErrors';

/**
 * The Bot Connector side: channel authentication from the Microsoft App settings. Without a MicrosoftAppId nobody
 * authenticates the requests (local mode), so replies may only go to the allowed origins (serviceUrls.ts).
 */
export class ChannelAdapter extends CloudAdapter {
  private readonly channelAuthentication: ChannelAuthentication;
  /** Local mode only; with credentials the channel's token signs the serviceUrl. */
  private readonly serviceUrls: ServiceUrlPolicy | undefined;
  private readonly trustProxy: TrustProxy;

  constructor(
    config: Config,
    private readonly log: Logger,
    conversationState: ConversationStateStore,
    onTurnFailed?: TurnFailureListener,
  ) {
    const appId = config.botAuth.MicrosoftAppId;
    const serviceUrls = appId ? undefined : createServiceUrlPolicy(config.allowedServiceUrls);
    const authentication = new ReusedConnectorsAuthentication(
      {
        MicrosoftAppId: appId ?? '',
        MicrosoftAppPassword: config.botAuth.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.botAuth.MicrosoftAppType,
        MicrosoftAppTenantId: config.botAuth.MicrosoftAppTenantId ?? '',
      },
      { timeoutMs: OUTBOUND_TIMEOUT_MS, serviceUrls },
    );
    super(authentication);
    this.serviceUrls = serviceUrls;
    this.trustProxy = config.trustProxy;
    this.channelAuthentication = new ChannelAuthentication(authentication, appId, log);
    this.onTurnError = createTurnErrorHandler(log, conversationState, onTurnFailed);
    if (serviceUrls) {
      log.warn(
        { allowedServiceUrls: serviceUrls.description },
        `No MicrosoftAppId: the bot runs unauthenticated — anyone who reaches POST /api/messages can talk to it. It posts replies only to ${serviceUrls.description} (ALLOWED_SERVICE_URLS${config.allowedServiceUrls ? '' : ', and then only for senders on this machine'}), or returns them in the response with deliveryMode "expectReplies".`,
      );
    }
  }

  /**
   * One POST /api/messages whose activity the server's guard has already read and checked (`req.body`). What
   * CloudAdapter.process would do after its own parsing — authenticate, run the turn, answer with the invoke or
   * expectReplies body — with the refusals of this application first: a serviceUrl local mode may not post to (403),
   * a token that cannot be valid (401, no key fetched), keys that cannot be fetched (503 with Retry-After). Each is
   * answered from the catalogue before the turn runs, so nothing is sent.
   */
  async processChannelRequest(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = validateAndFixActivity(req.body as Activity);
    this.checkServiceUrl(activity, req);
    let authenticated;
    try {
      authenticated = await this.channelAuthentication.authenticate(activity, req.header('authorization') ?? '');
    } catch (error) {
      if (error instanceof KeysUnavailable) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    const invokeResponse = await this.processActivity(authenticated, activity, logic);
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
    else res.send(invokeResponse?.status ?? 200);
  }

  /** Replies of an "expectReplies" activity come back in the response, so its serviceUrl receives nothing. */
  private checkServiceUrl(activity: Activity, req: Request): void {
    if (!this.serviceUrls || activity.deliveryMode === 'expectReplies') return;
    const senderIsLocal = isLoopbackAddress(clientAddress(req, this.trustProxy));
    const refusal = this.serviceUrls.refusal(activity.serviceUrl ?? '', senderIsLocal);
    if (refusal === undefined) return;
    this.log.info({ serviceUrlOrigin: originForLog(activity.serviceUrl), reason: refusal }, 'serviceUrl not allowed in local mode');
    throw new HttpProblem('service_url_not_allowed');
  }
}

/** The origin only: the path and query of a refused serviceUrl are the sender's choice and stay out of the log. */
function originForLog(serviceUrl: string | undefined): string | undefined {
  try {
    return new URL(serviceUrl ?? '').origin;
  } catch {
    return undefined;
  }
}

/**
 * Channels that live in this process (the built-in Direct Line endpoint, the terminal chat) reach the bot here,
 * without HTTP and without channel authentication, with replies collected as "expectReplies": its connector clients
 * may send nothing at all.
 */
export class InProcessAdapter extends CloudAdapter {
  constructor(log: Logger, conversationState: ConversationStateStore, onTurnFailed?: TurnFailureListener) {
    super(new ReusedConnectorsAuthentication({}, { timeoutMs: OUTBOUND_TIMEOUT_MS, serviceUrls: NO_SERVICE_URL }));
    this.onTurnError = createTurnErrorHandler(log, conversationState, onTurnFailed);
  }

  async deliver(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const response = await this.processActivity('', { ...activity, deliveryMode: 'expectReplies' } as Activity, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}
