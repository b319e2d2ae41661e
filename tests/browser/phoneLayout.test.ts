import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDemoSite, type DemoSite } from './support/site';
import { describeInBrowserFor, openDemo } from './support/chromium';
import { throttle } from './support/slowNetwork';

/**
 * The widget as a parent meets it on a phone, in real Chromium against the real application: results of a search that
 * finds several services, at 360×640 and 390×844. Nothing is wider than the panel, no card's text overflows its card,
 * no word and no phone number is cut over two lines, and the widget's chrome keeps to 15 % of the screen's height; its
 * own texts are in the browser's language. A screenshot of each screen is saved under test-results/ (its path printed).
 * Then, on Chromium's fast-3G profile, a message sent while the widget is still connecting is answered, once.
 * Without /usr/bin/chromium the suite is skipped with a reason, except under CI=true.
 */

const describeInBrowser = describeInBrowserFor('tests/browser/phoneLayout.test.ts');
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-results');
const ANSWER_TIMEOUT_MS = 30_000;
/** The widget's chrome (header, buttons, note) may take this share of the screen's height at most. */
const MAX_CHROME_SHARE = 0.15;

/** What the page shows wrong at this size: each finding names the element and by how much. */
interface LayoutFindings {
  outsidePanel: string[];
  overflowingText: string[];
  brokenWords: string[];
  brokenPhones: string[];
  phonesSeen: number;
  cards: number;
  chromeHeight: number;
}

/** Walks the panel's DOM in the page and measures everything the parent would see wrong. */
function measureLayout(page: Page): Promise<LayoutFindings> {
  return page.evaluate(() => {
    const panel = document.getElementById('maillage-panel')!;
    const chat = panel.querySelector('.maillage-chat') as HTMLElement;
    const box = panel.getBoundingClientRect();
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${String(element.getAttribute('class') ?? '').split(/\s+/).slice(0, 2).join('.')} «${(element.textContent ?? '').trim().slice(0, 40)}»`;
    /**
     * Whether the parent can see the element: displayed, and not clipped away by a box inside the panel (Web Chat's
     * screen-reader-only copies of messages sit in a 1 px box that hides its overflow). The panel's own clipping does
     * not count: what overflows the panel is what this test looks for.
     */
    const visible = (element: Element, options: { scrolledAway: boolean } = { scrolledAway: false }) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || rect.width <= 1 || rect.height <= 1) return false;
      let left = rect.left;
      let right = rect.right;
      let top = rect.top;
      let bottom = rect.bottom;
      for (let node: Element | null = element; node && node !== panel; node = node.parentElement) {
        const nodeStyle = getComputedStyle(node);
        if (nodeStyle.clipPath !== 'none' || nodeStyle.clip !== 'auto' || Number(nodeStyle.opacity) === 0) return false;
        if (node !== element && nodeStyle.overflowX !== 'visible') {
          const clip = node.getBoundingClientRect();
          left = Math.max(left, clip.left);
          right = Math.min(right, clip.right);
        }
        // A scrolling box hides what is above or below its view until the parent scrolls to it: that text is shown.
        if (node !== element && nodeStyle.overflowY !== 'visible' && !(options.scrolledAway && (nodeStyle.overflowY === 'auto' || nodeStyle.overflowY === 'scroll'))) {
          const clip = node.getBoundingClientRect();
          top = Math.max(top, clip.top);
          bottom = Math.min(bottom, clip.bottom);
        }
      }
      return right - left > 1 && bottom - top > 1;
    };
    /** Inside a box that scrolls vertically, an element may be above or below the view: only its sides count. */
    const scrolledVertically = (element: Element) => {
      for (let node = element.parentElement; node && node !== panel; node = node.parentElement) {
        const overflowY = getComputedStyle(node).overflowY;
        if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return true;
      }
      return false;
    };

    const outsidePanel: string[] = [];
    for (const element of Array.from(panel.querySelectorAll('*'))) {
      if (!visible(element)) continue;
      const rect = element.getBoundingClientRect();
      const sideways = rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
      const vertically = !scrolledVertically(element) && (rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5);
      if (sideways || vertically) outsidePanel.push(`${describe(element)}: ${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)}`);
    }

    const cards = Array.from(panel.querySelectorAll('.ac-adaptiveCard'));
    const overflowingText: string[] = [];
    for (const element of Array.from(panel.querySelectorAll('.ac-adaptiveCard, .ac-adaptiveCard *, .webchat__bubble__content, .webchat__bubble__content p'))) {
      if (!visible(element)) continue;
      const html = element as HTMLElement;
      if (html.scrollWidth > html.clientWidth + 1 && getComputedStyle(html).overflowX !== 'visible') {
        overflowingText.push(`${describe(element)}: ${html.scrollWidth} > ${html.clientWidth}`);
      }
      // A box that lets its text spill out shows it past its own edges.
      if (getComputedStyle(html).overflowX === 'visible' && html.scrollWidth > html.clientWidth + 1 && html.children.length === 0) {
        overflowingText.push(`${describe(element)}: ${html.scrollWidth} > ${html.clientWidth}`);
      }
    }

    /** The distinct lines a range of text is laid out on. */
    const linesOf = (node: Text, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const tops = Array.from(range.getClientRects())
        .filter((rect) => rect.width > 0)
        .map((rect) => Math.round(rect.top));
      return new Set(tops.map((top) => Math.round(top / 4))).size;
    };
    const brokenWords: string[] = [];
    const brokenPhones: string[] = [];
    let phonesSeen = 0;
    const PHONE = /(?:\+\d{1,3}[\s\u00A0.-]?)?\d{1,4}(?:[\s\u00A0.-]\d{2,4}){2,}/g;
    for (const card of cards) {
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const text = node.data;
        // Web Chat may scroll the list while the answer settles: text scrolled out of view still counts (it is laid out).
        if (!node.parentElement || !visible(node.parentElement, { scrolledAway: true })) continue;
        // A word may end a line at its hyphen ("Saint-Priest"); anywhere else it is cut.
        for (const match of text.matchAll(/[^\s\u00A0-]{2,}/g)) {
          if (linesOf(node, match.index!, match.index! + match[0].length) > 1) brokenWords.push(match[0]);
        }
        for (const match of text.matchAll(PHONE)) {
          phonesSeen++;
          if (linesOf(node, match.index!, match.index! + match[0].length) > 1) brokenPhones.push(match[0]);
        }
      }
    }
    return {
      outsidePanel,
      overflowingText,
      brokenWords,
      brokenPhones,
      phonesSeen,
      cards: cards.length,
      chromeHeight: box.height - chat.getBoundingClientRect().height,
    };
  });
}

describeInBrowser('the widget on a phone, in Chromium', () => {
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

  const screens = [
    {
      locale: 'fr-FR',
      viewport: { width: 360, height: 640 },
      question: 'un groupe de parole à Villeurbanne',
      texts: { launcher: 'Discuter avec Maillage', panel: 'Discussion avec Maillage', close: 'Fermer la discussion', location: 'Partager ma position', note: 'Position envoyée seulement si vous cliquez.' },
    },
    {
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
      question: 'a parents support group in Villeurbanne',
      texts: { launcher: 'Chat with Maillage', panel: 'Chat with Maillage', close: 'Close the chat', location: 'Share my location', note: 'Your location is sent only if you click.' },
    },
  ];

  it.each(screens)('at $viewport.width×$viewport.height in $locale: results fit the panel, nothing is cut, the chrome is small', async ({ locale, viewport, question, texts }) => {
    const context = await browser.newContext({ locale, viewport, isMobile: true, hasTouch: true });
    try {
      const { page, errors } = await openDemo(context, baseUrl, texts.launcher);
      await page.getByRole('button', { name: texts.launcher }).tap();
      const panel = page.getByRole('dialog', { name: texts.panel });
      await panel.waitFor();
      expect(await panel.getByRole('button', { name: texts.close }).count()).toBe(1);
      expect(await panel.getByRole('button', { name: texts.location }).count()).toBe(1);
      expect(await panel.locator('.maillage-help').textContent()).toBe(texts.note);

      await page.locator('#maillage-panel[data-maillage-state="ready"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const box = panel.locator('[data-id="webchat-sendbox-input"]');
      await box.fill(question);
      await box.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#maillage-panel .ac-adaptiveCard').length >= 2, undefined, { timeout: ANSWER_TIMEOUT_MS });
      // Cards render their buttons after their text: wait until the last card has its actions.
      await page.waitForFunction(() => {
        const cards = document.querySelectorAll('#maillage-panel .ac-adaptiveCard');
        return cards[cards.length - 1]?.querySelector('.ac-pushButton') !== null;
      });

      // Web Chat keeps the top of a long answer in view; the parent scrolls to its cards, and so does the test.
      await page.locator('#maillage-panel .ac-adaptiveCard').first().scrollIntoViewIfNeeded();
      const shot = path.join(SCREENSHOTS, `widget-${viewport.width}x${viewport.height}-${locale}.png`);
      await page.screenshot({ path: shot });
      console.log(`screenshot: ${shot}`);

      const layout = await measureLayout(page);
      expect(layout.cards).toBeGreaterThanOrEqual(2);
      expect(layout.outsidePanel).toEqual([]);
      expect(layout.overflowingText).toEqual([]);
      expect(layout.brokenWords).toEqual([]);
      // The answer's cards show phone numbers, and none is cut.
      expect(layout.phonesSeen).toBeGreaterThan(0);
      expect(layout.brokenPhones).toEqual([]);
      expect(layout.chromeHeight).toBeGreaterThan(0);
      expect(layout.chromeHeight).toBeLessThanOrEqual(viewport.height * MAX_CHROME_SHARE);

      // One presentation: each answer's cards are a list, not a carousel with arrows.
      expect(await panel.locator('.webchat__carousel-filmstrip, .webchat__carousel-layout').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('on a desktop, nothing of Web Chat leaves the panel', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    try {
      const { page, errors } = await openDemo(context, baseUrl);
      await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
      await page.locator('#maillage-panel[data-maillage-state="ready"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const box = page.locator('#maillage-panel [data-id="webchat-sendbox-input"]');
      await box.fill('un groupe de parole à Villeurbanne');
      await box.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#maillage-panel .ac-adaptiveCard').length >= 2, undefined, { timeout: ANSWER_TIMEOUT_MS });
      const shot = path.join(SCREENSHOTS, 'widget-1280x800-fr-FR.png');
      await page.screenshot({ path: shot });
      console.log(`screenshot: ${shot}`);
      const layout = await measureLayout(page);
      expect(layout.outsidePanel).toEqual([]);
      expect(layout.overflowingText).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('on a slow connection, sends a message typed while connecting once connected, and it is answered once', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Slower than fast 3G, so that connecting surely takes seconds: the message is typed well before.
      await throttle(page, { offline: false, latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 });
      await page.goto(`${baseUrl}/`);
      await page.getByRole('button', { name: 'Discuter avec Maillage' }).tap();
      const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
      const question = 'un groupe de parole à Villeurbanne';
      await panel.locator('textarea').first().fill(question);
      const stateWhenSent = await page.locator('#maillage-panel').getAttribute('data-maillage-state');
      await panel.locator('textarea').first().press('Enter');
      expect(['loading', 'connecting']).toContain(stateWhenSent);

      await panel.locator('.ac-adaptiveCard').first().waitFor({ timeout: 90_000 });
      // One more exchange: anything sent twice, or answered twice, has arrived by the end of it.
      await page.locator('#maillage-panel[data-maillage-state="ready"]').waitFor();
      const box = panel.locator('[data-id="webchat-sendbox-input"]');
      await box.fill('merci');
      await box.press('Enter');
      await panel.locator('.webchat__basic-transcript__activity', { hasText: /plaisir|pleasure/i }).first().waitFor({ timeout: 60_000 });

      const transcript = await panel.locator('.webchat__basic-transcript__activity').evaluateAll((nodes) =>
        nodes.map((node) => ({ fromUser: node.querySelector('.webchat__bubble--from-user') !== null, text: (node as HTMLElement).innerText, cards: node.querySelectorAll('.ac-adaptiveCard').length })),
      );
      const asked = transcript.filter((activity) => activity.fromUser && activity.text.includes(question));
      expect(asked).toHaveLength(1);
      const askedAt = transcript.indexOf(asked[0]!);
      const thanksAt = transcript.findIndex((activity) => activity.fromUser && activity.text.includes('merci'));
      // Between the question and the thanks: the bot's answer, with its cards, once.
      const answers = transcript.slice(askedAt + 1, thanksAt).filter((activity) => !activity.fromUser && activity.cards > 0);
      expect(answers.length).toBeGreaterThan(0);
      expect(new Set(answers.map((answer) => answer.text)).size).toBe(answers.length);
      expect(transcript.filter((activity) => !activity.fromUser && activity.cards > 0).length).toBe(answers.length);
      expect(await page.locator('#maillage-panel .maillage-queued').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
