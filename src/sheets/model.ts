import { z } from 'zod';
import { plainText } from '../language/plainText';

/**
 * The one model both sheet layouts (Rhône and Tours, plain text or Markdown) are read into.
 * Texts are kept in the sheet's own words: only bullets, numbering, bold marks and runs of spaces are removed.
 */

/** A plan (schéma, contrat de ville…), from the `plan.json` of the sheet's folder or a parent folder. */
export const PlanSchema = z.object({
  id: z.string().trim().min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-" only'),
  // Titles are shown to users: stripped of markup like every text that comes from data (src/language/plainText.ts).
  title: z.string().transform(plainText).pipe(z.string().trim().min(1)),
  territory: z.string().transform(plainText).pipe(z.string().trim().min(1)).optional(),
  period: z.string().transform(plainText).pipe(z.string().trim().min(1)).optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** What a section is about, whatever the plan calls it; `other` keeps the headings the model does not know. */
export const SHEET_FIELDS = [
  'context',
  'objectives',
  'audience',
  'pilot',
  'partners',
  'funding',
  'actions',
  'deadlines',
  'results',
  'links',
  'other',
] as const;
export const SheetFieldSchema = z.enum(SHEET_FIELDS);
export type SheetField = z.infer<typeof SheetFieldSchema>;

/** One line of a section (a bullet, a numbered item with its continuation lines, or a paragraph). */
export const SheetItemSchema = z.object({
  text: z.string().min(1),
  /** The sheet's own numbering ("1", "2"…), when the item had one. */
  number: z.string().optional(),
  /** 1 for a sub-item written under a group head ("**Développement…**" then indented "- Nombre de…"). */
  level: z.literal([0, 1]),
});
export type SheetItem = z.infer<typeof SheetItemSchema>;

export const SheetSectionSchema = z.object({
  /** The heading as written ("PILOTAGE / COORDINATION", "Animateur"); empty for text before the first heading. */
  heading: z.string(),
  field: SheetFieldSchema,
  /**
   * Set for "ACTION 2"-style headings (field `actions`), and for the labelled parts of such an action ("Pilote : …",
   * "Échéance : …" under "Action 2"), which keep their own field.
   */
  actionNumber: z.number().int().positive().optional(),
  items: z.array(SheetItemSchema),
  /**
   * Not written as a section by the sheet: gathered from its other sections (the deadlines its actions state, « Action
   * 7.1 – … Échéance : fin 2024 », when it has no deadlines section). Its heading is empty: the field's name is shown.
   */
  derived: z.literal(true).optional(),
});
export type SheetSection = z.infer<typeof SheetSectionSchema>;

/** A numbered action: an "ACTION n" section, or the n-th item of "Réalisations attendues". */
export const SheetActionSchema = z.object({
  number: z.number().int().positive(),
  /** Title written after the number on the heading line ("ACTION 1 - Former…"), if any. */
  title: z.string().optional(),
  items: z.array(z.string().min(1)).min(1),
});
export type SheetAction = z.infer<typeof SheetActionSchema>;

/** One deadline line; `actions` is empty when it applies to the whole sheet. */
export const SheetDeadlineSchema = z.object({
  text: z.string().min(1),
  actions: z.array(z.number().int().positive()),
  years: z.array(z.number().int()),
});
export type SheetDeadline = z.infer<typeof SheetDeadlineSchema>;

/** One step of the plan's tree above the sheet: "2 - RENDRE L'OFFRE…", "2.3 - Favoriser…", or "Pilier 1". */
export const AxisStepSchema = z.object({
  /** "Pilier", "Axe"… when the plan names its levels. */
  kind: z.string().optional(),
  /** "2.3", "B"; a level named but not numbered ("Pilier Cohésion sociale") keeps its name here. */
  number: z.string().min(1),
  title: z.string().optional(),
});
export type AxisStep = z.infer<typeof AxisStepSchema>;

export const SheetSchema = z.object({
  /** Identity: plan id + number, since two plans may both have a "PA 2.3.2". */
  id: z.string().min(1),
  plan: PlanSchema,
  /** Path of the file, relative to the sheets directory. */
  file: z.string().min(1),
  /** "PA", "FICHE"… as written, upper case. */
  prefix: z.string().min(1),
  /** "3.2.1", "7", or "B2" for plans that number their sheets under a lettered theme (layout/codes.ts). */
  number: z.string().regex(/^(?:[A-Z]{1,2}[.-]?)?\d{1,3}(?:\.\d{1,3})*$/),
  /** "PA 3.2.1". */
  code: z.string().min(1),
  /** "version 2017", from "FICHE 1.2.5 (version 2017)". */
  version: z.string().optional(),
  title: z.string().min(1),
  axis: z.array(AxisStepSchema),
  /** Every section in the order of the file, known or not. */
  sections: z.array(SheetSectionSchema),
  actions: z.array(SheetActionSchema),
  deadlines: z.array(SheetDeadlineSchema),
});
export type Sheet = z.infer<typeof SheetSchema>;

export const LoadProblemSchema = z.object({
  file: z.string(),
  reason: z.string(),
});
export type LoadProblem = z.infer<typeof LoadProblemSchema>;

export interface SheetKnowledge {
  sheets: Sheet[];
  plans: Plan[];
  problems: LoadProblem[];
}

export function sheetIdentity(planId: string, number: string): string {
  return `${planId}/${number}`;
}

/** The sections of one field, in the order of the sheet. */
export function sectionsOf(sheet: Sheet, field: SheetField): SheetSection[] {
  return sheet.sections.filter((section) => section.field === field);
}
