import pg from 'pg';
import { WebSocket } from 'ws';
import { isTransientStoreError } from '../../src/directline/storeFaults';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import type { Store } from '../../src/storage/store';
import { captureLog } from '../helpers/logCapture';
import { describePostgres, dropSchema, uniqueSchemaName, withSchema } from '../helpers/postgres';
import { request, startConversation, startTestServer, type TestServer, waitUntil } from './support/harness';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';

/**
 * PostgreSQL going away under a running endpoint (a restart, a fail-over, a network cut) is an outage, not a
 * bug: posts, polls and streams are answered 503 with Retry-After, the log says so once a minute rather than
 * with a stack per request, and everything works again once the database is back. A genuine fault (here a
 * table that is not there) stays a 500 with the error logged.
 */

const silent = createLogger('silent');
const UNAVAILABLE_MESSAGE = 'directline conversations unavailable (database unreachable or overloaded)';

interface StreamedActivity {
  text?: string;
}

function openStream(url: string) {
  const socket = new WebSocket(url);
  const activities: StreamedActivity[] = [];
  socket.on('message', (data) => activities.push(...(JSON.parse(String(data)) as { activities: StreamedActivity[] }).activities));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, activities, opened };
}

/** The answer to an upgrade the server refused: its status and Retry-After. */
function refusedUpgrade(url: string): Promise<{ status: number | undefined; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] as string | undefined });
      res.resume();
      socket.terminate();
    });
    socket.once('open', () => {
      socket.close();
      reject(new Error('the stream opened'));
    });
    socket.once('error', () => undefined);
  });
}

describe('isTransientStoreError', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a connect timeout, wrapped', new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') })],
    ['admin shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['the server starting', withCode('the database system is starting up', '57P03')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['every address refused', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed')],
  ])('takes %s for an outage', (_what, error) => {
    expect(isTransientStoreError(error)).toBe(true);
  });
  it.each([
    ['a missing table', withCode('relation "directline_activities" does not exist', '42P01')],
    ['a constraint violated', withCode('duplicate key value violates unique constraint', '23505')],
    ['a type error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something not an error', 'Connection terminated'],
  ])('takes %s for a bug', (_what, error) => {
    expect(isTransientStoreError(error)).toBe(false);
  });
});

describePostgres('built-in Direct Line when PostgreSQL goes away under it', (databaseUrl) => {
  let schema: string;
  let store: Store | undefined;
  let server: TestServer | undefined;
  let relay: TcpProxy | undefined;

  beforeEach(() => {
    schema = uniqueSchemaName('maillage_dldown');
    store = undefined;
    server = undefined;
    relay = undefined;
  });
  afterEach(async () => {
    await server?.close();
    await relay?.close();
    await store?.close();
    await dropSchema(databaseUrl, schema);
  });

  it('answers 503 with Retry-After while the database is away, logs it once, and recovers when it is back', async () => {
    const target = new URL(databaseUrl);
    relay = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const throughRelay = new URL(databaseUrl);
    throughRelay.host = `127.0.0.1:${relay.port}`;
    store = await openStore(withSchema(throughRelay.toString(), schema), silent);
    const captured = captureLog('info');
    server = await startTestServer({ store: () => store, log: captured.log });
    const conversation = await startConversation(server);
    const url = `${server.domain}/conversations/${conversation.conversationId}`;
    const post = (text: string) => request(`${url}/activities`, { method: 'POST', token: conversation.token, json: { type: 'message', text } });
    const poll = () => request(`${url}/activities?watermark=0`, { token: conversation.token });
    const stream = openStream(conversation.streamUrl);
    await stream.opened;
    expect((await post('avant')).status).toBe(200);

    // The database stops: its connections are cut and new ones refused.
    await relay.close();
    for (let i = 0; i < 5; i++) {
      for (const answer of [await post(`pendant ${i}`), await poll(), await request(`${url}?watermark=0`, { token: conversation.token })]) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('5');
        expect(answer.body.error.code).toBe('ServiceUnavailable');
      }
    }
    expect(await refusedUpgrade(conversation.streamUrl)).toEqual({ status: 503, retryAfter: '5' });
    // The process is healthy: what needs no database still works.
    expect((await request(`${server.domain}/tokens/generate`, { method: 'POST' })).status).toBe(200);

    const lines = captured.lines();
    const outageLines = lines.filter((line) => line.msg === UNAVAILABLE_MESSAGE);
    expect(outageLines).toHaveLength(1);
    expect(outageLines[0]!.level).toBe(40);
    // No stack trace: an outage is not a bug to debug.
    expect(JSON.stringify(outageLines[0]!.err)).not.toMatch(/\\n\s+at /);
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);

    // Back: the same endpoint, without a restart. (A stream whose read was cut has been closed with 1011 and
    // reconnects from its watermark, as a client does.)
    await relay.listen();
    await waitUntil(async () => (await post('après')).status === 200 || undefined, 'a post accepted again');
    const polled = await poll();
    expect(polled.status).toBe(200);
    expect((polled.body.activities as StreamedActivity[]).map((activity) => activity.text)).toContain('Vous avez dit : après');
    const reopened = openStream(conversation.streamUrl);
    await reopened.opened;
    await waitUntil(() => reopened.activities.some((activity) => activity.text === 'Vous avez dit : après') || undefined, 'the reply on a new stream');
    stream.socket.close();
    reopened.socket.close();
  });

  it('still answers 500, with the error logged, for a fault that is not an outage', async () => {
    store = await openStore(withSchema(databaseUrl, schema), silent);
    const captured = captureLog('info');
    server = await startTestServer({ store: () => store, log: captured.log });
    const conversation = await startConversation(server);
    const poll = () => request(`${server!.domain}/conversations/${conversation.conversationId}/activities?watermark=0`, { token: conversation.token });
    expect((await poll()).status).toBe(200);

    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query(`ALTER TABLE "${schema}".directline_activities RENAME TO directline_activities_elsewhere`);
      const failed = await poll();
      expect(failed.status).toBe(500);
      expect(failed.body.error.code).toBe('ServiceError');
      expect(failed.headers.get('retry-after')).toBeNull();
      const errors = captured.lines().filter((line) => Number(line.level) >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.msg).toBe('directline request failed');
      expect(captured.lines().filter((line) => line.msg === UNAVAILABLE_MESSAGE)).toEqual([]);
      await admin.query(`ALTER TABLE "${schema}".directline_activities_elsewhere RENAME TO directline_activities`);
    } finally {
      await admin.end();
    }
    expect((await poll()).status).toBe(200);
  });
});
