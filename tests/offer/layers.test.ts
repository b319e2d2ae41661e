import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The offer service returns data; src/messages and src/cards say it (issue 9). Read from the files' own import and
 * re-export lines, so that a word or a card creeping back into src/offer fails here, whatever imports it.
 */
const ROOT = resolve(__dirname, '../..');
const OFFER = join(ROOT, 'src/offer');

/** Known exceptions, each one exact line: none left. */
const ALLOWED = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `import … from '…'`, `export … from '…'` and `import('…')` of a file, one statement a line. */
function moduleReferences(path: string): Array<{ statement: string; target: string }> {
  const text = readFileSync(path, 'utf8');
  const out: Array<{ statement: string; target: string }> = [];
  const statements = /^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"];?|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"];?/gms;
  for (const match of text.matchAll(statements)) {
    out.push({ statement: match[0].replace(/\s+/g, ' ').trim(), target: match[1] ?? match[2] ?? match[3] });
  }
  return out;
}

/** Where a relative import lands, from the root: "src/messages/offer". */
function landing(from: string, target: string): string {
  return target.startsWith('.') ? relative(ROOT, resolve(from, '..', target)).split('\\').join('/') : target;
}

describe('src/offer returns data', () => {
  const files = sourceFiles(OFFER);

  it('reads the files it checks', () => {
    expect(files.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['src/offer/engine.ts', 'src/offer/present.ts', 'src/offer/hours.ts']));
    // The reader finds imports written over several lines too.
    expect(moduleReferences(join(OFFER, 'engine.ts')).some((r) => r.target === './search')).toBe(true);
  });

  it('imports nothing from src/messages, src/cards or dialogs (but the known exceptions)', () => {
    const offending = files.flatMap((file) =>
      moduleReferences(file)
        .filter(({ target }) => /^(src\/(messages|cards)|dialogs)(\/|$)/.test(landing(file, target)))
        .map(({ statement }) => `${relative(ROOT, file)}: ${statement}`),
    );
    expect(offending.filter((line) => !ALLOWED.has(line))).toEqual([]);
  });

  it('renders through src/messages: the renderer, not the service, imports the cards', () => {
    const renderer = moduleReferences(join(ROOT, 'src/messages/offerAnswer.ts')).map((r) => landing(join(ROOT, 'src/messages/offerAnswer.ts'), r.target));
    expect(renderer).toEqual(expect.arrayContaining(['src/cards/serviceCards', 'src/offer/engine']));
  });
});
