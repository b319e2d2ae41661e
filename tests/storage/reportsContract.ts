import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { REPORT_KINDS, ReportBodySchema, type Centre, type ReportBody, type ReportSubmission } from '../../src/reports/model';
import { MIGRATIONS, type Migration, type Store } from '../../src/storage';
import { UnstorableReportError } from '../../src/storage/errors';
import type { Logger } from '../../src/log/logger';
import { captureLog } from '../helpers/logCapture';
import { cafeReport } from '../helpers/reportFixtures';

/**
 * What the report suite needs from a backend: a database of its own (a temp file, a PostgreSQL schema), more stores
 * opened on it, and its rows reached directly, to damage them as a hand edit or another program could.
 */
export interface ReportsHarness {
  open(log: Logger, migrations?: readonly Migration[]): Promise<Store>;
  /** Inserts report `RPT-2026-<id>` with a kind not in REPORT_KINDS, partners that are not JSON, title « Titre secret ». */
  insertCorruptReport(id: number, submissionKey: string, structureId: string): Promise<void>;
  appliedMigrationIds(): Promise<number[]>;
  /** Runs SQL written the same for both databases on the database directly, as an older version or a hand edit would. */
  runSql(statement: string): Promise<void>;
  /** Removes what open() made. */
  dispose(): Promise<void>;
}

/** Each backend's test file runs this suite; `harness` gives a fresh database for each test. */
export function runReportsContract(harness: () => ReportsHarness): void {
  describe('reports contract', () => defineContract(harness));
}

const CENTRE: Centre = { structureId: 'cs-les-tilleuls', structureName: 'Centre social Les Tilleuls', communeCode: '21231', communeName: 'Dijon' };
const OTHER_CENTRE: Centre = { structureId: 'evs-la-passerelle', structureName: 'EVS La Passerelle', communeCode: '2A004', communeName: 'Ajaccio' };

/** The shared café des parents, as a Côte-d'Or centre reports it (a plan, partners and indicators of its own). */
export function reportBody(overrides: Partial<ReportBody> = {}): ReportBody {
  return cafeReport({
    planId: 'cote-d-or-2025',
    action: 'Action 2 — Cafés des parents',
    title: 'Café des parents « l’école et nous »',
    partners: ['CAF de la Côte-d’Or', 'École Jean Macé'],
    indicators: { 'Nombre de parents participants': 14, 'Taux de satisfaction (%)': 92.5 },
    ...overrides,
  });
}

let keys = 0;
function submission(overrides: Partial<ReportSubmission> = {}, body: Partial<ReportBody> = {}): ReportSubmission {
  keys += 1;
  return {
    submissionKey: `activity-${process.pid}-${keys}`,
    centre: CENTRE,
    body: reportBody(body),
    submittedBy: 'aad:0000-staff-a',
    channelId: 'msteams',
    submittedAt: new Date('2026-03-13T09:30:00.000Z'),
    ...overrides,
  };
}

function defineContract(harness: () => ReportsHarness): void {
  let current: ReportsHarness;
  let store: Store;
  const captured = captureLog('warn');
  const opened: Store[] = [];
  const openAnother = async () => {
    const other = await current.open(captured.log);
    opened.push(other);
    return other;
  };

  beforeEach(async () => {
    current = harness();
    store = await current.open(captured.log);
  });
  afterEach(async () => {
    await Promise.all([store, ...opened.splice(0)].map((each) => each.close()));
    await current.dispose();
  });

  describe('submit, get and list', () => {
    test('a submitted report reads back as sent, with a reference, version 1 and an audit line', async () => {
      const sent = submission();
      const { report, created } = await store.reports.submit(sent);
      expect(created).toBe(true);
      expect(report.id).toMatch(/^RPT-2026-\d{6}$/);
      expect(report).toEqual({
        id: report.id,
        ...CENTRE,
        ...sent.body,
        submittedAt: '2026-03-13T09:30:00.000Z',
        submittedBy: 'aad:0000-staff-a',
        channelId: 'msteams',
        version: 1,
        updatedAt: '2026-03-13T09:30:00.000Z',
      });
      expect(await store.reports.get(report.id)).toEqual(report);
      expect(await store.reports.get('RPT-2026-999999')).toBeNull();
      // Only the reference itself names the report: not another year, another padding, or something else.
      const number = report.id.slice('RPT-2026-'.length);
      for (const other of [`RPT-2025-${number}`, `RPT-2026-0${number}`, report.id.toLowerCase(), `${report.id} `, '']) {
        expect(await store.reports.get(other)).toBeNull();
      }
      expect(await store.audit.about(report.id)).toEqual([
        { at: '2026-03-13T09:30:00.000Z', actor: 'aad:0000-staff-a', action: 'report.submitted', subject: report.id, previous: null },
      ]);
    });

    test('the reference carries the year in Paris: 23:30 UTC on 31 December is already the next year', async () => {
      const { report } = await store.reports.submit(submission({ submittedAt: new Date('2026-12-31T23:30:00.000Z') }));
      expect(report.id).toMatch(/^RPT-2027-\d{6}$/);
    });

    test('list filters by each criterion and orders by start date, then by reference', async () => {
      const a = (await store.reports.submit(submission({}, { startDate: '2026-05-02', endDate: '2026-05-02' }))).report;
      const b = (await store.reports.submit(submission({ centre: OTHER_CENTRE, submittedBy: 'webchat:u-b' }, { startDate: '2026-01-15', endDate: '2026-01-20', sheetCode: 'PA 1.1' }))).report;
      const c = (await store.reports.submit(submission({}, { startDate: '2026-05-02', endDate: '2026-05-03', planId: 'autre-plan', action: null }))).report;
      const d = (await store.reports.submit(submission({}, { startDate: '2025-11-30', endDate: '2025-11-30' }))).report;
      const ids = async (filter: Parameters<Store['reports']['list']>[0]) => (await store.reports.list(filter)).map((report) => report.id);

      expect(await ids({})).toEqual([d.id, b.id, a.id, c.id]);
      expect(await ids({ planId: 'cote-d-or-2025' })).toEqual([d.id, b.id, a.id]);
      expect(await ids({ planId: 'cote-d-or-2025', sheetCode: 'PA 2.3.2' })).toEqual([d.id, a.id]);
      expect(await ids({ action: 'Action 2 — Cafés des parents' })).toEqual([d.id, b.id, a.id]);
      // The action asked by its number, as partners and the API name it.
      expect(await ids({ action: 'Action 2' })).toEqual([d.id, b.id, a.id]);
      expect(await ids({ action: 'action 2' })).toEqual([d.id, b.id, a.id]);
      expect(await ids({ action: 'Action 3' })).toEqual([]);
      expect(await ids({ structureId: OTHER_CENTRE.structureId })).toEqual([b.id]);
      expect(await ids({ communeCode: '21231' })).toEqual([d.id, a.id, c.id]);
      expect(await ids({ from: '2026-01-01' })).toEqual([b.id, a.id, c.id]);
      expect(await ids({ from: '2026-01-15', to: '2026-05-01' })).toEqual([b.id]);
      expect(await ids({ to: '2026-05-02' })).toEqual([d.id, b.id, a.id, c.id]);
      expect(await ids({ submittedBy: 'webchat:u-b' })).toEqual([b.id]);
      expect(await ids({ structureId: 'nowhere' })).toEqual([]);
    });

    test('a commune with arrondissements covers them: Lyon holds the reports of a centre in Lyon 8e', async () => {
      const lyon8: Centre = { structureId: 'cs-etats-unis', structureName: 'Centre social États-Unis', communeCode: '69388', communeName: 'Lyon 8e Arrondissement' };
      const lyon: Centre = { structureId: 'evs-lyon', structureName: 'EVS de Lyon', communeCode: '69123', communeName: 'Lyon' };
      const villeurbanne: Centre = { structureId: 'cs-villeurbanne', structureName: 'Centre social de Villeurbanne', communeCode: '69266', communeName: 'Villeurbanne' };
      const inArrondissement = (await store.reports.submit(submission({ centre: lyon8 }, { startDate: '2026-02-01', endDate: '2026-02-01' }))).report;
      const inCity = (await store.reports.submit(submission({ centre: lyon }, { startDate: '2026-02-02', endDate: '2026-02-02' }))).report;
      await store.reports.submit(submission({ centre: villeurbanne }, { startDate: '2026-02-03', endDate: '2026-02-03' }));
      await store.reports.submit(submission());
      const ids = async (filter: Parameters<Store['reports']['list']>[0]) => (await store.reports.list(filter)).map((report) => report.id);

      expect(await ids({ communeCode: '69123' })).toEqual([inArrondissement.id, inCity.id]);
      expect(await ids({ communeCode: '69123', from: '2026-02-02' })).toEqual([inCity.id]);
      // An arrondissement is only itself, not its city nor its neighbours.
      expect(await ids({ communeCode: '69388' })).toEqual([inArrondissement.id]);
      expect(await ids({ communeCode: '69381' })).toEqual([]);
    });

    test('filters are values, never SQL', async () => {
      await store.reports.submit(submission());
      expect(await store.reports.list({ sheetCode: "' OR '1'='1" })).toEqual([]);
      expect(await store.reports.list({ structureId: `x'); DROP TABLE reports; --` })).toEqual([]);
      expect(await store.reports.list({})).toHaveLength(1);
    });
  });

  describe('exactly once', () => {
    test('the same submission key twice stores one report, and the second call says it did not create it', async () => {
      const sent = submission();
      const first = await store.reports.submit(sent);
      const second = await store.reports.submit({ ...sent, body: reportBody({ parents: 99 }) });
      expect(first.created).toBe(true);
      expect(second).toEqual({ report: first.report, created: false });
      expect(await store.reports.list({})).toHaveLength(1);
      expect(await store.audit.about(first.report.id)).toHaveLength(1);
    });

    test('20 concurrent identical submissions store one report; all get its reference', async () => {
      const sent = submission();
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.reports.submit(sent)));
      expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      expect(new Set(outcomes.map((outcome) => outcome.report.id)).size).toBe(1);
      expect(await store.reports.list({})).toHaveLength(1);
    });

    test('the same key from two instances at once is stored once', async () => {
      const other = await openAnother();
      const sent = submission();
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? store : other).reports.submit(sent)));
      expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      expect(await other.reports.list({})).toHaveLength(1);
    });

    test('200 reports submitted at once from two instances: exactly 200 rows, 200 distinct references', async () => {
      const other = await openAnother();
      const sent = Array.from({ length: 200 }, (_, index) => submission({ submittedBy: `webchat:conversation-${index}` }));
      const outcomes = await Promise.all(sent.map((each, index) => (index % 2 === 0 ? store : other).reports.submit(each)));
      expect(outcomes.every((outcome) => outcome.created)).toBe(true);
      const stored = await store.reports.list({});
      expect(stored).toHaveLength(200);
      expect(new Set(stored.map((report) => report.id)).size).toBe(200);
      expect(new Set(outcomes.map((outcome) => outcome.report.id))).toEqual(new Set(stored.map((report) => report.id)));
      // Resubmitting all of them (every activity retried) adds nothing.
      const retried = await Promise.all(sent.map((each, index) => (index % 2 === 0 ? other : store).reports.submit(each)));
      expect(retried.some((outcome) => outcome.created)).toBe(false);
      expect(await other.reports.list({})).toHaveLength(200);
    });
  });

  describe('corrections', () => {
    test('the author corrects: version 2, the new body, the previous version in the audit trail', async () => {
      const { report } = await store.reports.submit(submission());
      const at = new Date('2026-03-20T10:00:00.000Z');
      const corrected = await store.reports.correct(report.id, reportBody({ parents: 16, qpvParents: 7 }), 'aad:0000-staff-a', at);
      expect(corrected).toEqual({ ...report, parents: 16, qpvParents: 7, version: 2, updatedAt: at.toISOString() });
      expect(await store.reports.get(report.id)).toEqual(corrected);
      const trail = await store.audit.about(report.id);
      expect(trail.map((line) => line.action)).toEqual(['report.submitted', 'report.corrected']);
      expect(trail[1]).toEqual({ at: at.toISOString(), actor: 'aad:0000-staff-a', action: 'report.corrected', subject: report.id, previous: report });

      const again = await store.reports.correct(report.id, reportBody({ parents: 17, qpvParents: 7 }), 'aad:0000-staff-a', at);
      expect(again?.version).toBe(3);
      expect((await store.audit.about(report.id))[2]?.previous).toEqual(corrected);
    });

    test('someone else cannot correct; an unknown reference is null; nothing changes', async () => {
      const { report } = await store.reports.submit(submission());
      expect(await store.reports.correct(report.id, reportBody({ parents: 1, qpvParents: 0 }), 'aad:someone-else', new Date())).toBeNull();
      expect(await store.reports.correct('RPT-2026-999999', reportBody(), 'aad:0000-staff-a', new Date())).toBeNull();
      expect(await store.reports.get(report.id)).toEqual(report);
      expect(await store.audit.about(report.id)).toHaveLength(1);
    });

    test('concurrent corrections by the author from two instances each reach the audit trail once', async () => {
      const other = await openAnother();
      const { report } = await store.reports.submit(submission());
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? store : other).reports.correct(report.id, reportBody({ parents: 20 + index }), 'aad:0000-staff-a', new Date())),
      );
      expect(results.every((result) => result !== null)).toBe(true);
      const final = await store.reports.get(report.id);
      expect(final?.version).toBe(7);
      const previousVersions = (await store.audit.about(report.id)).slice(1).map((line) => (line.previous as { version: number }).version);
      expect(previousVersions).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  describe('what cannot be stored is refused before the database', () => {
    test('NUL or a lone surrogate in a text: UnstorableReportError naming the field, not the text; nothing stored', async () => {
      const withNul = store.reports.submit(submission({}, { title: 'Atelier\u0000secret' }));
      await expect(withNul).rejects.toBeInstanceOf(UnstorableReportError);
      await expect(withNul).rejects.toThrow('title');
      await expect(withNul).rejects.not.toThrow('secret');
      await expect(store.reports.submit(submission({}, { partners: ['ok', 'bad \uD800'] }))).rejects.toThrow(/partners/);
      await expect(store.reports.submit(submission({}, { indicators: { 'x\u0000': 1 } }))).rejects.toThrow(/indicators/);
      await expect(store.reports.submit(submission({ submittedBy: 'a\u0000' }))).rejects.toThrow(/submittedBy/);
      expect(await store.reports.list({})).toEqual([]);
    });

    test('a body its schema refuses (more QPV parents than parents) is refused, not stored', async () => {
      await expect(store.reports.submit(submission({}, { parents: 2, qpvParents: 3 }))).rejects.toThrow(/qpvParents/);
      const { report } = await store.reports.submit(submission());
      await expect(store.reports.correct(report.id, reportBody({ endDate: '2026-03-01' }), 'aad:0000-staff-a', new Date())).rejects.toBeInstanceOf(UnstorableReportError);
      expect(await store.reports.get(report.id)).toEqual(report);
    });

    test('any valid body round-trips through submit and get unchanged; one with NUL is refused (fast-check)', async () => {
      await fc.assert(
        fc.asyncProperty(reportBodyArbitrary, async (body) => {
          const parsed = ReportBodySchema.safeParse(body);
          fc.pre(parsed.success);
          const sent = submission({}, body);
          if (containsNul(body)) {
            await expect(store.reports.submit(sent)).rejects.toBeInstanceOf(UnstorableReportError);
            return;
          }
          const { report } = await store.reports.submit(sent);
          const { id: _id, structureId: _s, structureName: _n, communeCode: _c, communeName: _cn, submittedAt: _a, submittedBy: _b, channelId: _ch, version: _v, updatedAt: _u, ...storedBody } =
            (await store.reports.get(report.id)) ?? report;
          expect(storedBody).toEqual(parsed.data);
        }),
        { numRuns: 80 },
      );
    });
  });

  describe('drafts', () => {
    test('save, read, overwrite and delete a draft; odd text survives as JSON', async () => {
      const at = new Date('2026-03-13T09:00:00.000Z');
      expect(await store.drafts.get('aad:u1')).toBeNull();
      await store.drafts.save('aad:u1', { step: 'parents', answers: { title: 'a\u0000b \uD800 👩‍👧' } }, at);
      expect(await store.drafts.get('aad:u1')).toEqual({ userKey: 'aad:u1', body: { step: 'parents', answers: { title: 'a\u0000b \uD800 👩‍👧' } }, updatedAt: at });
      const later = new Date('2026-03-14T09:00:00.000Z');
      await store.drafts.save('aad:u1', { step: 'summary' }, later);
      expect(await store.drafts.get('aad:u1')).toEqual({ userKey: 'aad:u1', body: { step: 'summary' }, updatedAt: later });
      await store.drafts.delete('aad:u1');
      expect(await store.drafts.get('aad:u1')).toBeNull();
      await expect(store.drafts.delete('aad:u1')).resolves.toBeUndefined();
    });

    test('the purge removes exactly the drafts last changed before the date', async () => {
      await store.drafts.save('old', { n: 1 }, new Date('2026-01-01T00:00:00.000Z'));
      await store.drafts.save('recent', { n: 2 }, new Date('2026-03-01T00:00:00.000Z'));
      expect(await store.drafts.purgeOlderThan(new Date('2026-02-01T00:00:00.000Z'))).toBe(1);
      expect(await store.drafts.get('old')).toBeNull();
      expect(await store.drafts.get('recent')).not.toBeNull();
      expect(await store.drafts.purgeOlderThan(new Date('2026-02-01T00:00:00.000Z'))).toBe(0);
    });

    test('a draft another instance saved is there after a restart', async () => {
      const other = await openAnother();
      await other.drafts.save('aad:u2', { step: 'title' }, new Date());
      await other.close();
      expect((await store.drafts.get('aad:u2'))?.body).toEqual({ step: 'title' });
    });
  });

  describe('enrolments', () => {
    const hash = (code: string) => createHash('sha256').update(code).digest('hex');
    const now = new Date('2026-03-10T08:00:00.000Z');
    const invite = (code: string, centre: Centre = CENTRE, expiresAt = new Date('2026-03-17T08:00:00.000Z')) =>
      store.enrolments.createInvite({ codeHash: hash(code), centre, createdAt: now, expiresAt });

    test('a code binds an account to its centre once; a second use is refused', async () => {
      await invite('K7Q-2MX');
      const enrolment = await store.enrolments.redeem(hash('K7Q-2MX'), 'aad:u1', 'msteams', new Date('2026-03-11T08:00:00.000Z'));
      expect(enrolment).toEqual({ id: expect.stringMatching(/^ENR-[0-9A-F]{12}$/), userKey: 'aad:u1', channelId: 'msteams', ...CENTRE, enrolledAt: '2026-03-11T08:00:00.000Z' });
      expect(await store.enrolments.find('aad:u1')).toEqual(enrolment);
      expect(await store.enrolments.redeem(hash('K7Q-2MX'), 'aad:u2', 'msteams', new Date('2026-03-11T09:00:00.000Z'))).toBeNull();
      expect(await store.enrolments.redeem(hash('unknown'), 'aad:u2', 'msteams', new Date('2026-03-11T09:00:00.000Z'))).toBeNull();
      expect(await store.enrolments.find('aad:u2')).toBeNull();
      expect((await store.audit.about(enrolment?.id ?? '')).map((line) => line.action)).toEqual(['enrolment.enrolled']);
      expect((await store.audit.about(CENTRE.structureId)).map((line) => line.action)).toEqual(['enrolment.invited']);
    });

    test('an expired code is refused, and stays unused', async () => {
      await invite('OLD-CODE', CENTRE, new Date('2026-03-11T00:00:00.000Z'));
      expect(await store.enrolments.redeem(hash('OLD-CODE'), 'aad:u1', 'msteams', new Date('2026-03-11T00:00:00.000Z'))).toBeNull();
      expect(await store.enrolments.redeem(hash('OLD-CODE'), 'aad:u1', 'msteams', new Date('2026-03-12T00:00:00.000Z'))).toBeNull();
      expect(await store.enrolments.redeem(hash('OLD-CODE'), 'aad:u1', 'msteams', new Date('2026-03-10T23:59:59.999Z'))).not.toBeNull();
    });

    test('a new code replaces the account’s previous enrolment', async () => {
      await invite('FIRST');
      await invite('SECOND', OTHER_CENTRE);
      const first = await store.enrolments.redeem(hash('FIRST'), 'webchat:u1', 'webchat', now);
      const second = await store.enrolments.redeem(hash('SECOND'), 'webchat:u1', 'webchat', new Date(now.getTime() + 1000));
      expect(second?.structureId).toBe(OTHER_CENTRE.structureId);
      expect(second?.id).not.toBe(first?.id);
      expect(await store.enrolments.list()).toEqual([second]);
    });

    test('one code redeemed at once by two accounts on two instances: exactly one succeeds', async () => {
      const other = await openAnother();
      for (let round = 0; round < 10; round++) {
        await invite(`RACE-${round}`);
        const outcomes = await Promise.all([
          store.enrolments.redeem(hash(`RACE-${round}`), `aad:racer-a-${round}`, 'msteams', now),
          other.enrolments.redeem(hash(`RACE-${round}`), `aad:racer-b-${round}`, 'msteams', now),
        ]);
        expect(outcomes.filter((outcome) => outcome !== null)).toHaveLength(1);
      }
      expect(await store.enrolments.list()).toHaveLength(10);
    });

    test('revoke removes an enrolment once, with an audit line', async () => {
      await invite('REVOKE-ME');
      const enrolment = await store.enrolments.redeem(hash('REVOKE-ME'), 'aad:u1', 'msteams', now);
      expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin', now)).toBe(true);
      expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin', now)).toBe(false);
      expect(await store.enrolments.find('aad:u1')).toBeNull();
      expect((await store.audit.about(enrolment?.id ?? '')).map((line) => [line.action, line.actor])).toEqual([
        ['enrolment.enrolled', 'aad:u1'],
        ['enrolment.revoked', 'admin'],
      ]);
    });

    test('a revoked account is remembered as revoked, not as never enrolled; others are untouched', async () => {
      await invite('KEEP-1');
      await invite('KEEP-2', OTHER_CENTRE);
      await invite('GONE');
      const kept = await store.enrolments.redeem(hash('KEEP-1'), 'aad:kept', 'msteams', now);
      const other = await store.enrolments.redeem(hash('KEEP-2'), 'webchat:kept', 'webchat', new Date(now.getTime() + 1000));
      const gone = await store.enrolments.redeem(hash('GONE'), 'aad:gone', 'msteams', new Date(now.getTime() + 2000));
      expect(await store.enrolments.standing('aad:gone')).toEqual({ kind: 'enrolled', enrolment: gone });
      expect(await store.enrolments.standing('aad:never')).toEqual({ kind: 'none' });

      const revokedAt = new Date('2026-03-12T15:45:00.000Z');
      expect(await store.enrolments.revoke(gone?.id ?? '', 'admin:root', revokedAt)).toBe(true);
      expect(await store.enrolments.standing('aad:gone')).toEqual({ kind: 'revoked', revokedAt: '2026-03-12T15:45:00.000Z' });
      expect(await store.enrolments.find('aad:gone')).toBeNull();
      // `npm run admin -- staff` shows the active enrolments only, as before.
      expect(await store.enrolments.list()).toEqual([kept, other]);
      expect(await store.enrolments.standing('aad:kept')).toEqual({ kind: 'enrolled', enrolment: kept });
      expect(await store.enrolments.standing('aad:never')).toEqual({ kind: 'none' });
      // Revoking again, or an id no enrolment has, changes nothing and says so.
      expect(await store.enrolments.revoke(gone?.id ?? '', 'admin:root', new Date('2026-03-13T00:00:00.000Z'))).toBe(false);
      expect(await store.enrolments.revoke('ENR-000000000000', 'admin:root', revokedAt)).toBe(false);
      expect(await store.enrolments.standing('aad:gone')).toEqual({ kind: 'revoked', revokedAt: '2026-03-12T15:45:00.000Z' });
      expect((await store.audit.about(gone?.id ?? '')).map((line) => line.action)).toEqual(['enrolment.enrolled', 'enrolment.revoked']);
    });

    test('a new code enrols a revoked account again, to the new code’s centre', async () => {
      await invite('FIRST');
      await invite('AGAIN', OTHER_CENTRE);
      const first = await store.enrolments.redeem(hash('FIRST'), 'aad:back', 'msteams', now);
      await store.enrolments.revoke(first?.id ?? '', 'admin', new Date(now.getTime() + 1000));
      const again = await store.enrolments.redeem(hash('AGAIN'), 'aad:back', 'msteams', new Date(now.getTime() + 2000));
      expect(again).toEqual({ id: expect.stringMatching(/^ENR-/), userKey: 'aad:back', channelId: 'msteams', ...OTHER_CENTRE, enrolledAt: new Date(now.getTime() + 2000).toISOString() });
      expect(again?.id).not.toBe(first?.id);
      expect(await store.enrolments.standing('aad:back')).toEqual({ kind: 'enrolled', enrolment: again });
      expect(await store.enrolments.find('aad:back')).toEqual(again);
      expect(await store.enrolments.list()).toEqual([again]);
      // The old id stays revoked: revoking it again does not touch the new enrolment.
      expect(await store.enrolments.revoke(first?.id ?? '', 'admin', new Date(now.getTime() + 3000))).toBe(false);
      expect(await store.enrolments.standing('aad:back')).toEqual({ kind: 'enrolled', enrolment: again });
      // Revoked a second time, the account is revoked again, as of the second time.
      expect(await store.enrolments.revoke(again?.id ?? '', 'admin', new Date(now.getTime() + 4000))).toBe(true);
      expect(await store.enrolments.standing('aad:back')).toEqual({ kind: 'revoked', revokedAt: new Date(now.getTime() + 4000).toISOString() });
    });

    test('an enrolment replaced by a newer code cannot be revoked by its old id', async () => {
      await invite('OLD');
      await invite('NEW');
      const old = await store.enrolments.redeem(hash('OLD'), 'aad:moved', 'msteams', now);
      const replacement = await store.enrolments.redeem(hash('NEW'), 'aad:moved', 'msteams', new Date(now.getTime() + 1000));
      expect(await store.enrolments.revoke(old?.id ?? '', 'admin', now)).toBe(false);
      expect(await store.enrolments.standing('aad:moved')).toEqual({ kind: 'enrolled', enrolment: replacement });
    });

    test('a revocation and a new code for the same account at once, from two instances: the account ends one or the other, never neither', async () => {
      const other = await openAnother();
      for (let round = 0; round < 8; round++) {
        const account = `aad:racing-${round}`;
        await invite(`BEFORE-${round}`);
        await invite(`DURING-${round}`, OTHER_CENTRE);
        const before = await store.enrolments.redeem(hash(`BEFORE-${round}`), account, 'msteams', now);
        const [revoked, again] = await Promise.all([
          store.enrolments.revoke(before?.id ?? '', 'admin', now),
          other.enrolments.redeem(hash(`DURING-${round}`), account, 'msteams', new Date(now.getTime() + 1000)),
        ]);
        const standing = await store.enrolments.standing(account);
        const found = await store.enrolments.find(account);
        expect(again).not.toBeNull();
        if (standing.kind === 'enrolled') {
          // The new code came last (or the revocation found the id already replaced): enrolled, to the new centre.
          expect(standing.enrolment).toEqual(again);
          expect(found).toEqual(again);
        } else {
          expect(revoked).toBe(true);
          expect(standing.kind).toBe('revoked');
          expect(found).toBeNull();
        }
      }
    });

    test('an enrolment row changed behind the store: its standing is an error, logged, never « none » (a partner’s)', async () => {
      await invite('DAMAGED');
      const enrolment = await store.enrolments.redeem(hash('DAMAGED'), 'aad:damaged', 'msteams', now);
      await current.runSql(`UPDATE enrolments SET structure_name = '' WHERE id = '${enrolment?.id ?? ''}'`);
      await expect(store.enrolments.standing('aad:damaged')).rejects.toThrow(/standing is unknown/);
      expect(captured.lines().filter((line) => line.msg === 'unreadable row skipped' && line.row === 'enrolled')).toEqual([
        expect.objectContaining({ table: 'enrolments and revoked_accounts', problems: ['structureName: too_small'] }),
      ]);
      expect(await store.enrolments.standing('aad:someone-else')).toEqual({ kind: 'none' });
    });

    test('hostile account keys are values, never SQL: never enrolled, then revoked, each its own (fast-check)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
            fc.constantFrom(`aad:' OR 1=1 --`, `x'); DELETE FROM enrolments; --`, '👩‍👧 compte', '%', '_', 'aad:*', 'NULL', 'é'.repeat(200)),
          ),
          async (key) => {
            expect(await store.enrolments.standing(key)).toEqual({ kind: 'none' });
          },
        ),
        { numRuns: 60 },
      );
      const hostile = `aad:'); DROP TABLE revoked_accounts; --`;
      await invite('HOSTILE');
      await invite('PLAIN');
      const enrolment = await store.enrolments.redeem(hash('HOSTILE'), hostile, 'msteams', now);
      const plain = await store.enrolments.redeem(hash('PLAIN'), 'aad:plain', 'msteams', now);
      expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin', now)).toBe(true);
      expect(await store.enrolments.standing(hostile)).toEqual({ kind: 'revoked', revokedAt: now.toISOString() });
      expect(await store.enrolments.standing('aad:plain')).toEqual({ kind: 'enrolled', enrolment: plain });
    });

    test('wrong codes are counted per account, until cleared', async () => {
      expect(await store.enrolments.failures('aad:guesser')).toBeNull();
      const times = ['2026-03-10T08:00:00.000Z', '2026-03-10T08:00:05.000Z', '2026-03-10T08:00:09.000Z'].map((iso) => new Date(iso));
      const counts = [];
      for (const at of times) counts.push(await store.enrolments.recordFailure('aad:guesser', at));
      expect(counts).toEqual(times.map((at, index) => ({ failures: index + 1, lastFailureAt: at })));
      expect(await store.enrolments.failures('aad:guesser')).toEqual({ failures: 3, lastFailureAt: times[2] });
      expect(await store.enrolments.failures('aad:someone-else')).toBeNull();
      await store.enrolments.clearFailures('aad:guesser');
      expect(await store.enrolments.failures('aad:guesser')).toBeNull();
    });
  });

  describe('rows changed behind the store', () => {
    test('a corrupt report row is skipped by list and get, and logged without its content', async () => {
      const good = (await store.reports.submit(submission())).report;
      await current.insertCorruptReport(777777, 'corrupt-key', CENTRE.structureId);
      expect((await store.reports.list({})).map((report) => report.id)).toEqual([good.id]);
      expect(await store.reports.list({ structureId: CENTRE.structureId })).toHaveLength(1);
      expect(await store.reports.get('RPT-2026-777777')).toBeNull();
      const warnings = captured.lines().filter((line) => line.msg === 'unreadable row skipped' && line.row === 'RPT-2026-777777');
      expect(warnings.length).toBeGreaterThanOrEqual(1);
      // zod stops at the unreadable JSON, before it checks the kind.
      expect(warnings[0]).toMatchObject({ table: 'reports', problems: [expect.stringMatching(/^(partners|kind):/)] });
      expect(JSON.stringify(warnings)).not.toContain('Titre secret');
    });
  });

  describe('migrations', () => {
    test('migration 5 remembers the accounts revoked before it, from the audit trail, unless enrolled again', async () => {
      const atFour = harness();
      try {
        const before = await atFour.open(captured.log, MIGRATIONS.filter((migration) => migration.id <= 4));
        await before.close();
        // What version 4 left: revoked enrolments deleted, their story in the audit trail only.
        const enrolled = (id: string, account: string, at: string) =>
          `INSERT INTO report_audit (at, actor, action, subject, previous) VALUES ('${at}', '${account}', 'enrolment.enrolled', '${id}', NULL)`;
        const revoked = (id: string, at: string) => `INSERT INTO report_audit (at, actor, action, subject, previous) VALUES ('${at}', 'admin:root', 'enrolment.revoked', '${id}', NULL)`;
        const row = (id: string, account: string, at: string) =>
          `INSERT INTO enrolments (id, user_key, channel_id, structure_id, structure_name, commune_code, commune_name, enrolled_at)
           VALUES ('${id}', '${account}', 'msteams', '${CENTRE.structureId}', '${CENTRE.structureName}', '${CENTRE.communeCode}', '${CENTRE.communeName}', '${at}')`;
        for (const statement of [
          // aad:left was enrolled, revoked, enrolled again with a new code, revoked again: revoked, as of the last time.
          enrolled('ENR-AAAAAAAAAAAA', 'aad:left', '2026-01-05T08:00:00.000Z'),
          revoked('ENR-AAAAAAAAAAAA', '2026-02-01T08:00:00.000Z'),
          enrolled('ENR-BBBBBBBBBBBB', 'aad:left', '2026-02-10T08:00:00.000Z'),
          revoked('ENR-BBBBBBBBBBBB', '2026-03-01T09:30:00.000Z'),
          // aad:back was revoked, then enrolled again: enrolled.
          enrolled('ENR-CCCCCCCCCCCC', 'aad:back', '2026-01-05T08:00:00.000Z'),
          revoked('ENR-CCCCCCCCCCCC', '2026-02-01T08:00:00.000Z'),
          enrolled('ENR-DDDDDDDDDDDD', 'aad:back', '2026-02-15T08:00:00.000Z'),
          row('ENR-DDDDDDDDDDDD', 'aad:back', '2026-02-15T08:00:00.000Z'),
          // aad:stays was never revoked.
          enrolled('ENR-EEEEEEEEEEEE', 'aad:stays', '2026-01-05T08:00:00.000Z'),
          row('ENR-EEEEEEEEEEEE', 'aad:stays', '2026-01-05T08:00:00.000Z'),
        ]) {
          await atFour.runSql(statement);
        }

        const after = await atFour.open(captured.log);
        try {
          expect(await atFour.appliedMigrationIds()).toEqual(MIGRATIONS.map((migration) => migration.id));
          expect(await after.enrolments.standing('aad:left')).toEqual({ kind: 'revoked', revokedAt: '2026-03-01T09:30:00.000Z' });
          expect(await after.enrolments.standing('aad:back')).toMatchObject({ kind: 'enrolled', enrolment: { id: 'ENR-DDDDDDDDDDDD' } });
          expect(await after.enrolments.standing('aad:stays')).toMatchObject({ kind: 'enrolled', enrolment: { id: 'ENR-EEEEEEEEEEEE' } });
          expect(await after.enrolments.standing('admin:root')).toEqual({ kind: 'none' });
          expect((await after.enrolments.list()).map((enrolment) => enrolment.id)).toEqual(['ENR-EEEEEEEEEEEE', 'ENR-DDDDDDDDDDDD']);
        } finally {
          await after.close();
        }
      } finally {
        await atFour.dispose();
      }
    });

    test('a database at migration 3 with state in it is migrated and keeps its state', async () => {
      const atThree = harness();
      try {
        const before = await atThree.open(captured.log, MIGRATIONS.filter((migration) => migration.id <= 3));
        await before.state.write([{ key: 'conv/kept', value: { dialogStack: [{ id: 'report', step: 3 }] } }]);
        await before.close();
        expect(await atThree.appliedMigrationIds()).toEqual([1, 2, 3]);

        const after = await atThree.open(captured.log);
        try {
          expect(await atThree.appliedMigrationIds()).toEqual(MIGRATIONS.map((migration) => migration.id));
          expect((await after.state.read(['conv/kept'])).records.get('conv/kept')?.value).toEqual({ dialogStack: [{ id: 'report', step: 3 }] });
          const { created } = await after.reports.submit(submission());
          expect(created).toBe(true);
        } finally {
          await after.close();
        }
      } finally {
        await atThree.dispose();
      }
    });
  });
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  return false;
}

const day = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom(`'"; DROP TABLE reports; --`, '👩‍👧 familles 🏠', 'a\u0000b', 'l’école « ici »', '\\u0000', '%_*', 'é'.repeat(300)),
  );
const label = text(60).filter((value) => value.trim().length > 0 && value.trim().length <= 300);
const count = fc.integer({ min: 0, max: 1_000_000 });

const reportBodyArbitrary: fc.Arbitrary<ReportBody> = fc
  .record({
    planId: label.map((value) => value.slice(0, 100)),
    sheetCode: label.map((value) => value.slice(0, 100)),
    action: fc.option(label, { nil: null }),
    title: label,
    kind: fc.constantFrom(...REPORT_KINDS),
    dates: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    sessions: fc.integer({ min: 1, max: 10_000 }),
    parents: count,
    children: count,
    families: count,
    qpvShare: fc.double({ min: 0, max: 1, noNaN: true }),
    singleShare: fc.double({ min: 0, max: 1, noNaN: true }),
    partners: fc.array(label, { maxLength: 6 }),
    indicators: fc.dictionary(label, fc.double({ min: 0, max: 1_000_000_000, noNaN: true }), { maxKeys: 5, noNullPrototype: true }),
    comment: fc.option(text(400), { nil: null }),
  })
  .map(({ dates, qpvShare, singleShare, ...rest }) => ({
    ...rest,
    startDate: dates[0] ?? '2026-01-01',
    endDate: dates[1] ?? '2026-01-01',
    qpvParents: Math.floor(rest.parents * qpvShare),
    singleParentFamilies: Math.floor(rest.families * singleShare),
  }));
