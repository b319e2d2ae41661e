import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { sheetPageUrl } from '../../src/cards/sheetLinks';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { loadSheetKnowledge, SheetIndex, type Sheet } from '../../src/sheets';
import { seriousViolations } from './support/axe';
import { describeInBrowserFor, launchChromium } from './support/chromium';

/**
 * The whole-sheet page a card opens (Teams' stage view frames it; any browser shows it), from the real application
 * in headless Chromium: named by the sheet, one heading per section, in French, usable on a phone, and passing
 * axe-core with no serious or critical violation.
 */
const describeInBrowser = describeInBrowserFor('tests/browser/sheetPage.test.ts');
const KNOWLEDGE = path.join(__dirname, '..', '..', 'knowledge');
const TITLE = 'PA 3.2.1 — Poursuivre le développement et la structuration des conseils locaux de la parentalité (CLP)';

const sheet = SheetIndex.build(loadSheetKnowledge(path.join(KNOWLEDGE, 'sheets')).sheets).sheetById('rhone-sdsf/3.2.1') as Sheet;
/** The page shows every section that has a heading or items, in the order of the file. */
const shownSections = sheet.sections.filter((section) => section.items.length > 0 || section.heading !== '');

describeInBrowser('a whole sheet’s page in a browser', () => {
  let app: App;
  let dataDir: string;
  let baseUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-sheet-page-'));
    const config = parseConfig({ PORT: '0', KNOWLEDGE_DIR: KNOWLEDGE, DATABASE_URL: `sqlite:${path.join(dataDir, 'maillage.sqlite')}`, LOG_LEVEL: 'silent' });
    app = await createApp(config, createLogger('silent'));
    await app.ready;
    baseUrl = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens /sheets/rhone-sdsf/3.2.1: the sheet’s title, a heading per section, in French, and passes axe', async () => {
    // The address a card opens outside Teams, under this server.
    const address = sheetPageUrl(sheet, baseUrl);
    expect(address).toBe(`${baseUrl}/sheets/rhone-sdsf/3.2.1`);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const response = await page.goto(address as string);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);

      expect(await page.title()).toBe(`${TITLE} · Maillage`);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(TITLE);
      const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
      expect(headings).toHaveLength(shownSections.length);
      expect(headings).toEqual(expect.arrayContaining(['Diagnostic', 'Pilotage / coordination']));
      // Each section's own words sit under its heading.
      const regions = page.locator('main > section');
      await expect(regions.count()).resolves.toBe(shownSections.length);
      for (const [i, section] of shownSections.entries()) {
        if (section.items.length > 0) await expect(regions.nth(i).innerText()).resolves.toContain(section.items[0].text.slice(0, 40));
      }
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the privacy statement and the terms of use pass axe too, styled from their own sheet', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      for (const route of ['/privacy', '/terms']) {
        expect((await page.goto(`${baseUrl}${route}`))?.status()).toBe(200);
        // The style sheet applied: the emergency notice is framed.
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('.note') as Element).borderLeftStyle)).toBe('solid');
        expect(await seriousViolations(page)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('loads teams-js only when framed (Teams’ stage view), from beside its script; alone in a browser, never', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(`${baseUrl}/sheets/rhone-sdsf/3.2.1`);
      await page.waitForLoadState('networkidle');
      expect(asked).toContain('/tab/stage.js');
      expect(asked).not.toContain('/tab/vendor/teams-js.js');

      // Framed by a page at the same origin (its CSP lets 'self' frame it, as it lets Teams): a host page served
      // by the browser itself at this server's origin, with nothing but the frame.
      asked.length = 0;
      const host = `${baseUrl}/__frame-host`;
      await page.route(host, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>hôte</title><iframe title="fiche" src="${baseUrl}/sheets/rhone-sdsf/3.2.1"></iframe>` }));
      const teamsJs = page.waitForRequest((request) => new URL(request.url()).pathname === '/tab/vendor/teams-js.js', { timeout: 10_000 });
      await page.goto(host);
      expect((await teamsJs).frame().url()).toBe(`${baseUrl}/sheets/rhone-sdsf/3.2.1`);
    } finally {
      await context.close();
    }
  });

  it('reads on a phone in the dark, with its words in English around the French sheet, and still passes axe', async () => {
    const context = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}/sheets/rhone-sdsf/3.2.1`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      // The sheet itself is quoted in French, and says so to screen readers.
      expect(await page.locator('main').getAttribute('lang')).toBe('fr');
      await page.getByText('The sheet is quoted as written, in French.').waitFor();
      await expect(page.getByRole('heading', { level: 2 }).count()).resolves.toBe(shownSections.length);
      // Nothing wider than the screen: no sideways scrolling to read a line.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
