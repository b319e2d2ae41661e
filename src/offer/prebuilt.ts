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
const FORMAT = 3;
/** Problems kept in the prebuilt file; the import prints them all. */
const MAX_PROBLEMS_KEPT = 2000;

const LOCATED = ['service', 'structure', 'commune', 'none'] as const;
const HOURS_FROM = [null, 'service', 'structure'] as const;

/** A list checked in one pass by a predicate: zod per element would cost more than the whole load. */
const list = <T>(check: (value: unknown) => boolean) =>
  z.custom<T[]>((value) => Array.isArray(value) && value.every(check), { message: 'liste invalide' });
const isText = (v: unknown) => typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/**
 * Columns are binary (base64 of little-endian typed arrays): a few long strings parse far faster than millions of
 * numbers. Text columns hold indexes into the string table (-1: none); coordinates are float64 (NaN: none); ages
 * are -1 when unknown; kinds and audiences are bit sets in KIND_IDS / AUDIENCE_IDS order; `codes` packs the rest.
 */
const TEXT_COLUMNS = ['id', 'structureId', 'name', 'structureName', 'address', 'postcode', 'communeCode', 'communeName', 'region', 'phone',
  'email', 'website', 'hours', 'zone'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];
const INT_COLUMNS = [...TEXT_COLUMNS, 'ageMin', 'ageMax', 'kinds', 'audiences', 'codes'] as const;
type IntColumn = (typeof INT_COLUMNS)[number];
const FLOAT_COLUMNS = ['latitude', 'longitude'] as const;
type FloatColumn = (typeof FLOAT_COLUMNS)[number];

const ColumnsSchema = z.record(z.string(), z.string());

type Columns = { ints: Record<IntColumn, Int32Array>; floats: Record<FloatColumn, Float64Array> };

function encodeInts(values: readonly number[]): string {
  return Buffer.from(Int32Array.from(values).buffer).toString('base64');
}

function encodeFloats(values: ReadonlyArray<number | null>): string {
  return Buffer.from(Float64Array.from(values, (v) => (v === null ? Number.NaN : v)).buffer).toString('base64');
}

/** A copy into a fresh, aligned buffer (a Buffer may sit at any offset of Node's pool). */
function decode(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

function decodeColumns(raw: Record<string, string>, count: number, strings: number): Columns | string {
  const ints: Partial<Record<IntColumn, Int32Array>> = {};
  for (const name of INT_COLUMNS) {
    const b64 = raw[name];
    if (b64 === undefined) return `colonne ${name} absente`;
    const buffer = decode(b64);
    if (buffer.byteLength !== count * 4) return `colonne ${name} de longueur inattendue`;
    ints[name] = new Int32Array(buffer);
  }
  const floats: Partial<Record<FloatColumn, Float64Array>> = {};
  for (const name of FLOAT_COLUMNS) {
    const b64 = raw[name];
    if (b64 === undefined) return `colonne ${name} absente`;
    const buffer = decode(b64);
    if (buffer.byteLength !== count * 8) return `colonne ${name} de longueur inattendue`;
    floats[name] = new Float64Array(buffer);
  }
  const complete = (r: Partial<Record<IntColumn, Int32Array>>): r is Record<IntColumn, Int32Array> => INT_COLUMNS.every((n) => r[n] !== undefined);
  const completeFloats = (r: Partial<Record<FloatColumn, Float64Array>>): r is Record<FloatColumn, Float64Array> => FLOAT_COLUMNS.every((n) => r[n] !== undefined);
  if (!complete(ints) || !completeFloats(floats)) return 'colonnes incomplètes';
  for (const name of TEXT_COLUMNS) {
    const column = ints[name];
    for (let i = 0; i < column.length; i++) if (column[i] < -1 || column[i] >= strings) return `colonne ${name} : index hors de la table`;
  }
  return { ints, floats };
}

const SpatialSchema = z.record(z.string(), z.object({ ids: z.string(), tree: z.string() }));

const PrebuiltSchema = z.object({
  format: z.literal(FORMAT),
  builtAt: z.string(),
  source: z.string(),
  count: z.number().int().min(0),
  problemCount: z.number().int().min(0),
  problems: z.array(LoadProblemSchema),
  strings: list<string>(isText),
  /** Communes' codes, latitudes, longitudes: the middle of the offer's points in each. */
  centroids: z.object({ code: list<string>(isText), latitude: list<number>(isNumber), longitude: list<number>(isNumber) }),
  remote: list<number>(isNumber),
  columns: ColumnsSchema,
  spatial: SpatialSchema,
});

const SummariesSchema = z.object({ format: z.literal(FORMAT), summaries: list<string | null>((v) => v === null || typeof v === 'string') });

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

function encodeColumns(services: readonly OfferService[], table: StringTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of TEXT_COLUMNS) out[name] = encodeInts(services.map((s) => table.of(textValue(s, name))));
  out.ageMin = encodeInts(services.map((s) => s.ages?.[0] ?? -1));
  out.ageMax = encodeInts(services.map((s) => s.ages?.[1] ?? -1));
  out.kinds = encodeInts(services.map((s) => bits<KindId>(s.kinds, KIND_IDS)));
  out.audiences = encodeInts(services.map((s) => bits<AudienceId>(s.audiences, AUDIENCE_IDS)));
  out.codes = encodeInts(services.map(packCodes));
  out.latitude = encodeFloats(services.map((s) => s.latitude));
  out.longitude = encodeFloats(services.map((s) => s.longitude));
  return out;
}

function materialise(c: Columns, strings: readonly string[], i: number): OfferService {
  const text = (column: TextColumn): string | null => {
    const at = c.ints[column][i];
    return at >= 0 ? strings[at] : null;
  };
  const codes = c.ints.codes[i];
  const free = (codes >> 7) & 3;
  const ageMin = c.ints.ageMin[i];
  const ageMax = c.ints.ageMax[i];
  const latitude = c.floats.latitude[i];
  const longitude = c.floats.longitude[i];
  return {
    id: text('id') ?? `#${i}`,
    structureId: text('structureId') ?? '',
    name: text('name') ?? '',
    structureName: text('structureName'),
    summary: null,
    address: text('address'),
    postcode: text('postcode'),
    communeCode: text('communeCode'),
    communeName: text('communeName'),
    region: text('region'),
    latitude: Number.isNaN(latitude) ? null : latitude,
    longitude: Number.isNaN(longitude) ? null : longitude,
    located: LOCATED[codes & 3],
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    hours: text('hours'),
    hoursFrom: HOURS_FROM[(codes >> 2) & 3] ?? null,
    kinds: fromBits(c.ints.kinds[i], KIND_IDS),
    audiences: fromBits(c.ints.audiences[i], AUDIENCE_IDS),
    ages: ageMin >= 0 && ageMax >= 0 ? [ageMin, ageMax] : null,
    inPerson: ((codes >> 4) & 1) === 1,
    remote: ((codes >> 5) & 1) === 1,
    zone: text('zone')?.split(' ') ?? null,
    family: ((codes >> 6) & 1) === 1,
    free: free === 0 ? null : free === 1,
  };
}

/**
 * The entries as an array whose objects are made on first access: a search looks at a few dozen entries, so a start
 * need not build a hundred thousand objects.
 */
function lazyServices(count: number, make: (i: number) => OfferService): OfferService[] {
  const made: Array<OfferService | undefined> = new Array(count);
  const isIndex = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < count && String(i) === key ? i : -1;
  };
  return new Proxy(new Array<OfferService>(count), {
    get(target, key, receiver) {
      const i = isIndex(key);
      if (i < 0) return Reflect.get(target, key, receiver);
      return (made[i] ??= make(i));
    },
    has(target, key) {
      return isIndex(key) >= 0 || Reflect.has(target, key);
    },
  });
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
  const columns = encodeColumns(input.services, table);
  const centroids = [...input.centroids];
  const remote: number[] = [];
  input.services.forEach((s, i) => {
    if (s.remote) remote.push(i);
  });
  const main = JSON.stringify({
    format: FORMAT,
    builtAt: builtAt.toISOString(),
    source: input.source,
    count: input.services.length,
    problemCount: input.problems.length,
    problems: input.problems.slice(0, MAX_PROBLEMS_KEPT),
    strings: table.strings,
    centroids: { code: centroids.map(([code]) => code), latitude: centroids.map(([, p]) => p.latitude), longitude: centroids.map(([, p]) => p.longitude) },
    remote,
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
  remoteIds: number[];
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
  const columns = decodeColumns(data.columns, data.count, data.strings.length);
  if (typeof columns === 'string') return columns;
  const strings = data.strings;
  const services = lazyServices(data.count, (i) => materialise(columns, strings, i));
  if (data.remote.some((i) => !Number.isInteger(i) || i < 0 || i >= data.count)) return 'liste des services à distance incohérente';
  const { code, latitude, longitude } = data.centroids;
  if (latitude.length !== code.length || longitude.length !== code.length) return 'centroïdes incohérents';
  return {
    services,
    remoteIds: data.remote,
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
