import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { type App, createApp } from '../src/app';
import { parseConfig } from '../src/config/config';
import { createLogger } from '../src/log/logger';
import { hasChromium, launchChromium } from '../tests/browser/support/launch';
import { FAST_3G, throttle } from '../tests/browser/support/slowNetwork';
import { median, type BenchRow } from './table';

/**
 * The website widget on a slow phone connection (Chromium's fast-3G profile: 1.6 Mbps down, 750 kbps up, 150 ms),
 * in real Chromium against the real application started in this process, on a phone-sized screen. A parent clicks the
 * launcher and at once types a question and sends it, in whichever box the panel shows (the light box while Web Chat
 * loads). Measured from the click:
 * - first answer: the bot's first reply text on screen (in the light view, or in Web Chat if it came first);
 * - Web Chat took over: Web Chat shows the whole exchange, the answer's cards included, and the light view is gone;
 * - bytes moved over the network from the page's request to that moment.
 * Cold: a fresh browser context (empty cache) clicks as soon as the page has loaded. Warm: the page has been open
 * 5 s, idle, before the click. Each is the median of RUNS runs.
 */

const RUNS = 3;
const WARM_IDLE_MS = 5_000;
const GIVE_UP_MS = 60_000;
/** A parent's search that answers with several services (cards) on the shipped offer and the development fixtures. */
const QUESTION = 'un groupe de parole à Villeurbanne';
const COLD_TARGET_MS = 4_000;
const WARM_TARGET_MS = 1_500;

interface Run {
  answerMs: number;
  tookOverMs: number;
  bytes: number;
}

/**
 * Warms the server as a running one is: its assets read and compressed once. Brotli at quality 11 takes seconds, so
 * the server answers with gzip until it is ready; this waits for brotli (or gives up after 20 s: a server without it).
 */
async function primeServer(baseUrl: string): Promise<void> {
  const script = await fetch(`${baseUrl}/widget.js`).then((response) => response.text());
  const bundle = /vendor\/webchat[\w.-]*\.js/.exec(script)?.[0] ?? 'vendor/webchat.js';
  const started = performance.now();
  while (performance.now() - started < 20_000) {
    const response = await fetch(`${baseUrl}/${bundle}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    await response.arrayBuffer();
    if (response.headers.get('content-encoding') === 'br') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function oneRun(browser: Browser, baseUrl: string, warm: boolean): Promise<Run> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const meter = await throttle(page, FAST_3G);
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    const launcher = page.locator('.maillage-launcher');
    await launcher.waitFor();
    if (warm) await page.waitForTimeout(WARM_IDLE_MS);

    const clicked = performance.now();
    await launcher.click();
    const panel = page.locator('#maillage-panel');
    const box = panel.locator('textarea.maillage-draft, [data-id="webchat-sendbox-input"]').first();
    await box.fill(QUESTION);
    await box.press('Enter');
    // The first reply text: the light view's, or a bot's message after the question in Web Chat's transcript.
    await page.waitForFunction(
      (question) => {
        if (document.querySelector('#maillage-panel .maillage-reply')) return true;
        const activities = Array.from(document.querySelectorAll('#maillage-panel .maillage-webchat:not(.maillage-behind) .webchat__basic-transcript__activity'));
        const asked = activities.findIndex((node) => node.querySelector('.webchat__bubble--from-user') && (node as HTMLElement).innerText.includes(question));
        return asked >= 0 && activities.slice(asked + 1).some((node) => !node.querySelector('.webchat__bubble--from-user') && (node as HTMLElement).innerText.trim() !== '');
      },
      QUESTION,
      { timeout: GIVE_UP_MS, polling: 'raf' },
    );
    const answered = performance.now();
    await panel.locator('.maillage-webchat:not(.maillage-behind) .ac-adaptiveCard').first().waitFor({ timeout: GIVE_UP_MS });
    await panel.locator('.maillage-welcome').waitFor({ state: 'detached', timeout: GIVE_UP_MS });
    const tookOver = performance.now();
    return { answerMs: answered - clicked, tookOverMs: tookOver - clicked, bytes: meter.bytesMoved() };
  } finally {
    await context.close();
  }
}

export async function runWidgetLoadBench(options: { knowledgeDir: string }): Promise<BenchRow[]> {
  const rows = (cold: Run[], warm: Run[], error?: string): BenchRow[] => {
    const at = (runs: Run[], pick: (run: Run) => number) => (runs.length > 0 ? median(runs.map(pick)) : Number.NaN);
    const fail = error ? { error } : {};
    return [
      { name: 'widget, fast 3G, cold: click → first answer', value: at(cold, (r) => r.answerMs), unit: 'ms', target: { max: COLD_TARGET_MS }, ...fail },
      { name: 'widget, fast 3G, cold: click → Web Chat took over (cards)', value: at(cold, (r) => r.tookOverMs), unit: 'ms', ...fail },
      { name: 'widget, fast 3G, cold: bytes moved (page → Web Chat)', value: at(cold, (r) => r.bytes) / 1000, unit: 'KB', ...fail },
      { name: 'widget, fast 3G, warm (5 s idle): click → first answer', value: at(warm, (r) => r.answerMs), unit: 'ms', target: { max: WARM_TARGET_MS }, ...fail },
      { name: 'widget, fast 3G, warm (5 s idle): click → Web Chat took over (cards)', value: at(warm, (r) => r.tookOverMs), unit: 'ms', ...fail },
      { name: 'widget, fast 3G, warm: bytes moved (page → Web Chat)', value: at(warm, (r) => r.bytes) / 1000, unit: 'KB', ...fail },
    ];
  };
  if (!hasChromium) return rows([], [], 'Chromium (/usr/bin/chromium) is missing');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-widget-'));
  let app: App | undefined;
  let browser: Browser | undefined;
  const cold: Run[] = [];
  const warm: Run[] = [];
  try {
    const config = parseConfig({
      PORT: '0',
      KNOWLEDGE_DIR: options.knowledgeDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, 'maillage.sqlite')}`,
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, createLogger('silent'));
    await app.ready;
    const baseUrl = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
    await primeServer(baseUrl);
    browser = await launchChromium();
    // Alternated, so that a slower moment of the machine does not fall on one kind only.
    for (let run = 0; run < RUNS; run++) {
      cold.push(await oneRun(browser, baseUrl, false));
      warm.push(await oneRun(browser, baseUrl, true));
    }
    if (process.env.BENCH_VERBOSE) console.error(JSON.stringify({ cold, warm }));
    return rows(cold, warm);
  } catch (error) {
    return rows(cold, warm, error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
