import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMPOSE_ERRORS } from '../../src/bot/messageExtension';
import { TENANT_REFUSED_INVOKE_BODY } from '../../src/bot/teamsPolicy';
import { HTTP_ERRORS } from '../../src/server/errors';

/** The error catalogues and their documentation say the same thing: every code, with its status, both ways. */
const doc = readFileSync(path.resolve(__dirname, '../../docs/errors.md'), 'utf8');
const INVOKE_SECTION = '## Errors inside invoke responses';
const [httpPart = '', invokeRest = ''] = doc.split(INVOKE_SECTION);
const invokePart = invokeRest.split(/^## /m)[0] ?? '';
const rowsOf = (text: string) => [...text.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((match) => ({ code: match[1]!, status: Number(match[2]) }));
const documented = rowsOf(httpPart + (invokeRest.split(/^## /m).slice(1).map((part) => `## ${part}`).join('')));
const documentedInvokes = rowsOf(invokePart);

test.each(Object.entries(HTTP_ERRORS))('`%s` is documented in docs/errors.md with its status', (code, { status }) => {
  const rows = documented.filter((row) => row.code === code);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.status).toBe(status);
});

test('every HTTP code in docs/errors.md is in the catalogue', () => {
  const known = new Set(Object.keys(HTTP_ERRORS));
  expect(documented.map((row) => row.code).filter((code) => !known.has(code))).toEqual([]);
});

test('the codes inside invoke responses are documented, and only those', () => {
  const known = new Set(['unsupported_invoke', TENANT_REFUSED_INVOKE_BODY.error.code, ...Object.keys(COMPOSE_ERRORS)]);
  expect(new Set(documentedInvokes.map((row) => row.code))).toEqual(known);
});
