import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadProblem } from './records';
import type { RawRecords } from './buildServices';

/** The two files of a data·inclusion export in a knowledge directory (INTERFACES.md). */
export const STRUCTURES_FILE = 'structures.json';
export const SERVICES_FILE = 'services.json';

/** Reads a JSON array file; a missing, unreadable or malformed file is a problem, not a crash. */
export function readRecordsFile(file: string, label: string, problems: LoadProblem[]): RawRecords | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.push({ file: label, id: null, reason: 'fichier absent ou illisible' });
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    problems.push({ file: label, id: null, reason: `JSON invalide (${error instanceof Error ? error.message.slice(0, 120) : 'erreur de lecture'})` });
    return null;
  }
  if (!Array.isArray(parsed)) {
    problems.push({ file: label, id: null, reason: 'le fichier doit contenir un tableau JSON d’enregistrements' });
    return null;
  }
  return { file: label, records: parsed };
}

export function readOfferDir(offerDir: string, problems: LoadProblem[]): { structures: RawRecords[]; services: RawRecords[] } {
  const structures = readRecordsFile(join(offerDir, STRUCTURES_FILE), `offer/${STRUCTURES_FILE}`, problems);
  const services = readRecordsFile(join(offerDir, SERVICES_FILE), `offer/${SERVICES_FILE}`, problems);
  return { structures: structures ? [structures] : [], services: services ? [services] : [] };
}

/** Last modification time of a file in ms, or 0 when it does not exist. */
export function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
