import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DIRECT_LINE_LIMITS } from '../../src/directline/limits';
import { DRAFT_TTL_DAYS } from '../../src/storage/statePurge';
import { startTestBot, type TestBot } from '../helpers/transcript';

/**
 * The privacy statement and terms of use the Teams package points to: served by the bot itself, true to this
 * instance's settings, with the national numbers first.
 */

let bot: TestBot;
let base: string;
beforeAll(async () => {
  bot = await startTestBot(undefined, { STATE_TTL_HOURS: '12' });
  base = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await bot.stop();
});

const template = JSON.parse(readFileSync(path.resolve(__dirname, '../../manifest/manifest.template.json'), 'utf8')) as {
  developer: { privacyUrl: string; termsOfUseUrl: string };
};

/** The address of the page's style sheet, as written in its <link>. */
function stylesheetOf(html: string): string {
  return /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? 'missing';
}

test.each([
  ['privacyUrl', template.developer.privacyUrl],
  ['termsOfUseUrl', template.developer.termsOfUseUrl],
])('the package’s %s is a page of this server, in French with an English part, without script', async (_name, url) => {
  const route = url.replace('{{PUBLIC_URL}}', '');
  expect(route).toMatch(/^\/[a-z]+$/);
  const response = await fetch(`${base}${route}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toContain('script-src');
  expect(policy).toContain("style-src 'self'");
  // Its style sheet, beside it (linked relatively).
  const sheet = stylesheetOf(await (await fetch(`${base}${route}`)).text());
  const styles = await fetch(new URL(sheet, `${base}${route}`));
  expect(styles.status).toBe(200);
  expect(styles.headers.get('content-type')).toBe('text/css; charset=utf-8');
  const html = await response.text();
  expect(html).toMatch(/<html lang="fr">/);
  expect(html).toMatch(/<section lang="en">/);
  expect(html).not.toMatch(/<script|\{\{/);
  // The emergency numbers come before anything else a reader meets.
  const firstHeading = html.indexOf('<h2>');
  for (const number of ['119', '3919', '3114', '112']) expect(html.indexOf(number)).toBeLessThan(firstHeading);
});

test('the privacy page states this instance’s own retention, from the settings and constants the code runs on', async () => {
  const html = await (await fetch(`${base}/privacy`)).text();
  expect(html).toContain('<strong>12 heures</strong>');
  expect(html).toContain('deleted 12 hours after the last message');
  expect(html).toContain(`<strong>${DRAFT_TTL_DAYS} jours</strong>`);
  const idleHours = DEFAULT_DIRECT_LINE_LIMITS.conversationIdleMs / 3_600_000;
  expect(html).toContain(`effacés au plus tard ${idleHours === 1 ? 'une heure' : `${idleHours} heures`} après`);
  expect(html).not.toContain('Azure');
});

test('with Azure Direct Line, the privacy page says the widget’s messages are kept by Azure, not here', async () => {
  const azure = await startTestBot(undefined, { DIRECT_LINE_SECRET: 'azure-direct-line-secret-for-the-test' });
  try {
    const port = await azure.app.http.listen(0, '127.0.0.1');
    const html = await (await fetch(`http://127.0.0.1:${port}/privacy`)).text();
    expect(html).toContain('Direct Line de Microsoft Azure');
    expect(html).toContain('this server keeps no copy');
    expect(html).not.toContain('tant que la fenêtre reste ouverte');
  } finally {
    await azure.stop();
  }
});
