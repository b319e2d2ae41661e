import type { Response } from 'restify';

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
  unauthorized: { status: 401, message: 'The request is not authorized: channel authentication failed.' },
  not_found: { status: 404, message: 'No such route.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed on this route.' },
  not_ready: { status: 503, message: 'Maillage is starting; try again in a moment.' },
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

/** Seconds a client should wait before retrying when the server is not ready yet. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Answers with a catalogue error. When the request body was not read to its end (a refused upload),
 * the connection is closed after the answer so the unread bytes cannot be taken for the next request.
 */
export function sendProblem(res: Response, problem: HttpProblem, options: { closeConnection?: boolean } = {}): void {
  if (res.headersSent) return;
  if (options.closeConnection) res.setHeader('Connection', 'close');
  if (problem.code === 'not_ready') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.send(problem.status, problem.toBody());
}
