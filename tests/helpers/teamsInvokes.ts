import { randomUUID } from 'node:crypto';
import { jailToLoopback } from './networkJail';
import { ServiceUrlReceiver } from './serviceUrlReceiver';
import { startTestBot, type TestBot } from './transcript';

/**
 * The real application over HTTP, spoken to as Teams speaks to it: activities and invokes POSTed to /api/messages,
 * the answer read from the response body. The activities name a local receiver as their serviceUrl, so whatever the
 * bot posts in the chat instead of answering in the body shows there; the network jail keeps every other address out.
 */
export interface TeamsApp {
  bot: TestBot;
  receiver: ServiceUrlReceiver;
  /** http://127.0.0.1:<port>, where the application listens. */
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTeamsApp(env: Record<string, string> = {}): Promise<TeamsApp> {
  const unjail = jailToLoopback();
  let receiver: ServiceUrlReceiver | undefined;
  let bot: TestBot | undefined;
  const stop = async () => {
    try {
      await bot?.stop();
      await receiver?.close();
    } finally {
      unjail();
    }
  };
  try {
    receiver = await ServiceUrlReceiver.start();
    bot = await startTestBot(undefined, env);
    const baseUrl = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}`;
    return { bot, receiver, baseUrl, stop };
  } catch (error) {
    // A half-started app would leave the jail on for the rest of the worker's tests.
    await stop();
    throw error;
  }
}

export interface TeamsAnswer {
  status: number;
  /** The parsed JSON body; undefined when the body is empty. */
  body: unknown;
}

/**
 * One activity as Teams posts it: a fresh id and timestamp, the msteams channel, the receiver as serviceUrl, the bot
 * as recipient, French unless said otherwise. `activity` says the rest (type, conversation, from…) and overrides any of these.
 */
export async function postTeamsActivity(teams: TeamsApp, activity: Record<string, unknown>): Promise<TeamsAnswer> {
  const response = await fetch(`${teams.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: teams.receiver.serviceUrl,
      recipient: { id: 'maillage', name: 'Maillage' },
      locale: 'fr-FR',
      ...activity,
    }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** An invoke (`adaptiveCard/action`, `composeExtension/query`…) with its value; `activity` adds conversation, from and the like. */
export function postTeamsInvoke(teams: TeamsApp, name: string, value: unknown, activity: Record<string, unknown> = {}): Promise<TeamsAnswer> {
  return postTeamsActivity(teams, { ...activity, type: 'invoke', name, value });
}
