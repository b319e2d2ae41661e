/**
 * `npm run sheets -- check DIR|FILE`: what the bot understands of a plan's sheets, before they go live.
 * For each file (.txt, .md, .pdf, .docx): the sheets found and, for each, its code and title, the fields recognised
 * with their first words, the headings it keeps without knowing them, and any problem. PDF and Word files are read
 * afresh (no cache), so what is shown is what the current readers make of them.
 * Exit code: 0 when every file gave a sheet, 1 when one did not (or none was found), 2 for a bad usage.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadSheetKnowledgeWithDocuments } from '../src/sheets/loader';
import type { LoadProblem, Sheet, SheetField, SheetKnowledge } from '../src/sheets/model';

/** What each field means to a plan's coordinator, who reads this output. */
const FIELD_NAMES: Record<SheetField, string> = {
  context: 'contexte',
  objectives: 'objectifs',
  audience: 'public',
  pilot: 'pilotage',
  partners: 'partenaires',
  funding: 'financement',
  actions: 'actions',
  deadlines: 'échéances',
  results: 'résultats / indicateurs',
  links: 'liens',
  other: 'autre',
};

const USAGE = `Usage : npm run sheets -- check DOSSIER|FICHIER

  check DOSSIER   lit toutes les fiches du dossier (.txt, .md, .pdf, .docx, avec le plan.json de chaque dossier)
  check FICHIER   lit une seule fiche (avec le plan.json de son dossier)

Affiche, pour chaque fichier, les fiches trouvées, les rubriques reconnues (avec leurs premiers mots),
les intitulés inconnus (gardés tels quels) et les problèmes.
Code de sortie : 0 si chaque fichier a donné une fiche, 1 sinon, 2 si la commande est mal écrite.
`;

const FIRST_WORDS = 10;

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')}…` : words.join(' ');
}

function describeSheet(sheet: Sheet): string[] {
  const lines = [`  ${sheet.code} — ${sheet.title}`];
  if (sheet.axis.length > 0) lines.push(`    axe : ${sheet.axis.map((step) => [step.kind, step.number, step.title].filter(Boolean).join(' ')).join(' > ')}`);
  const known = sheet.sections.filter((section) => section.field !== 'other');
  if (known.length === 0) lines.push('    rubriques reconnues : aucune');
  else lines.push('    rubriques reconnues :');
  for (const section of known) {
    const text = section.items.map((item) => item.text).join(' ');
    lines.push(`      ${FIELD_NAMES[section.field]}${section.heading ? ` (« ${section.heading} »)` : ''} : ${text ? firstWords(text) : '(vide)'}`);
  }
  const unknown = sheet.sections.filter((section) => section.field === 'other' && section.heading.trim());
  if (unknown.length > 0) lines.push(`    intitulés inconnus : ${unknown.map((section) => `« ${section.heading} »`).join(', ')}`);
  if (sheet.actions.length > 0) lines.push(`    actions : ${sheet.actions.map((action) => action.number).join(', ')}`);
  return lines;
}

/** The report, file by file, in the order of the files. */
export function describeKnowledge(knowledge: SheetKnowledge, only?: string): { text: string; failed: number; files: number } {
  const byFile = new Map<string, { sheets: Sheet[]; problems: LoadProblem[] }>();
  const entry = (file: string) => {
    if (!byFile.has(file)) byFile.set(file, { sheets: [], problems: [] });
    return byFile.get(file)!;
  };
  for (const sheet of knowledge.sheets) entry(sheet.file).sheets.push(sheet);
  for (const problem of knowledge.problems) entry(problem.file).problems.push(problem);
  const lines: string[] = [];
  let failed = 0;
  let files = 0;
  for (const [file, { sheets, problems }] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    if (only !== undefined && file !== only) continue;
    const isSheetFile = !file.endsWith('plan.json');
    if (isSheetFile) files++;
    if (isSheetFile && sheets.length === 0) failed++;
    lines.push(`${file} : ${isSheetFile ? `${sheets.length} fiche${sheets.length > 1 ? 's' : ''}` : 'description du plan'}`);
    for (const sheet of sheets) lines.push(...describeSheet(sheet));
    for (const problem of problems) lines.push(`  PROBLÈME : ${problem.reason}`);
    lines.push('');
  }
  if (files === 0) {
    failed++;
    lines.push('Aucun fichier de fiche trouvé (.txt, .md, .pdf, .docx).');
  } else {
    lines.push(`${files - failed} fichier${files - failed > 1 ? 's' : ''} sur ${files} lu${files > 1 ? 's' : ''} avec au moins une fiche.`);
  }
  return { text: lines.join('\n'), failed, files };
}

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runSheetsCommand(args: string[], output: CommandOutput): Promise<number> {
  const [command, target, ...rest] = args;
  if (command !== 'check' || !target || rest.length > 0) {
    output.err(USAGE);
    return 2;
  }
  const resolved = path.resolve(target);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(resolved).isDirectory();
  } catch {
    output.err(`${target} : introuvable.\n\n${USAGE}`);
    return 2;
  }
  // A single file is read with its folder's plan.json: the folder is loaded and only that file is shown.
  const folder = isDirectory ? resolved : path.dirname(resolved);
  const knowledge = await loadSheetKnowledgeWithDocuments(folder);
  const report = describeKnowledge(knowledge, isDirectory ? undefined : path.basename(resolved));
  output.out(`${report.text}\n`);
  return report.failed > 0 ? 1 : 0;
}

if (require.main === module) {
  runSheetsCommand(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`npm run sheets : échec inattendu : ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
