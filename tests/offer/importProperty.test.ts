import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { CommuneIndex } from '../../src/geo';
import { buildServices } from '../../src/offer/buildServices';
import { loadOffer } from '../../src/offer/loadOffer';
import { importFiles, streamOfferFiles } from '../../src/offer/readOffer';
import type { LoadProblem } from '../../src/offer/records';

/**
 * Random records (fields missing, null, right or wrong, ids and names missing) in random wrappings (arrays, API
 * pages, several page files, page folders, JSON Lines, gzip, the data.gouv.fr export): the loader and the import never
 * crash, every record with an id and a name is loaded, and the problems are exactly the wrong values and the records
 * set aside, each naming its file, record id and field.
 */

const communes = CommuneIndex.load();
const RUNS = 60;

type Choice = { state: 'absent' } | { state: 'null' } | { state: 'good'; value: unknown } | { state: 'bad'; value: unknown };

const choice = (good: unknown[], bad: unknown[]): fc.Arbitrary<Choice> =>
  fc.oneof(
    fc.constant<Choice>({ state: 'absent' }),
    fc.constant<Choice>({ state: 'null' }),
    fc.constantFrom(...good).map((value): Choice => ({ state: 'good', value })),
    fc.constantFrom(...bad).map((value): Choice => ({ state: 'bad', value })),
  );

/** Right values agree with one another (all in Givors), so that a wrong one is the only thing to report. */
const FIELDS = {
  code_postal: choice(['69700', 69700, '69 700'], ['6970', 'ABCDE', true]),
  code_insee: choice(['69091'], ['6909', 'XXXXXX', 12.5]),
  courriel: choice(['contact@example.org', 'mailto:contact@example.org'], ['contact@', 'a b@example.org', 42]),
  telephone: choice(['04 65 71 99 01', '3919', '+33 4 65 71 99 01'], ['appelez-nous', '04 65', {}]),
  latitude: choice([45.5912, '45.5912'], ['nord', 200]),
  longitude: choice([4.7688], ['est', -500]),
  adresse: choice(['3 rue du Test'], [12, ['a']]),
  horaires_accueil: choice(['Mo-Fr 09:00-17:00'], [7]),
};
const SERVICE_FIELDS = {
  ...FIELDS,
  lien_mobilisation: choice(['https://service.example.org', 'www.example.org'], ['javascript:alert(1)', 'http://a b', 3]),
  thematiques: choice([['famille--soutien-a-la-parentalite'], 'famille'], [[1, 2], { a: 1 }]),
  modes_accueil: choice([['en-presentiel'], ['a-distance', 'en-presentiel']], [5]),
};
const STRUCTURE_FIELDS = { ...FIELDS, site_web: choice(['https://structure.example.org'], ['javascript:alert(1)', 'ftp://x.example.org']) };

const WORDS = ['Centre', 'social', 'Maison', 'des', 'familles', 'Café', 'parents', 'Groupe', 'parole', 'LAEP', 'Les', 'Essais', 'Tilleuls'];
const goodName = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const nameChoice = fc.oneof(
  { weight: 5, arbitrary: goodName.map((value): Choice => ({ state: 'good', value })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('', '   ', '<b></b>', 42).map((value): Choice => ({ state: 'bad', value })) },
  { weight: 1, arbitrary: fc.constant<Choice>({ state: 'absent' }) },
);
/** An id as a string or a number, or one that cannot identify anything. */
const idChoice = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<'text' | 'number'>('text', 'number') },
  { weight: 1, arbitrary: fc.constantFrom<'empty' | 'absent'>('empty', 'absent') },
);

const structureArbitrary = fc.record({ id: idChoice, nom: nameChoice, fields: fc.record(STRUCTURE_FIELDS) });
const serviceArbitrary = fc.record({
  id: idChoice,
  nom: nameChoice,
  structure: fc.option(fc.nat(5), { nil: null }),
  fields: fc.record(SERVICE_FIELDS),
});

const LAYOUTS = ['array', 'page', 'pages', 'folder', 'jsonl', 'gzip', 'export'] as const;
type Layout = (typeof LAYOUTS)[number];

type Written = { record: Record<string, unknown>; label: string };

/** Writes the records of one kind in a layout; returns each record with the label of the file that holds it. */
function writeKind(dir: string, kind: 'structures' | 'services', records: Array<Record<string, unknown>>, layout: Layout, pageSize: number): Written[] {
  const chunks: Array<Array<Record<string, unknown>>> = [];
  for (let at = 0; at < Math.max(records.length, 1); at += pageSize) chunks.push(records.slice(at, at + pageSize));
  const page = (items: unknown[], n: number) => ({ items, total: records.length, page: n, size: items.length, pages: chunks.length });
  const labelled = (chunk: Array<Record<string, unknown>>, label: string) => chunk.map((record) => ({ record, label }));
  switch (layout) {
    case 'array':
      writeFileSync(join(dir, `${kind}.json`), JSON.stringify(records));
      return labelled(records, `offer/${kind}.json`);
    case 'page':
      writeFileSync(join(dir, `${kind}.json`), JSON.stringify(page(records, 1)));
      return labelled(records, `offer/${kind}.json`);
    case 'pages':
      return chunks.flatMap((chunk, i) => {
        writeFileSync(join(dir, `${kind}-${i + 1}.json`), JSON.stringify(page(chunk, i + 1)));
        return labelled(chunk, `offer/${kind}-${i + 1}.json`);
      });
    case 'folder':
      mkdirSync(join(dir, kind));
      return chunks.flatMap((chunk, i) => {
        writeFileSync(join(dir, kind, `page-${i + 1}.json`), JSON.stringify(page(chunk, i + 1)));
        return labelled(chunk, `offer/${kind}/page-${i + 1}.json`);
      });
    case 'jsonl':
      writeFileSync(join(dir, `${kind}.jsonl`), records.map((r) => JSON.stringify(r)).join('\n'));
      // An empty JSON Lines file holds no value: write one empty page instead, as a tool would.
      if (records.length === 0) writeFileSync(join(dir, `${kind}.jsonl`), JSON.stringify(page([], 1)));
      return labelled(records, `offer/${kind}.jsonl`);
    case 'gzip':
      writeFileSync(join(dir, `${kind}.json.gz`), gzipSync(JSON.stringify(records)));
      return labelled(records, `offer/${kind}.json.gz`);
    case 'export': {
      // As pandas writes it: one line, slashes escaped.
      const name = `${kind}-inclusion-2025-01-06.json`;
      writeFileSync(join(dir, name), JSON.stringify(records).replace(/\//g, '\\/'));
      return labelled(records, `offer/${name}`);
    }
  }
}

type Generated = { record: Record<string, unknown>; id: string | null; name: string | null; bad: string[] };

function materialise(
  item: { id: 'text' | 'number' | 'empty' | 'absent'; nom: Choice; fields: Record<string, Choice> },
  prefix: string,
  index: number,
  number: number,
): Generated {
  const record: Record<string, unknown> = {};
  const id = item.id === 'text' ? `${prefix}-${index}` : item.id === 'number' ? String(number + index) : null;
  if (item.id === 'text') record.id = `${prefix}-${index}`;
  if (item.id === 'number') record.id = number + index;
  if (item.id === 'empty') record.id = ' ';
  if (item.nom.state === 'good' || item.nom.state === 'bad') record.nom = item.nom.value;
  if (item.nom.state === 'null') record.nom = null;
  // Every record names its town, so that each can be placed whatever else is wrong with it.
  record.commune = 'Givors';
  const bad: string[] = [];
  for (const [field, value] of Object.entries(item.fields)) {
    if (value.state === 'absent') continue;
    record[field] = value.state === 'null' ? null : value.value;
    if (value.state === 'bad') bad.push(field);
  }
  return { record, id, name: item.nom.state === 'good' && typeof item.nom.value === 'string' ? item.nom.value : null, bad };
}

type Key = string;
const keyOf = (p: { file: string; id: string | null; field?: string }): Key => `${p.file} | ${p.id} | ${p.field}`;

describe('the offer loader and the import, on random records in random wrappings', () => {
  it('never crash, load every record with an id and a name, and report exactly the wrong values with file, id and field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(structureArbitrary, { maxLength: 6 }),
        fc.array(serviceArbitrary, { maxLength: 8 }),
        fc.constantFrom(...LAYOUTS),
        fc.constantFrom(...LAYOUTS),
        fc.integer({ min: 1, max: 4 }),
        async (structureItems, serviceItems, structureLayout, serviceLayout, pageSize) => {
          const structures = structureItems.map((item, i) => materialise(item, 'st', i, 2000));
          const services = serviceItems.map((item, i) => {
            const generated = materialise(item, 'svc', i, 1000);
            if (item.structure !== null) generated.record.structure_id = `st-${item.structure}`;
            return { ...generated, structureId: item.structure === null ? null : `st-${item.structure}` };
          });
          const dir = mkdtempSync(join(tmpdir(), 'maillage-offer-property-'));
          const structureFiles = writeKind(dir, 'structures', structures.map((s) => s.record), structureLayout, pageSize);
          const serviceFiles = writeKind(dir, 'services', services.map((s) => s.record), serviceLayout, pageSize);
          const fileOf = (written: Written[], i: number) => written[i].label;

          const goodStructures = new Map(structures.filter((s) => s.id !== null && s.name !== null).map((s) => [s.id, s]));
          const expected: Key[] = [];
          const expectRecord = (g: Generated, file: string) => {
            if (g.id === null) expected.push(keyOf({ file, id: null, field: 'id' }));
            else if (g.name === null) expected.push(keyOf({ file, id: g.id, field: 'nom' }));
            else for (const field of g.bad) expected.push(keyOf({ file, id: g.id, field }));
          };
          structures.forEach((s, i) => expectRecord(s, fileOf(structureFiles, i)));
          services.forEach((s, i) => {
            const file = fileOf(serviceFiles, i);
            expectRecord(s, file);
            if (s.id !== null && s.name !== null && (s.structureId === null || !goodStructures.has(s.structureId))) {
              expected.push(keyOf({ file, id: s.id, field: 'structure_id' }));
            }
          });

          const check = (loaded: ReadonlyArray<{ id: string; name: string; structureName: string | null }>, problems: LoadProblem[]) => {
            for (const problem of problems) {
              expect(problem.field).toEqual(expect.any(String));
              if (problem.id === null) expect(problem.field).toBe('id');
            }
            expect(problems.map(keyOf).sort()).toEqual([...expected].sort());
            for (const service of services) {
              if (service.id === null || service.name === null) continue;
              const entry = loaded.find((s) => s.id === service.id);
              expect(entry?.name).toBe(service.name);
              const structure = service.structureId === null ? undefined : goodStructures.get(service.structureId);
              expect(entry?.structureName).toBe(structure?.name ?? null);
            }
            for (const entry of loaded) {
              const values = Object.values(entry);
              for (const g of [...services, ...structures]) for (const field of g.bad) {
                const value = g.record[field];
                if (typeof value === 'string') expect(values).not.toContain(value);
              }
            }
          };

          const direct = loadOffer(dir, communes);
          check(direct.offer.services, direct.problems);

          const problems: LoadProblem[] = [];
          const read = await streamOfferFiles(importFiles([dir]), problems);
          const built = buildServices(read.structures, read.services, communes);
          check(built.services, [...problems, ...built.problems]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
