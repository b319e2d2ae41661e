import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ActivityEnvelopeSchema, valueAt, type ActivityEnvelope } from './activitySchema';
import { HttpProblem } from './errors';
import { DEFAULT_JSON_BODY_LIMITS, formatPath, readJsonBody, type JsonBodyLimits } from './jsonBody';

/**
 * The front door of POST /api/messages: reads the raw body, refuses what is not a well-formed activity with a
 * catalogue error (4xx), and returns the parsed activity for the adapter. The Authorization header is left
 * alone: channel authentication stays the adapter's job, so a signed request is checked there as before.
 */
export type ActivityCheck =
  | { ok: true; activity: ActivityEnvelope }
  | { ok: false; problem: HttpProblem; /** Part of the body is still on the socket: close after answering. */ bodyUnread: boolean };

export async function checkActivityRequest(req: IncomingMessage, limits: JsonBodyLimits = DEFAULT_JSON_BODY_LIMITS): Promise<ActivityCheck> {
  const body = await readJsonBody(req, limits);
  if (!body.ok) return body;
  return checkActivity(body.value);
}

/** The envelope check alone, for a body already parsed. */
export function checkActivity(value: unknown): ActivityCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: new HttpProblem('not_an_object'), bodyUnread: false };
  }
  const parsed = ActivityEnvelopeSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: describeIssue(parsed.error, value), bodyUnread: false };
  return { ok: true, activity: parsed.data };
}

/** The first issue is enough for a client to fix its request; the field is named apart so it can be read by code. */
function describeIssue(error: z.ZodError, input: object): HttpProblem {
  const issue = error.issues[0];
  if (!issue) return new HttpProblem('invalid_activity');
  const field = formatPath(issue.path);
  const reason = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined ? 'is required' : issue.message;
  return new HttpProblem('invalid_activity', `${field}: ${reason}`.slice(0, 300), field);
}

