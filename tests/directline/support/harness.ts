import restify from 'restify';
import type { BotGateway } from '../../../src/bot/gateway';
import { registerDirectLine, registerWidget, type DirectLineEndpoint, type DirectLineOptions } from '../../../src/directline';
import { createLogger } from '../../../src/log/logger';

/**
 * A stand-in for the bot (not for the endpoint under test): it answers like a bot would through the gateway,
 * and remembers what it received so the tests can check what the channel handed over.
 */
export class RecordingBot implements BotGateway {
  readonly received: Record<string, unknown>[] = [];
  failures = 0;

  async deliver(activity: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    this.received.push(activity);
    if (this.failures > 0) {
      this.failures--;
      throw new Error('the bot is down');
    }
    const bot = { id: 'maillage', name: 'Maillage' };
    const reply = (fields: Record<string, unknown>) => ({ from: bot, replyToId: activity.id, ...fields });
    if (activity.type === 'conversationUpdate') return [reply({ type: 'message', text: 'Bonjour, posez votre question.' })];
    if (activity.type === 'event' && activity.name === 'location') {
      return [reply({ type: 'message', text: `Position reçue : ${JSON.stringify(activity.value)}` })];
    }
    if (activity.type === 'message') {
      const text = typeof activity.text === 'string' ? activity.text : '';
      return [
        { type: 'typing', from: bot },
        { type: 'trace', name: 'diagnostics', from: bot },
        reply({ type: 'message', text: `Vous avez dit : ${text}`, channelData: text.includes('où') ? { maillage: { askLocation: true } } : undefined }),
      ];
    }
    return [];
  }

  ofType(type: string): Record<string, unknown>[] {
    return this.received.filter((activity) => activity.type === type);
  }
}

export interface TestServer {
  baseUrl: string;
  domain: string;
  bot: RecordingBot;
  endpoint: DirectLineEndpoint;
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
}

export async function startTestServer(overrides: Partial<Omit<DirectLineOptions, 'gateway'>> & { azureBaseUrl?: string } = {}): Promise<TestServer> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  const bot = new RecordingBot();
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const log = createLogger('silent');
  const publicUrl = overrides.publicUrl ?? 'http://localhost:3978';
  const endpoint = registerDirectLine(server, {
    gateway: bot,
    publicUrl,
    signingKey: 'test-signing-key',
    log,
    now: () => clock.now,
    ...overrides,
  });
  registerWidget(server, {
    publicUrl,
    directLineSecret: overrides.directLineSecret,
    azureBaseUrl: overrides.azureBaseUrl,
    now: () => clock.now,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    domain: `${baseUrl}/v3/directline`,
    bot,
    endpoint,
    clock,
    close: async () => {
      await endpoint.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

export async function request(url: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<JsonResponse> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { ...init, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A token and a started conversation on the built-in endpoint, as Web Chat would obtain them. */
export async function startConversation(server: TestServer, locale?: string): Promise<{ token: string; conversationId: string; streamUrl: string }> {
  const generated = await request(`${server.domain}/tokens/generate`, { method: 'POST' });
  const started = await request(`${server.domain}/conversations`, { method: 'POST', token: generated.body.token, json: locale ? { locale } : {} });
  if (started.status !== 201) throw new Error(`conversation not started: ${started.status} ${JSON.stringify(started.body)}`);
  return { token: started.body.token, conversationId: started.body.conversationId, streamUrl: started.body.streamUrl };
}

export async function waitUntil<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
