import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { PACKAGE_FILES, runManifestCommand } from '../../scripts/manifest';
import { drawColorIcon, drawOutlineIcon } from './drawIcons';
import { decodeRgbaPng, readPngHeader } from './png';

/**
 * `npm run manifest`: the real script run in a child process, its zip opened and checked offline against the
 * schemas Microsoft ships in @microsoft/app-manifest, plus the icons Teams asks for and the values that stop it.
 */

const ROOT = path.join(__dirname, '../..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const APP_ID = '3f2b9c4e-8a71-4d25-9b0e-5c6d7e8f9a01';
const PUBLIC_URL = 'https://maillage.example.org';
const MANIFEST_SCHEMA = 'MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA = 'MicrosoftTeams.Localization.schema.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read from the zip

const run = promisify(execFile);

async function runScript(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', './tests/app/runTypeScript.js', 'scripts/manifest.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Microsoft's validator, run in a child process (see validateWithMicrosoft.js); one error list per document. */
async function validateWithMicrosoft(requests: Array<{ schema: string; document: unknown }>): Promise<string[][]> {
  const child = spawn(process.execPath, [path.join(__dirname, 'validateWithMicrosoft.js')], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.end(JSON.stringify(requests));
  const code = await exited;
  if (code !== 0) throw new Error(`validator exited with ${code}: ${stderr}`);
  return JSON.parse(stdout) as string[][];
}

function json(files: Record<string, Uint8Array>, name: string): Json {
  return JSON.parse(Buffer.from(files[name]!).toString('utf8')) as Json;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-manifest-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run manifest', () => {
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    const zip = path.join(tmp, 'maillage.zip');
    const result = await runScript({ MicrosoftAppId: APP_ID, PUBLIC_URL: `${PUBLIC_URL}/` }, ['--out', zip]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(zip);
    files = unzipSync(fs.readFileSync(zip));
  });

  it('writes a zip with exactly the manifest, the two icons and the two localisation files, at its root', () => {
    expect(Object.keys(files).sort()).toEqual([...PACKAGE_FILES].sort());
    expect(PACKAGE_FILES).toEqual(expect.arrayContaining(['manifest.json', 'color.png', 'outline.png', 'fr.json', 'en.json']));
  });

  it('passes Microsoft’s own schema, offline, for the manifest and both localisation files', async () => {
    const manifest = json(files, 'manifest.json');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    const results = await validateWithMicrosoft([
      { schema: MANIFEST_SCHEMA, document: manifest },
      { schema: LOCALIZATION_SCHEMA, document: json(files, 'fr.json') },
      { schema: LOCALIZATION_SCHEMA, document: json(files, 'en.json') },
    ]);
    expect(results).toEqual([[], [], []]);
  });

  it('is checked by a validator that does reject a broken manifest', async () => {
    const broken = { ...json(files, 'manifest.json'), id: 'not-a-guid', icons: { color: 'color.png' } };
    const longName = { ...json(files, 'fr.json'), 'name.short': 'Maillage, un nom bien trop long pour Teams' };
    const [errors = [], localizationErrors = []] = await validateWithMicrosoft([
      { schema: MANIFEST_SCHEMA, document: broken },
      { schema: LOCALIZATION_SCHEMA, document: longName },
    ]);
    expect(localizationErrors.join('\n')).toMatch(/name\.short/);
    expect(errors.join('\n')).toMatch(/\/id must match pattern/);
    expect(errors.join('\n')).toMatch(/outline/);
  });

  it('fills the bot id and the public host everywhere Teams needs them, and leaves no placeholder', () => {
    const manifest = json(files, 'manifest.json');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] })]);
    expect(manifest.composeExtensions).toEqual([
      expect.objectContaining({
        botId: APP_ID,
        commands: [
          expect.objectContaining({
            id: 'searchSheets',
            type: 'query',
            initialRun: true,
            parameters: [expect.objectContaining({ name: 'query' })],
          }),
        ],
      }),
    ]);
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ contentUrl: `${PUBLIC_URL}/tab`, websiteUrl: `${PUBLIC_URL}/tab`, scopes: ['personal'] }),
    ]);
    expect(manifest.validDomains).toEqual(['maillage.example.org']);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://maillage.example.org/${APP_ID}` });
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('.json')) expect([name, Buffer.from(bytes).toString('utf8')]).not.toEqual([name, expect.stringContaining('{{')]);
    }
  });

  it('has French by default and English as well, with the same keys, the French file agreeing with the manifest', () => {
    const manifest = json(files, 'manifest.json');
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'fr',
      defaultLanguageFile: 'fr.json',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    const fr = json(files, 'fr.json');
    const en = json(files, 'en.json');
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of Object.entries(fr)) {
      if (key === '$schema') continue;
      // "composeExtensions[0].commands[0].title" → the manifest's value at that path
      const inManifest = key.split(/\.|\[|\]\.?/).filter(Boolean).reduce<any>((node, step) => node?.[step], manifest); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect([key, inManifest]).toEqual([key, value]);
    }
    const untranslated = Object.keys(fr).filter((key) => en[key] === fr[key]);
    expect(untranslated.sort()).toEqual(['$schema', 'name.short']);
  });

  it('ships a 192×192 opaque colour icon and a 32×32 white-on-transparent outline icon, as drawn by drawIcons.ts', () => {
    expect(readPngHeader(Buffer.from(files['color.png']!))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(Buffer.from(files['outline.png']!))).toMatchObject({ width: 32, height: 32 });

    const color = decodeRgbaPng(Buffer.from(files['color.png']!));
    const alphas = new Set(color.pixels.filter((_, i) => i % 4 === 3));
    expect([...alphas]).toEqual([255]);

    const outline = decodeRgbaPng(Buffer.from(files['outline.png']!));
    const notWhite = [];
    let ink = 0;
    let clear = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) notWhite.push(i / 4);
      if (a === 255) ink++;
      if (a === 0) clear++;
    }
    expect(notWhite).toEqual([]);
    expect(ink).toBeGreaterThan(50);
    expect(clear).toBeGreaterThan(300);

    expect(Buffer.from(color.pixels).equals(Buffer.from(drawColorIcon().pixels))).toBe(true);
    expect(Buffer.from(outline.pixels).equals(Buffer.from(drawOutlineIcon().pixels))).toBe(true);
  });
});

describe('npm run manifest with a missing or malformed value', () => {
  it('stops with exit code 2, names the variable and writes nothing', async () => {
    const zip = path.join(tmp, 'refused.zip');
    const result = await runScript({ PUBLIC_URL }, ['--out', zip]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('MicrosoftAppId : manquant');
    expect(result.stdout).toBe('');
    expect(fs.existsSync(zip)).toBe(false);
  });

  it.each([
    [{ MicrosoftAppId: 'my-bot', PUBLIC_URL }, /MicrosoftAppId : doit être l'identifiant d'application du bot, un GUID/],
    [{ MicrosoftAppId: `${APP_ID}x`, PUBLIC_URL }, /MicrosoftAppId : doit être/],
    [{ MicrosoftAppId: APP_ID }, /PUBLIC_URL : manquant/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: '   ' }, /PUBLIC_URL : manquant/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: 'http://maillage.example.org' }, /PUBLIC_URL : doit être une adresse https/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: 'maillage.example.org' }, /PUBLIC_URL : doit être une adresse https/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://maillage.example.org:8443' }, /PUBLIC_URL : ne doit pas porter de port/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://maillage.example.org/?x=1' }, /PUBLIC_URL : ne doit pas contenir de paramètres/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://bob:secret@maillage.example.org' }, /PUBLIC_URL : ne doit pas contenir d’identifiants/],
    [{ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://localhost' }, /PUBLIC_URL : doit nommer un domaine public/],
    [{}, /MicrosoftAppId : manquant\nPUBLIC_URL : manquant/],
  ])('%j', (env, message) => {
    const zip = path.join(tmp, 'refused.zip');
    let err = '';
    const code = runManifestCommand(['--out', zip], env, { out: () => undefined, err: (text) => (err += text) }, MANIFEST_DIR);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(fs.existsSync(zip)).toBe(false);
  });

  it('refuses a bad usage with exit code 2', () => {
    for (const args of [['--out'], ['--zip', 'x.zip'], ['x.zip']]) {
      let err = '';
      const code = runManifestCommand(args, { MicrosoftAppId: APP_ID, PUBLIC_URL }, { out: () => undefined, err: (text) => (err += text) }, MANIFEST_DIR);
      expect([args, code]).toEqual([args, 2]);
      expect(err).toContain('Usage : npm run manifest');
    }
  });

  it('for any values, either writes a package that validates or refuses with exit 2 naming the variable', async () => {
    const written: Json[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uuid(), fc.string(), fc.constant(APP_ID.toUpperCase())),
        fc.oneof(fc.webUrl({ validSchemes: ['https'] }), fc.webUrl(), fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        async (appId, publicUrl) => {
          const zip = path.join(tmp, 'property.zip');
          fs.rmSync(zip, { force: true });
          let err = '';
          const code = runManifestCommand(['--out', zip], { MicrosoftAppId: appId, PUBLIC_URL: publicUrl }, { out: () => undefined, err: (text) => (err += text) }, MANIFEST_DIR);
          if (code === 2) {
            expect(err).toMatch(/^(MicrosoftAppId|PUBLIC_URL) : /m);
            expect(fs.existsSync(zip)).toBe(false);
            return;
          }
          expect(code).toBe(0);
          const manifest = json(unzipSync(fs.readFileSync(zip)), 'manifest.json');
          expect(manifest.id).toBe(appId.toLowerCase());
          written.push(manifest);
        },
      ),
      { numRuns: 100 },
    );
    expect(written.length).toBeGreaterThan(0);
    const results = await validateWithMicrosoft(written.map((document) => ({ schema: MANIFEST_SCHEMA, document })));
    expect(results.map((errors, i) => (errors.length ? [written[i]!.validDomains, errors] : []))).toEqual(written.map(() => []));
  });
});
