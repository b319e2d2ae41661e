import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import type { Logger } from '../log/logger';
import { computeIndicators } from '../reports/indicators';
import {
  exportFileName,
  findReports,
  indicatorQueryOf,
  QUERY_PARAMETERS,
  type QueryParameter,
  readReportQuery,
  reportsCsv,
  reportsJson,
  resolveSheetNumber,
} from '../reports/export';
import type { SheetIndex } from '../sheets/sheetIndex';
import type { Store } from '../storage/store';
import { describeError } from './clientFaults';
import { HttpProblem, sendProblem } from './errors';

/**
 * The partners' figures over HTTP (INTERFACES.md): `GET /api/reports?format=json|csv` exports the reports,
 * `GET /api/indicators` gives their totals per plan and sheet. Both need `Authorization: Bearer $REPORTS_API_KEY` and
 * do not exist while it is unset. Every input is read with zod, so nothing a client sends can make a 5xx.
 */

export const REPORTS_PATH = '/api/reports';
export const INDICATORS_PATH = '/api/indicators';

export interface ReportsApiDeps {
  /** The store once open; undefined while the application starts (503). */
  store: () => Store | undefined;
  /** The sheets once loaded, for the indicators (which sheets a plan has, their indicator lists). */
  sheets: () => SheetIndex | undefined;
  /** REPORTS_API_KEY; unset: both routes answer 404. */
  apiKey: string | undefined;
  log: Logger;
  /** For the export's file name; tests fix it. */
  now?: () => Date;
}

const INDICATOR_PARAMETERS: readonly QueryParameter[] = QUERY_PARAMETERS;

const OFF_MESSAGE = 'The reports API is off: the server administrator turns it on by setting REPORTS_API_KEY.';
/** RFC 6750: the scheme, and for a token that was sent but is wrong, the error. */
const CHALLENGE = 'Bearer realm="maillage"';
const WRONG_TOKEN_CHALLENGE = `${CHALLENGE}, error="invalid_token"`;

export function registerReportsApi(server: restify.Server, deps: ReportsApiDeps): void {
  const log = deps.log.child({ module: 'reportsApi' });
  const now = deps.now ?? (() => new Date());
  // Digests of equal length, so the comparison takes the same time whatever the length of what was sent.
  const keyDigest = deps.apiKey ? digest(deps.apiKey) : undefined;

  /** The checks both routes share, in order: on, authorised, ready. The store, or undefined once the refusal is answered. */
  const admit = (req: restify.Request, res: restify.Response): Store | undefined => {
    res.setHeader('Cache-Control', 'no-store');
    if (!keyDigest) {
      sendProblem(res, new HttpProblem('not_found', OFF_MESSAGE));
      return undefined;
    }
    const token = bearerToken(req);
    if (token === undefined || !timingSafeEqual(digest(token), keyDigest)) {
      res.setHeader('WWW-Authenticate', token === undefined ? CHALLENGE : WRONG_TOKEN_CHALLENGE);
      const message = token === undefined ? 'Send the reports API key as « Authorization: Bearer <key> ».' : 'The API key is wrong.';
      log.info({ route: req.getPath(), sent: token !== undefined }, 'reports API request refused: no valid key');
      sendProblem(res, new HttpProblem('unauthorized', message));
      return undefined;
    }
    const store = deps.store();
    if (!store) {
      sendProblem(res, new HttpProblem('not_ready'));
      return undefined;
    }
    return store;
  };

  const refuseQuery = (res: restify.Response, field: string, message: string) => {
    sendProblem(res, new HttpProblem('bad_request', message, field));
  };

  const failed = (req: restify.Request, res: restify.Response, error: unknown) => {
    log.error({ err: describeError(error), route: req.getPath() }, 'reports API request failed');
    sendProblem(res, new HttpProblem('internal_error'));
  };

  server.get(REPORTS_PATH, async (req: restify.Request, res: restify.Response) => {
    const store = admit(req, res);
    if (!store) return;
    const reading = readReportQuery(queryPairs(req));
    if (!reading.ok) {
      refuseQuery(res, reading.problem.field, reading.problem.message);
      return;
    }
    let reports;
    try {
      reports = await findReports(store, resolveSheetNumber(reading.query, deps.sheets()));
    } catch (error) {
      failed(req, res, error);
      return;
    }
    if (reading.query.format === 'csv') {
      send(res, reportsCsv(reports), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(now(), 'csv')}"`,
      });
    } else {
      send(res, reportsJson(reports), { 'Content-Type': 'application/json; charset=utf-8' });
    }
  });

  server.get(INDICATORS_PATH, async (req: restify.Request, res: restify.Response) => {
    const store = admit(req, res);
    if (!store) return;
    const reading = readReportQuery(queryPairs(req), INDICATOR_PARAMETERS);
    if (!reading.ok) {
      refuseQuery(res, reading.problem.field, reading.problem.message);
      return;
    }
    if (reading.query.format !== 'json') {
      refuseQuery(res, 'format', 'format: the indicators are JSON only; the reports export as CSV at /api/reports?format=csv');
      return;
    }
    const sheets = deps.sheets();
    if (!sheets) {
      sendProblem(res, new HttpProblem('not_ready'));
      return;
    }
    let body: string;
    try {
      const query = resolveSheetNumber(reading.query, sheets);
      const reports = await findReports(store, query);
      body = JSON.stringify(computeIndicators(reports, sheets, indicatorQueryOf(query)));
    } catch (error) {
      failed(req, res, error);
      return;
    }
    send(res, body, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The token of `Authorization: Bearer <token>` (scheme in any case, RFC 7235), or undefined. */
function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}

/**
 * The query's name–value pairs, read from the request target itself: restify's queryParser turns `a[b]=1` into objects
 * and repeated names into arrays, which the export would then have to tell apart from what the client meant.
 */
function queryPairs(req: IncomingMessage): Array<[string, string]> {
  const target = req.url ?? '';
  const mark = target.indexOf('?');
  if (mark < 0) return [];
  // URLSearchParams never throws: a broken %-escape stays as typed, a broken UTF-8 sequence becomes U+FFFD.
  return [...new URLSearchParams(target.slice(mark + 1))];
}

function send(res: restify.Response, body: string, headers: Record<string, string>): void {
  if (res.headersSent) return;
  res.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
  res.end(body);
}
