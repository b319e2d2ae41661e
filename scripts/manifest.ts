/**
 * `npm run manifest [-- --out FILE]`: writes the Teams app package, `manifest/build/maillage.zip` by default.
 * The template `manifest/manifest.template.json` and its localisation files get the bot's id and public host from
 * `MicrosoftAppId` (a GUID) and `PUBLIC_URL` (an https URL); the zip holds manifest.json, the two icons and the
 * localisation files at its root, as Teams wants. The placeholders are filled in the parsed JSON's strings, never
 * in its text, so no value can change the manifest's structure.
 * Exit code: 0 when the package is written, 2 for a missing or malformed value or a bad usage, 1 when the template
 * itself is broken (a file missing, a placeholder nobody fills).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { z } from 'zod';

/** The files of the package, all at the zip's root; the manifest is the filled template. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'fr.json', 'en.json'] as const;
const TEMPLATE = 'manifest.template.json';
const FILLED_JSON = new Set(['fr.json', 'en.json']);

/** Zip entries carry this date, so that the same inputs give the same bytes (DOS dates start in 1980). */
const ENTRY_DATE = new Date(Date.UTC(2024, 0, 1));

const USAGE = `Usage : npm run manifest [-- --out FICHIER.zip]

Écrit le paquet de l'application Teams (par défaut manifest/build/maillage.zip) à partir de
MicrosoftAppId (l'identifiant du bot, un GUID) et PUBLIC_URL (l'adresse https publique du bot).
`;

const guid = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const packageEnvironment = z.object({
  MicrosoftAppId: z
    .string({ error: (issue) => (issue.input === undefined ? 'manquant' : 'doit être un texte') })
    .trim()
    .min(1, 'manquant')
    .regex(guid, "doit être l'identifiant d'application du bot, un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"),
  PUBLIC_URL: z
    .string({ error: (issue) => (issue.input === undefined ? 'manquant' : 'doit être un texte') })
    .trim()
    .min(1, 'manquant')
    .pipe(z.url({ protocol: /^https$/, error: 'doit être une adresse https:// absolue' }))
    .transform((text) => new URL(text))
    .check((ctx) => {
      const url = ctx.value;
      const problem = url.username || url.password ? 'ne doit pas contenir d’identifiants'
        : url.port ? 'ne doit pas porter de port (Teams ne charge que le port 443)'
        : url.href.includes('?') || url.href.includes('#') ? 'ne doit pas contenir de paramètres (?…) ni d’ancre (#…)'
        : !url.hostname.includes('.') ? 'doit nommer un domaine public (Teams ne joint pas localhost)'
        : undefined;
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value.href });
    }),
});

/** The values the template's placeholders take. */
export interface PackageValues {
  MicrosoftAppId: string;
  /** The public base URL, without a trailing slash. */
  PUBLIC_URL: string;
  /** Its host name, for validDomains and the SSO resource. */
  PUBLIC_HOST: string;
}

export class PackageConfigError extends Error {}

/** Reads the two values from the environment; each problem names its variable. */
export function readPackageValues(env: Record<string, string | undefined>): PackageValues {
  const parsed = packageEnvironment.safeParse({ MicrosoftAppId: env.MicrosoftAppId, PUBLIC_URL: env.PUBLIC_URL });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environnement'} : ${issue.message}`);
    throw new PackageConfigError(lines.join('\n'));
  }
  const url = parsed.data.PUBLIC_URL;
  return {
    MicrosoftAppId: parsed.data.MicrosoftAppId.toLowerCase(),
    PUBLIC_URL: `${url.origin}${url.pathname}`.replace(/\/+$/, ''),
    PUBLIC_HOST: url.hostname,
  };
}

export class TemplateError extends Error {}

/** Replaces `{{NAME}}` in every string of a JSON value; a placeholder without a value is an error. */
export function fillPlaceholders(value: unknown, values: PackageValues, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{([^{}]*)\}\}/g, (_, name: string) => {
      if (!Object.hasOwn(values, name)) throw new TemplateError(`${where} : aucune valeur pour {{${name}}}`);
      return values[name as keyof PackageValues];
    });
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, values, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [fillPlaceholders(key, values, where), fillPlaceholders(item, values, where)]),
    );
  }
  return value;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateError(`${path.basename(file)} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new TemplateError(`${path.basename(file)} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The package's files, name → bytes, from the template folder and the values. */
export function buildPackageFiles(manifestDir: string, values: PackageValues): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of PACKAGE_FILES) {
    if (name === 'manifest.json' || FILLED_JSON.has(name)) {
      const source = name === 'manifest.json' ? TEMPLATE : name;
      const filled = fillPlaceholders(readJson(path.join(manifestDir, source)), values, source);
      files.set(name, new TextEncoder().encode(`${JSON.stringify(filled, null, 2)}\n`));
    } else {
      files.set(name, readBytes(path.join(manifestDir, name)));
    }
  }
  return files;
}

export function zipPackage(files: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries([...files].map(([name, bytes]) => [name, [bytes, { mtime: ENTRY_DATE }]])), { level: 9 });
}

export interface ManifestIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; `manifestDir` is the folder with the template, icons and localisation files. */
export function runManifestCommand(
  args: readonly string[],
  env: Record<string, string | undefined>,
  io: ManifestIo,
  manifestDir = path.resolve('manifest'),
): number {
  let outFile = path.join(manifestDir, 'build', 'maillage.zip');
  if (args.length === 2 && args[0] === '--out' && args[1]) outFile = path.resolve(args[1]);
  else if (args.length !== 0) {
    io.err(USAGE);
    return 2;
  }
  try {
    const values = readPackageValues(env);
    const files = buildPackageFiles(manifestDir, values);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, zipPackage(files));
    io.out(`Paquet Teams écrit : ${outFile}\n  bot ${values.MicrosoftAppId}, onglet ${values.PUBLIC_URL}/tab\n`);
    return 0;
  } catch (error) {
    if (error instanceof PackageConfigError) {
      io.err(`Paquet Teams non écrit :\n${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof TemplateError) {
      io.err(`Paquet Teams non écrit, modèle incomplet : ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  try {
    process.exitCode = runManifestCommand(process.argv.slice(2), process.env, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  } catch (error) {
    process.stderr.write(`Paquet Teams non écrit : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
