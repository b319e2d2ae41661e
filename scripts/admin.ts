/**
 * `npm run admin -- COMMAND`: what an administrator of Maillage does by hand.
 *
 *   invite STRUCTURE-ID [--days N]   a one-time code that enrols one person for a centre of the offer (printed last)
 *   staff                            who may report, for which centre
 *   revoke ENROLMENT-ID              takes that right away; the account is remembered as revoked, so it sees no
 *                                    centre's figures (not every centre's, as a partner) until it enrols again
 *   export [--format csv|json] [--separator comma|semicolon] [--plan P] [--sheet S] [--action A] [--structure ID] [--commune INSEE] [--from D] [--to D]
 *                                    the reports on stdout, the same bytes as GET /api/reports
 *
 * Configuration comes from the environment, as for the bot (DATABASE_URL, KNOWLEDGE_DIR). A user's mistake (a bad
 * argument, an unknown id) is a sentence on stderr and a non-zero exit, never a stack trace.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { ConfigError, parseConfig, type Config } from '../src/config/config';
import { fold, editDistance } from '../src/language/text';
import { createLogger, type Logger } from '../src/log/logger';
import { PARIS } from '../src/offer/parisTime';
import { OfferRecords, offerFiles, readRecordsFile } from '../src/offer/readOffer';
import { parseStructureRecord, type LoadProblem, type StructureRecord } from '../src/offer/records';
import { hashEnrolmentCode, newEnrolmentCode } from '../src/reports/enrolmentCodes';
import { findReports, readReportQuery, reportsCsv, reportsJson, resolveSheetNumber } from '../src/reports/export';
import { CentreSchema, type Centre, type Enrolment } from '../src/reports/model';
import type * as SheetLoaderModule from '../src/sheets/loader';
import type * as SheetIndexModule from '../src/sheets/sheetIndex';
import { DatabaseUrlError, openStore, StoreOpenError, type Store } from '../src/storage';

const USAGE = `Usage : npm run admin -- COMMANDE

  invite ID-STRUCTURE [--days N]   crée un code d'inscription à usage unique pour un centre de l'offre
                                   (valable N jours, 14 par défaut ; le code est la dernière ligne affichée)
  staff                            liste les personnes inscrites et leur centre
  revoke ID-INSCRIPTION            retire une inscription (voir staff pour les identifiants)
  export [--format csv|json] [--separator comma|semicolon] [--plan P] [--sheet S] [--action A] [--structure ID] [--commune INSEE] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ]
                                   écrit les déclarations sur la sortie standard (JSON par défaut)

Lit DATABASE_URL et KNOWLEDGE_DIR comme le bot.
`;

const DEFAULT_INVITE_DAYS = 14;
const MAX_INVITE_DAYS = 365;
const DAY_MS = 24 * 60 * 60_000;

/** A mistake of the person at the keyboard: said in one sentence, with the exit code it deserves. */
class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

function usageError(message: string): UserError {
  return new UserError(`${message}\n\n${USAGE}`, 2);
}

interface Context {
  config: Config;
  log: Logger;
  now: Date;
}

type Command = (args: string[], context: Context) => Promise<void>;

const COMMANDS: Record<string, Command> = { invite, staff, revoke, export: exportReports };

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? process.stderr : process.stdout).write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw usageError(`Commande inconnue : « ${name} ».`);
    const config = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
    await command(args, { config, log: createLogger(config.logLevel, process.stderr), now: new Date() });
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message.trimEnd()}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError || error instanceof DatabaseUrlError) {
      process.stderr.write(`Configuration : ${error.message}\n`);
      return 2;
    }
    if (error instanceof StoreOpenError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Options and positionals of one command, by node's own parser; anything it refuses is a usage error. */
function parseCommand<O extends Record<string, { type: 'string' }>>(args: string[], options: O, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > positionals) throw usageError(`Argument en trop : « ${parsed.positionals[positionals]} ».`);
  if (parsed.positionals.length < positionals) throw usageError('Il faut un identifiant.');
  return { values: parsed.values as { [K in keyof O]?: string }, positionals: parsed.positionals };
}

async function withStore<T>(context: Context, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(context.config.databaseUrl, context.log);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function invite(args: string[], context: Context): Promise<void> {
  const { values, positionals } = parseCommand(args, { days: { type: 'string' } }, 1);
  const days = values.days === undefined ? DEFAULT_INVITE_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_INVITE_DAYS) throw usageError(`--days : un nombre entier de jours, de 1 à ${MAX_INVITE_DAYS}.`);
  const structureId = positionals[0].trim();
  const offerDir = path.join(context.config.knowledgeDir, 'offer');
  const structures = readStructures(offerDir);
  const structure = structures.find((candidate) => candidate.id === structureId);
  if (!structure) throw new UserError(unknownStructureMessage(structureId, structures, offerDir));
  const centre = centreOf(structure);

  const code = newEnrolmentCode();
  const expiresAt = new Date(context.now.getTime() + days * DAY_MS);
  await withStore(context, (store) => store.enrolments.createInvite({ codeHash: hashEnrolmentCode(code), centre, createdAt: context.now, expiresAt }));

  const place = centre.communeName ? `, ${centre.communeName}${centre.communeCode ? ` (${centre.communeCode})` : ''}` : '';
  process.stdout.write(
    [
      `Invitation créée pour « ${centre.structureName} » (${centre.structureId})${place}.`,
      `Le code sert une seule fois et expire le ${parisTime(expiresAt)} (heure de Paris), dans ${days} jour${days > 1 ? 's' : ''}.`,
      'Donnez-le à la personne qui déclarera les actions du centre : le bot le lui demandera à sa première déclaration.',
      'Seule son empreinte est enregistrée : notez-le maintenant, il ne pourra pas être affiché de nouveau.',
      code,
      '',
    ].join('\n'),
  );
}

/** The structures of the offer folder's structure files, read and checked as the bot reads them. */
function readStructures(offerDir: string): StructureRecord[] {
  const problems: LoadProblem[] = [];
  const records = new OfferRecords();
  const files = offerFiles(offerDir).filter((file) => file.kind === 'structures');
  if (files.length === 0) throw new UserError(`Aucun fichier de structures dans ${offerDir} (structures.json attendu, au format data·inclusion).`);
  for (const file of files) readRecordsFile(file.path, file.label, file.kind, records, problems);
  const structures: StructureRecord[] = [];
  for (const raw of records.result().structures) {
    for (const record of raw.records) {
      const parsed = parseStructureRecord(record, raw.file);
      if (parsed.record) structures.push(parsed.record);
    }
  }
  return structures;
}

function centreOf(structure: StructureRecord): Centre {
  const parsed = CentreSchema.safeParse({
    structureId: structure.id,
    structureName: structure.nom.slice(0, 300),
    communeCode: structure.code_insee,
    communeName: structure.commune,
  });
  if (!parsed.success) throw new UserError(`La structure « ${structure.id} » ne peut pas être un centre : ${parsed.error.issues[0]?.message ?? 'données invalides'}.`);
  return parsed.data;
}

/** Ids like the one typed (a typo, a part of the id or of the name), closest first. */
function unknownStructureMessage(typed: string, structures: readonly StructureRecord[], offerDir: string): string {
  const folded = fold(typed);
  // About one typo every three letters, as for words of the sheets.
  const allowed = 1 + Math.floor(folded.length / 3);
  const scored = structures
    .map((structure) => {
      const id = fold(structure.id);
      const partOf = folded.length >= 3 && (id.includes(folded) || fold(structure.nom).includes(folded));
      return { structure, score: partOf ? 0 : editDistance(folded, id, allowed) };
    })
    .filter(({ score }) => score <= allowed)
    .sort((a, b) => a.score - b.score || a.structure.id.localeCompare(b.structure.id))
    .slice(0, 5);
  const lines = [`Aucune structure « ${typed} » dans ${offerDir}.`];
  if (scored.length > 0) {
    lines.push('Vouliez-vous dire :');
    for (const { structure } of scored) lines.push(`  ${structure.id}  (${structure.nom}${structure.commune ? `, ${structure.commune}` : ''})`);
  } else {
    lines.push(`Les identifiants sont ceux du champ « id » de structures.json (${structures.length} structure${structures.length > 1 ? 's' : ''}).`);
  }
  return lines.join('\n');
}

async function staff(args: string[], context: Context): Promise<void> {
  parseCommand(args, {}, 0);
  const enrolments = await withStore(context, (store) => store.enrolments.list());
  if (enrolments.length === 0) {
    process.stdout.write('Personne n’est inscrit pour l’instant. Créez un code avec : npm run admin -- invite ID-STRUCTURE\n');
    return;
  }
  const rows = enrolments.map((enrolment: Enrolment) => [
    enrolment.id,
    `${enrolment.structureName} (${enrolment.structureId})`,
    enrolment.channelId,
    parisTime(new Date(enrolment.enrolledAt)),
    shortUserKey(enrolment.userKey),
  ]);
  process.stdout.write(table(['inscription', 'centre', 'canal', 'inscrit le', 'compte'], rows));
  process.stdout.write(`${enrolments.length} inscription${enrolments.length > 1 ? 's' : ''}.\n`);
}

/** Enough of an account key to tell two apart, not enough to use it elsewhere: « aad:3f2a…9c1e ». */
export function shortUserKey(userKey: string): string {
  const colon = userKey.indexOf(':');
  const [scheme, id] = colon > 0 && colon <= 20 ? [userKey.slice(0, colon + 1), userKey.slice(colon + 1)] : ['', userKey];
  if (id.length <= 8) return `${scheme}${'•'.repeat(id.length)}`;
  return `${scheme}${id.slice(0, 4)}…${id.slice(-4)}`;
}

async function revoke(args: string[], context: Context): Promise<void> {
  const { positionals } = parseCommand(args, {}, 1);
  const id = positionals[0].trim();
  const removed = await withStore(context, (store) => store.enrolments.revoke(id, adminActor(), context.now));
  if (!removed) throw new UserError(`Aucune inscription « ${id} ». La liste : npm run admin -- staff`);
  process.stdout.write(
    `Inscription ${id} retirée : ce compte ne peut plus déclarer ni voir les chiffres des centres ; il lui faudra un nouveau code pour déclarer de nouveau.\n`,
  );
}

/** Who did it, for the audit trail: the system account running the command. */
function adminActor(): string {
  let user = process.env.USER ?? '';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's word is all there is.
  }
  return `admin:${user || 'unknown'}`;
}

const EXPORT_OPTIONS = {
  format: { type: 'string' },
  separator: { type: 'string' },
  plan: { type: 'string' },
  sheet: { type: 'string' },
  action: { type: 'string' },
  structure: { type: 'string' },
  commune: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

async function exportReports(args: string[], context: Context): Promise<void> {
  const { values } = parseCommand(args, EXPORT_OPTIONS, 0);
  const pairs = Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const reading = readReportQuery(pairs);
  if (!reading.ok) throw usageError(`--${reading.problem.message}`);
  // A sheet number without its prefix is resolved against the sheets, as the API does, so both give the same reports.
  const sheets = reading.query.sheetNumber ? loadSheets(context.config.knowledgeDir, context.config.databaseUrl) : undefined;
  const query = resolveSheetNumber(reading.query, sheets);
  const reports = await withStore(context, (store) => findReports(store, query));
  const body = query.format === 'csv' ? reportsCsv(reports, query.separator) : reportsJson(reports);
  await new Promise<void>((resolve, reject) => process.stdout.write(body, (error) => (error ? reject(error) : resolve())));
}

/** Loaded only when a query needs them: the sheets' modules are half of this script's start-up. */
function loadSheets(knowledgeDir: string, databaseUrl: string): SheetIndexModule.SheetIndex {
  const { loadSheetKnowledge } = require('../src/sheets/loader') as typeof SheetLoaderModule;
  const { SheetIndex } = require('../src/sheets/sheetIndex') as typeof SheetIndexModule;
  const { sheetCacheDirectory } = require('../src/sheets/documents/cache') as typeof import('../src/sheets/documents/cache');
  // PDF and Word sheets as the bot read them at its last start, from the same cache.
  return SheetIndex.build(loadSheetKnowledge(path.join(knowledgeDir, 'sheets'), { cacheDir: sheetCacheDirectory(databaseUrl) }).sheets);
}

function parisTime(date: Date): string {
  return DateTime.fromJSDate(date).setZone(PARIS).toFormat("dd/MM/yyyy 'à' HH:mm");
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()}\n`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('');
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Not a user's mistake: the message, for the administrator to report; the stack only when asked for.
      process.stderr.write(`La commande a échoué : ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
}
