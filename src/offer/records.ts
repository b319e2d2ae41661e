import { z } from 'zod';
import { webUrl } from '../language/urls';
import { plainText } from '../language/plainText';

/**
 * data·inclusion schema v1 records (gip-inclusion/data-inclusion-schema, schemas/v1/structure.json and service.json),
 * read leniently and field by field: a record is set aside only when it lacks what identifies it (an `id` and a `nom`).
 * Any other field whose value is wrong (a postcode that is not five digits, an e-mail, a web address, a telephone
 * number, an INSEE code, coordinates out of range, a value of the wrong type) is reported with its field and left out:
 * the record is built without it, and what is right in it still reaches parents. Fields the bot does not use, and
 * fields the schema does not know, are ignored; values of its vocabularies that this version does not know (themes,
 * publics) are kept as plain strings.
 */

/**
 * An optional text made plain (HTML tags, character references and control characters out: see plainText.ts), then
 * cut to `max` characters. A value that was nothing but markup is no value. Whitespace is tidied where it is shown,
 * not here: imports are large.
 */
const text = (max: number) =>
  z
    .string('texte attendu')
    .nullish()
    .transform((value) => {
      const plain = value ? plainText(value).trim() : '';
      if (plain.length === 0) return null;
      return plain.length > max ? plain.slice(0, max) : plain;
    });

/** A list of codes, also accepted as one string (some exports flatten one-item lists). */
const codes = z
  .union([z.array(z.string().max(200)).max(500), z.string().max(200)], 'liste de codes attendue')
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : Array.isArray(value) ? value : [value]));

/**
 * A code of `digits` characters, as a string or, from spreadsheets and CSV conversions, a number that lost its leading
 * zeros (1000 for 01000). Spaces inside are dropped ("69 700").
 */
const fixedCode = (pattern: RegExp, message: string) =>
  z
    .union([z.string(), z.number().int().min(0).max(99999)], message)
    .nullish()
    .transform((value, context) => {
      if (value === null || value === undefined) return null;
      const code = typeof value === 'number' ? String(value).padStart(5, '0') : plainText(value).replace(/\s+/g, '').toUpperCase();
      if (code.length === 0) return null;
      if (!pattern.test(code)) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return code;
    });

const postcode = fixedCode(/^\d{5}$/, 'code postal invalide (5 chiffres attendus)');
/** Communes are 5 digits, Corsica's 2A / 2B and 3 digits. */
const inseeCode = fixedCode(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE invalide (5 caractères attendus, par exemple 69091 ou 2A004)');

/** A coordinate as a number or a numeric string (CSV conversions), inside its range. */
const coordinate = (limit: number, name: string) =>
  z
    .union([z.number(), z.string()], `${name} : nombre attendu`)
    .nullish()
    .transform((value, context) => {
      if (value === null || value === undefined) return null;
      const trimmed = typeof value === 'string' ? value.trim().replace(',', '.') : value;
      if (trimmed === '') return null;
      const number = typeof trimmed === 'number' ? trimmed : /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
      if (!Number.isFinite(number) || Math.abs(number) > limit) {
        context.addIssue({ code: 'custom', message: `${name} invalide (nombre entre -${limit} et ${limit} attendu)` });
        return z.NEVER;
      }
      return number;
    });

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** An e-mail address; a `mailto:` written before it is not part of it. */
const email = z
  .string('texte attendu')
  .nullish()
  .transform((value, context) => {
    const plain = value ? plainText(value).trim().replace(/^mailto:/i, '') : '';
    if (plain.length === 0) return null;
    if (plain.length > 254 || !EMAIL.test(plain)) {
      context.addIssue({ code: 'custom', message: 'adresse e-mail invalide' });
      return z.NEVER;
    }
    return plain;
  });

/** Only web links are kept: never javascript: or data: URLs from imported data (the card checks again). */
const webLink = z
  .string('texte attendu')
  .nullish()
  .transform((value, context) => {
    const plain = value ? plainText(value).trim() : '';
    if (plain.length === 0) return null;
    const url = webUrl(plain);
    if (!url) {
      context.addIssue({ code: 'custom', message: 'adresse web invalide (http ou https attendu)' });
      return z.NEVER;
    }
    return url;
  });

/** A label written before the number ("Tél. :") is not part of it. */
const PHONE_LABEL = /^t[ée]l[ée]?(phone)?\s*\.?\s*:?\s*/i;

/**
 * A telephone number as written ("04 65 71 10 01", "+33 4 65 71 10 01", "3919"): digits and the signs people put
 * between them. A French number starting with 0 has 10 digits; an international one (+…) 8 to 15; a short national
 * number (119, 3919, 116 006) 3 to 6. Anything else (words, two numbers in one field, a number cut short) is not a
 * number a parent can call from the card.
 */
function phoneDigitsFit(plain: string): boolean {
  const digits = plain.replace(/\D/g, '');
  if (plain.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (digits.startsWith('0')) return digits.length === 10;
  return digits.length >= 3 && digits.length <= 6;
}

const phone = z
  .union([z.string(), z.number().int().min(0)], 'texte attendu')
  .nullish()
  .transform((value, context) => {
    if (value === null || value === undefined) return null;
    const plain = (typeof value === 'number' ? String(value) : plainText(value)).trim().replace(PHONE_LABEL, '');
    if (plain.length === 0) return null;
    if (!/^\+?[\d\s.\-()/\u00a0]+$/.test(plain) || !phoneDigitsFit(plain)) {
      context.addIssue({ code: 'custom', message: 'numéro de téléphone invalide' });
      return z.NEVER;
    }
    return plain;
  });

/** An identifier: a string, or a number some exports write instead. */
const identifier = z
  .union([z.string(), z.number().int()], 'identifiant absent')
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'identifiant vide').max(300, 'identifiant trop long'));

/** A name is what a parent reads first: plain text on one line, cut rather than refused when very long. */
const name = z
  .string('nom absent')
  .transform((value) => plainText(value).replace(/\s+/g, ' ').trim().slice(0, 300))
  .pipe(z.string().min(1, 'nom vide'));

/** Reads one field of a record with its own schema; a bad value is reported with its field and read as no value. */
type FieldReader = <T>(field: string, schema: z.ZodType<T>) => T | null;

/**
 * Each field's schema is built once: building zod schemas per record made a 100,000-record import four times slower
 * (most of it in schema setup and garbage collection).
 */
const FIELD = {
  text100: text(100),
  text150: text(150),
  text300: text(300),
  text1000: text(1000),
  text2000: text(2000),
  latitude: coordinate(90, 'latitude'),
  longitude: coordinate(180, 'longitude'),
  structureId: identifier.nullish(),
} as const;

function commonFields(read: FieldReader) {
  return {
    source: read('source', FIELD.text100),
    description: read('description', FIELD.text2000),
    commune: read('commune', FIELD.text150),
    code_postal: read('code_postal', postcode),
    code_insee: read('code_insee', inseeCode),
    adresse: read('adresse', FIELD.text300),
    complement_adresse: read('complement_adresse', FIELD.text300),
    latitude: read('latitude', FIELD.latitude),
    longitude: read('longitude', FIELD.longitude),
    telephone: read('telephone', phone),
    courriel: read('courriel', email),
    site_web: read('site_web', webLink),
    horaires_accueil: read('horaires_accueil', FIELD.text1000),
  };
}

function serviceFields(read: FieldReader) {
  return {
    ...commonFields(read),
    // Not essential: a service whose structure is missing or unknown is kept, said to have none.
    structure_id: read('structure_id', FIELD.structureId),
    type: read('type', FIELD.text100),
    types: read('types', codes),
    thematiques: read('thematiques', codes),
    publics: read('publics', codes),
    publics_precisions: read('publics_precisions', FIELD.text1000),
    frais: read('frais', FIELD.text100),
    modes_accueil: read('modes_accueil', codes),
    zone_eligibilite: read('zone_eligibilite', codes),
    lien_mobilisation: read('lien_mobilisation', webLink),
  };
}

export type StructureRecord = { id: string; nom: string } & ReturnType<typeof commonFields>;
export type ServiceRecord = { id: string; nom: string } & ReturnType<typeof serviceFields>;

/** A record that could not be used, or a value of it that was set aside, and why (in French, for the people who load data). */
export const LoadProblemSchema = z.object({
  file: z.string(),
  id: z.string().nullable(),
  /** The field at fault, as the schema names it; absent on problems about a whole file (and in indexes written before fields were named). */
  field: z.string().optional(),
  reason: z.string(),
});
export type LoadProblem = z.infer<typeof LoadProblemSchema>;

/** The record's id when it has a usable one, for the problem report. */
const AnyIdSchema = z.object({ id: z.union([z.string(), z.number()]) });

export function recordId(record: unknown): string | null {
  const parsed = AnyIdSchema.safeParse(record);
  if (!parsed.success) return null;
  const id = String(parsed.data.id).trim().slice(0, 300);
  return id.length > 0 ? id : null;
}

const RecordObjectSchema = z.record(z.string(), z.unknown());

export type ParsedRecord<T> = { record: T | null; problems: LoadProblem[] };

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'valeur invalide';
}

/** A record's id and name, or the problem that sets it aside; then its other fields, read one by one. */
function parseRecord<T>(raw: unknown, file: string, readFields: (read: FieldReader) => T): ParsedRecord<{ id: string; nom: string } & T> {
  const object = RecordObjectSchema.safeParse(raw);
  if (!object.success || Array.isArray(raw)) {
    return { record: null, problems: [{ file, id: null, reason: 'enregistrement écarté : un objet JSON est attendu' }] };
  }
  const values = object.data;
  const id = identifier.safeParse(values.id);
  if (!id.success) {
    return { record: null, problems: [{ file, id: recordId(values), field: 'id', reason: `enregistrement écarté : ${firstMessage(id.error)}` }] };
  }
  const nom = name.safeParse(values.nom);
  if (!nom.success) {
    return { record: null, problems: [{ file, id: id.data, field: 'nom', reason: `enregistrement écarté : ${firstMessage(nom.error)}` }] };
  }
  const problems: LoadProblem[] = [];
  const read: FieldReader = (field, schema) => {
    const parsed = schema.safeParse(values[field]);
    if (parsed.success) return parsed.data ?? null;
    problems.push({ file, id: id.data, field, reason: `${firstMessage(parsed.error)} : valeur ignorée` });
    return null;
  };
  return { record: { id: id.data, nom: nom.data, ...readFields(read) }, problems };
}

export function parseStructureRecord(raw: unknown, file: string): ParsedRecord<StructureRecord> {
  return parseRecord(raw, file, commonFields);
}

export function parseServiceRecord(raw: unknown, file: string): ParsedRecord<ServiceRecord> {
  return parseRecord(raw, file, serviceFields);
}
