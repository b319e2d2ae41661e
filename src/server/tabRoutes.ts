import path from 'node:path';
import type restify from 'restify';
import type { Logger } from '../log/logger';
import { findPublicDir, StaticAsset } from '../directline/staticAssets';
import { registerStaticRoutes, type StaticRoute } from './staticRoutes';

/**
 * The indicators tab (issue 12 §4): `GET /tab`, the Teams static tab that also works in a plain browser, its script
 * and styles from public/tab/, and the two libraries it runs on — teams-js and Chart.js — served from node_modules at
 * this server's own addresses, so the page needs no CDN and its policy allows only 'self'.
 */

export const TAB_PATH = '/tab';

/**
 * Where Teams frames a tab (web, desktop and mobile clients, Outlook and microsoft365.com, which also host Teams apps).
 * Any other site may not frame the page. The policy directive of every page Teams shows: the tab, a sheet's page in
 * the stage view, the legal pages the app's details link to.
 */
export const FRAMED_BY_TEAMS = `frame-ancestors 'self' ${[
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
].join(' ')}`;

/**
 * The tab's policy: scripts and styles from here only (no inline script, no eval), connections to here (the
 * indicators API) and to Microsoft's list of Teams hosts, images from here and data: (Chart.js draws on a canvas; the
 * export is a blob: download), framed by Teams only, no referrer.
 */
const TAB_PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // teams-js, loaded only inside Teams, reads Microsoft's current list of Teams hosts from there.
    "connect-src 'self' https://res.cdn.office.net",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    FRAMED_BY_TEAMS,
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
});

/** teams-js's browser bundle (its package's `main`). */
function teamsJsBundle(): string {
  return require.resolve('@microsoft/teams-js');
}

/** Chart.js's UMD bundle, which defines `window.Chart`; the package exports only its module entries, beside it. */
function chartJsBundle(): string {
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

export function registerTab(server: restify.Server, options: { log: Logger }): void {
  const log = options.log.child({ module: 'tab' });
  const tabDir = path.join(findPublicDir(), 'tab');
  const script = (file: string) => new StaticAsset({ file, contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=300' });
  const routes: StaticRoute[] = [
    [TAB_PATH, new StaticAsset({ file: path.join(tabDir, 'tab.html'), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }), TAB_PAGE_HEADERS],
    [`${TAB_PATH}/tab.js`, script(path.join(tabDir, 'tab.js'))],
    [`${TAB_PATH}/stage.js`, script(path.join(tabDir, 'stage.js'))],
    [`${TAB_PATH}/tab.css`, new StaticAsset({ file: path.join(tabDir, 'tab.css'), contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=300' })],
    [`${TAB_PATH}/vendor/teams-js.js`, script(teamsJsBundle())],
    [`${TAB_PATH}/vendor/chart.js`, script(chartJsBundle())],
  ];
  registerStaticRoutes(server, routes, log, { failure: 'tab file could not be served', problem: 'The file could not be read.' });
}
