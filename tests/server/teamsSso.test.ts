import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { z } from 'zod';
import { registerReportsApi } from '../../src/server/reportsApi';
import { createHttpServer, type HttpServer } from '../../src/server/server';
import { parseConfig } from '../../src/config/config';
import { createTeamsSsoVerifier, teamsSsoFromConfig, type TeamsSsoVerifier } from '../../src/server/teamsSso';
import { loadSheetKnowledge, SheetIndex } from '../../src/sheets';
import { openStore, type Store } from '../../src/storage';
import { teamsAccountKey } from '../../src/reports/accounts';
import { hashEnrolmentCode, newEnrolmentCode } from '../../src/reports/enrolmentCodes';
import { silentLog } from '../helpers/logCapture';
import { cafeReport, GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';

/**
 * Teams SSO tokens for /api/indicators, checked against a key set served from 127.0.0.1 the way Microsoft publishes
 * its own (an OpenID configuration naming a JWKS): tokens signed here with a local key pair, good and bad.
 */

const APP_ID = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const OTHER_TENANT = 'ffffffff-0000-4000-8000-000000000000';
const USER = '01234567-89ab-4cde-8f01-23456789abcd';
const PUBLIC_URL = 'https://maillage.example.org';
const API_KEY = 'test-key-4f9c1e0b7a2d4c8e9f10a1b2c3d4e5f6';

interface KeyServer {
  server: Server;
  configurationUrl: string;
  /** How many times the key set was asked for. */
  jwksRequests: number;
}

let signingKey: KeyLike;
let strangerKey: KeyLike;
let keyServer: KeyServer;
const KID = 'test-key-1';

async function startKeyServer(publicJwk: JWK): Promise<KeyServer> {
  const state = { jwksRequests: 0 };
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/common/v2.0/.well-known/openid-configuration') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${base}/common/discovery/v2.0/keys` }));
    } else if (req.url === '/common/discovery/v2.0/keys') {
      state.jwksRequests++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...publicJwk, kid: KID, use: 'sig', alg: 'RS256' }] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    configurationUrl: `http://127.0.0.1:${port}/common/v2.0/.well-known/openid-configuration`,
    get jwksRequests() {
      return state.jwksRequests;
    },
  };
}

beforeAll(async () => {
  signingKey = (await generateKeyPair('RS256')).privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  keyServer = await startKeyServer(await exportPublic(signingKey));
});

afterAll(async () => {
  await new Promise((resolve) => keyServer.server.close(resolve));
});

/** The public half of a private key, as a JWK. */
async function exportPublic(privateKey: KeyLike): Promise<JWK> {
  const { n, e, kty } = await exportJWK(privateKey);
  return { n, e, kty };
}

interface TokenSpec {
  audience?: string;
  tenant?: string;
  issuer?: string;
  expiresIn?: string | number;
  notBefore?: string | number;
  key?: KeyLike;
  kid?: string;
  omit?: string[];
  /** The user's object id (`oid`); USER by default. */
  oid?: string;
}

/** A token as Entra issues them for Teams SSO (v2 by default), signed with the test's key unless told otherwise. */
async function token(spec: TokenSpec = {}): Promise<string> {
  const tenant = spec.tenant ?? TENANT;
  const claims: Record<string, unknown> = { tid: tenant, oid: spec.oid ?? USER, scp: 'access_as_user', name: 'Camille Martin' };
  for (const claim of spec.omit ?? []) delete claims[claim];
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: spec.kid ?? KID })
    .setIssuer(spec.issuer ?? `https://login.microsoftonline.com/${tenant}/v2.0`)
    .setAudience(spec.audience ?? APP_ID)
    .setIssuedAt()
    .setExpirationTime(spec.expiresIn ?? '1h');
  if (spec.notBefore !== undefined) jwt.setNotBefore(spec.notBefore);
  return jwt.sign(spec.key ?? signingKey);
}

function verifier(allowedTenants: string[] = [TENANT], configurationUrl = keyServer.configurationUrl): TeamsSsoVerifier {
  return createTeamsSsoVerifier({ appId: APP_ID, publicUrl: PUBLIC_URL, allowedTenants, openIdConfigurationUrl: configurationUrl });
}

describe('Teams SSO token validation', () => {
  test('a v2 token for the app id and a v1 token for its api:// URI, from the allowed tenant, are accepted', async () => {
    const sso = verifier();
    await expect(sso.verify(await token())).resolves.toEqual({ ok: true, identity: { tenantId: TENANT, objectId: USER } });
    const v1 = await token({ audience: `api://maillage.example.org/${APP_ID}`, issuer: `https://sts.windows.net/${TENANT}/` });
    await expect(sso.verify(v1)).resolves.toEqual({ ok: true, identity: { tenantId: TENANT, objectId: USER } });
  });

  test('the key set is read once and kept for later tokens', async () => {
    const sso = verifier();
    const before = keyServer.jwksRequests;
    for (let i = 0; i < 5; i++) expect((await sso.verify(await token())).ok).toBe(true);
    expect(keyServer.jwksRequests - before).toBe(1);
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['expired', () => token({ expiresIn: Math.floor(Date.now() / 1000) - 3600 }), /expired/],
    ['not valid yet', () => token({ notBefore: Math.floor(Date.now() / 1000) + 3600 }), /not valid yet/],
    ['for another app', () => token({ audience: '99999999-2222-4333-8444-555555555555' }), /not for this app/],
    ['for the app id URI of another host', () => token({ audience: `api://evil.example/${APP_ID}` }), /not for this app/],
    ['from a tenant not allowed', () => token({ tenant: OTHER_TENANT }), /tenant this server does not serve/],
    ['whose issuer is another tenant’s', () => token({ issuer: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), /issuer/],
    ['whose issuer is not Microsoft', () => token({ issuer: `https://evil.example/${TENANT}/v2.0` }), /issuer/],
    ['signed by another key under the same kid', () => token({ key: strangerKey }), /signature/],
    ['signed by a key Microsoft does not publish', () => token({ key: strangerKey, kid: 'unknown-kid' }), /Microsoft key/],
    ['without a tenant', () => token({ omit: ['tid'] }), /tid|tenant/],
    ['without a user', () => token({ omit: ['oid'] }), /oid|user/],
    ['signed with HS256 using the public key', async () => hs256Token(), /RS256/],
    ['unsigned (alg none)', async () => unsignedToken(), /.+/],
    ['not a JWT at all', async () => 'not-a-token', /not a JSON Web Token/],
  ];

  test.each(refusals)('a token %s is refused with a reason', async (_name, make, reason) => {
    const verdict = await verifier().verify(await make());
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.kind).toBe('refused');
      expect(verdict.reason).toMatch(reason);
    }
  });

  test('with no tenant configured every token is refused, naming what to set', async () => {
    const verdict = await verifier([]).verify(await token());
    expect(verdict).toMatchObject({ ok: false, kind: 'refused' });
    if (!verdict.ok) expect(verdict.reason).toMatch(/MicrosoftAppTenantId or ALLOWED_TENANTS/);
  });

  test('when Microsoft’s keys cannot be read the verdict says unavailable, not refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verdict = await verifier([TENANT], `http://127.0.0.1:${port}/openid-configuration`).verify(await token());
    expect(verdict).toMatchObject({ ok: false, kind: 'unavailable' });
  });

  test('random and mangled tokens never throw, and are never accepted', async () => {
    const sso = verifier();
    const good = await token();
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.tuple(segment, segment, segment).map((parts) => parts.join('.')),
          // Every character but the last: its low bits are base64 padding, so some changes decode to the same signature.
          fc.nat({ max: good.length - 2 }).chain((at) => fc.constantFrom('A', 'B', '_', '-').map((c) => good.slice(0, at) + c + good.slice(at + 1))).filter((t) => t !== good),
        ),
        async (candidate) => {
          const verdict = await sso.verify(candidate);
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function hs256Token(): Promise<string> {
  const jwk = await exportPublic(signingKey);
  const now = Math.floor(Date.now() / 1000);
  const head = `${base64url({ alg: 'HS256', typ: 'JWT', kid: KID })}.${base64url({ tid: TENANT, oid: USER, aud: APP_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', JSON.stringify(jwk)).update(head).digest('base64url')}`;
}

function unsignedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ tid: TENANT, oid: USER, aud: APP_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: now + 3600 })}.`;
}

describe('/api/indicators and /api/reports with Teams SSO', () => {
  const sheets = SheetIndex.build(loadSheetKnowledge(path.resolve(__dirname, '../../../shared/fixtures/knowledge-dev/sheets')).sheets);
  let store: Store;
  let dir: string;
  let http: HttpServer;
  let baseUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-sso-'));
    store = await openStore(`sqlite:${path.join(dir, 'sso.sqlite')}`, silentLog);
    http = createHttpServer({ log: silentLog, isReady: () => true, handleActivity: async () => undefined });
    registerReportsApi(http.server, { store: () => store, sheets: () => sheets, apiKey: API_KEY, teamsSso: verifier(), log: silentLog });
    baseUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await http.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
  const get = (route: string, bearer?: string) => fetch(`${baseUrl}${route}`, { headers: bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` } });

  test('a valid Teams token opens both routes; the API key still does', async () => {
    const valid = await token();
    for (const route of ['/api/indicators', '/api/reports', '/api/reports?format=csv']) {
      expect((await get(route, valid)).status).toBe(200);
      expect((await get(route, API_KEY)).status).toBe(200);
    }
    const indicators = (await (await get('/api/indicators', valid)).json()) as { generatedFrom: { reports: number } };
    expect(indicators.generatedFrom.reports).toBe(0);
  });

  test('expired, wrong-audience, wrong-tenant and badly signed tokens are a 401 saying why', async () => {
    const cases: Array<[string, RegExp]> = [
      [await token({ expiresIn: Math.floor(Date.now() / 1000) - 3600 }), /expired/],
      [await token({ audience: 'someone-else' }), /not for this app/],
      [await token({ tenant: OTHER_TENANT }), /tenant/],
      [await token({ key: strangerKey }), /signature/],
    ];
    for (const [bad, reason] of cases) {
      const response = await get('/api/indicators', bad);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="maillage", error="invalid_token"');
      const message = ErrorBodySchema.parse(await response.json()).error.message;
      expect(message).toMatch(reason);
      expect(message).toMatch(/Teams sign-in token is refused/);
    }
    const none = await get('/api/indicators');
    expect(none.status).toBe(401);
    expect(ErrorBodySchema.parse(await none.json()).error.message).toMatch(/Teams sign-in token/);
  });

  test('a centre’s staff member sees their centre’s figures only, a partner every centre’s, a revoked account none until enrolled again', async () => {
    // A staff member of Les Tisserands, enrolled from Teams (the bot binds the Teams account, whatever the case of its id).
    const staff = '0fedcba9-8765-4321-8abc-def012345678';
    const code = newEnrolmentCode();
    await store.enrolments.createInvite({ codeHash: hashEnrolmentCode(code), centre: TISSERANDS, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await store.enrolments.redeem(hashEnrolmentCode(code), teamsAccountKey(staff.toUpperCase()), 'msteams', new Date())).not.toBeNull();
    for (const [centre, parents] of [[TISSERANDS, 14], [GRANDCLEMENT, 9]] as const) {
      await store.reports.submit({ submissionKey: `scope-${centre.structureId}`, centre, body: cafeReport({ parents, qpvParents: 2 }), submittedBy: 'aad:someone', channelId: 'msteams', submittedAt: new Date() });
    }
    const IndicatorsSchema = z.object({ generatedFrom: z.object({ reports: z.number() }), viewer: z.object({ scope: z.string(), structureId: z.string().optional() }) });
    const ReportsSchema = z.object({ reports: z.array(z.object({ structureId: z.string(), parents: z.number() })) });

    const staffToken = await token({ oid: staff });
    const seenByStaff = IndicatorsSchema.parse(await (await get('/api/indicators', staffToken)).json());
    expect(seenByStaff).toEqual({ generatedFrom: expect.objectContaining({ reports: 1 }), viewer: expect.objectContaining({ scope: 'centre', structureId: TISSERANDS.structureId }) });
    const staffReports = ReportsSchema.parse(await (await get('/api/reports', staffToken)).json()).reports;
    expect(staffReports.map((report) => [report.structureId, report.parents])).toEqual([[TISSERANDS.structureId, 14]]);
    expect(await (await get('/api/reports?format=csv', staffToken)).text()).not.toContain(GRANDCLEMENT.structureId);
    expect((await get(`/api/indicators?structure=${TISSERANDS.structureId}`, staffToken)).status).toBe(200);

    const elsewhere = await get(`/api/reports?structure=${GRANDCLEMENT.structureId}`, staffToken);
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/your own centre/), field: 'structure' } });

    // A partner of the same tenant, not enrolled, and the API key see both centres.
    const partner = IndicatorsSchema.parse(await (await get('/api/indicators', await token())).json());
    expect(partner).toEqual({ generatedFrom: expect.objectContaining({ reports: 2 }), viewer: { scope: 'all' } });
    expect(IndicatorsSchema.parse(await (await get('/api/indicators', API_KEY)).json()).viewer).toEqual({ scope: 'all' });

    // Revoked, the staff member sees no centre's figures: not every centre's, as a partner never enrolled would.
    const enrolment = await store.enrolments.find(teamsAccountKey(staff));
    expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin:test', new Date())).toBe(true);
    for (const route of ['/api/indicators', '/api/reports', '/api/reports?format=json', '/api/reports?format=csv', `/api/reports?structure=${TISSERANDS.structureId}`]) {
      const refused = await get(route, staffToken);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: "Your access to the centres' figures was withdrawn; ask the administrator." } });
    }
    // Still a partner's view for the partner, and the key's.
    expect(IndicatorsSchema.parse(await (await get('/api/indicators', await token())).json()).viewer).toEqual({ scope: 'all' });
    expect((await get('/api/reports?format=csv', API_KEY)).status).toBe(200);

    // Enrolled again with a new code (for the same centre): their own centre's figures again, and only those.
    const again = newEnrolmentCode();
    await store.enrolments.createInvite({ codeHash: hashEnrolmentCode(again), centre: TISSERANDS, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await store.enrolments.redeem(hashEnrolmentCode(again), teamsAccountKey(staff), 'msteams', new Date())).not.toBeNull();
    const seenAgain = IndicatorsSchema.parse(await (await get('/api/indicators', staffToken)).json());
    expect(seenAgain).toEqual({ generatedFrom: expect.objectContaining({ reports: 1 }), viewer: expect.objectContaining({ scope: 'centre', structureId: TISSERANDS.structureId }) });
    expect(ReportsSchema.parse(await (await get('/api/reports', staffToken)).json()).reports.map((report) => report.structureId)).toEqual([TISSERANDS.structureId]);
    const csvAgain = await get('/api/reports?format=csv', staffToken);
    expect(csvAgain.status).toBe(200);
    const csvText = await csvAgain.text();
    expect(csvText).toContain(TISSERANDS.structureId);
    expect(csvText).not.toContain(GRANDCLEMENT.structureId);
  });

  test('any bearer a client makes up gets a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,300}$/), fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((p) => p.join('.').replace(/=/g, ''))), async (bearer) => {
        const response = await get('/api/indicators', bearer);
        await response.arrayBuffer();
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Teams SSO from the configuration', () => {
  test('off in local mode (no MicrosoftAppId); on with one, for MicrosoftAppTenantId and ALLOWED_TENANTS together', async () => {
    expect(teamsSsoFromConfig(parseConfig({}))).toBeUndefined();
    // Microsoft's keys are not reachable from the tests: what is checked is the switch, and that without any tenant
    // configured a token is refused before any key is fetched.
    const config = parseConfig({ MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT, ALLOWED_TENANTS: OTHER_TENANT.toUpperCase(), PUBLIC_URL });
    const sso = teamsSsoFromConfig(config);
    expect(sso).toBeDefined();
    const none = teamsSsoFromConfig(parseConfig({ MicrosoftAppId: APP_ID, PUBLIC_URL }));
    const verdict = await none?.verify(await token());
    expect(verdict).toMatchObject({ ok: false, kind: 'refused' });
  });
});
