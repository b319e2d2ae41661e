import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Centre, ReportBody } from '../../src/reports/model';
import { registerReportsApi } from '../../src/server/reportsApi';
import { createHttpServer, type HttpServer } from '../../src/server/server';
import { loadSheetKnowledge, SheetIndex } from '../../src/sheets';
import { openStore, type Store } from '../../src/storage';
import { silentLog } from './logCapture';

/** The development plans' sheets, as the API reads codes against them. */
export const DEV_SHEETS = SheetIndex.build(loadSheetKnowledge(path.resolve(__dirname, '../../../shared/fixtures/knowledge-dev/sheets')).sheets);

/**
 * The reports API alone on a SQLite store of its own holding these reports (submitted on 1 May 2026, the API's now
 * 20 May 2026), started before the file's tests and closed after. Returns a getter for its base URL.
 */
export function useReportsApi(name: string, apiKey: string, reports: ReadonlyArray<readonly [key: string, centre: Centre, body: ReportBody]>): () => string {
  let dir: string | undefined;
  let store: Store | undefined;
  let http: HttpServer | undefined;
  let baseUrl: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `maillage-${name}-`));
    const opened = await openStore(`sqlite:${path.join(dir, 'api.sqlite')}`, silentLog);
    store = opened;
    for (const [key, centre, body] of reports) {
      await opened.reports.submit({ submissionKey: `${name}-${key}`, centre, body, submittedBy: 'webchat:someone', channelId: 'webchat', submittedAt: new Date('2026-05-01T08:00:00Z') });
    }
    http = createHttpServer({ log: silentLog, isReady: () => true, handleActivity: async () => undefined });
    registerReportsApi(http.server, { store: () => opened, sheets: () => DEV_SHEETS, apiKey, log: silentLog, now: () => new Date('2026-05-20T10:00:00Z') });
    baseUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await http?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!baseUrl) throw new Error('the API starts in beforeAll');
    return baseUrl;
  };
}
