import { z } from 'zod';

/**
 * An action report: what a centre social or EVS tells the bot it ran (DOMAIN.md « The action report»). It holds
 * counts, never the names of families. The export's fields (INTERFACES.md « Report export ») are these, by name.
 */

/** The kinds of action centres report (SENACS, the Caf's REAAP / FNP reviews, the LAEP surveys). */
export const REPORT_KINDS = [
  'groupe-de-parole',
  'cafe-des-parents',
  'atelier-parents-enfants',
  'conference-debat',
  'accueil-individuel',
  'sortie-familiale',
  'laep',
  'mediation-familiale',
  'formation',
  'autre',
] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** A calendar day in Paris, as `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const count = z.number().int().min(0).max(1_000_000);
const label = z.string().trim().min(1).max(300);

/**
 * Where a centre's report comes from: the structure of the offer the person reporting is enrolled for. Kept with
 * each report (name and commune as they were), so figures by centre and commune need no offer at query time.
 */
export const CentreSchema = z.object({
  structureId: z.string().trim().min(1).max(200),
  structureName: z.string().trim().min(1).max(300),
  communeCode: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/).nullable(),
  communeName: z.string().trim().min(1).max(200).nullable(),
});
export type Centre = z.infer<typeof CentreSchema>;

/** What the person reporting says about one action: every field of the report form, checked together. */
export const ReportBodySchema = z
  .object({
    planId: z.string().trim().min(1).max(100),
    /** « PA 2.3.2 », as the sheet writes its code. */
    sheetCode: z.string().trim().min(1).max(100),
    /** Which of the sheet's actions, as the sheet names it (« Action 2 — … »); null when the sheet lists none. */
    action: label.nullable(),
    title: label,
    kind: ReportKindSchema,
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    sessions: z.number().int().min(1).max(10_000),
    parents: count,
    children: count,
    families: count,
    qpvParents: count,
    singleParentFamilies: count,
    partners: z.array(label).max(50),
    /** The sheet's own indicators this action feeds: label as the sheet writes it → value. */
    indicators: z.record(label, z.number().finite().min(0).max(1_000_000_000)),
    comment: z.string().trim().max(2000).nullable(),
  })
  .refine((body) => body.endDate >= body.startDate, { path: ['endDate'], message: 'end before start' })
  .refine((body) => body.qpvParents <= body.parents, { path: ['qpvParents'], message: 'more QPV parents than parents' })
  .refine((body) => body.singleParentFamilies <= body.families, { path: ['singleParentFamilies'], message: 'more single-parent families than families' });
export type ReportBody = z.infer<typeof ReportBodySchema>;

/** « RPT-2026-000123 »: the year it was submitted, then a number the database gives, unique across instances. */
export const ReportReferenceSchema = z.string().regex(/^RPT-\d{4}-\d{6,}$/);

/** A report as stored and exported (INTERFACES.md): the body, its centre, who sent it and when. */
export const ReportSchema = z.object({
  id: ReportReferenceSchema,
  ...CentreSchema.shape,
  ...ReportBodySchema.shape,
  /** ISO 8601 instant (UTC). */
  submittedAt: z.string().datetime(),
  /** The reporting account (see EnrolmentSchema.userKey), never a name. */
  submittedBy: z.string().min(1).max(300),
  channelId: z.string().min(1).max(100),
  /** 1 when submitted; each correction by its author adds one, the previous version going to the audit trail. */
  version: z.number().int().min(1),
  updatedAt: z.string().datetime(),
});
export type Report = z.infer<typeof ReportSchema>;

/** A report to store: `submissionKey` makes a retried activity, a double click or a second instance store it once. */
export interface ReportSubmission {
  submissionKey: string;
  centre: Centre;
  body: ReportBody;
  submittedBy: string;
  channelId: string;
  submittedAt: Date;
}

/** Which reports to read; every criterion is optional, dates bound the action's start date (inclusive). */
export const ReportFilterSchema = z.object({
  planId: z.string().min(1).max(100).optional(),
  sheetCode: z.string().min(1).max(100).optional(),
  action: z.string().min(1).max(300).optional(),
  structureId: z.string().min(1).max(200).optional(),
  communeCode: z.string().min(1).max(10).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  submittedBy: z.string().min(1).max(300).optional(),
});
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

/**
 * Who may report for which centre. `userKey` is the account: `aad:<aadObjectId>` in Teams (the same person in every
 * chat and team), `<channelId>:<from.id>` elsewhere.
 */
export const EnrolmentSchema = z.object({
  id: z.string().min(1).max(100),
  userKey: z.string().min(1).max(300),
  channelId: z.string().min(1).max(100),
  ...CentreSchema.shape,
  enrolledAt: z.string().datetime(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

/**
 * Where an account stands with the centres: enrolled (to one centre), revoked (an administrator took its enrolment
 * away and it has not enrolled again since), or none (never enrolled). Revoked is not none: a Teams account that was
 * never enrolled is a partner's and sees every centre's figures, a revoked one sees none (src/server/reportsApi.ts).
 */
export const EnrolmentStandingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enrolled'), enrolment: EnrolmentSchema }),
  z.object({ kind: z.literal('revoked'), revokedAt: z.string().datetime() }),
  z.object({ kind: z.literal('none') }),
]);
export type EnrolmentStanding = z.infer<typeof EnrolmentStandingSchema>;

/** A one-time enrolment code as stored: only its hash, never the code. */
export interface InviteToStore {
  codeHash: string;
  centre: Centre;
  createdAt: Date;
  expiresAt: Date;
}

/** One line of the audit trail: who did what to which report or enrolment, with the previous version when changed. */
export const AuditEntrySchema = z.object({
  at: z.string().datetime(),
  actor: z.string().min(1).max(300),
  action: z.enum(['report.submitted', 'report.corrected', 'enrolment.invited', 'enrolment.enrolled', 'enrolment.revoked']),
  subject: z.string().min(1).max(300),
  /** The report as it was before a correction; null otherwise. */
  previous: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A report form left half filled in, kept per account (so « reprendre ma déclaration » works days later). */
export interface StoredDraft {
  userKey: string;
  /** The form's state as JSON; parsed by the report journey, which owns its shape. */
  body: unknown;
  updatedAt: Date;
}
