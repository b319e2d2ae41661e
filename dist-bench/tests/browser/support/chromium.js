"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hasChromium = exports.CHROMIUM_ARGS = exports.CHROMIUM = void 0;
exports.describeInBrowserFor = describeInBrowserFor;
exports.launchChromium = launchChromium;
exports.openDemo = openDemo;
const node_fs_1 = require("node:fs");
const playwright_core_1 = require("playwright-core");
/**
 * Debian's Chromium driven by playwright-core, for the browser suites. Without /usr/bin/chromium a suite is
 * skipped with a reason, except under CI=true where it must run (its beforeAll then fails, naming the cause).
 */
exports.CHROMIUM = '/usr/bin/chromium';
exports.CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];
exports.hasChromium = (0, node_fs_1.existsSync)(exports.CHROMIUM);
const mustRun = process.env.CI === 'true';
/** `describe` for a browser suite of `testFile`: skipped with a printed reason when Chromium is missing, unless CI=true. */
function describeInBrowserFor(testFile) {
    if (!exports.hasChromium && !mustRun) {
        console.warn(`${testFile} skipped: ${exports.CHROMIUM} is missing (install it with: bash .ci/install-chromium.sh)`);
    }
    return exports.hasChromium || mustRun ? describe : describe.skip;
}
/** Chromium, or an error saying CI must install it. */
async function launchChromium() {
    if (!exports.hasChromium)
        throw new Error(`${exports.CHROMIUM} is missing: CI must install it (bash .ci/install-chromium.sh)`);
    return playwright_core_1.chromium.launch({ executablePath: exports.CHROMIUM, args: exports.CHROMIUM_ARGS });
}
/**
 * The demo page at `baseUrl`, failing the test on any script error in it and on anything its
 * Content-Security-Policy blocked (reported by the browser as a violation event and on the console).
 * `launcherName`: the widget's button in the browser's language (French unless the context's locale is not).
 */
async function openDemo(context, baseUrl, launcherName = 'Discuter avec Maillage') {
    const page = await context.newPage();
    const errors = [];
    const consoleErrors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text()))
            errors.push(`CSP: ${message.text()}`);
        if (message.type() === 'error')
            consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    await page.exposeFunction('reportViolation', (violation) => errors.push(`CSP violation: ${violation}`));
    await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
            window.reportViolation(`${event.effectiveDirective} ${event.blockedURI}`);
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
//# sourceMappingURL=chromium.js.map