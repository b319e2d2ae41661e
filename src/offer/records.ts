import { z } from 'zod';
import { plainText } from '../language/plainText';

/**
 * data·inclusion schema v1 records (gip-inclusion/data-inclusion-schema, schemas/v1/structure.json and service.json),
 * read leniently: fields the bot does not use, and fields the schema does not know, are ignored; values of its
 * vocabularies that this version does not know (themes, publics) are kept as plain strings. What must be right is
 * what identifies a record and what a parent reads.
 */

/**
 * An optional text made plain (HTML tags, character references and control characters out: see plainText.ts), then
 * cut to `max` characters. A value that was nothing but markup is no value. Whitespace is tidied where it is shown,
 * not here: imports are large.
 */
const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => {
      const plain = value ? plainText(value).trim() : '';
      if (plain.length === 0) return null;
      return plain.length > max ? plain.slice(0, max) : plain;
    });

/** A list of codes, also accepted as one string (some exports flatten one-item lists). */
const codes = z
  .union([z.array(z.string().max(200)).max(500), z.string().max(200)])
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : Array.isArray(value) ? value : [value]));

const coordinate = z.number().finite().nullish().transform((value) => value ?? null);

const identifier = z.string().trim().min(1, 'id vide').max(300);

const common = {
  id: identifier,
  nom: z.string().transform((v) => plainText(v).replace(/\s+/g, ' ').trim()).pipe(z.string().min(1, 'nom vide').max(300)),
  source: text(100),
  description: text(2000),
  commune: text(150),
  code_postal: text(10),
  code_insee: text(10),
  adresse: text(300),
  complement_adresse: text(300),
  latitude: coordinate,
  longitude: coordinate,
  telephone: text(60),
  courriel: text(200),
  site_web: text(500),
  horaires_accueil: text(1000),
};

export const StructureRecordSchema = z.object(common);
export type StructureRecord = z.infer<typeof StructureRecordSchema>;

export const ServiceRecordSchema = z.object({
  ...common,
  structure_id: identifier,
  type: text(100),
  types: codes,
  thematiques: codes,
  publics: codes,
  publics_precisions: text(1000),
  frais: text(100),
  modes_accueil: codes,
  zone_eligibilite: codes,
  lien_mobilisation: text(500),
});
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;

/** A record that could not be used, or a value of it that was set aside, and why (in French, for the people who load data). */
export const LoadProblemSchema = z.object({
  file: z.string(),
  id: z.string().nullable(),
  reason: z.string(),
});
export type LoadProblem = z.infer<typeof LoadProblemSchema>;

/** A zod error as one short French sentence naming the fields. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.join('.') || 'enregistrement';
      return `${field} : ${issue.message}`;
    })
    .join(' ; ');
}

/** The record's id when it has a usable one, for the problem report. */
const AnyIdSchema = z.object({ id: z.union([z.string(), z.number()]) });

export function recordId(record: unknown): string | null {
  const parsed = AnyIdSchema.safeParse(record);
  return parsed.success ? String(parsed.data.id).slice(0, 300) : null;
}
