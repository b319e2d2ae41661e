import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one application (GET /metrics when METRICS=true). Each application has its own
 * registry, not prom-client's global one, so several can live in one process (tests, a bench).
 * Labels only ever take values from the closed lists below: a channel id, a path or a code a client sent is
 * mapped onto them first, so no user text or id can reach a label and no client can grow the series count.
 */

export type TurnOutcome = 'ok' | 'refused' | 'error';
export type StoreOutcome = 'ok' | 'error';

/** Channels Maillage knows; any other channelId a client sends is counted as `other`. */
const KNOWN_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test']);

export function channelLabel(channelId: unknown): string {
  return typeof channelId === 'string' && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/** The route group of a request path, from a fixed list (never the path itself). */
export function routeGroup(pathname: string): string {
  if (pathname === '/api/messages') return 'messages';
  if (pathname === '/v3/directline' || pathname.startsWith('/v3/directline/')) return 'directline';
  if (pathname === '/healthz') return 'health';
  if (pathname === '/metrics') return 'metrics';
  if (pathname === '/api/reports' || pathname === '/api/indicators') return 'reports';
  if (pathname === '/api/widget/token' || pathname === '/' || pathname === '/widget.js' || pathname === '/widget.css' || pathname.startsWith('/vendor/')) {
    return 'widget';
  }
  if (pathname === '/tab' || pathname.startsWith('/tab/')) return 'tab';
  if (pathname.startsWith('/sheets/')) return 'sheets';
  return 'other';
}

/** Operation names come from the store's own method names (`state.read`); anything unexpected is `other`. */
const OPERATION_SHAPE = /^[a-z][A-Za-z]{0,31}(\.[a-z][A-Za-z]{0,31})?$/;

export interface DirectLineStats {
  conversations: number;
  streams: number;
}

export interface Metrics {
  readonly registry: Registry;
  /** One turn of the bot, from a channel request or an in-process channel. */
  recordTurn(channelId: unknown, outcome: TurnOutcome, seconds: number): void;
  /**
   * A turn that failed inside the bot (its turn error handler ran): the channel still gets its 200, so the answer
   * alone cannot tell it from a good turn.
   */
  recordTurnFailure(channelId: unknown): void;
  /** One HTTP answer; `errorCode` is the catalogue code when the answer was a refusal from the catalogue. */
  recordHttpResponse(pathname: string, status: number, errorCode?: string): void;
  /** One store call, by repository and method (`state.read`, `ping`). */
  recordStoreCall(operation: string, outcome: StoreOutcome, seconds: number): void;
  /** The built-in Direct Line endpoint's counts, read at each scrape. */
  watchDirectLine(read: () => DirectLineStats): void;
  /** The text exposition format and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Process figures (resident memory, event loop lag, GC) for the soak and for operators.
  collectDefaultMetrics({ register: registry });

  const turns = new Counter({
    name: 'maillage_turns_total',
    help: 'Turns of the bot, by channel and outcome (ok, refused: a 4xx such as a failed authentication, error).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: 'maillage_turn_duration_seconds',
    help: 'Time to answer one turn, from the request to the last reply.',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const turnFailures = new Counter({
    name: 'maillage_turn_failures_total',
    help: 'Turns that failed inside the bot (the user was told, the channel got its usual answer), by channel.',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const httpResponses = new Counter({
    name: 'maillage_http_responses_total',
    help: 'HTTP answers, by route group and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const httpErrors = new Counter({
    name: 'maillage_http_errors_total',
    help: 'HTTP refusals from the error catalogue (docs/errors.md), by route group and code.',
    labelNames: ['route', 'code'] as const,
    registers: [registry],
  });
  const storeSeconds = new Histogram({
    name: 'maillage_store_operation_duration_seconds',
    help: 'Time of one database call, by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  let readDirectLine: (() => DirectLineStats) | undefined;
  new Gauge({
    name: 'maillage_directline_conversations',
    help: 'Conversations held by the built-in Direct Line endpoint.',
    registers: [registry],
    collect() {
      if (readDirectLine) this.set(readDirectLine().conversations);
    },
  });
  new Gauge({
    name: 'maillage_directline_streams',
    help: 'Open WebSocket streams of the built-in Direct Line endpoint.',
    registers: [registry],
    collect() {
      if (readDirectLine) this.set(readDirectLine().streams);
    },
  });

  return {
    registry,
    recordTurn(channelId, outcome, seconds) {
      const channel = channelLabel(channelId);
      turns.inc({ channel, outcome });
      turnSeconds.observe({ channel }, seconds);
    },
    recordTurnFailure(channelId) {
      turnFailures.inc({ channel: channelLabel(channelId) });
    },
    recordHttpResponse(pathname, status, errorCode) {
      const route = routeGroup(pathname);
      httpResponses.inc({ route, status: String(status) });
      if (errorCode) httpErrors.inc({ route, code: errorCode });
    },
    recordStoreCall(operation, outcome, seconds) {
      storeSeconds.observe({ operation: OPERATION_SHAPE.test(operation) ? operation : 'other', outcome }, seconds);
    },
    watchDirectLine(read) {
      readDirectLine = read;
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
