import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EntryFacts, OfferEntries } from './entries';
import { LoadProblemSchema, type LoadProblem } from './records';
import { readSectionFile, sectionFileBytes, stringSection, StringTable, typedSection, utf8Section, Utf8Strings, type Section, type SectionFile } from './sectionFile';
import type { OfferService } from './service';
import type { SpatialDumps } from './offerIndex';
import { TextIndex } from './textIndex';
import { timeZoneOfPlace } from './timeZones';
import { AUDIENCE_IDS, KIND_IDS, type AudienceId, type KindId } from './vocabulary';

/**
 * The prebuilt offer that `npm run import` writes beside the export (KNOWLEDGE_DIR/offer/offer-index.bin, the
 * descriptions' openings in offer-index.summaries.bin, and the free-text index in offer-index.text.json), so that a
 * start with a whole region or the country loads in well under a second: the entries are stored already joined,
 * placed and classified, column by column as binary sections (see sectionFile.ts), their texts in one table of
 * distinct strings (a structure's name, address and hours are shared by all its services), with the spatial indexes'
 * own buffers. Loading is reading the file and checking its shape: entries are made when a search first looks at
 * them, the descriptions when a card first shows one, the free-text index on the first free-text search.
 */

export const PREBUILT_FILE = 'offer-index.bin';
export const PREBUILT_TEXT_FILE = 'offer-index.text.json';
export const PREBUILT_SUMMARIES_FILE = 'offer-index.summaries.bin';
// 6: school words read as ages (« écoliers et collégiens »: 6–15); an index written before is rebuilt.
const FORMAT = 6;
/** Problems kept in the prebuilt file; the import prints them all. */
const MAX_PROBLEMS_KEPT = 2000;

const LOCATED = ['service', 'structure', 'commune', 'none'] as const;
const HOURS_FROM = [null, 'service', 'structure'] as const;

/**
 * Text columns hold indexes into the string table (-1: none); coordinates are float64 (NaN: none); ages are -1 when
 * unknown; kinds and audiences are bit sets in KIND_IDS / AUDIENCE_IDS order; `codes` packs the rest.
 */
const TEXT_COLUMNS = ['id', 'structureId', 'name', 'structureName', 'address', 'postcode', 'communeCode', 'communeName', 'region', 'phone',
  'email', 'website', 'hours', 'zone'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];
const INT_COLUMNS = [...TEXT_COLUMNS, 'ageMin', 'ageMax', 'kinds', 'audiences', 'codes'] as const;
type IntColumn = (typeof INT_COLUMNS)[number];
const FLOAT_COLUMNS = ['latitude', 'longitude'] as const;
type FloatColumn = (typeof FLOAT_COLUMNS)[number];

type Columns = { ints: Record<IntColumn, Int32Array>; floats: Record<FloatColumn, Float64Array> };

const PlaceSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const SectionsSchema = z.record(z.string(), PlaceSchema);

const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  builtAt: z.string(),
  source: z.string(),
  count: z.number().int().min(0),
  stringCount: z.number().int().min(0),
  centroidCount: z.number().int().min(0),
  remoteCount: z.number().int().min(0),
  problemCount: z.number().int().min(0),
  problems: z.array(LoadProblemSchema),
  /** Spatial sets by key (a kind, or every family entry), each with its entry ids and kdbush's buffer. */
  spatial: z.array(z.object({ key: z.string(), size: z.number().int().min(0) })),
  sections: SectionsSchema,
});

const SummariesHeaderSchema = z.object({ format: z.literal(FORMAT), count: z.number().int().min(0), sections: SectionsSchema });

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
  const out: T[] = [];
  for (let i = 0; i < all.length; i++) if ((mask & (1 << i)) !== 0) out.push(all[i]);
  return out;
}

/** located (2 bits), hoursFrom (2 bits), inPerson, remote, family (1 bit each), free (2 bits: unknown, yes, no). */
function packCodes(s: OfferService): number {
  const free = s.free === null ? 0 : s.free ? 1 : 2;
  return LOCATED.indexOf(s.located) | (HOURS_FROM.indexOf(s.hoursFrom) << 2) | (Number(s.inPerson) << 4) | (Number(s.remote) << 5)
    | (Number(s.family) << 6) | (free << 7);
}

class StringIndex {
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

function encodeColumns(services: readonly OfferService[], strings: StringIndex): Array<[string, Section]> {
  const ints = (value: (s: OfferService) => number) => Int32Array.from(services, value);
  return [
    ...TEXT_COLUMNS.map((name): [string, Section] => [name, ints((s) => strings.of(textValue(s, name)))]),
    ['ageMin', ints((s) => s.ages?.[0] ?? -1)],
    ['ageMax', ints((s) => s.ages?.[1] ?? -1)],
    ['kinds', ints((s) => bits<KindId>(s.kinds, KIND_IDS))],
    ['audiences', ints((s) => bits<AudienceId>(s.audiences, AUDIENCE_IDS))],
    ['codes', ints(packCodes)],
    ['latitude', Float64Array.from(services, (s) => s.latitude ?? Number.NaN)],
    ['longitude', Float64Array.from(services, (s) => s.longitude ?? Number.NaN)],
  ];
}

function decodeColumns(file: SectionFile, places: z.infer<typeof SectionsSchema>, count: number, strings: number): Columns | string {
  const ints: Partial<Record<IntColumn, Int32Array>> = {};
  for (const name of INT_COLUMNS) {
    const column = typedSection(file.bytes(places[name]), Int32Array, count);
    if (!column) return `colonne ${name} absente ou de longueur inattendue`;
    ints[name] = column;
  }
  const floats: Partial<Record<FloatColumn, Float64Array>> = {};
  for (const name of FLOAT_COLUMNS) {
    const column = typedSection(file.bytes(places[name]), Float64Array, count);
    if (!column) return `colonne ${name} absente ou de longueur inattendue`;
    floats[name] = column;
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

function materialise(c: Columns, strings: StringTable, i: number): OfferService {
  const { ints, floats } = c;
  const text = (column: Int32Array): string | null => {
    const at = column[i];
    return at >= 0 ? strings.at(at) : null;
  };
  const codes = ints.codes[i];
  const free = (codes >> 7) & 3;
  const ageMin = ints.ageMin[i];
  const ageMax = ints.ageMax[i];
  const latitude = floats.latitude[i];
  const longitude = floats.longitude[i];
  return {
    id: text(ints.id) ?? `#${i}`,
    structureId: text(ints.structureId) ?? '',
    name: text(ints.name) ?? '',
    structureName: text(ints.structureName),
    summary: null,
    address: text(ints.address),
    postcode: text(ints.postcode),
    communeCode: text(ints.communeCode),
    communeName: text(ints.communeName),
    region: text(ints.region),
    latitude: Number.isNaN(latitude) ? null : latitude,
    longitude: Number.isNaN(longitude) ? null : longitude,
    located: LOCATED[codes & 3],
    phone: text(ints.phone),
    email: text(ints.email),
    website: text(ints.website),
    hours: text(ints.hours),
    hoursFrom: HOURS_FROM[(codes >> 2) & 3] ?? null,
    kinds: fromBits(ints.kinds[i], KIND_IDS),
    audiences: fromBits(ints.audiences[i], AUDIENCE_IDS),
    ages: ageMin >= 0 && ageMax >= 0 ? [ageMin, ageMax] : null,
    inPerson: ((codes >> 4) & 1) === 1,
    remote: ((codes >> 5) & 1) === 1,
    zone: text(ints.zone)?.split(' ') ?? null,
    family: ((codes >> 6) & 1) === 1,
    free: free === 0 ? null : free === 1,
  };
}

/**
 * Entries' facts, one object for each distinct combination (there are few: services share their structure's), found
 * once for each entry.
 */
function factsReader(c: Columns, strings: StringTable): (i: number) => EntryFacts {
  const { zone, ageMin, ageMax, audiences, hours, region, postcode, communeCode } = c.ints;
  const text = (column: Int32Array, i: number) => (column[i] >= 0 ? strings.at(column[i]) : null);
  const distinct: EntryFacts[] = [];
  const byKey = new Map<string, number>();
  const ofEntry = new Int32Array(zone.length).fill(-1);
  return (i) => {
    let at = ofEntry[i];
    if (at < 0) {
      const timeZone = timeZoneOfPlace({ communeCode: text(communeCode, i), postcode: text(postcode, i) });
      const key = `${zone[i]} ${ageMin[i]} ${ageMax[i]} ${audiences[i]} ${hours[i]} ${region[i]} ${timeZone.name}`;
      at = byKey.get(key) ?? -1;
      if (at < 0) {
        at = distinct.length;
        distinct.push({
          zone: zone[i] >= 0 ? strings.at(zone[i]).split(' ') : null,
          ages: ageMin[i] >= 0 && ageMax[i] >= 0 ? [ageMin[i], ageMax[i]] : null,
          audiences: fromBits(audiences[i], AUDIENCE_IDS),
          hours: hours[i] >= 0 ? strings.at(hours[i]) : null,
          region: region[i] >= 0 ? strings.at(region[i]) : null,
          timeZone,
        });
        byKey.set(key, at);
      }
      ofEntry[i] = at;
    }
    return distinct[at];
  };
}

function writeAtomically(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
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

function spatialSections(spatial: SpatialDumps): { sets: Array<{ key: string; size: number }>; sections: Array<[string, Section]> } {
  const sets: Array<{ key: string; size: number }> = [];
  const sections: Array<[string, Section]> = [];
  for (const [key, dump] of Object.entries(spatial)) {
    sets.push({ key, size: dump.ids.length });
    sections.push([`spatial.${key}.ids`, dump.ids], [`spatial.${key}.tree`, new Uint8Array(dump.tree)]);
  }
  return { sets, sections };
}

export function writePrebuiltOffer(dir: string, input: PrebuiltInput, builtAt = new Date()): { files: string[]; bytes: number } {
  const strings = new StringIndex();
  const columns = encodeColumns(input.services, strings);
  const centroids = [...input.centroids];
  const centroidCodes = Int32Array.from(centroids, ([code]) => strings.of(code));
  const remote: number[] = [];
  input.services.forEach((s, i) => {
    if (s.remote) remote.push(i);
  });
  const table = stringSection(strings.strings);
  const spatial = spatialSections(input.spatial);
  const main = sectionFileBytes(
    {
      format: FORMAT,
      builtAt: builtAt.toISOString(),
      source: input.source,
      count: input.services.length,
      stringCount: strings.strings.length,
      centroidCount: centroids.length,
      remoteCount: remote.length,
      problemCount: input.problems.length,
      problems: input.problems.slice(0, MAX_PROBLEMS_KEPT),
      spatial: spatial.sets,
    },
    [
      ['strings', table.text],
      ['stringOffsets', table.offsets],
      ...columns,
      ['remote', Int32Array.from(remote)],
      ['centroidCode', centroidCodes],
      ['centroidLatitude', Float64Array.from(centroids, ([, p]) => p.latitude)],
      ['centroidLongitude', Float64Array.from(centroids, ([, p]) => p.longitude)],
      ...spatial.sections,
    ],
  );
  const exported = input.text.export();
  const text = JSON.stringify({ format: FORMAT, parts: exported.parts, vocabulary: exported.vocabulary });
  const summaryStrings = utf8Section(input.services.map((s) => s.summary ?? ''));
  const summaries = sectionFileBytes(
    { format: FORMAT, count: input.services.length },
    [['text', summaryStrings.text], ['offsets', summaryStrings.offsets]],
  );
  // The companions first: a reader that finds the main file counts on them.
  writeAtomically(join(dir, PREBUILT_TEXT_FILE), text);
  writeAtomically(join(dir, PREBUILT_SUMMARIES_FILE), summaries);
  writeAtomically(join(dir, PREBUILT_FILE), main);
  return {
    files: [PREBUILT_FILE, PREBUILT_TEXT_FILE, PREBUILT_SUMMARIES_FILE].map((f) => join(dir, f)),
    bytes: main.byteLength + Buffer.byteLength(text) + summaries.byteLength,
  };
}

/** A service's description opening, by its position in the offer. */
export type SummaryLookup = (index: number) => string | null;

export type PrebuiltOffer = {
  entries: OfferEntries;
  remoteIds: number[];
  centroids: Map<string, { latitude: number; longitude: number }>;
  spatial: SpatialDumps;
  problems: LoadProblem[];
  problemCount: number;
  builtAt: string;
  /** Read on first use; a damaged file gives an empty index (free-text search off), reported by `onProblem`. */
  loadText: () => TextIndex;
  loadSummaries: () => SummaryLookup;
};

function readSpatial(file: SectionFile, header: z.infer<typeof HeaderSchema>): SpatialDumps | string {
  const spatial: SpatialDumps = {};
  for (const { key, size } of header.spatial) {
    const ids = typedSection(file.bytes(header.sections[`spatial.${key}.ids`]), Uint32Array, size);
    const treeBytes = file.bytes(header.sections[`spatial.${key}.tree`]);
    if (!ids || !treeBytes) return `index spatial ${key} absent ou incomplet`;
    for (const id of ids) if (id >= header.count) return `index spatial ${key} incohérent`;
    const tree = new ArrayBuffer(treeBytes.byteLength);
    new Uint8Array(tree).set(treeBytes);
    spatial[key] = { ids, tree };
  }
  return spatial;
}

/** The prebuilt offer of a directory, or a reason why it cannot be used. */
export function readPrebuiltOffer(dir: string, onProblem: (problem: LoadProblem) => void): PrebuiltOffer | string {
  let file: SectionFile;
  try {
    file = readSectionFile(join(dir, PREBUILT_FILE));
  } catch (error) {
    return error instanceof SyntaxError ? 'JSON invalide' : 'fichier absent ou illisible';
  }
  const parsed = HeaderSchema.safeParse(file.header);
  if (!parsed.success) return `format inattendu (${parsed.error.issues[0]?.path.join('.') || 'version'})`;
  const header = parsed.data;
  const places = header.sections;
  const strings = StringTable.read(file.bytes(places.strings), typedSection(file.bytes(places.stringOffsets), Uint32Array, header.stringCount + 1));
  if (!strings) return 'table des textes incohérente';
  const columns = decodeColumns(file, places, header.count, strings.size);
  if (typeof columns === 'string') return columns;
  const remote = typedSection(file.bytes(places.remote), Int32Array, header.remoteCount);
  if (!remote || remote.some((i) => i < 0 || i >= header.count)) return 'liste des services à distance incohérente';
  const centroidCode = typedSection(file.bytes(places.centroidCode), Int32Array, header.centroidCount);
  const latitude = typedSection(file.bytes(places.centroidLatitude), Float64Array, header.centroidCount);
  const longitude = typedSection(file.bytes(places.centroidLongitude), Float64Array, header.centroidCount);
  if (!centroidCode || !latitude || !longitude || centroidCode.some((i) => i < 0 || i >= strings.size)) return 'centroïdes incohérents';
  const spatial = readSpatial(file, header);
  if (typeof spatial === 'string') return spatial;

  const entries: OfferEntries = { count: header.count, at: (i) => materialise(columns, strings, i), facts: factsReader(columns, strings) };
  return {
    entries,
    remoteIds: Array.from(remote),
    centroids: new Map(Array.from(centroidCode, (code, i) => [strings.at(code), { latitude: latitude[i], longitude: longitude[i] }])),
    spatial,
    problems: header.problems,
    problemCount: header.problemCount,
    builtAt: header.builtAt,
    loadText: () => {
      try {
        return TextIndex.import(TextSchema.parse(JSON.parse(readFileSync(join(dir, PREBUILT_TEXT_FILE), 'utf8'))));
      } catch {
        onProblem({ file: `offer/${PREBUILT_TEXT_FILE}`, id: null, reason: 'index de recherche libre illisible : recherche libre indisponible' });
        return new TextIndex();
      }
    },
    loadSummaries: () => {
      const summaries = readSummaries(dir, header.count);
      if (summaries) return summaries;
      onProblem({ file: `offer/${PREBUILT_SUMMARIES_FILE}`, id: null, reason: 'descriptions illisibles : cartes sans description' });
      return () => null;
    },
  };
}

function readSummaries(dir: string, count: number): SummaryLookup | null {
  try {
    const file = readSectionFile(join(dir, PREBUILT_SUMMARIES_FILE));
    const header = SummariesHeaderSchema.safeParse(file.header);
    if (!header.success || header.data.count !== count) return null;
    const places = header.data.sections;
    const table = Utf8Strings.read(file.bytes(places.text), typedSection(file.bytes(places.offsets), Uint32Array, count + 1));
    if (!table) return null;
    return (index) => (index >= 0 && index < count ? table.at(index) || null : null);
  } catch {
    return null;
  }
}
