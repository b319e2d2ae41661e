import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Response } from 'restify';
import { closeAfterAnswer } from './lingeringClose';

/**
 * The one catalogue of HTTP error codes the server answers with (documented in docs/errors.md).
 * Every error body has the same shape, `{"error": {"code", "message", "field"?}}`, so a client can branch on
 * `code` and a person can read `message`. Messages are short and never carry an internal error's text.
 */
export const HTTP_ERRORS = {
  unsupported_media_type: { status: 415, message: 'Content-Type must be application/json (UTF-8).' },
  unsupported_encoding: { status: 415, message: 'Content-Encoding is not supported; send the body uncompressed.' },
  empty_body: { status: 400, message: 'The request body is empty.' },
  body_too_large: { status: 413, message: 'The request body is too large.' },
  invalid_encoding: { status: 400, message: 'The request body is not valid UTF-8.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  too_deep: { status: 400, message: 'The JSON body is nested too deeply.' },
  too_many_keys: { status: 400, message: 'An object in the body has too many keys.' },
  too_many_items: { status: 400, message: 'An array in the body has too many items.' },
  too_many_values: { status: 400, message: 'The body holds too many values.' },
  forbidden_key: { status: 400, message: 'The body uses a reserved key (__proto__, constructor or prototype).' },
  invalid_unicode: { status: 400, message: 'A string in the body is not well-formed Unicode.' },
  not_an_object: { status: 400, message: 'The body must be a JSON object.' },
  invalid_activity: { status: 400, message: 'The body is not a valid Bot Framework activity.' },
  request_aborted: { status: 400, message: 'The request body could not be read completely.' },
  bad_request: { status: 400, message: 'The request line or a header cannot be parsed.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  headers_too_large: { status: 431, message: 'The request headers are too large.' },
  unauthorized: { status: 401, message: 'The request is not authorized: channel authentication failed.' },
  forbidden: { status: 403, message: 'This account may not see these figures.' },
  service_url_not_allowed: { status: 403, message: 'Replies cannot be sent to this serviceUrl; use an allowed origin or deliveryMode "expectReplies".' },
  auth_unavailable: { status: 503, message: 'Channel authentication is unavailable for a moment; try again later.' },
  not_found: { status: 404, message: 'No such route.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed on this route.' },
  not_ready: { status: 503, message: 'Maillage is starting; try again in a moment.' },
  shutting_down: { status: 503, message: 'Maillage is restarting; try again in a moment.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export interface HttpErrorBody {
  error: { code: HttpErrorCode; message: string; field?: string };
}

/** A request refused for a known reason: carries the catalogue code and, when it helps, the field at fault. */
export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    readonly detail?: string,
    readonly field?: string,
  ) {
    super(detail ?? HTTP_ERRORS[code].message);
    this.name = 'HttpProblem';
    this.status = HTTP_ERRORS[code].status;
  }

  toBody(): HttpErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** Seconds a client should wait before retrying when the server is not ready yet, or is restarting. */
export const RETRY_AFTER_SECONDS = 2;

/** The catalogue code each refused response was answered with, for the metrics (errors by code). */
const answeredCodes = new WeakMap<ServerResponse, HttpErrorCode>();

/** The catalogue code a response was answered with, when it was a refusal from this catalogue. */
export function answeredProblem(res: ServerResponse): HttpErrorCode | undefined {
  return answeredCodes.get(res);
}

/**
 * Answers with a catalogue error through restify. When the request body was not read to its end (a refused
 * upload), the connection is closed after the answer so the unread bytes cannot be taken for the next request;
 * see lingeringClose.ts for why it is not simply dropped.
 */
export function sendProblem(res: Response, problem: HttpProblem, options: { closeConnection?: boolean } = {}): void {
  if (res.headersSent) return;
  answeredCodes.set(res, problem.code);
  if (options.closeConnection) closeAfterAnswer(res);
  if (retriable(problem)) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.send(problem.status, problem.toBody());
}

/** The same answer on a bare node response, for requests refused before restify sees them. */
export function writeProblem(res: ServerResponse, problem: HttpProblem, options: { closeConnection?: boolean } = {}): void {
  if (res.headersSent) return;
  answeredCodes.set(res, problem.code);
  if (options.closeConnection) closeAfterAnswer(res);
  const body = JSON.stringify(problem.toBody());
  res.statusCode = problem.status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (retriable(problem)) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.end(body);
}

/**
 * The same answer written on a raw socket, for sockets node's HTTP layer has let go of (an upgrade request, a
 * request node could not parse). The socket is closed once the answer is flushed, or after a short delay when
 * the client does not read it.
 */
export function writeProblemOnSocket(socket: Duplex, problem: HttpProblem): void {
  if (socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(problem.toBody());
  const head = [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(retriable(problem) ? [`Retry-After: ${RETRY_AFTER_SECONDS}`] : []),
  ];
  const destroy = () => socket.destroy();
  socket.once('finish', destroy);
  setTimeout(destroy, SOCKET_ANSWER_GRACE_MS).unref();
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** A client that does not read a refusal written on a raw socket loses it after this long. */
const SOCKET_ANSWER_GRACE_MS = 2_000;

function retriable(problem: HttpProblem): boolean {
  return problem.code === 'not_ready' || problem.code === 'shutting_down';
}
