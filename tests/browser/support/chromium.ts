import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, hasChromium } from './launch';

/**
 * Debian's Chromium driven by playwright-core, for the browser suites. Without /usr/bin/chromium a suite is
 * skipped with a reason, except under CI=true where it must run (its beforeAll then fails, naming the cause).
 */

export { CHROMIUM, CHROMIUM_ARGS, hasChromium, launchChromium } from './launch';

const mustRun = process.env.CI === 'true';

/** `describe` for a browser suite of `testFile`: skipped with a printed reason when Chromium is missing, unless CI=true. */
export function describeInBrowserFor(testFile: string): jest.Describe {
  if (!hasChromium && !mustRun) {
    console.warn(`${testFile} skipped: ${CHROMIUM} is missing (install it with: bash .ci/install-chromium.sh)`);
  }
  return hasChromium || mustRun ? describe : describe.skip;
}

export interface DemoPage {
  page: Page;
  /** Script errors in the page and anything its Content-Security-Policy blocked: a test expects it empty. */
  errors: string[];
  /** Every console message of type `error` (a failed request, a refused WebSocket, a script error). */
  consoleErrors: string[];
}

/**
 * The demo page at `baseUrl`, failing the test on any script error in it and on anything its
 * Content-Security-Policy blocked (reported by the browser as a violation event and on the console).
 * `launcherName`: the widget's button in the browser's language (French unless the context's locale is not).
 */
export async function openDemo(context: BrowserContext, baseUrl: string, launcherName = 'Discuter avec Maillage'): Promise<DemoPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
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
  await page.getByRole('button', { name: launcherName }).waitFor();
  return { page, errors, consoleErrors };
}
