import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type App, createApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { type RoundRobinBalancer, startRoundRobinBalancer } from '../helpers/roundRobinBalancer';
import { SHIPPED_KNOWLEDGE } from '../helpers/transcript';
import { type DemoPage, describeInBrowserFor, launchChromium, openDemo } from './support/chromium';

/**
 * The real widget, in Chromium, talking to two Maillage instances behind a plain round-robin balancer: both share
 * one PostgreSQL schema and one DIRECT_LINE_SIGNING_KEY, and their PUBLIC_URL is the balancer's. Every request of
 * the page (the page itself, the widget's token, the conversation's start, each post) and the WebSocket go to the
 * next instance in turn, so the turns run on both and the replies reach the stream through LISTEN/NOTIFY (or Redis).
 * Each answer must show exactly once, in order, with no error notice and nothing on the console. Then the instance
 * holding the stream is shut down mid-conversation: the widget reconnects through the balancer to the other one, and
 * the follow-up is still understood (the conversation's state is in PostgreSQL too).
 * Needs PostgreSQL (DATABASE_URL_TEST), Chromium and, for the Redis variant, Redis (REDIS_URL_TEST, default
 * redis://127.0.0.1:6379); without PostgreSQL or Chromium the suite is skipped with a reason, except under CI=true.
 */

const REDIS_URL = process.env.REDIS_URL_TEST?.trim() || 'redis://127.0.0.1:6379';
const ANSWER_TIMEOUT_MS = 30_000;

const describeInBrowser = describeInBrowserFor('tests/browser/roundRobin.test.ts');

/** What the partner and the parent ask, and a phrase found only in the answer to it. */
const PARTNER_QUESTION = { ask: 'qui pilote la PA 3.2.1 ?', answer: 'Commission Parentalité du Comité des services aux familles' };
const PARENT_SEARCH = { ask: 'un LAEP à Givors', answer: 'à moins de 30 km de Givors' };
const FOLLOW_UP = { ask: 'et à Bron ?', answer: 'à moins de 30 km de Bron' };

/** Anything that tells the user something went wrong: Web Chat's, the channel's, the widget's. */
const ERROR_NOTICES = [
  "Échec de l'envoi", // Web Chat: a post failed
  'Impossible de se connecter', // Web Chat: the connection failed for good
  'Une interruption du réseau', // Web Chat: reconnecting
  'Le service ne répond pas', // the channel: the bot threw (src/directline/notices.ts)
  'La discussion n’a pas pu démarrer', // the widget
  'La discussion s’est interrompue', // the widget
];

describePostgres('the widget through two instances behind a round-robin balancer', (databaseUrl) => {
  describeInBrowser.each([
    ['LISTEN/NOTIFY', undefined],
    ['Redis pub/sub', REDIS_URL],
  ])('woken by %s', (_wakeUps, redisUrl) => {
    let schema: string;
    let balancer: RoundRobinBalancer;
    let apps: App[] = [];
    /** Each instance's own address (the balancer's upstreams). */
    let instanceUrls: string[] = [];
    const closed = new Set<App>();
    let browser: Browser;

    beforeAll(async () => {
      schema = uniqueSchemaName('maillage_rr');
      balancer = await startRoundRobinBalancer();
      const signingKey = randomBytes(32).toString('hex');
      const env = {
        PORT: '0',
        KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
        DATABASE_URL: withSchema(databaseUrl, schema),
        DIRECT_LINE_SIGNING_KEY: signingKey,
        PUBLIC_URL: balancer.url,
        LOG_LEVEL: 'silent',
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      };
      // One after the other, as a rolling deployment starts them: the first one migrates the fresh schema.
      const urls: string[] = (instanceUrls = []);
      for (let i = 0; i < 2; i++) {
        const app = await createApp(parseConfig(env), createLogger('silent'));
        apps.push(app);
        await app.ready;
        urls.push(`http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`);
      }
      balancer.setUpstreams(urls);
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      for (const app of apps) if (!closed.has(app)) await app.close();
      apps = [];
      await balancer?.close();
      if (schema) await dropSchema(databaseUrl, schema);
    }, 60_000);

    const newContext = () => browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });

    /** The demo page through the balancer, with the widget open and ready for typing. */
    async function openWidget(context: BrowserContext): Promise<DemoPage & { panel: Locator }> {
      const demo = await openDemo(context, balancer.url);
      await demo.page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
      const panel = demo.page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      await panel.locator('textarea').waitFor({ timeout: ANSWER_TIMEOUT_MS });
      return { ...demo, panel };
    }

    /** The transcript's activities, in the order shown: who sent each, and its text. */
    const transcript = (panel: Locator) =>
      panel
        .locator('.webchat__basic-transcript__activity')
        .evaluateAll((nodes) => nodes.map((node) => ({ fromUser: node.querySelector('.webchat__bubble--from-user') !== null, text: (node as HTMLElement).innerText })));

    async function ask(page: Page, panel: Locator, exchange: { ask: string; answer: string }): Promise<void> {
      const box = panel.locator('textarea');
      await box.fill(exchange.ask);
      await box.press('Enter');
      try {
        await panel.locator('.webchat__basic-transcript__activity', { hasText: exchange.answer }).first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
      } catch (error) {
        // Say what the user saw, and where each request went, rather than only that a locator timed out.
        const seen = await panel.innerText().catch(() => '(the panel could not be read)');
        throw new Error(
          `no answer to « ${exchange.ask} » within ${ANSWER_TIMEOUT_MS} ms (${(error as Error).message.split('\n')[0]})\n` +
            `the panel shows:\n${seen}\nrequests (instance method path):\n${balancer.log.join('\n')}`,
        );
      }
      // Web Chat clears the box once the message is sent; typing the next one before would lose it.
      await page.waitForFunction(() => (document.querySelector('#maillage-panel textarea') as HTMLTextAreaElement | null)?.value === '');
    }

    /** The conversation as the server keeps it: every message, user's and bot's, in order. */
    async function storedMessages(page: Page, instance: number): Promise<string[]> {
      const session = await page.evaluate(() => {
        for (let i = 0; i < sessionStorage.length; i++) {
          const key = sessionStorage.key(i)!;
          if (key.startsWith('maillage-widget:')) return JSON.parse(sessionStorage.getItem(key)!) as { token: string; conversationId: string };
        }
        return null;
      });
      if (!session) throw new Error('the widget saved no session');
      // Asked of one instance directly, not through the balancer, so its counts stay the browser's.
      const response = await fetch(`${instanceUrls[instance]}/v3/directline/conversations/${session.conversationId}/activities?watermark=0`, {
        headers: { Authorization: `Bearer ${session.token}` },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { activities: { type: string; text?: string }[] };
      return body.activities.filter((activity) => activity.type === 'message').map((activity) => activity.text ?? '');
    }

    /** Each exchange shows once, in order: the question, then its answer, then the next question. */
    async function expectTranscript(page: Page, panel: Locator, exchanges: { ask: string; answer: string }[], instance: number) {
      const stored = await storedMessages(page, instance);
      // Whatever the server holds, the page shows, once (a second delivery through the other instance would add one).
      await panel.locator('.webchat__basic-transcript__activity').nth(stored.length - 1).waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const shown = await transcript(panel);
      expect(shown).toHaveLength(stored.length);
      const positions: number[] = [];
      for (const exchange of exchanges) {
        // The greeting quotes « un LAEP à Givors » as an example: a question is looked for among the user's messages.
        const asked = shown.flatMap((activity, index) => (activity.fromUser && activity.text.includes(exchange.ask) ? [index] : []));
        const answered = shown.flatMap((activity, index) => (!activity.fromUser && activity.text.includes(exchange.answer) ? [index] : []));
        expect({ [exchange.ask]: asked.length, [exchange.answer]: answered.length }).toEqual({ [exchange.ask]: 1, [exchange.answer]: 1 });
        positions.push(asked[0]!, answered[0]!);
      }
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const panelText = await panel.innerText();
      for (const notice of ERROR_NOTICES) expect(panelText).not.toContain(notice);
      expect(await page.locator('.maillage-failure').count()).toBe(0);
    }

    it('answers a partner and a parent, each reply once and in order, with turns and the stream spread over both instances', async () => {
      const context = await newContext();
      try {
        const { page, panel, errors, consoleErrors } = await openWidget(context);
        for (const exchange of [PARTNER_QUESTION, PARENT_SEARCH, FOLLOW_UP]) await ask(page, panel, exchange);
        await expectTranscript(page, panel, [PARTNER_QUESTION, PARENT_SEARCH, FOLLOW_UP], 0);
        // Both instances hold the same conversation.
        expect(await storedMessages(page, 1)).toEqual(await storedMessages(page, 0));

        expect(errors).toEqual([]);
        expect(consoleErrors).toEqual([]);
        const counts = balancer.counts;
        if (process.env.ROUND_ROBIN_VERBOSE) console.log(JSON.stringify(counts), '\n' + balancer.log.join('\n'));
        // Both instances served the widget's Direct Line requests, and ran some of its turns.
        expect(counts.map((count) => count.directLine > 0)).toEqual([true, true]);
        expect(counts.map((count) => count.posts > 0)).toEqual([true, true]);
        expect(counts.reduce((sum, count) => sum + count.posts, 0)).toBe(3);
        expect(counts.reduce((sum, count) => sum + count.upgrades, 0)).toBe(1);
        expect(counts.map((count) => count.refused)).toEqual([0, 0]);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('goes on through the other instance when the one holding the stream shuts down mid-conversation', async () => {
      const context = await newContext();
      try {
        const { page, panel, errors, consoleErrors } = await openWidget(context);
        await ask(page, panel, PARENT_SEARCH);
        // The instance this page's WebSocket was piped to (the balancer's last upgrade), still open.
        const holding = Number(balancer.log.filter((line) => line.includes(' UPGRADE ')).at(-1)?.split(' ')[0] ?? -1);
        expect(holding).toBeGreaterThanOrEqual(0);
        expect(balancer.counts[holding]!.openSockets).toBe(1);
        const survivor = 1 - holding;
        const upgradesBefore = balancer.counts[survivor]!.upgrades;

        // A rolling restart: the instance stops accepting, closes its streams (1001), and leaves.
        closed.add(apps[holding]!);
        await apps[holding]!.close();

        await ask(page, panel, FOLLOW_UP);
        await expectTranscript(page, panel, [PARENT_SEARCH, FOLLOW_UP], survivor);
        // The widget opened a new stream, through the balancer, on the instance left; the closed one was skipped.
        expect(balancer.isUp(holding)).toBe(false);
        expect(balancer.counts[survivor]!.upgrades).toBeGreaterThan(upgradesBefore);
        expect(balancer.counts[survivor]!.openSockets).toBe(1);
        expect(errors).toEqual([]);
        expect(consoleErrors).toEqual([]);
        if (process.env.ROUND_ROBIN_VERBOSE) console.log(JSON.stringify(balancer.counts), '\n' + balancer.log.join('\n'));
      } finally {
        await context.close();
      }
    }, 120_000);
  });
});
