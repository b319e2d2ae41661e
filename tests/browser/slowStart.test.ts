import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { startDemoSite, type DemoSite } from './support/site';
import { describeInBrowserFor } from './support/chromium';
import { FAST_3G, throttle } from './support/slowNetwork';

/**
 * The widget's first exchange on a slow phone (Chromium's fast-3G profile), in real Chromium against the real
 * application: what the parent sends before Web Chat's 640 KB bundle is there is posted at once and answered in the
 * light view; when Web Chat comes it shows the whole conversation, each message once, and the light view goes. Whether
 * Web Chat is there yet is not left to timing: its bundle (or the parent's post) is held by the test until released.
 * Also: Web Chat's bundle is run at idle time, except when the browser asks to save data.
 * Without /usr/bin/chromium the suite is skipped with a reason, except under CI=true.
 */

const describeInBrowser = describeInBrowserFor('tests/browser/slowStart.test.ts');
const ANSWER_TIMEOUT_MS = 60_000;
const WEB_CHAT_BUNDLE = /\/vendor\/webchat[\w.-]*\.js$/;

/** A request the test holds until it says so: `held` resolves when the browser has asked for it. */
interface Gate {
  held: Promise<void>;
  release(): void;
}

async function holdRequests(page: Page, url: RegExp, method = 'GET'): Promise<Gate> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const held = new Promise<void>((resolve) => (asked = resolve));
  await page.route(url, async (route: Route) => {
    if (route.request().method() !== method) return route.continue();
    asked();
    await released;
    await route.continue();
  });
  return { held, release };
}

/** Web Chat's transcript as shown: who sent each activity, its text, and how many cards it has. */
function transcript(panel: Locator) {
  return panel.locator('.webchat__basic-transcript__activity').evaluateAll((nodes) =>
    nodes.map((node) => ({
      fromUser: node.querySelector('.webchat__bubble--from-user') !== null,
      text: (node as HTMLElement).innerText,
      cards: node.querySelectorAll('.ac-adaptiveCard').length,
    })),
  );
}

describeInBrowser('the widget’s first answer on a slow phone, in Chromium', () => {
  let site: DemoSite;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await startDemoSite();
    ({ baseUrl, browser } = site);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  const phone = (): Promise<BrowserContext> => browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

  /** The demo page on fast 3G with the panel open, script errors collected. */
  async function openThrottled(context: BrowserContext, beforeLoad: (page: Page) => Promise<unknown> = async () => undefined) {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await throttle(page, FAST_3G);
    const gates = await beforeLoad(page);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Discuter avec Maillage' }).tap();
    const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
    return { page, panel, errors, gates };
  }

  async function sendEarly(panel: Locator, text: string): Promise<void> {
    const box = panel.locator('textarea.maillage-draft');
    await box.fill(text);
    await box.press('Enter');
  }

  /** Once Web Chat has taken over, one more exchange: anything sent or shown twice has arrived by its end. */
  async function oneMoreExchange(panel: Locator): Promise<void> {
    const box = panel.locator('[data-id="webchat-sendbox-input"]');
    await box.fill('merci');
    await box.press('Enter');
    await panel.locator('.webchat__basic-transcript__activity', { hasText: /plaisir/i }).first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
  }

  it('answers a message sent before Web Chat is there in the light view, once; then Web Chat shows it once, with its cards', async () => {
    const context = await phone();
    try {
      const { page, panel, errors, gates } = await openThrottled(context, (page) => holdRequests(page, WEB_CHAT_BUNDLE));
      const bundle = gates as Gate;
      const question = 'un groupe de parole à Villeurbanne';
      await sendEarly(panel, question);

      const reply = panel.locator('.maillage-reply');
      await reply.first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
      expect(await page.evaluate(() => 'WebChat' in window)).toBe(false);
      expect(await reply.count()).toBe(1);
      expect(await reply.innerText()).toMatch(/groupes? de parole/i);
      // Plain text: no Markdown marks left, no links for a local service's number (its card comes with Web Chat).
      expect(await reply.innerText()).not.toContain('**');
      expect(await reply.locator('a').count()).toBe(0);
      // Sent: the note saying it would leave later is gone.
      expect(await panel.locator('.maillage-queued-note').count()).toBe(0);

      bundle.release();
      await panel.locator('.maillage-welcome').waitFor({ state: 'detached', timeout: ANSWER_TIMEOUT_MS });
      expect(await page.locator('#maillage-panel').getAttribute('data-maillage-state')).toBe('ready');
      await oneMoreExchange(panel);

      const shown = await transcript(panel);
      const asked = shown.filter((activity) => activity.fromUser && activity.text.includes(question));
      expect(asked).toHaveLength(1);
      const askedAt = shown.indexOf(asked[0]!);
      const thanksAt = shown.findIndex((activity) => activity.fromUser && activity.text.includes('merci'));
      const answers = shown.slice(askedAt + 1, thanksAt).filter((activity) => !activity.fromUser);
      expect(answers).toHaveLength(1);
      expect(answers[0]!.cards).toBeGreaterThanOrEqual(2);
      expect(shown.filter((activity) => !activity.fromUser && activity.cards > 0)).toHaveLength(1);
      expect(await panel.locator('.maillage-queued, .maillage-reply').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('gives the national numbers of a reply about danger as tel: links in the light view', async () => {
    const context = await phone();
    try {
      const { page, panel, errors, gates } = await openThrottled(context, (page) => holdRequests(page, WEB_CHAT_BUNDLE));
      await sendEarly(panel, 'je n en peux plus je veux mourir');
      const calls = panel.locator('.maillage-reply a[href^="tel:"]');
      await calls.first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const links = await calls.evaluateAll((nodes) => nodes.map((node) => ({ href: node.getAttribute('href'), text: (node as HTMLElement).innerText })));
      expect(links.map((link) => link.href)).toContain('tel:3114');
      for (const link of links) {
        expect(link.href).toMatch(/^tel:\d{2,6}$/);
        expect(link.text).toContain(link.href!.slice('tel:'.length));
      }
      expect(await panel.locator('.maillage-reply').innerText()).toContain('3114');
      expect(await page.evaluate(() => 'WebChat' in window)).toBe(false);
      (gates as Gate).release();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('never sends twice a message whose post is still under way when Web Chat connects', async () => {
    const context = await phone();
    try {
      const { page, panel, errors, gates } = await openThrottled(context, async (page) => ({
        bundle: await holdRequests(page, WEB_CHAT_BUNDLE),
        post: await holdRequests(page, /\/v3\/directline\/conversations\/[^/]+\/activities$/, 'POST'),
      }));
      const { bundle, post } = gates as { bundle: Gate; post: Gate };
      const question = 'un lieu d’accueil enfants-parents à Givors';
      await sendEarly(panel, question);
      await post.held;
      bundle.release();
      await page.locator('#maillage-panel[data-maillage-state="ready"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
      // Web Chat is connected, and the light view still waits for its post: it stays on top until that is settled.
      expect(await panel.locator('.maillage-welcome').count()).toBe(1);
      post.release();
      await panel.locator('.maillage-welcome').waitFor({ state: 'detached', timeout: ANSWER_TIMEOUT_MS });
      await oneMoreExchange(panel);
      const shown = await transcript(panel);
      expect(shown.filter((activity) => activity.fromUser && activity.text.includes(question))).toHaveLength(1);
      const askedAt = shown.findIndex((activity) => activity.fromUser && activity.text.includes(question));
      const thanksAt = shown.findIndex((activity) => activity.fromUser && activity.text.includes('merci'));
      expect(shown.slice(askedAt + 1, thanksAt).filter((activity) => !activity.fromUser)).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('runs Web Chat’s bundle at idle time without showing it, but not when the browser asks to save data', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      const widget = page.locator('.maillage-widget');
      await page.locator('.maillage-widget[data-maillage-webchat="loaded"]').waitFor({ state: 'attached', timeout: ANSWER_TIMEOUT_MS });
      expect(await page.evaluate(() => typeof (window as unknown as { WebChat?: { renderWebChat?: unknown } }).WebChat?.renderWebChat)).toBe('function');
      expect(await page.locator('#maillage-panel').isHidden()).toBe(true);
      expect(await widget.locator('.maillage-webchat, .webchat__basic-transcript').count()).toBe(0);
    } finally {
      await context.close();
    }

    const saving = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    try {
      // What a browser with Save-Data on says to scripts (Chromium's "Lite mode", a phone's data saver).
      await saving.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '3g' }) });
      });
      const page = await saving.newPage();
      const bundleRequests: string[] = [];
      page.on('request', (request) => {
        if (WEB_CHAT_BUNDLE.test(new URL(request.url()).pathname)) bundleRequests.push(request.url());
      });
      await page.goto(`${baseUrl}/`);
      await page.locator('.maillage-widget[data-maillage-webchat="saving-data"]').waitFor({ state: 'attached', timeout: ANSWER_TIMEOUT_MS });
      expect(await page.evaluate(() => 'WebChat' in window)).toBe(false);
      expect(bundleRequests).toEqual([]);
      // Asked for, it comes: the click loads Web Chat.
      await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
      await page.locator('#maillage-panel[data-maillage-state="ready"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
      expect(bundleRequests).toHaveLength(1);
    } finally {
      await saving.close();
    }
  }, 120_000);
});
