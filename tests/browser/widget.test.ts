import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type App, createApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';

/**
 * The widget in a real browser (Debian's Chromium, driven by playwright-core) against the real application:
 * the demo page, the keyboard, the ARIA attributes, a phone-sized screen, and an answer from the real bot.
 * Without /usr/bin/chromium the suite is skipped with a reason, except under CI=true where it must run.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = os.tmpdir();

const hasChromium = existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
if (!hasChromium && !mustRun) {
  console.warn(`tests/browser/widget.test.ts skipped: ${CHROMIUM} is missing (install it with: bash .ci/install-chromium.sh)`);
}
const describeInBrowser = hasChromium || mustRun ? describe : describe.skip;

describeInBrowser('the website widget in Chromium', () => {
  let app: App;
  let baseUrl: string;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install it (bash .ci/install-chromium.sh)`);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-browser-'));
    const config = parseConfig({
      PORT: '0',
      KNOWLEDGE_DIR: path.join(__dirname, '..', '..', 'knowledge'),
      DATABASE_URL: `sqlite:${path.join(dataDir, 'maillage.sqlite')}`,
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, createLogger('silent'));
    await app.ready;
    const port = await app.http.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * A page of the demo site, failing the test on any script error in it and on anything its
   * Content-Security-Policy blocked (reported by the browser as a violation event and on the console).
   */
  async function openDemo(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
    });
    await page.exposeFunction('reportViolation', (violation: string) => errors.push(`CSP violation: ${violation}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${baseUrl}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByRole('button', { name: 'Discuter avec Maillage' }).waitFor();
    return { page, errors };
  }

  const activeElementClass = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('class') ?? '');

  it('opens from the keyboard, answers a question, and closes with Escape', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    try {
      const { page, errors } = await openDemo(context);
      const launcher = page.getByRole('button', { name: 'Discuter avec Maillage' });
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await launcher.getAttribute('aria-controls')).toBe('maillage-panel');
      expect(await page.locator('#maillage-panel').isHidden()).toBe(true);

      for (let presses = 0; presses < 20 && !(await activeElementClass(page)).includes('maillage-launcher'); presses++) {
        await page.keyboard.press('Tab');
      }
      expect(await activeElementClass(page)).toContain('maillage-launcher');
      await page.keyboard.press('Enter');

      const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      await panel.waitFor();
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');
      expect(await panel.getAttribute('id')).toBe('maillage-panel');
      expect(await panel.getByRole('button', { name: 'Fermer la discussion' }).count()).toBe(1);
      expect(await panel.getByRole('button', { name: 'Partager ma position' }).count()).toBe(1);

      // Focus moves into the panel, onto the message box, so the user can type at once.
      await page.waitForFunction(() => document.activeElement?.closest('#maillage-panel') !== null && document.activeElement?.tagName === 'TEXTAREA', undefined, {
        timeout: 30_000,
      });
      await page.keyboard.type('que veut dire CTG ?');
      await page.keyboard.press('Enter');
      await panel.getByText(/convention territoriale globale/i).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'maillage-widget-desktop.png') });

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await activeElementClass(page)).toContain('maillage-launcher');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('fills a phone screen, and sends the position only when the user clicks', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: 45.6977, longitude: 4.8867 },
      permissions: ['geolocation'],
    });
    try {
      const { page, errors } = await openDemo(context);
      await page.getByRole('button', { name: 'Discuter avec Maillage' }).tap();
      const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      await panel.waitFor();
      expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 740 });
      await panel.locator('textarea').waitFor({ timeout: 30_000 });

      expect(await page.locator('.maillage-status').textContent()).toBe('');
      await panel.getByRole('button', { name: 'Partager ma position' }).tap();
      await page.locator('.maillage-status', { hasText: 'Votre position a été envoyée.' }).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'maillage-widget-mobile.png') });

      await panel.getByRole('button', { name: 'Fermer la discussion' }).tap();
      await panel.waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('explains in French, without an error, when the user refuses to share the position', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1024, height: 768 }, permissions: [] });
    try {
      const { page, errors } = await openDemo(context);
      await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
      const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      await panel.locator('textarea').waitFor({ timeout: 30_000 });
      await panel.getByRole('button', { name: 'Partager ma position' }).click();
      await page.locator('.maillage-status', { hasText: 'Vous avez refusé le partage de votre position' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
