import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import type { Logger } from '../log/logger';
import { teamsAccountKey } from '../reports/accounts';
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
  type ReportQuery,
} from '../reports/export';
import type { SheetIndex } from '../sheets/sheetIndex';
import type { Store } from '../storage/store';
import { describeError } from './clientFaults';
import { HttpProblem, sendProblem } from './errors';
import { looksLikeJwt, type TeamsIdentity, type TeamsSsoVerifier } from './teamsSso';

/**
 * The partners' figures over HTTP (INTERFACES.md): `GET /api/reports?format=json|csv` exports the reports,
 * `GET /api/indicators` gives their totals per plan and sheet. Both need `Authorization: Bearer $REPORTS_API_KEY`, or,
 * from the Teams tab, the user's Teams SSO token (when the bot has an app id); they do not exist while neither is
 * possible. Every input is read with zod, so nothing a client sends can make a 5xx.
 */

export const REPORTS_PATH = '/api/reports';
export const INDICATORS_PATH = '/api/indicators';

export interface ReportsApiDeps {
  /** The store once open; undefined while the application starts (503). */
  store: () => Store | undefined;
  /** The sheets once loaded, for the indicators (which sheets a plan has, their indicator lists). */
  sheets: () => SheetIndex | undefined;
  /** REPORTS_API_KEY; unset, and no Teams sign-in either: both routes answer 404. */
  apiKey: string | undefined;
  /** Teams SSO tokens accepted as well as the key (the indicators tab inside Teams); undefined without an app id. */
  teamsSso?: TeamsSsoVerifier;
  log: Logger;
  /** For the export's file name; tests fix it. */
  now?: () => Date;
}

/**
 * What a caller may see. The key's holder (an administrator, an export job) and partners signed in with Teams see
 * every centre's reports; a centre's staff member signed in with Teams — their Teams account enrolled to report for a
 * centre — sees that centre's reports only, as the bot shows them only their own. A Teams account whose enrolment was
 * revoked sees none (403) until it enrols again: taken for a partner, it would see more than while it was enrolled.
 */
export type Viewer = { scope: 'all' } | { scope: 'centre'; structureId: string; structureName: string };

type Caller = { kind: 'key' } | { kind: 'teams'; identity: TeamsIdentity };

const INDICATOR_PARAMETERS: readonly QueryParameter[] = QUERY_PARAMETERS.filter((name) => name !== 'separator');

const REVOKED_MESSAGE = "Your access to the centres' figures was withdrawn; ask the administrator.";
const OFF_MESSAGE = 'The reports API is off: the server administrator turns it on by setting REPORTS_API_KEY (or MicrosoftAppId, for Teams sign-in).';
/** RFC 6750: the scheme, and for a token that was sent but is wrong, the error. */
const CHALLENGE = 'Bearer realm="maillage"';
const WRONG_TOKEN_CHALLENGE = `${CHALLENGE}, error="invalid_token"`;

export function registerReportsApi(server: restify.Server, deps: ReportsApiDeps): void {
  const log = deps.log.child({ module: 'reportsApi' });
  const now = deps.now ?? (() => new Date());
  // Digests of equal length, so the comparison takes the same time whatever the length of what was sent.
  const keyDigest = deps.apiKey ? digest(deps.apiKey) : undefined;

  const failed = (req: restify.Request, res: restify.Response, error: unknown) => {
    log.error({ err: describeError(error), route: req.getPath() }, 'reports API request failed');
    sendProblem(res, new HttpProblem('internal_error'));
  };

  /** Who the bearer is: the API key's holder or a Teams user; once refused, the refusal is answered. */
  const authorised = async (req: restify.Request, res: restify.Response): Promise<Caller | undefined> => {
    const token = bearerToken(req);
    if (token !== undefined && keyDigest && timingSafeEqual(digest(token), keyDigest)) return { kind: 'key' };
    let message: string;
    if (token === undefined) {
      message = deps.teamsSso
        ? 'Send the reports API key, or a Teams sign-in token, as « Authorization: Bearer <token> ».'
        : 'Send the reports API key as « Authorization: Bearer <key> ».';
    } else if (deps.teamsSso && looksLikeJwt(token)) {
      const verdict = await deps.teamsSso.verify(token);
      if (verdict.ok) {
        log.debug({ route: req.getPath(), tenant: verdict.identity.tenantId }, 'reports API request with Teams sign-in');
        return { kind: 'teams', identity: verdict.identity };
      }
      if (verdict.kind === 'unavailable') {
        log.warn({ route: req.getPath() }, 'Teams sign-in could not be checked: Microsoft’s keys are out of reach');
        sendProblem(res, new HttpProblem('auth_unavailable', 'Teams sign-in cannot be checked for a moment; try again later.'));
        return undefined;
      }
      message = `The Teams sign-in token is refused: ${verdict.reason}.`;
    } else {
      message = keyDigest ? 'The API key is wrong.' : 'Only a Teams sign-in token is accepted here: no API key is set on this server.';
    }
    res.setHeader('WWW-Authenticate', token === undefined ? CHALLENGE : WRONG_TOKEN_CHALLENGE);
    log.info({ route: req.getPath(), sent: token !== undefined }, 'reports API request refused: no valid key or token');
    sendProblem(res, new HttpProblem('unauthorized', message));
    return undefined;
  };

  /**
   * The checks both routes share, in order: on, authorised, ready, then what the caller may see. The store and the
   * viewer, or undefined once the refusal is answered.
   */
  const admit = async (req: restify.Request, res: restify.Response): Promise<{ store: Store; viewer: Viewer } | undefined> => {
    res.setHeader('Cache-Control', 'no-store');
    if (!keyDigest && !deps.teamsSso) {
      sendProblem(res, new HttpProblem('not_found', OFF_MESSAGE));
      return undefined;
    }
    const caller = await authorised(req, res);
    if (!caller) return undefined;
    const store = deps.store();
    if (!store) {
      sendProblem(res, new HttpProblem('not_ready'));
      return undefined;
    }
    if (caller.kind === 'key') return { store, viewer: { scope: 'all' } };
    let standing;
    try {
      standing = await store.enrolments.standing(teamsAccountKey(caller.identity.objectId));
    } catch (error) {
      failed(req, res, error);
      return undefined;
    }
    if (standing.kind === 'revoked') {
      log.info({ route: req.getPath(), tenant: caller.identity.tenantId }, 'reports API request refused: the Teams account’s enrolment was revoked');
      sendProblem(res, new HttpProblem('forbidden', REVOKED_MESSAGE));
      return undefined;
    }
    const viewer: Viewer =
      standing.kind === 'enrolled' ? { scope: 'centre', structureId: standing.enrolment.structureId, structureName: standing.enrolment.structureName } : { scope: 'all' };
    return { store, viewer };
  };

  /** The query narrowed to what the viewer may see; undefined once a request for another centre is refused. */
  const scoped = (res: restify.Response, query: ReportQuery, viewer: Viewer): ReportQuery | undefined => {
    if (viewer.scope === 'all') return query;
    const asked = query.filter.structureId;
    if (asked !== undefined && asked !== viewer.structureId) {
      sendProblem(res, new HttpProblem('forbidden', 'You see the figures of your own centre only.', 'structure'));
      return undefined;
    }
    return { ...query, filter: { ...query.filter, structureId: viewer.structureId } };
  };

  const refuseQuery = (res: restify.Response, field: string, message: string) => {
    sendProblem(res, new HttpProblem('bad_request', message, field));
  };

  /**
   * A name the route does not know (« shet », « form ») would otherwise be a filter the caller believes applied: every
   * one of them is named, with the name it is closest to, and the accepted names are listed. Answered when true.
   */
  const refusedUnknown = (res: restify.Response, pairs: ReadonlyArray<readonly [string, string]>, allowed: readonly QueryParameter[]): boolean => {
    const unknown = [...new Set(pairs.map(([name]) => name))].filter((name) => !(allowed as readonly string[]).includes(name));
    if (unknown.length === 0) return false;
    refuseQuery(res, unknown[0] as string, unknownParametersMessage(unknown, allowed));
    return true;
  };

  server.get(REPORTS_PATH, async (req: restify.Request, res: restify.Response) => {
    const admitted = await admit(req, res);
    if (!admitted) return;
    const pairs = queryPairs(req);
    if (refusedUnknown(res, pairs, QUERY_PARAMETERS)) return;
    const reading = readReportQuery(pairs);
    if (!reading.ok) {
      refuseQuery(res, reading.problem.field, reading.problem.message);
      return;
    }
    const query = scoped(res, reading.query, admitted.viewer);
    if (!query) return;
    let reports;
    try {
      reports = await findReports(admitted.store, resolveSheetNumber(query, deps.sheets()));
    } catch (error) {
      failed(req, res, error);
      return;
    }
    if (reading.query.format === 'csv') {
      send(res, reportsCsv(reports, reading.query.separator), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(now(), 'csv')}"`,
      });
    } else {
      send(res, reportsJson(reports), { 'Content-Type': 'application/json; charset=utf-8' });
    }
  });

  server.get(INDICATORS_PATH, async (req: restify.Request, res: restify.Response) => {
    const admitted = await admit(req, res);
    if (!admitted) return;
    const pairs = queryPairs(req);
    if (refusedUnknown(res, pairs, INDICATOR_PARAMETERS)) return;
    const reading = readReportQuery(pairs, INDICATOR_PARAMETERS);
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
    const allowed = scoped(res, reading.query, admitted.viewer);
    if (!allowed) return;
    let body: string;
    try {
      const query = resolveSheetNumber(allowed, sheets);
      const reports = await findReports(admitted.store, query);
      // The viewer goes with the figures, so the tab can say whose they are.
      body = JSON.stringify({ ...computeIndicators(reports, sheets, indicatorQueryOf(query)), viewer: admitted.viewer });
    } catch (error) {
      failed(req, res, error);
      return;
    }
    send(res, body, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}

/** Past this many, the unknown names are counted rather than listed: the message stays short whatever was sent. */
const MAX_NAMED_UNKNOWN = 5;
const MAX_NAME_SHOWN = 40;

/**
 * « unknown parameter « shet » (did you mean « sheet »?); the accepted parameters are format, separator, plan, … ».
 * Every name sent that the route does not know, each with the accepted one it is a slip of, when there is one.
 */
export function unknownParametersMessage(unknown: readonly string[], allowed: readonly QueryParameter[]): string {
  const named = unknown.slice(0, MAX_NAMED_UNKNOWN).map((name) => {
    const near = closestParameters(name, allowed);
    return `« ${shownName(name)} »${near.length > 0 ? ` (did you mean ${near.map((candidate) => `« ${candidate} »`).join(' or ')}?)` : ''}`;
  });
  const more = unknown.length > MAX_NAMED_UNKNOWN ? ` and ${unknown.length - MAX_NAMED_UNKNOWN} more` : '';
  const noun = unknown.length > 1 ? 'unknown parameters' : 'unknown parameter';
  return `${noun} ${named.join(', ')}${more}; the accepted parameters are ${allowed.join(', ')}`;
}

/**
 * The accepted names a typed one may be a slip of, nearest first, two at most: another case, one or two letters off
 * (« shet », « fromat »), or the start of a name (« form » may be « from » as well as « format »).
 */
function closestParameters(name: string, allowed: readonly QueryParameter[]): QueryParameter[] {
  const typed = name.trim().toLowerCase();
  if (typed.length === 0 || typed.length > MAX_NAME_SHOWN) return [];
  const near: Array<{ name: QueryParameter; distance: number }> = [];
  for (const candidate of allowed) {
    const distance = editDistance(typed, candidate);
    // A short name is a slip of one letter at most: « to » is not « fo ».
    const limit = candidate.length <= 4 ? 1 : 2;
    const start = typed.length >= 3 && candidate.startsWith(typed);
    if (distance <= limit || start) near.push({ name: candidate, distance });
  }
  return near
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 2)
    .map((candidate) => candidate.name);
}

/** Levenshtein distance, with a swap of two neighbours counting one (« fomrat »). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** A name echoed back: printable and short, so the message stays readable whatever was sent. */
function shownName(name: string): string {
  if (name.trim().length === 0) return '(empty name)';
  const clean = name.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '?');
  return clean.length > MAX_NAME_SHOWN ? `${clean.slice(0, MAX_NAME_SHOWN)}…` : clean;
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
