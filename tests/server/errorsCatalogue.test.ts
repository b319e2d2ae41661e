import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HTTP_ERRORS } from '../../src/server/errors';

/** The error catalogue and its documentation say the same thing: every code, with its status, both ways. */
const doc = readFileSync(path.resolve(__dirname, '../../docs/errors.md'), 'utf8');
const documented = [...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((match) => ({ code: match[1]!, status: Number(match[2]) }));

test.each(Object.entries(HTTP_ERRORS))('`%s` is documented in docs/errors.md with its status', (code, { status }) => {
  const rows = documented.filter((row) => row.code === code);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.status).toBe(status);
});

test('every code in docs/errors.md is in the catalogue', () => {
  const known = new Set(Object.keys(HTTP_ERRORS));
  expect(documented.map((row) => row.code).filter((code) => !known.has(code))).toEqual([]);
});
