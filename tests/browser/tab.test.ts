import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import type { Centre, ReportBody } from '../../src/reports/model';
import { openStore } from '../../src/storage';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { seriousViolations } from './support/axe';
import { describeInBrowserFor, launchChromium } from './support/chromium';

/**
 * The indicators tab outside Teams, as a plan's coordinator opens it in a browser: asks for the API key, then draws
 * the figures of reports made here (charts with a table beside each), filters them, exports them as CSV, and passes
 * axe-core. No frame, so teams-js is loaded but never initialised.
 */
const describeInBrowser = describeInBrowserFor('tests/browser/tab.test.ts');
const API_KEY = 'tab-test-key-0b7a2d4c8e9f10a1b2c3d4e5';


/** The tab's reports count children too. */
const body = (overrides: Partial<ReportBody>): ReportBody => cafeReport({ children: 3, ...overrides });

const SEEDED: Array<{ key: string; centre: Centre; body: ReportBody }> = [
  { key: 't1', centre: TISSERANDS, body: body({ title: 'Café des parents de mars' }) },
  { key: 't2', centre: GRANDCLEMENT, body: body({ title: 'Café des parents d’avril', startDate: '2026-04-02', endDate: '2026-04-02', parents: 23, children: 17 }) },
  { key: 't3', centre: GRANDCLEMENT, body: body({ planId: 'rhone-avs', sheetCode: 'PA 2.3.3', title: 'Atelier parents-enfants à Villeurbanne', kind: 'atelier-parents-enfants', startDate: '2025-11-05', endDate: '2025-11-05', parents: 8, children: 9 }) },
];

/** The tab, with script errors and CSP violations collected for the test to expect empty. */
async function openTab(context: BrowserContext, baseUrl: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
  const response = await page.goto(`${baseUrl}/tab`);
  expect(response?.status()).toBe(200);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  expect(policy).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
  expect(response?.headers()['x-frame-options']).toBeUndefined();
  return { page, errors };
}

describeInBrowser('the indicators tab in a plain browser', () => {
  let app: App;
  let dataDir: string;
  let baseUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-tab-'));
    const databaseUrl = `sqlite:${path.join(dataDir, 'maillage.sqlite')}`;
    const config = parseConfig({
      PORT: '0',
      KNOWLEDGE_DIR: path.join(__dirname, '..', '..', 'knowledge'),
      DATABASE_URL: databaseUrl,
      REPORTS_API_KEY: API_KEY,
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, createLogger('silent'));
    await app.ready;
    baseUrl = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
    const store = await openStore(databaseUrl, createLogger('silent'));
    try {
      for (const [i, seeded] of SEEDED.entries()) {
        await store.reports.submit({
          submissionKey: `tab-test-${seeded.key}`,
          centre: seeded.centre,
          body: seeded.body,
          submittedBy: 'webchat:tab-test',
          channelId: 'webchat',
          submittedAt: new Date(Date.UTC(2026, 4, 1, 10, i)),
        });
      }
    } finally {
      await store.close();
    }
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for the key, then draws each sheet’s chart with its table, filters, exports the CSV, and passes axe', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await openTab(context, baseUrl);
      const key = page.getByLabel('Clé de l’API des comptes rendus');
      await key.waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // A wrong key: said plainly, and the form comes back.
      await key.fill('not-the-key-at-all-0000');
      await key.press('Enter');
      await page.getByRole('alert').getByText('Cette clé n’est pas acceptée').waitFor();
      await key.waitFor();

      await key.fill(API_KEY);
      await page.getByRole('button', { name: 'Afficher les indicateurs' }).click();
      await page.getByRole('status').getByText('3 comptes rendus.').waitFor();

      // PA 2.3.2: two months, the figures of both reports in the table beside the chart.
      const sheet = page.getByRole('article', { name: /^PA 2\.3\.2/ });
      const months = sheet.getByRole('table', { name: /par mois/ });
      await months.waitFor();
      const rows = await months.locator('tbody tr').allInnerTexts();
      expect(rows.map((row) => row.split('\t').slice(1).join(' '))).toEqual(['1 14 3', '1 23 17']);
      const chart = sheet.getByRole('img', { name: /Graphique pour PA 2\.3\.2/ });
      await chart.waitFor();
      const drawn = await chart.evaluate((canvas) => {
        const instance = (window as unknown as { Chart: { getChart(c: unknown): { data: { datasets: Array<{ label: string; data: number[] }> } } | undefined } }).Chart.getChart(canvas);
        return instance?.data.datasets.map((dataset) => [dataset.label, dataset.data]);
      });
      expect(drawn).toEqual([
        ['Comptes rendus', [1, 1]],
        ['Parents', [14, 23]],
        ['Enfants', [3, 17]],
      ]);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      await expect(page.getByRole('article', { name: /^PA 2\.3\.3/ }).getByRole('table', { name: /par mois/ }).locator('tbody tr').innerText()).resolves.toMatch(/8\s+9/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(__dirname, '..', '..', 'test-results', 'maillage-tab.png'), fullPage: true });

      // The export, with the filters of the page: only Villeurbanne's reports.
      await page.getByLabel('Commune (code INSEE)').fill('69266');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.getByRole('status').getByText('2 comptes rendus.').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync((await download.path()) ?? '', 'utf8');
      expect(csv).toContain('Café des parents d’avril');
      expect(csv).toContain('Atelier parents-enfants à Villeurbanne');
      expect(csv).not.toContain('Café des parents de mars');

      // The sheet filter, by keyboard.
      await page.getByLabel('Commune (code INSEE)').fill('');
      await page.getByLabel('Fiche', { exact: true }).focus();
      await page.getByLabel('Fiche', { exact: true }).selectOption({ label: 'PA 2.3.3 — ' + (await optionTitle(page, 'PA 2.3.3')) });
      await page.getByRole('button', { name: 'Filtrer' }).press('Enter');
      await page.getByRole('status').getByText('1 compte rendu.').waitFor();
      expect(await page.getByRole('article').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone: no filter before the key, nothing wider than the screen, and a filter mistake said in French', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const { page, errors } = await openTab(context, baseUrl);
      const key = page.getByLabel('Clé de l’API des comptes rendus');
      await key.waitFor();
      // Before a key, the filters and their buttons are not there to be pressed.
      expect(await page.getByRole('button', { name: 'Filtrer' }).isVisible()).toBe(false);
      expect(await page.getByLabel('Fiche').isVisible()).toBe(false);

      await key.fill(API_KEY);
      await key.press('Enter');
      await page.getByRole('status').getByText('3 comptes rendus.').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // A commune typed by name: what to type instead, in French, not the API's English.
      await page.getByLabel('Commune (code INSEE)').fill('Lyon');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.getByRole('alert').getByText('Commune : saisissez son code INSEE').waitFor();

      // Forgetting the key takes the filters away again.
      await page.getByLabel('Commune (code INSEE)').fill('');
      await page.getByRole('button', { name: 'Oublier la clé' }).click();
      await key.waitFor();
      expect(await page.getByRole('button', { name: 'Filtrer' }).isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('follows a dark colour scheme and English, and still passes axe', async () => {
    const context = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark' });
    try {
      const { page, errors } = await openTab(context, baseUrl);
      await page.getByLabel('Reports API key').fill(API_KEY);
      await page.getByRole('button', { name: 'Show the indicators' }).click();
      await page.getByRole('status').getByText('3 reports.').waitFor();
      expect(await page.locator('body').getAttribute('data-theme')).toBe('dark');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('img', { name: /Chart for PA 2\.3\.2/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('takes the high-contrast theme under forced colours, and serves teams-js for use inside Teams', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', forcedColors: 'active' });
    try {
      const { page, errors } = await openTab(context, baseUrl);
      await page.getByLabel('Clé de l’API des comptes rendus').waitFor();
      expect(await page.locator('body').getAttribute('data-theme')).toBe('contrast');
      // Outside a frame the library is not loaded at all (app.initialize() would hang a minute).
      expect(await page.evaluate(() => typeof (window as unknown as { microsoftTeams?: unknown }).microsoftTeams)).toBe('undefined');
      const library = await page.request.get(`${baseUrl}/tab/vendor/teams-js.js`);
      expect(library.status()).toBe(200);
      expect(library.headers()['content-type']).toMatch(/javascript/);
      expect(await library.text()).toContain('getAuthToken');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The title the sheet choice shows after its code, read from the page itself (the shipped sheets may be retitled). */
async function optionTitle(page: Page, code: string): Promise<string> {
  const label = await page.locator('#filter-sheet option', { hasText: code }).first().innerText();
  return label.replace(`${code} — `, '');
}
