import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CommuneIndex } from '../../src/geo';
import { buildServices } from '../../src/offer/buildServices';
import { loadOffer } from '../../src/offer/loadOffer';
import { importFiles, streamOfferFiles } from '../../src/offer/readOffer';
import type { LoadProblem } from '../../src/offer/records';

/**
 * The offer as it is handed out: pages of the data·inclusion API (one a file, or in structures/ and services/ folders),
 * the data.gouv.fr export as downloaded, JSON Lines, GeoJSON, gzip. The start-up loader and the import's streaming
 * reader must read them all alike.
 */

const communes = CommuneIndex.load();
const FIXTURES = join(__dirname, '../fixtures/offer');
const SERVICE_IDS = ['fixture--svc-laep', 'fixture--svc-groupe', 'fixture--svc-mediation'];

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'maillage-offer-formats-'));
}

const serviceIds = (services: ReadonlyArray<{ id: string }>) => services.map((s) => s.id).filter((id) => !id.startsWith('structure:'));
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const itemsOf = (page: unknown): unknown[] => {
  if (page && typeof page === 'object' && 'items' in page && Array.isArray(page.items)) return page.items;
  throw new Error('not a page');
};

async function imported(inputs: string[]): Promise<{ ids: string[]; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const { structures, services } = await streamOfferFiles(importFiles(inputs), problems);
  const built = buildServices(structures, services, communes);
  return { ids: serviceIds(built.services), problems: [...problems, ...built.problems] };
}

describe('pages of the data·inclusion API', () => {
  it('loads a folder of page files (structures-1.json, services-1.json, services-2.json) with every record', () => {
    const { offer, problems } = loadOffer(join(FIXTURES, 'api-pages'), communes);
    expect(problems).toEqual([]);
    expect(serviceIds(offer.services)).toEqual(SERVICE_IDS);
    expect(offer.services.find((s) => s.id === 'fixture--svc-laep')).toMatchObject({ structureName: 'Centre social Les Vernes (fictif)', communeCode: '69091', kinds: ['laep'] });
  });

  it('reads the two files of INTERFACES.md when each is an API page', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'structures.json'), readFileSync(join(FIXTURES, 'api-pages/structures-1.json')));
    const pages = [1, 2].map((n) => itemsOf(readJson(join(FIXTURES, `api-pages/services-${n}.json`))));
    writeFileSync(join(dir, 'services.json'), JSON.stringify({ total: 3, page: 1, size: 3, pages: 1, items: pages.flat() }));
    const { offer, problems } = loadOffer(dir, communes);
    expect(problems).toEqual([]);
    expect(serviceIds(offer.services)).toEqual(SERVICE_IDS);
  });

  it('reads pages saved in structures/ and services/ folders in natural order, and keeps the first of a repeated id', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'structures'));
    mkdirSync(join(dir, 'services'));
    cpSync(join(FIXTURES, 'api-pages/structures-1.json'), join(dir, 'structures/page-1.json'));
    const [first, second] = [1, 2].map((n) => itemsOf(readJson(join(FIXTURES, `api-pages/services-${n}.json`))));
    const renamed = { ...(first[0] as object), nom: 'LAEP renommé page 10' };
    writeFileSync(join(dir, 'services/page-2.json'), JSON.stringify({ items: first, total: 4, page: 2, size: 2, pages: 10 }));
    writeFileSync(join(dir, 'services/page-10.json'), JSON.stringify({ items: [...second, renamed], total: 4, page: 10, size: 2, pages: 10 }));
    const { offer, problems, source } = loadOffer(dir, communes);
    expect(serviceIds(offer.services)).toEqual(SERVICE_IDS);
    // The start-up log names every file read: an operator sees that a file dropped in the folder was taken.
    expect(source).toEqual({ kind: 'files', files: expect.arrayContaining(['offer/services/page-2.json', 'offer/services/page-10.json']) });
    expect(offer.services.find((s) => s.id === 'fixture--svc-laep')?.name).toBe('LAEP Les Petits Pas (fictif)');
    expect(problems).toEqual([{ file: 'offer/services/page-10.json', id: 'fixture--svc-laep', field: 'id', reason: expect.stringContaining('double') }]);
  });

  it('reads results of /search/services, each service carrying its structure, without reporting the repeated structure', () => {
    const dir = freshDir();
    const structures = itemsOf(readJson(join(FIXTURES, 'api-pages/structures-1.json')));
    const byId = new Map(structures.map((s) => [(s as { id: string }).id, s]));
    const services = [1, 2].flatMap((n) => itemsOf(readJson(join(FIXTURES, `api-pages/services-${n}.json`))));
    const results = services.map((s) => ({ service: { ...(s as object), structure: byId.get((s as { structure_id: string }).structure_id) }, distance: 1200 }));
    writeFileSync(join(dir, 'services-search.json'), JSON.stringify({ items: results, total: 3, page: 1, size: 3, pages: 1 }));
    const { offer, problems } = loadOffer(dir, communes);
    expect(problems).toEqual([{ file: 'offer/structures.json', id: null, reason: expect.stringContaining('absent') }]);
    expect(serviceIds(offer.services)).toEqual(SERVICE_IDS);
    expect(offer.services.find((s) => s.id === 'fixture--svc-mediation')?.structureName).toBe('Maison des familles du Sanitas (fictive)');
  });
});

describe('the export files as downloaded', () => {
  it('loads the data.gouv.fr JSON export (pandas records: escaped slashes, dates in milliseconds) like the API pages', () => {
    const fromExport = loadOffer(join(FIXTURES, 'datagouv'), communes);
    const fromApi = loadOffer(join(FIXTURES, 'api-pages'), communes);
    expect(fromExport.problems).toEqual([]);
    expect(fromExport.offer.services).toEqual(fromApi.offer.services);
    expect(fromExport.offer.services.find((s) => s.id === 'fixture--svc-mediation')?.website).toBe('https://mediation.example.org/rdv');
  });

  it('reads JSON Lines, GeoJSON and gzip, told by content rather than by name', () => {
    const dir = freshDir();
    const structures = readJson(join(FIXTURES, 'datagouv/structures-inclusion-2025-01-06.json'));
    const services = readJson(join(FIXTURES, 'datagouv/services-inclusion-2025-01-06.json'));
    if (!Array.isArray(structures) || !Array.isArray(services)) throw new Error('fixtures are arrays');
    const features = structures.map((s: Record<string, unknown>) => {
      const { latitude, longitude, ...properties } = s;
      return { type: 'Feature', properties: { ...properties, latitude: null, longitude: null }, geometry: { type: 'Point', coordinates: [longitude, latitude] } };
    });
    writeFileSync(join(dir, 'structures.geojson.gz'), gzipSync(JSON.stringify({ type: 'FeatureCollection', features })));
    writeFileSync(join(dir, 'services.jsonl'), `${services.map((s) => JSON.stringify(s)).join('\n')}\n`);
    const { offer, problems } = loadOffer(dir, communes);
    expect(problems).toEqual([]);
    expect(offer.services).toEqual(loadOffer(join(FIXTURES, 'api-pages'), communes).offer.services);
  });

  it('reports a broken line of a JSON Lines file and a gzip file cut short, and keeps what was read', () => {
    const dir = freshDir();
    const services = readJson(join(FIXTURES, 'datagouv/services-inclusion-2025-01-06.json'));
    if (!Array.isArray(services)) throw new Error('fixture is an array');
    writeFileSync(join(dir, 'services.jsonl'), [JSON.stringify(services[0]), '{"id": oops}', JSON.stringify(services[2])].join('\n'));
    const gz = gzipSync(readFileSync(join(FIXTURES, 'datagouv/structures-inclusion-2025-01-06.json')));
    writeFileSync(join(dir, 'structures.json.gz'), gz.subarray(0, gz.length - 12));
    const { offer, problems } = loadOffer(dir, communes);
    expect(serviceIds(offer.services)).toEqual(['fixture--svc-laep', 'fixture--svc-mediation']);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'offer/services.jsonl', id: null, reason: expect.stringContaining('JSON invalide') }),
        expect.objectContaining({ file: 'offer/structures.json.gz', id: null, reason: expect.stringContaining('gzip') }),
      ]),
    );
  });
});

describe('the import’s streaming reader', () => {
  it('reads the same pages, exports and folders as the start-up loader', async () => {
    const direct = serviceIds(loadOffer(join(FIXTURES, 'api-pages'), communes).offer.services);
    const pages = await imported([join(FIXTURES, 'api-pages')]);
    const exported = await imported([join(FIXTURES, 'datagouv')]);
    expect(pages).toEqual({ ids: direct, problems: [] });
    expect(exported).toEqual({ ids: direct, problems: [] });
  });

  it('tells a file’s kind by its records when its name does not say, and streams a gzipped page', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.json.gz'), gzipSync(readFileSync(join(FIXTURES, 'api-pages/services-1.json'))));
    writeFileSync(join(dir, 'b.jsonl'), readFileSync(join(FIXTURES, 'api-pages/services-2.json'), 'utf8').replace(/\n/g, ' '));
    writeFileSync(join(dir, 'c.json'), readFileSync(join(FIXTURES, 'api-pages/structures-1.json')));
    writeFileSync(join(dir, 'offer-index.text.json'), '{"format": 5}');
    const { ids, problems } = await imported([dir]);
    expect(problems).toEqual([]);
    expect(ids).toEqual(SERVICE_IDS);
  });

  it('keeps the records before a file that breaks off, and reports where', async () => {
    const dir = freshDir();
    cpSync(join(FIXTURES, 'datagouv/structures-inclusion-2025-01-06.json'), join(dir, 'structures.json'));
    const text = readFileSync(join(FIXTURES, 'datagouv/services-inclusion-2025-01-06.json'), 'utf8');
    writeFileSync(join(dir, 'services.json'), text.slice(0, text.indexOf('"id":"fixture--svc-mediation"') + 10));
    const { ids, problems } = await imported([dir]);
    expect(ids).toEqual(['fixture--svc-laep', 'fixture--svc-groupe']);
    expect(problems).toEqual([expect.objectContaining({ file: 'offer/services.json', id: null, reason: expect.stringContaining('tronqué') })]);
  });
});
