import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LoadProblemSchema, type LoadProblem } from './records';
import type { OfferService } from './service';
import type { SpatialDumps } from './offerIndex';
import { TextIndex } from './textIndex';
import { AUDIENCE_IDS, KIND_IDS, type AudienceId, type KindId } from './vocabulary';

/**
 * The prebuilt offer that `npm run import` writes beside the export (KNOWLEDGE_DIR/offer/offer-index.json, and its
 * free-text index in offer-index.text.json), so that a start with a whole region or the country loads in well under a
 * second: the entries are stored already joined, placed and classified, column by column, their texts in one table of
 * distinct strings (a structure's name, address and hours are shared by all its services), with the spatial indexes'
 * own buffers. The free-text index is read on the first free-text search, the descriptions' openings when a card
 * first shows one (offer-index.summaries.json).
 */

export const PREBUILT_FILE = 'offer-index.json';
export const PREBUILT_TEXT_FILE = 'offer-index.text.json';
export const PREBUILT_SUMMARIES_FILE = 'offer-index.summaries.json';
const FORMAT = 2;
/** Problems kept in the prebuilt file; the import prints them all. */
const MAX_PROBLEMS_KEPT = 2000;

const LOCATED = ['service', 'structure', 'commune', 'none'] as const;
const HOURS_FROM = [null, 'service', 'structure'] as const;

/** A column checked in one pass by a predicate: zod per element would cost more than the whole load. */
const column = <T>(check: (value: unknown) => boolean) =>
  z.custom<T[]>((value) => Array.isArray(value) && value.every(check), { message: 'colonne invalide' });
const isText = (v: unknown) => typeof v === 'string';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown) => v === null || isNumber(v);

/** Text columns hold indexes into the string table; -1 is "none". */
type TextColumn = 'id' | 'structureId' | 'name' | 'structureName' | 'address' | 'postcode' | 'communeCode' | 'communeName' | 'region'
  | 'phone' | 'email' | 'website' | 'hours' | 'zone';

const isIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= -1;
const textColumn = () => column<number>(isIndex);
const numberColumn = () => column<number | null>(isNumberOrNull);
const ColumnsSchema = z.object({
  id: textColumn(),
  structureId: textColumn(),
  name: textColumn(),
  structureName: textColumn(),
  address: textColumn(),
  postcode: textColumn(),
  communeCode: textColumn(),
  communeName: textColumn(),
  region: textColumn(),
  phone: textColumn(),
  email: textColumn(),
  website: textColumn(),
  hours: textColumn(),
  zone: textColumn(),
  latitude: numberColumn(),
  longitude: numberColumn(),
  ageMin: numberColumn(),
  ageMax: numberColumn(),
  /** Bits: kinds (in KIND_IDS order), audiences (in AUDIENCE_IDS order), then located, hoursFrom, flags, free. */
  kinds: column<number>(isNumber),
  audiences: column<number>(isNumber),
  codes: column<number>(isNumber),
});
type Columns = z.infer<typeof ColumnsSchema>;

const SpatialSchema = z.record(z.string(), z.object({ ids: z.string(), tree: z.string() }));

const PrebuiltSchema = z.object({
  format: z.literal(FORMAT),
  builtAt: z.string(),
  source: z.string(),
  count: z.number().int().min(0),
  problemCount: z.number().int().min(0),
  problems: z.array(LoadProblemSchema),
  strings: column<string>(isText),
  /** Communes' codes, latitudes, longitudes: the middle of the offer's points in each. */
  centroids: z.object({ code: column<string>(isText), latitude: column<number>(isNumber), longitude: column<number>(isNumber) }),
  columns: ColumnsSchema,
  spatial: SpatialSchema,
});

const SummariesSchema = z.object({ format: z.literal(FORMAT), summaries: column<string | null>(isTextOrNull) });

const TextSchema = z.object({
  format: z.literal(FORMAT),
  parts: z.array(z.tuple([z.string(), z.string()])),
  vocabulary: z.array(z.string()),
});

function bits<T extends string>(values: readonly T[], all: readonly T[]): number {
  let mask = 0;
  for (const v of values) mask |= 1 << all.indexOf(v);
  return mask;
}

function fromBits<T extends string>(mask: number, all: readonly T[]): T[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** located (2 bits), hoursFrom (2 bits), inPerson, remote, family (1 bit each), free (2 bits: unknown, yes, no). */
function packCodes(s: OfferService): number {
  const free = s.free === null ? 0 : s.free ? 1 : 2;
  return LOCATED.indexOf(s.located) | (HOURS_FROM.indexOf(s.hoursFrom) << 2) | (Number(s.inPerson) << 4) | (Number(s.remote) << 5)
    | (Number(s.family) << 6) | (free << 7);
}

class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string | null): number {
    if (value === null) return -1;
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(value);
      this.index.set(value, at);
    }
    return at;
  }
}

function textValue(service: OfferService, column: TextColumn): string | null {
  return column === 'zone' ? (service.zone ? service.zone.join(' ') : null) : service[column];
}

function toColumns(services: readonly OfferService[], table: StringTable): Columns {
  const text = (name: TextColumn) => services.map((s) => table.of(textValue(s, name)));
  return {
    id: text('id'),
    structureId: text('structureId'),
    name: text('name'),
    structureName: text('structureName'),
    address: text('address'),
    postcode: text('postcode'),
    communeCode: text('communeCode'),
    communeName: text('communeName'),
    region: text('region'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    hours: text('hours'),
    zone: text('zone'),
    latitude: services.map((s) => s.latitude),
    longitude: services.map((s) => s.longitude),
    ageMin: services.map((s) => s.ages?.[0] ?? null),
    ageMax: services.map((s) => s.ages?.[1] ?? null),
    kinds: services.map((s) => bits<KindId>(s.kinds, KIND_IDS)),
    audiences: services.map((s) => bits<AudienceId>(s.audiences, AUDIENCE_IDS)),
    codes: services.map(packCodes),
  };
}

function fromColumns(c: Columns, strings: readonly string[], count: number): OfferService[] | null {
  if (Object.values(c).some((values) => values.length !== count)) return null;
  const text = (column: TextColumn, i: number): string | null => {
    const at = c[column][i];
    return at >= 0 && at < strings.length ? strings[at] : null;
  };
  const out: OfferService[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const codes = c.codes[i];
    const free = (codes >> 7) & 3;
    const ageMin = c.ageMin[i];
    const ageMax = c.ageMax[i];
    const id = text('id', i);
    const name = text('name', i);
    if (id === null || name === null) return null;
    out[i] = {
      id,
      structureId: text('structureId', i) ?? '',
      name,
      structureName: text('structureName', i),
      summary: null,
      address: text('address', i),
      postcode: text('postcode', i),
      communeCode: text('communeCode', i),
      communeName: text('communeName', i),
      region: text('region', i),
      latitude: c.latitude[i],
      longitude: c.longitude[i],
      located: LOCATED[codes & 3],
      phone: text('phone', i),
      email: text('email', i),
      website: text('website', i),
      hours: text('hours', i),
      hoursFrom: HOURS_FROM[(codes >> 2) & 3] ?? null,
      kinds: fromBits(c.kinds[i], KIND_IDS),
      audiences: fromBits(c.audiences[i], AUDIENCE_IDS),
      ages: ageMin !== null && ageMax !== null ? [ageMin, ageMax] : null,
      inPerson: ((codes >> 4) & 1) === 1,
      remote: ((codes >> 5) & 1) === 1,
      zone: text('zone', i)?.split(' ') ?? null,
      family: ((codes >> 6) & 1) === 1,
      free: free === 0 ? null : free === 1,
    };
  }
  return out;
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

export type PrebuiltInput = {
  services: readonly OfferService[];
  centroids: ReadonlyMap<string, { latitude: number; longitude: number }>;
  problems: readonly LoadProblem[];
  text: TextIndex;
  spatial: SpatialDumps;
  source: string;
};

export function writePrebuiltOffer(dir: string, input: PrebuiltInput, builtAt = new Date()): { files: string[]; bytes: number } {
  const table = new StringTable();
  const columns = toColumns(input.services, table);
  const centroids = [...input.centroids];
  const main = JSON.stringify({
    format: FORMAT,
    builtAt: builtAt.toISOString(),
    source: input.source,
    count: input.services.length,
    problemCount: input.problems.length,
    problems: input.problems.slice(0, MAX_PROBLEMS_KEPT),
    strings: table.strings,
    centroids: { code: centroids.map(([code]) => code), latitude: centroids.map(([, p]) => p.latitude), longitude: centroids.map(([, p]) => p.longitude) },
    columns,
    spatial: input.spatial,
  });
  const exported = input.text.export();
  const text = JSON.stringify({ format: FORMAT, parts: exported.parts, vocabulary: exported.vocabulary });
  const summaries = JSON.stringify({ format: FORMAT, summaries: input.services.map((s) => s.summary) });
  // The companions first: a reader that finds the main file counts on them.
  writeAtomically(join(dir, PREBUILT_TEXT_FILE), text);
  writeAtomically(join(dir, PREBUILT_SUMMARIES_FILE), summaries);
  writeAtomically(join(dir, PREBUILT_FILE), main);
  return {
    files: [PREBUILT_FILE, PREBUILT_TEXT_FILE, PREBUILT_SUMMARIES_FILE].map((f) => join(dir, f)),
    bytes: main.length + text.length + summaries.length,
  };
}

export type PrebuiltOffer = {
  services: OfferService[];
  centroids: Map<string, { latitude: number; longitude: number }>;
  spatial: SpatialDumps;
  problems: LoadProblem[];
  problemCount: number;
  builtAt: string;
  /** Read on first use; a damaged file gives an empty index (free-text search off), reported by `onProblem`. */
  loadText: () => TextIndex;
  loadSummaries: () => ReadonlyArray<string | null>;
};

/** The prebuilt offer of a directory, or a reason why it cannot be used. */
export function readPrebuiltOffer(dir: string, onProblem: (problem: LoadProblem) => void): PrebuiltOffer | string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, PREBUILT_FILE), 'utf8'));
  } catch (error) {
    return error instanceof SyntaxError ? 'JSON invalide' : 'fichier absent ou illisible';
  }
  const parsed = PrebuiltSchema.safeParse(raw);
  if (!parsed.success) return `format inattendu (${parsed.error.issues[0]?.path.join('.') || 'version'})`;
  const data = parsed.data;
  const services = fromColumns(data.columns, data.strings, data.count);
  if (!services) return 'colonnes incohérentes';
  const { code, latitude, longitude } = data.centroids;
  if (latitude.length !== code.length || longitude.length !== code.length) return 'centroïdes incohérents';
  return {
    services,
    centroids: new Map(code.map((c, i) => [c, { latitude: latitude[i], longitude: longitude[i] }])),
    spatial: data.spatial,
    problems: data.problems,
    problemCount: data.problemCount,
    builtAt: data.builtAt,
    loadText: () => {
      try {
        return TextIndex.import(TextSchema.parse(JSON.parse(readFileSync(join(dir, PREBUILT_TEXT_FILE), 'utf8'))));
      } catch {
        onProblem({ file: `offer/${PREBUILT_TEXT_FILE}`, id: null, reason: 'index de recherche libre illisible : recherche libre indisponible' });
        return new TextIndex();
      }
    },
    loadSummaries: () => {
      try {
        const summaries = SummariesSchema.parse(JSON.parse(readFileSync(join(dir, PREBUILT_SUMMARIES_FILE), 'utf8'))).summaries;
        return summaries.length === services.length ? summaries : [];
      } catch {
        onProblem({ file: `offer/${PREBUILT_SUMMARIES_FILE}`, id: null, reason: 'descriptions illisibles : cartes sans description' });
        return [];
      }
    },
  };
}
