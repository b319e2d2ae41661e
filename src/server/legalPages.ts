import path from 'node:path';
import type restify from 'restify';
import { findPublicDir, StaticAsset } from '../directline/staticAssets';
import type { Logger } from '../log/logger';
import { HttpProblem, sendProblem } from './errors';
import { TEAMS_FRAME_ANCESTORS } from './tabRoutes';

/**
 * `GET /privacy` and `GET /terms`: what Maillage keeps and for how long, and what it is for — the pages the Teams
 * package names as its privacy statement and terms of use, also linked from anywhere a person may ask. They state
 * this instance's own retention (STATE_TTL_HOURS), so they stay true when an administrator changes it.
 */

export const PRIVACY_PATH = '/privacy';
export const TERMS_PATH = '/terms';

/** No script, inline styles only; Teams may frame them (the app's details link to them). */
const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
});

export function registerLegalPages(server: restify.Server, options: { stateTtlHours: number; log: Logger }): void {
  const log = options.log.child({ module: 'legalPages' });
  const dir = path.join(findPublicDir(), 'legal');
  const hours = String(options.stateTtlHours);
  const page = (file: string) =>
    new StaticAsset({ file: path.join(dir, file), contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300', transform: (html) => html.replaceAll('{{STATE_TTL_HOURS}}', hours) });
  for (const [route, asset] of [
    [PRIVACY_PATH, page('privacy.html')],
    [TERMS_PATH, page('terms.html')],
  ] as const) {
    server.get(route, async (req: restify.Request, res: restify.Response) => {
      try {
        await asset.serve(req, res, PAGE_HEADERS);
      } catch (error) {
        log.error({ err: error, url: req.url }, 'legal page could not be served');
        sendProblem(res, new HttpProblem('internal_error', 'The page could not be read.'));
      }
    });
  }
}
