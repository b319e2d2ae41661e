import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemoSite, type DemoSite } from './support/site';
import { describeInBrowserFor, openDemo as openDemoAt } from './support/chromium';

/**
 * The widget in a real browser (Debian's Chromium, driven by playwright-core) against the real application:
 * the demo page, the keyboard, the ARIA attributes, a phone-sized screen, and an answer from the real bot.
 * Without /usr/bin/chromium the suite is skipped with a reason, except under CI=true where it must run.
 */

/** Saved under test-results/ (gitignored), where CI keeps what a failed run saw. */
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-results');

const describeInBrowser = describeInBrowserFor('tests/browser/widget.test.ts');

describeInBrowser('the website widget in Chromium', () => {
  let site: DemoSite;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await startDemoSite();
    ({ baseUrl, browser } = site);
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  /** A page of the demo site, failing the test on script errors and Content-Security-Policy violations. */
  const openDemo = async (context: BrowserContext): Promise<{ page: Page; errors: string[] }> => openDemoAt(context, baseUrl);

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
