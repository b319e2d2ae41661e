import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommuneIndex } from '../../src/geo';
import type { CommuneData } from '../../src/geo/buildCommunes';
import { communeCacheFile, communeDataOf, communeTableOf, loadCommuneTable } from '../../src/geo/communeCache';

/** Three communes and an arrondissement, enough to read every column back. */
const sample: CommuneData = {
  communes: [
    { code: '69123', name: 'Lyon', kind: 'commune', departement: '69', region: '84', epci: '200046977', parent: null, postcodes: ['69001', '69008'],
      population: 520774, latitude: 45.758, longitude: 4.835, coordinates: 'geonames' },
    { code: '69388', name: 'Lyon 8e Arrondissement', kind: 'arrondissement', departement: '69', region: '84', epci: '200046977', parent: '69123',
      postcodes: ['69008'], population: 86000, latitude: 45.7365, longitude: 4.868, coordinates: 'geonames-code' },
    { code: '69091', name: 'Givors', kind: 'commune', departement: '69', region: '84', epci: null, parent: null, postcodes: ['69700'],
      population: 20000, latitude: 45.5906789, longitude: 4.7689123, coordinates: 'postcode' },
    { code: '01001', name: "L'Abergement-Clémenciat", kind: 'commune', departement: '01', region: '84', epci: null, parent: null, postcodes: [],
      population: 800, latitude: null, longitude: null, coordinates: 'none' },
  ],
  departements: { '01': { name: 'Ain', region: '84', chefLieu: '01053', article: "l'" }, '69': { name: 'Rhône', region: '84', chefLieu: '69123', article: 'le' } },
  regions: { '84': 'Auvergne-Rhône-Alpes' },
  names: [
    { key: 'lyon', code: '69123', rank: 0 },
    { key: 'lyon 8', code: '69388', rank: 0 },
    { key: 'givors', code: '69091', rank: 0 },
    { key: 'l abergement clemenciat', code: '01001', rank: 0 },
    { key: 'nowhere', code: '99999', rank: 2 },
  ],
  formerCodes: { '69232': '69123' },
};

describe('the commune table', () => {
  it('reads back what it was given, coordinates kept to about a metre', () => {
    const back = communeDataOf(communeTableOf(sample));
    expect(back.communes).toEqual(sample.communes.map((c) => (c.code === '69091' ? { ...c, latitude: 45.59068, longitude: 4.76891 } : c)));
    expect(back.departements).toEqual(sample.departements);
    expect(back.regions).toEqual(sample.regions);
    expect(back.formerCodes).toEqual(sample.formerCodes);
    // A name of a commune that does not exist is left out.
    expect(back.names).toEqual(sample.names.filter((n) => n.code !== '99999'));
  });

  it('makes an index that finds communes by code, former code, postcode, name and position', () => {
    const index = new CommuneIndex(communeTableOf(sample));
    expect(index.byCode('69232')?.name).toBe('Lyon');
    expect(index.byPostcode('69008').map((c) => c.code)).toEqual(['69388', '69123']);
    expect(index.resolve('lyon 8e')?.commune.code).toBe('69388');
    expect(index.resolve('givros')?.commune.code).toBe('69091');
    expect(index.city(index.byCode('69388') ?? sample.communes[0]).code).toBe('69123');
    expect(index.nearest(45.737, 4.867)?.code).toBe('69388');
    expect(index.departementName('69')).toBe('Rhône');
    expect(index.communes.map((c) => c.code)).toEqual(sample.communes.map((c) => c.code));
    // The same object each time it is asked for.
    expect(index.byCode('69091')).toBe(index.communes[2]);
  });
});

describe('the commune cache in data/', () => {
  it('is rebuilt when damaged, then read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-communes-'));
    const file = communeCacheFile(dir);
    writeFileSync(file, '{"format": 5, "count": 3');
    const built = loadCommuneTable(dir);
    expect(built.count).toBeGreaterThan(34000);
    const written = readFileSync(file, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ count: built.count });
    // Written as ASCII, which reads back several times faster.
    expect(/^[\x00-\x7f]*$/.test(written)).toBe(true);

    // Read back, not rebuilt: a rebuild would write a new file in its place.
    const writtenFile = statSync(file).ino;
    const read = loadCommuneTable(dir);
    expect(statSync(file).ino).toBe(writtenFile);
    expect(read.code).toEqual(built.code);
    expect(read.nameGroups).toEqual(built.nameGroups);
    expect(Array.from(read.latitude.subarray(0, 500))).toEqual(Array.from(built.latitude.subarray(0, 500)));
  });
});
