"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hasChromium = exports.CHROMIUM_ARGS = exports.CHROMIUM = void 0;
exports.launchChromium = launchChromium;
const node_fs_1 = require("node:fs");
const playwright_core_1 = require("playwright-core");
/**
 * Debian's Chromium driven by playwright-core, with nothing of Jest in it: the browser suites (through chromium.ts)
 * and `bench/widgetLoad.ts` launch it the same way.
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
/** Chromium, or an error saying CI must install it. */
async function launchChromium() {
    if (!exports.hasChromium)
        throw new Error(`${exports.CHROMIUM} is missing: CI must install it (bash .ci/install-chromium.sh)`);
    return playwright_core_1.chromium.launch({ executablePath: exports.CHROMIUM, args: exports.CHROMIUM_ARGS });
}
//# sourceMappingURL=launch.js.map