import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { createApp } from '../src/app';
import { ConfigError, parseConfig } from '../src/config/config';
import { createLogger } from '../src/log/logger';

/**
 * `npm run chat`: talk to the same bot in the terminal, in-process (no Teams, no browser).
 * Type "/position 45.76 4.88" to share a position, "/quit" to leave.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config, createLogger(config.logLevel, process.stderr));
  await app.ready;

  const conversation = { id: `terminal-${randomUUID()}` };
  const user = { id: `terminal-user-${process.env.USER ?? 'local'}`, name: 'Vous' };
  const base = { channelId: 'terminal', serviceUrl: 'http://localhost/terminal', conversation, from: user, locale: process.env.LANG?.startsWith('en') ? 'en-US' : 'fr-FR' };
  const show = (replies: Record<string, unknown>[]) => {
    for (const reply of replies) {
      const text = readableText(reply);
      if (text) console.log(`\n${text}\n`);
    }
  };

  show(await app.gateway.deliver({ ...base, type: 'conversationUpdate', membersAdded: [user, { id: 'maillage' }] }));
  const input = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  input.setPrompt('vous > ');
  input.prompt();
  for await (const line of input) {
    const typed = line.trim();
    if (typed === '/quit' || typed === '/exit') break;
    const position = /^\/position\s+(-?\d+(?:\.\d+)?)[ ,;]+(-?\d+(?:\.\d+)?)$/.exec(typed);
    const activity = position
      ? { ...base, type: 'event', name: 'location', value: { latitude: Number(position[1]), longitude: Number(position[2]) } }
      : { ...base, type: 'message', text: typed };
    show(await app.gateway.deliver(activity));
    input.prompt();
  }
  input.close();
  await app.close();
}

/** What a person reads in a reply: its text, then its cards' texts, facts and buttons, and the quick replies. */
function readableText(activity: Record<string, unknown>): string {
  if (activity.type !== 'message') return '';
  const lines: string[] = [];
  if (typeof activity.text === 'string') lines.push(activity.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') lines.push(`  ${element.text}`);
    if (element.type === 'Fact' || (typeof element.title === 'string' && typeof element.value === 'string' && !element.type)) {
      lines.push(`  ${element.title} : ${element.value}`);
    }
    if (typeof element.type === 'string' && element.type.startsWith('Action.') && typeof element.title === 'string') {
      lines.push(`  [${element.title}]${typeof element.url === 'string' ? ` ${element.url}` : ''}`);
    }
    for (const child of Object.values(element)) if (typeof child === 'object') walk(child);
  };
  walk((activity.attachments as { content?: unknown }[] | undefined)?.map((attachment) => attachment.content));
  const suggested = (activity.suggestedActions as { actions?: { title?: string }[] } | undefined)?.actions ?? [];
  if (suggested.length > 0) lines.push(`  → ${suggested.map((action) => action.title).join(' · ')}`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error('The chat could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
