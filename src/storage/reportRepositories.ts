import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from '../log/logger';
import type { AuditEntry, Centre, Enrolment, EnrolmentStanding, InviteToStore, Report, ReportBody, ReportFilter, ReportSubmission, StoredDraft } from '../reports/model';
import { codesWithinCommune } from '../geo/communeCodes';
import { UnstorableReportError } from './errors';
import {
  AuditRowSchema,
  checkStorable,
  columnOf,
  decodeRows,
  DraftRowSchema,
  ENROLMENT_COLUMNS,
  EnrolmentRowSchema,
  FailuresRowSchema,
  findUnstorableText,
  InviteCentreRowSchema,
  parseReference,
  REPORT_COLUMNS,
  referenceOfRow,
  ReportRowSchema,
  RevokedEnrolmentRowSchema,
  StandingRowSchema,
} from './reportRows';
import type { ReportTables } from './reportTables';
import type { AuditRepository, DraftRepository, EnrolmentRepository, ReportRepository } from './store';
import { query, type Work, type WorkRunner } from './unitOfWork';

/**
 * The report, draft, enrolment and audit repositories, written once for SQLite and PostgreSQL: `db` builds the
 * queries (its dialect decides their SQL), `runner` runs them, each unit of work in one transaction (unitOfWork.ts).
 */
export interface ReportRepositories {
  reports: ReportRepository;
  drafts: DraftRepository;
  enrolments: EnrolmentRepository;
  audit: AuditRepository;
}

export function createReportRepositories(db: Kysely<ReportTables>, runner: WorkRunner, log: Logger): ReportRepositories {
  const audit = new AuditTrail(db, log);
  return {
    reports: new KyselyReportRepository(db, runner, audit, log),
    drafts: new KyselyDraftRepository(db, runner, log),
    enrolments: new KyselyEnrolmentRepository(db, runner, audit, log),
    audit: { about: (subject) => runner.single(() => audit.about(subject)) },
  };
}

const PARIS_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' });

/** The year of a reference: the year in Paris when the report was submitted (31 December 23:30 UTC is next year). */
export function referenceYear(submittedAt: Date): number {
  return Number(PARIS_YEAR.format(submittedAt));
}

/** Who writes the invites (the `npm run admin` command): the store is not told a name. */
const INVITE_ACTOR = 'admin';

class AuditTrail {
  constructor(
    private readonly db: Kysely<ReportTables>,
    private readonly log: Logger,
  ) {}

  *write(entry: { at: Date; actor: string; action: AuditEntry['action']; subject: string; previous?: unknown }): Work<void> {
    yield* query(
      this.db.insertInto('report_audit').values({
        at: entry.at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        previous: entry.previous === undefined ? null : JSON.stringify(entry.previous),
      }),
    );
  }

  *about(subject: string): Work<AuditEntry[]> {
    const { rows } = yield* query(
      this.db.selectFrom('report_audit').select(['id', 'at', 'actor', 'action', 'subject', 'previous']).where('subject', '=', subject).orderBy('id'),
    );
    return decodeRows(rows, AuditRowSchema, 'report_audit', this.log, columnOf('id'));
  }
}

class KyselyReportRepository implements ReportRepository {
  constructor(
    private readonly db: Kysely<ReportTables>,
    private readonly runner: WorkRunner,
    private readonly audit: AuditTrail,
    private readonly log: Logger,
  ) {}

  submit(submission: ReportSubmission): Promise<{ report: Report; created: boolean }> {
    try {
      const { centre, body } = checkStorable(submission.centre, submission.body);
      const problems: string[] = [];
      findUnstorableText({ submissionKey: submission.submissionKey, submittedBy: submission.submittedBy, channelId: submission.channelId }, '', problems);
      if (problems.length > 0) throw new UnstorableReportError(problems);
      if (centre === undefined || Number.isNaN(submission.submittedAt.getTime())) throw new UnstorableReportError(['submittedAt: not a date']);
      return this.runner.transaction(() => this.submitWork({ ...submission, centre, body }));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Exactly once: of two transactions inserting the same key, PostgreSQL makes the second wait on the unique index
   * until the first commits, then DO NOTHING; the read by key that follows sees the committed row. The reference is
   * made from the row's id, so it is unique across instances with no second write. A new row comes back from the
   * INSERT itself (RETURNING): one round trip fewer on PostgreSQL than reading it again.
   */
  private *submitWork(submission: ReportSubmission): Work<{ report: Report; created: boolean }> {
    const at = submission.submittedAt.toISOString();
    const inserted = yield* query(
      this.db
        .insertInto('reports')
        .values({
          reference_year: referenceYear(submission.submittedAt),
          submission_key: submission.submissionKey,
          ...centreValues(submission.centre),
          ...bodyValues(submission.body),
          submitted_at: at,
          submitted_by: submission.submittedBy,
          channel_id: submission.channelId,
          version: 1,
          updated_at: at,
        })
        .onConflict((conflict) => conflict.column('submission_key').doNothing())
        .returning(REPORT_COLUMNS),
    );
    const created = inserted.rows.length > 0;
    const rows = created ? inserted.rows : (yield* query(this.db.selectFrom('reports').select(REPORT_COLUMNS).where('submission_key', '=', submission.submissionKey))).rows;
    const [report] = this.decode(rows);
    // Only a row changed behind the store's back (by hand, by another program) can fail here; a new one rolls back.
    if (report === undefined) throw new Error('The report stored under this submission key cannot be read back');
    if (created) yield* this.audit.write({ at: submission.submittedAt, actor: submission.submittedBy, action: 'report.submitted', subject: report.id });
    return { report, created };
  }

  correct(reference: string, body: ReportBody, by: string, at: Date): Promise<Report | null> {
    try {
      const checked = checkStorable(undefined, body).body;
      return this.runner.transaction(() => this.correctWork(reference, checked, by, at));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The first statement writes the row without changing it, which takes its lock on PostgreSQL: a correction racing
   * another (two instances) waits for it, then reads the version it left, so each version reaches the audit trail
   * once. (SQLite's IMMEDIATE transaction already holds the whole file.) One statement for both, where
   * SELECT … FOR UPDATE would be PostgreSQL's alone.
   */
  private *correctWork(reference: string, body: ReportBody, by: string, at: Date): Work<Report | null> {
    const row = parseReference(reference);
    if (row === null) return null;
    const locked = yield* query(
      this.db
        .updateTable('reports')
        .set((update) => ({ version: update.ref('version') }))
        .where('id', '=', row.id)
        .where('reference_year', '=', row.year),
    );
    if (locked.affected === 0) return null;
    const previous = yield* this.read(reference);
    if (previous === null || previous.submittedBy !== by) return null;
    yield* query(
      this.db
        .updateTable('reports')
        .set({ ...bodyValues(body), version: previous.version + 1, updated_at: at.toISOString() })
        .where('id', '=', row.id),
    );
    yield* this.audit.write({ at, actor: by, action: 'report.corrected', subject: reference, previous });
    return yield* this.read(reference);
  }

  get(reference: string): Promise<Report | null> {
    return this.runner.single(() => this.read(reference));
  }

  private *read(reference: string): Work<Report | null> {
    const row = parseReference(reference);
    if (row === null) return null;
    const { rows } = yield* query(
      this.db.selectFrom('reports').select(REPORT_COLUMNS).where('id', '=', row.id).where('reference_year', '=', row.year),
    );
    return this.decode(rows)[0] ?? null;
  }

  list(filter: ReportFilter): Promise<Report[]> {
    return this.runner.single(() => this.listWork(filter));
  }

  private *listWork(filter: ReportFilter): Work<Report[]> {
    let select = this.db.selectFrom('reports').select(REPORT_COLUMNS);
    if (filter.planId !== undefined) select = select.where('plan_id', '=', filter.planId);
    if (filter.sheetCode !== undefined) select = select.where('sheet_code', '=', filter.sheetCode);
    if (filter.action !== undefined) {
      // Reports keep the action as the sheet names it (« Action 2 — Former… »): « Action 2 », « action 2 » or « 2 »
      // asks for the same one.
      const asked = filter.action;
      const number = /^\s*(?:action\s*(?:n[°o]\s*)?)?(\d{1,3})\b/i.exec(asked)?.[1];
      select = select.where((eb) => (number ? eb.or([eb('action', '=', asked), eb('action', 'like', `Action ${number} —%`), eb('action', '=', `Action ${number}`)]) : eb('action', '=', asked)));
    }
    if (filter.structureId !== undefined) select = select.where('structure_id', '=', filter.structureId);
    // « Lyon » covers its arrondissements, where centres stand (src/geo/communeCodes).
    if (filter.communeCode !== undefined) select = select.where('commune_code', 'in', codesWithinCommune(filter.communeCode));
    if (filter.from !== undefined) select = select.where('start_date', '>=', filter.from);
    if (filter.to !== undefined) select = select.where('start_date', '<=', filter.to);
    if (filter.submittedBy !== undefined) select = select.where('submitted_by', '=', filter.submittedBy);
    const { rows } = yield* query(select.orderBy('start_date').orderBy('id'));
    return this.decode(rows);
  }

  private decode(rows: readonly unknown[]): Report[] {
    return decodeRows(rows, ReportRowSchema, 'reports', this.log, referenceOfRow);
  }
}

function centreValues(centre: Centre) {
  return { structure_id: centre.structureId, structure_name: centre.structureName, commune_code: centre.communeCode, commune_name: centre.communeName };
}

function bodyValues(body: ReportBody) {
  return {
    plan_id: body.planId,
    sheet_code: body.sheetCode,
    action: body.action,
    title: body.title,
    kind: body.kind,
    start_date: body.startDate,
    end_date: body.endDate,
    sessions: body.sessions,
    parents: body.parents,
    children: body.children,
    families: body.families,
    qpv_parents: body.qpvParents,
    single_parent_families: body.singleParentFamilies,
    partners: JSON.stringify(body.partners),
    indicators: JSON.stringify(body.indicators),
    comment: body.comment,
  };
}

class KyselyDraftRepository implements DraftRepository {
  constructor(
    private readonly db: Kysely<ReportTables>,
    private readonly runner: WorkRunner,
    private readonly log: Logger,
  ) {}

  get(userKey: string): Promise<StoredDraft | null> {
    return this.runner.single(() => this.getWork(userKey));
  }

  private *getWork(userKey: string): Work<StoredDraft | null> {
    const { rows } = yield* query(this.db.selectFrom('report_drafts').select(['user_key', 'body', 'updated_at']).where('user_key', '=', userKey));
    return decodeRows(rows, DraftRowSchema, 'report_drafts', this.log, columnOf('user_key'))[0] ?? null;
  }

  save(userKey: string, body: unknown, at: Date): Promise<void> {
    // JSON text keeps NUL and lone surrogates as escapes, so a draft holds whatever the person typed.
    const json = JSON.stringify(body);
    if (json === undefined) return Promise.reject(new TypeError('A draft must be a JSON value'));
    return this.runner.single(() => this.saveWork(userKey, json, at.toISOString()));
  }

  private *saveWork(userKey: string, json: string, updatedAt: string): Work<void> {
    yield* query(
      this.db
        .insertInto('report_drafts')
        .values({ user_key: userKey, body: json, updated_at: updatedAt })
        .onConflict((conflict) => conflict.column('user_key').doUpdateSet({ body: json, updated_at: updatedAt })),
    );
  }

  delete(userKey: string): Promise<void> {
    return this.runner.single(() => this.deleteWork(userKey));
  }

  private *deleteWork(userKey: string): Work<void> {
    yield* query(this.db.deleteFrom('report_drafts').where('user_key', '=', userKey));
  }

  purgeOlderThan(date: Date): Promise<number> {
    return this.runner.single(() => this.purgeWork(date.toISOString()));
  }

  private *purgeWork(before: string): Work<number> {
    return (yield* query(this.db.deleteFrom('report_drafts').where('updated_at', '<', before))).affected;
  }
}

class KyselyEnrolmentRepository implements EnrolmentRepository {
  constructor(
    private readonly db: Kysely<ReportTables>,
    private readonly runner: WorkRunner,
    private readonly audit: AuditTrail,
    private readonly log: Logger,
  ) {}

  createInvite(invite: InviteToStore): Promise<void> {
    return this.runner.transaction(() => this.createInviteWork(invite));
  }

  private *createInviteWork(invite: InviteToStore): Work<void> {
    yield* query(
      this.db.insertInto('enrolment_invites').values({
        code_hash: invite.codeHash,
        ...centreValues(invite.centre),
        created_at: invite.createdAt.toISOString(),
        expires_at: invite.expiresAt.toISOString(),
        used_at: null,
        used_by: null,
      }),
    );
    yield* this.audit.write({ at: invite.createdAt, actor: INVITE_ACTOR, action: 'enrolment.invited', subject: invite.centre.structureId });
  }

  redeem(codeHash: string, userKey: string, channelId: string, at: Date): Promise<Enrolment | null> {
    return this.runner.transaction(() => this.redeemWork(codeHash, userKey, channelId, at));
  }

  /**
   * Single use under concurrency: the UPDATE's WHERE is re-checked by PostgreSQL once a concurrent redeemer of the
   * same code commits, so the second finds it used and changes nothing. The account's previous enrolment, if any,
   * is replaced by the upsert on user_key (a delete then insert could collide with a concurrent redeem of the same
   * account on the unique index). A revocation of the account is cleared in the same transaction: enrolled again, it
   * is no longer revoked.
   */
  private *redeemWork(codeHash: string, userKey: string, channelId: string, at: Date): Work<Enrolment | null> {
    const usedAt = at.toISOString();
    const used = yield* query(
      this.db
        .updateTable('enrolment_invites')
        .set({ used_at: usedAt, used_by: userKey })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', usedAt)
        .returning(['structure_id', 'structure_name', 'commune_code', 'commune_name']),
    );
    const [centre] = decodeRows(used.rows, InviteCentreRowSchema, 'enrolment_invites', this.log, () => '(the invite being used)');
    if (centre === undefined) return null;
    const id = newEnrolmentId();
    const replacement = { id, channel_id: channelId, ...centreValues(centre), enrolled_at: usedAt };
    const { rows } = yield* query(
      this.db
        .insertInto('enrolments')
        .values({ ...replacement, user_key: userKey })
        .onConflict((conflict) => conflict.column('user_key').doUpdateSet(replacement))
        .returning(ENROLMENT_COLUMNS),
    );
    yield* query(this.db.deleteFrom('revoked_accounts').where('user_key', '=', userKey));
    yield* this.audit.write({ at, actor: userKey, action: 'enrolment.enrolled', subject: id });
    return decodeRows(rows, EnrolmentRowSchema, 'enrolments', this.log, columnOf('id'))[0] ?? null;
  }

  find(userKey: string): Promise<Enrolment | null> {
    return this.runner.single(() => this.findWork(userKey));
  }

  private *findWork(userKey: string): Work<Enrolment | null> {
    const { rows } = yield* query(this.db.selectFrom('enrolments').select(ENROLMENT_COLUMNS).where('user_key', '=', userKey));
    return decodeRows(rows, EnrolmentRowSchema, 'enrolments', this.log, columnOf('id'))[0] ?? null;
  }

  standing(userKey: string): Promise<EnrolmentStanding> {
    return this.runner.single(() => this.standingWork(userKey));
  }

  /**
   * Both tables in one statement, so one snapshot (PostgreSQL's READ COMMITTED takes one per statement): read apart,
   * a new code redeemed between the two reads could make a revoked account look never enrolled. An account is in
   * one table at most; should it be in both (a hand edit), revoked wins: the figures fail closed. So does a row that
   * does not parse: taken for « none », a revoked or enrolled account would pass for a partner and see every centre's.
   */
  private *standingWork(userKey: string): Work<EnrolmentStanding> {
    const none = sql<null>`NULL`;
    const enrolled = this.db
      .selectFrom('enrolments')
      .select([
        sql<string>`'enrolled'`.as('standing'),
        'id',
        'user_key',
        'channel_id',
        'structure_id',
        'structure_name',
        'commune_code',
        'commune_name',
        'enrolled_at',
        none.as('revoked_at'),
      ])
      .where('user_key', '=', userKey);
    const revoked = this.db
      .selectFrom('revoked_accounts')
      .select([
        sql<string>`'revoked'`.as('standing'),
        none.as('id'),
        'user_key',
        none.as('channel_id'),
        none.as('structure_id'),
        none.as('structure_name'),
        none.as('commune_code'),
        none.as('commune_name'),
        none.as('enrolled_at'),
        'revoked_at',
      ])
      .where('user_key', '=', userKey);
    // Each branch fills the other's columns with NULL; Kysely is told the union's shape, the rows are parsed anyway.
    const { rows } = yield* query(enrolled.$castTo<StandingColumns>().unionAll(revoked.$castTo<StandingColumns>()));
    const found = decodeRows(rows, StandingRowSchema, 'enrolments and revoked_accounts', this.log, columnOf('standing'));
    if (found.length < rows.length) throw new Error('A row of this account’s enrolment cannot be read back: its standing is unknown');
    return found.find((standing) => standing.kind === 'revoked') ?? found[0] ?? { kind: 'none' };
  }

  list(): Promise<Enrolment[]> {
    return this.runner.single(() => this.listWork());
  }

  private *listWork(): Work<Enrolment[]> {
    const { rows } = yield* query(this.db.selectFrom('enrolments').select(ENROLMENT_COLUMNS).orderBy('enrolled_at').orderBy('id'));
    return decodeRows(rows, EnrolmentRowSchema, 'enrolments', this.log, columnOf('id'));
  }

  revoke(id: string, by: string, at: Date): Promise<boolean> {
    return this.runner.transaction(() => this.revokeWork(id, by, at));
  }

  /**
   * The enrolment leaves `enrolments` (so `find`, `list` and the report journey no longer see it) and its account is
   * remembered in `revoked_accounts`, with the audit line, in one transaction: never gone from one without being in
   * the other. An id already revoked, or replaced by a newer code, is no longer in `enrolments`: false.
   */
  private *revokeWork(id: string, by: string, at: Date): Work<boolean> {
    const { rows } = yield* query(this.db.deleteFrom('enrolments').where('id', '=', id).returning(['user_key']));
    if (rows.length === 0) return false;
    // Throws on a row that does not parse (only a hand edit could make one): the transaction then deletes nothing.
    const { userKey } = RevokedEnrolmentRowSchema.parse(rows[0]);
    const revokedAt = at.toISOString();
    yield* query(
      this.db
        .insertInto('revoked_accounts')
        .values({ user_key: userKey, revoked_at: revokedAt })
        .onConflict((conflict) => conflict.column('user_key').doUpdateSet({ revoked_at: revokedAt })),
    );
    yield* this.audit.write({ at, actor: by, action: 'enrolment.revoked', subject: id });
    return true;
  }

  recordFailure(userKey: string, at: Date): Promise<{ failures: number; lastFailureAt: Date }> {
    return this.runner.single(() => this.recordFailureWork(userKey, at.toISOString()));
  }

  private *recordFailureWork(userKey: string, lastFailureAt: string): Work<{ failures: number; lastFailureAt: Date }> {
    const { rows } = yield* query(
      this.db
        .insertInto('enrolment_failures')
        .values({ user_key: userKey, failures: 1, last_failure_at: lastFailureAt })
        .onConflict((conflict) =>
          conflict.column('user_key').doUpdateSet((update) => ({ failures: update.eb('enrolment_failures.failures', '+', 1), last_failure_at: lastFailureAt })),
        )
        .returning(['failures', 'last_failure_at']),
    );
    return FailuresRowSchema.parse(rows[0]);
  }

  failures(userKey: string): Promise<{ failures: number; lastFailureAt: Date } | null> {
    return this.runner.single(() => this.failuresWork(userKey));
  }

  private *failuresWork(userKey: string): Work<{ failures: number; lastFailureAt: Date } | null> {
    const { rows } = yield* query(this.db.selectFrom('enrolment_failures').select(['user_key', 'failures', 'last_failure_at']).where('user_key', '=', userKey));
    return decodeRows(rows, FailuresRowSchema, 'enrolment_failures', this.log, columnOf('user_key'))[0] ?? null;
  }

  clearFailures(userKey: string): Promise<void> {
    return this.runner.single(() => this.clearFailuresWork(userKey));
  }

  private *clearFailuresWork(userKey: string): Work<void> {
    yield* query(this.db.deleteFrom('enrolment_failures').where('user_key', '=', userKey));
  }
}

/** The columns of the standing query's two branches: each is NULL in the branch that does not have it. */
type StandingColumns = Record<'standing' | 'id' | 'user_key' | 'channel_id' | 'structure_id' | 'structure_name' | 'commune_code' | 'commune_name' | 'enrolled_at' | 'revoked_at', string | null>;

/** `ENR-` and 12 random hex digits: an id an administrator can type to revoke, that no one can guess. */
function newEnrolmentId(): string {
  return `ENR-${randomBytes(6).toString('hex').toUpperCase()}`;
}
