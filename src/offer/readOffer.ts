import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { RawRecords } from './buildServices';
import { readJsonRecordsSync, streamJsonRecords, type StreamedElement, type StreamProgress } from './jsonArrayStream';
import { recordId, type LoadProblem } from './records';

/**
 * Which files of a knowledge directory hold the offer, and what each record of them is.
 *
 * The two files of INTERFACES.md, `offer/structures.json` and `offer/services.json`, are read as they always were.
 * Beside them, the offer may come as it is handed out:
 * - several files of one kind, named after it: `services-1.json`, `services-2.json`… (pages of the API saved one a
 *   file), `services-inclusion-2025-01-06.json` (the data.gouv.fr export as downloaded), `structures.jsonl.gz`…;
 * - or folders `offer/structures/` and `offer/services/` holding such files, whatever their names.
 * A file is a JSON array, an API page (`{"items": [...]}`), a GeoJSON collection, JSON Lines, each possibly gzipped
 * (jsonArrayStream.ts). Files of a kind are read in natural order (page 2 before page 10); a record whose id was
 * already read is reported and skipped.
 */

/** The two files of a data·inclusion export in a knowledge directory (INTERFACES.md). */
export const STRUCTURES_FILE = 'structures.json';
export const SERVICES_FILE = 'services.json';

export type OfferKind = 'structures' | 'services';

/** Extensions of files that hold records; `.gz` may follow any of them. */
const RECORD_FILE = /\.(json|jsonl|ndjson|geojson)(\.gz)?$/i;
/** "structures", "structure", "services", "service", then the end or a separator: the file says what it holds. */
const KIND_PREFIX = /^(structures?|services?)(?=$|[-_. ])/i;

export function isRecordsFile(name: string): boolean {
  return RECORD_FILE.test(name) && !name.startsWith('.');
}

/** The kind a file's name says (`services-2.json`, `structures-inclusion-2025-01-06.json`), or null. */
export function kindFromName(name: string): OfferKind | null {
  const match = KIND_PREFIX.exec(name);
  if (!match) return null;
  return match[1].toLowerCase().startsWith('service') ? 'services' : 'structures';
}

const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export type OfferFile = { path: string; label: string; kind: OfferKind };

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort(naturalOrder);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The offer's files in a knowledge directory's `offer` folder (labels as `offer/…`, for problem reports). */
export function offerFiles(offerDir: string): OfferFile[] {
  const files: OfferFile[] = [];
  for (const name of listDir(offerDir)) {
    const path = join(offerDir, name);
    const kind = kindFromName(name);
    if (!kind) continue;
    if (isRecordsFile(name) && isFile(path)) files.push({ path, label: `offer/${name}`, kind });
    else if (isDirectory(path) && /^(structures|services)$/i.test(name)) {
      for (const inner of listDir(path)) {
        const innerPath = join(path, inner);
        if (isRecordsFile(inner) && isFile(innerPath)) files.push({ path: innerPath, label: `offer/${name}/${inner}`, kind });
      }
    }
  }
  // Each kind in its own order; structures first, as the import prints them.
  return [...files.filter((f) => f.kind === 'structures'), ...files.filter((f) => f.kind === 'services')];
}

/** Last modification time of the newest of the offer's files, in ms; 0 when there are none. */
export function newestOfferFileAt(offerDir: string): number {
  return Math.max(0, ...offerFiles(offerDir).map((f) => modifiedAt(f.path)));
}

/** A GeoJSON feature: its properties are the record, its point fills coordinates the properties lack. */
const FeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }).nullish(),
});

/** A result of the API's /search/services: the service (with its structure) and a distance. */
const SearchResultSchema = z.object({ service: z.record(z.string(), z.unknown()) });
const NestedStructureSchema = z.object({ structure: z.record(z.string(), z.unknown()) });

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * What one element of a file is: a record, unwrapped from a GeoJSON feature or an API search result when it is one,
 * and the structure an API service may carry inside it (`/search/services`, `/services/{id}`).
 */
export function unwrapElement(value: unknown): { record: unknown; nestedStructure: Record<string, unknown> | null } {
  let record = value;
  const feature = FeatureSchema.safeParse(value);
  if (feature.success) {
    const properties = { ...feature.data.properties };
    const point = feature.data.geometry?.coordinates;
    if (point && isMissing(properties.latitude) && isMissing(properties.longitude)) {
      properties.longitude = point[0];
      properties.latitude = point[1];
    }
    record = properties;
  } else if (recordId(value) === null) {
    const result = SearchResultSchema.safeParse(value);
    if (result.success) record = result.data.service;
  }
  const nested = NestedStructureSchema.safeParse(record);
  return { record, nestedStructure: nested.success ? nested.data.structure : null };
}

/**
 * Gathers the records of the offer's files, kind by kind. A file whose name does not say its kind (given to
 * `npm run import` by path) is of the kind of its first record: a service has a `structure_id`.
 */
export class OfferRecords {
  private readonly files: Array<{ label: string; kind: OfferKind | null; records: unknown[] }> = [];
  private readonly nested: Array<{ label: string; records: Map<string, unknown> }> = [];

  /** A function that takes the elements of one file, in order. */
  file(label: string, kind: OfferKind | null): (element: unknown) => void {
    const entry: { label: string; kind: OfferKind | null; records: unknown[] } = { label, kind, records: [] };
    const nested = { label, records: new Map<string, unknown>() };
    this.files.push(entry);
    this.nested.push(nested);
    return (element) => {
      const { record, nestedStructure } = unwrapElement(element);
      if (entry.kind === null && record !== null && typeof record === 'object' && !Array.isArray(record)) {
        entry.kind = Object.prototype.hasOwnProperty.call(record, 'structure_id') || nestedStructure ? 'services' : 'structures';
      }
      entry.records.push(record);
      if (nestedStructure) {
        const id = recordId(nestedStructure);
        if (id !== null && !nested.records.has(id)) nested.records.set(id, nestedStructure);
      }
    };
  }

  /**
   * The records by kind. Structures found inside services come after the structure files, once each, and only when
   * no structure file has them: the API repeats a structure with each of its services.
   */
  result(): { structures: RawRecords[]; services: RawRecords[] } {
    const ofKind = (kind: OfferKind) => this.files.filter((f) => (f.kind ?? 'structures') === kind).map((f) => ({ file: f.label, records: f.records }));
    const structures = ofKind('structures');
    const known = new Set<string>();
    for (const file of structures) for (const record of file.records) {
      const id = recordId(record);
      if (id !== null) known.add(id);
    }
    for (const { label, records } of this.nested) {
      const fresh = [...records].filter(([id]) => !known.has(id));
      for (const [id] of fresh) known.add(id);
      if (fresh.length > 0) structures.push({ file: label, records: fresh.map(([, record]) => record) });
    }
    return { structures, services: ofKind('services') };
  }
}

/** Reports the elements a file could not give (broken JSON), and hands the others on. */
export function takeElements(elements: Iterable<StreamedElement>, label: string, problems: LoadProblem[], add: (value: unknown) => void): void {
  for (const element of elements) {
    if ('error' in element) problems.push({ file: label, id: null, reason: `enregistrement n° ${element.index + 1} : JSON invalide (${element.error})` });
    else add(element.value);
  }
}

/** Reads one file into `records`; a missing, unreadable or malformed file is a problem, not a crash. */
export function readRecordsFile(file: string, label: string, kind: OfferKind | null, records: OfferRecords, problems: LoadProblem[]): void {
  if (!isFile(file)) {
    problems.push({ file: label, id: null, reason: 'fichier absent ou illisible' });
    return;
  }
  let read: ReturnType<typeof readJsonRecordsSync>;
  try {
    read = readJsonRecordsSync(file);
  } catch {
    problems.push({ file: label, id: null, reason: 'fichier absent ou illisible' });
    return;
  }
  takeElements(read.elements, label, problems, records.file(label, kind));
  if (read.error) problems.push({ file: label, id: null, reason: read.error });
}

/**
 * Reads the offer folder of a knowledge directory. The two files of INTERFACES.md are expected: when there is neither
 * one of them nor another file of its kind, that is reported as it always was.
 */
export function readOfferDir(offerDir: string, problems: LoadProblem[]): { structures: RawRecords[]; services: RawRecords[] } {
  const records = new OfferRecords();
  const files = offerFiles(offerDir);
  for (const [kind, expected] of [['structures', STRUCTURES_FILE], ['services', SERVICES_FILE]] as const) {
    if (!files.some((f) => f.kind === kind)) problems.push({ file: `offer/${expected}`, id: null, reason: 'fichier absent ou illisible' });
  }
  for (const file of files) readRecordsFile(file.path, file.label, file.kind, records, problems);
  return records.result();
}

/** Names `npm run import` writes: never read as records. */
const PREBUILT_NAMES = /^offer-index\./;

export type InputFile = { path: string; label: string; kind: OfferKind | null };

/**
 * The files `npm run import` reads: given files, the record files of given folders (not a prebuilt index), and those
 * of their structures/ and services/ folders, in natural order (page 2 before page 10). Throws on a missing input.
 */
export function importFiles(inputs: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  const addFolder = (dir: string, kind: OfferKind | null, prefix: string) => {
    for (const name of listDir(dir)) {
      const path = join(dir, name);
      if (isFile(path) && isRecordsFile(name) && !PREBUILT_NAMES.test(name)) files.push({ path, label: `offer/${prefix}${name}`, kind: kind ?? kindFromName(name) });
      else if (kind === null && /^(structures|services)$/i.test(name) && isDirectory(path)) addFolder(path, kindFromName(name), `${name}/`);
    }
  };
  for (const input of inputs) {
    if (isDirectory(input)) addFolder(input, null, '');
    else if (isFile(input)) files.push({ path: input, label: `offer/${basename(input)}`, kind: kindFromName(basename(input)) });
    else throw new Error(`${input} : introuvable`);
  }
  return files;
}

/** Hooks for a long import: a file starts (its size in bytes), bytes of it were read, it ends. */
export type ReadingProgress = { start(file: InputFile, bytes: number): void; read: StreamProgress; stop(): void };

/**
 * Reads files a record at a time (the import: the text of a file is never held whole, only its records). A file that
 * breaks off is reported; the records read before stay.
 */
export async function streamOfferFiles(
  files: readonly InputFile[],
  problems: LoadProblem[],
  progress?: ReadingProgress,
): Promise<{ structures: RawRecords[]; services: RawRecords[] }> {
  const records = new OfferRecords();
  for (const file of files) {
    const add = records.file(file.label, file.kind);
    progress?.start(file, statSync(file.path).size);
    try {
      for await (const element of streamJsonRecords(file.path, progress?.read)) takeElements([element], file.label, problems, add);
    } catch (error) {
      problems.push({ file: file.label, id: null, reason: error instanceof Error ? error.message : 'lecture impossible' });
    } finally {
      progress?.stop();
    }
  }
  return records.result();
}

/** Last modification time of a file in ms, or 0 when it does not exist. */
export function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
