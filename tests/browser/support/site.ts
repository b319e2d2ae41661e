import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createApp, type App } from '../../../src/app';
import { parseConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/log/logger';
import { launchChromium } from './chromium';

/** The demo website as a parent reaches it: the real app on the shipped knowledge, and a Chromium to open it with. */
export interface DemoSite {
  app: App;
  /** The site's own database, for a test to prepare what an administrator would (an enrolment code). */
  databaseUrl: string;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemoSite(): Promise<DemoSite> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-site-'));
  const databaseUrl = `sqlite:${path.join(dataDir, 'maillage.sqlite')}`;
  const config = parseConfig({
    PORT: '0',
    KNOWLEDGE_DIR: path.join(__dirname, '..', '..', '..', 'knowledge'),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
  });
  const app = await createApp(config, createLogger('silent'));
  await app.ready;
  const baseUrl = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  const browser = await launchChromium();
  return {
    app,
    databaseUrl,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
