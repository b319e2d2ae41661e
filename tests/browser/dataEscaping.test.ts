import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type App, createApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { describeInBrowserFor, launchChromium } from './support/chromium';

/**
 * Markup in imported data, and in a bot message, never reaches the page as markup: in real Chromium, on a website
 * that embeds the widget (another origin, with no Content-Security-Policy of its own, as most partner sites have —
 * the demo page's policy would block a foreign image by itself and prove nothing), a service whose name holds
 * `<img src=…>`, `<a href=…>`, a Markdown image and a bare address is found and shown as text: no request reaches
 * the beacon server those addresses point to, and no such image or link is in the DOM. Then the bot's own replies are
 * replaced, on the wire, by raw HTML and Markdown images: the widget still shows them as text.
 * Everything listens on 127.0.0.1. Without /usr/bin/chromium the suite is skipped with a reason, except under CI=true.
 */

const describeInBrowser = describeInBrowserFor('tests/browser/dataEscaping.test.ts');

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describeInBrowser('markup from data in the widget, in Chromium', () => {
  let app: App;
  let appUrl: string;
  let browser: Browser;
  let dataDir: string;
  /** A partner's website embedding the widget, which also counts every request made to its /beacon addresses. */
  let site: Server;
  let siteUrl: string;
  const beaconHits: string[] = [];

  beforeAll(async () => {
    site = createServer((req, res) => {
      if (req.url?.startsWith('/beacon')) {
        beaconHits.push(req.url);
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un site partenaire</title></head>
<body><h1>Un site partenaire</h1><script src="${appUrl}/widget.js" defer></script></body></html>`);
    });
    siteUrl = await listen(site);
    const beacon = `${siteUrl}/beacon`;

    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-escaping-'));
    const knowledge = path.join(dataDir, 'knowledge');
    mkdirSync(path.join(knowledge, 'offer'), { recursive: true });
    mkdirSync(path.join(knowledge, 'sheets'), { recursive: true });
    const givors = { commune: 'Givors', code_insee: '69091', code_postal: '69700' };
    writeFileSync(
      path.join(knowledge, 'offer', 'structures.json'),
      JSON.stringify([{ id: 'structure-1', nom: `Association &amp;lt;img src="${beacon}/double-encoded"&amp;gt; Farandole`, ...givors }]),
    );
    writeFileSync(
      path.join(knowledge, 'offer', 'services.json'),
      JSON.stringify([
        {
          id: 'service-1',
          structure_id: 'structure-1',
          nom: `LAEP <img src="${beacon}/name-img"> Ribambelle <a href="${beacon}/name-link">clic</a> ![x](${beacon}/name-md) [lien](javascript:alert(1)) ${beacon}/name-bare`,
          description: `Lieu d'accueil enfants-parents &lt;img src=${beacon}/entity-img&gt; Comptines <img src=x onerror="fetch('${beacon}/onerror')">`,
          adresse: `8 avenue <b>Anatole</b> France <!-- <img src="${beacon}/comment"> -->`,
          ...givors,
          latitude: 45.591,
          longitude: 4.769,
          telephone: '04 65 71 10 03',
          site_web: 'javascript:alert(1)',
          horaires_accueil: 'Mo-Su 00:00-24:00',
        },
      ]),
    );

    const config = parseConfig({
      PORT: '0',
      KNOWLEDGE_DIR: knowledge,
      DATABASE_URL: `sqlite:${path.join(dataDir, 'maillage.sqlite')}`,
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, createLogger('silent'));
    await app.ready;
    const port = await app.http.listen(0, '127.0.0.1');
    appUrl = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => site?.close(resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The partner's page with the chat open, every request the page makes to the beacon recorded. */
  async function openChat(context: BrowserContext): Promise<{ page: Page; requested: string[]; errors: string[] }> {
    const page = await context.newPage();
    const requested: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/beacon')) requested.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${siteUrl}/`);
    await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
    await page.getByRole('dialog', { name: 'Discussion avec Maillage' }).locator('textarea').waitFor({ timeout: 30_000 });
    return { page, requested, errors };
  }

  async function ask(page: Page, question: string): Promise<void> {
    const box = page.getByRole('dialog', { name: 'Discussion avec Maillage' }).locator('textarea');
    await box.fill(question);
    await box.press('Enter');
  }

  /** Images and links in the chat that point at the beacon or run script. */
  function foreignElements(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      Array.from(document.querySelectorAll('#maillage-panel img, #maillage-panel a, #maillage-panel iframe, #maillage-panel [href], #maillage-panel [src]'))
        .map((element) => `${element.tagName} ${element.getAttribute('href') ?? ''}${element.getAttribute('src') ?? ''}`)
        .filter((description) => /beacon|javascript:|127\.0\.0\.1:\d+\/beacon/i.test(description) || description.startsWith('A ')),
    );
  }

  function rewrittenMessages(page: Page): Promise<number> {
    return page.evaluate(() => (document.getElementById('maillage-panel')?.innerText.match(/Texte brut/g) ?? []).length);
  }

  it('shows a service whose data holds HTML and Markdown as text, and fetches nothing of it', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    try {
      const { page, requested, errors } = await openChat(context);
      const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      await ask(page, 'un LAEP à Givors');
      // The reply's line and the card both name the service.
      await panel.getByText(/Ribambelle/).nth(1).waitFor({ timeout: 30_000 });
      const chatText = (await panel.innerText()).replace(/\s+/g, ' ');
      for (const word of ['Ribambelle', 'Farandole', 'Comptines', 'Anatole']) expect(chatText).toContain(word);
      // What the data said, shown as the text it was: the Markdown image's words, the bare address.
      expect(chatText).toContain('![x](');
      expect(chatText).toContain('/beacon/name-bare');
      expect(await foreignElements(page)).toEqual([]);

      // One more answered turn: anything the first answer made the page fetch has been asked for by now.
      await ask(page, 'merci');
      await panel.getByText(/Avec plaisir/).first().waitFor({ timeout: 30_000 });
      expect(await foreignElements(page)).toEqual([]);
      expect(requested).toEqual([]);
      expect(beaconHits).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows raw HTML and Markdown images in a bot message as text, even when the bot did not escape them', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const beacon = `${siteUrl}/beacon`;
    const hostile =
      `<img src="${beacon}/raw-img"> <a href="${beacon}/raw-link">lien brut</a> ![image](${beacon}/raw-md) ` +
      `[script](javascript:alert(1)) <iframe src="${beacon}/raw-frame"></iframe> ${beacon}/raw-bare **Texte** brut`;
    // The bot's messages are rewritten on the wire, between the server and the page, as a compromised bot would send them.
    await context.routeWebSocket(/\/v3\/directline\/conversations\/[^/]+\/stream/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (typeof message !== 'string' || message.trim() === '') return ws.send(message);
        const page = JSON.parse(message) as { activities?: Array<{ type?: string; text?: string; from?: { role?: string } }> };
        for (const activity of page.activities ?? []) {
          if (activity.type === 'message' && activity.from?.role !== 'user' && activity.text) activity.text = hostile;
        }
        ws.send(JSON.stringify(page));
      });
    });
    try {
      const { page, requested, errors } = await openChat(context);
      const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      // Each answer is one more rewritten message (the greeting, if any, is one too).
      const answered = async (question: string) => {
        const before = await rewrittenMessages(page);
        await ask(page, question);
        await page.waitForFunction((count) => (document.getElementById('maillage-panel')?.innerText.match(/Texte brut/g) ?? []).length > count, before, {
          timeout: 30_000,
        });
      };
      await answered('que veut dire CTG ?');
      const chatText = (await panel.innerText()).replace(/\s+/g, ' ');
      // Tags are shown as written; the Markdown image is reduced to its alternative text.
      expect(chatText).toContain('<img src=');
      expect(chatText).toContain('lien brut</a>');
      expect(chatText).toMatch(/lien brut<\/a> image \[script\]/);
      expect(chatText).toContain('/beacon/raw-bare');
      expect(await foreignElements(page)).toEqual([]);

      await answered('merci');
      expect(await foreignElements(page)).toEqual([]);
      expect(requested).toEqual([]);
      expect(beaconHits).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
