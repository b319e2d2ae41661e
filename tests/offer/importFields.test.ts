import { CommuneIndex } from '../../src/geo';
import { buildOffer } from '../../src/offer';
import type { OfferService } from '../../src/offer/service';

/**
 * A record with one bad value is kept: the value is reported (file, id, field, reason) and left out, and the rest of the
 * record still reaches parents. An address is never made of the structure's street and the service's town.
 */

const communes = CommuneIndex.load();

const structure = (over: Record<string, unknown> = {}) => ({
  id: 'st-1',
  nom: 'Centre social Les Essais',
  commune: 'Givors',
  code_postal: '69700',
  code_insee: '69091',
  adresse: '1 rue du Test',
  latitude: 45.5912,
  longitude: 4.7688,
  telephone: '04 65 71 99 01',
  courriel: 'essais@example.org',
  site_web: 'https://essais.example.org',
  ...over,
});

const service = (over: Record<string, unknown> = {}) => ({
  id: 'svc-1',
  structure_id: 'st-1',
  nom: 'Groupe de parole des parents',
  description: 'Des parents échangent sur l’éducation de leurs enfants.',
  commune: 'Givors',
  code_postal: '69700',
  code_insee: '69091',
  adresse: '3 place du Service',
  latitude: 45.592,
  longitude: 4.77,
  telephone: '04 65 71 99 02',
  courriel: 'groupe@example.org',
  lien_mobilisation: 'https://groupe.example.org',
  ...over,
});

function built(structures: object[], services: object[]) {
  const { offer, problems } = buildOffer(structures, services, communes);
  const entry = (id: string): OfferService => {
    const found = offer.services.find((s) => s.id === id);
    if (!found) throw new Error(`${id} not loaded`);
    return found;
  };
  return { offer, problems, entry };
}

describe('a bad value of a record', () => {
  it.each([
    ['code_postal', '6970', 'postcode', '69700'],
    ['code_postal', 'ABCDE', 'postcode', '69700'],
    ['code_insee', '6909', 'communeCode', '69091'],
    ['code_insee', { code: '69091' }, 'communeCode', '69091'],
    ['courriel', 'pas-un-courriel', 'email', 'essais@example.org'],
    ['courriel', 'a@b@c.fr', 'email', 'essais@example.org'],
    ['lien_mobilisation', 'javascript:alert(1)', 'website', 'https://essais.example.org/'],
    ['lien_mobilisation', 'http://exa mple.org', 'website', 'https://essais.example.org/'],
    ['telephone', 'appelez le standard', 'phone', '04 65 71 99 01'],
    ['telephone', '04 65', 'phone', '04 65 71 99 01'],
    ['telephone', '+33', 'phone', '04 65 71 99 01'],
    ['latitude', 'nord', 'located', 'commune'],
    ['longitude', 412, 'located', 'commune'],
  ])('%s = %j is reported with its field, left out, and the service kept', (field, value, shown, expected) => {
    const { problems, entry } = built([structure()], [service({ [field]: value })]);
    expect(problems).toEqual([{ file: 'offer/services.json', id: 'svc-1', field, reason: expect.stringContaining('ignorée') }]);
    const loaded = entry('svc-1');
    expect(loaded.name).toBe('Groupe de parole des parents');
    expect(loaded[shown as keyof OfferService]).toEqual(expected);
    expect(Object.values(loaded)).not.toContain(value);
  });

  it('in a structure is reported under the structure’s file and id, and the centre is still listed', () => {
    const { problems, entry } = built([structure({ courriel: 'nope', telephone: 'inconnu', code_postal: '697', site_web: 'ftp://x.example.org' })], [service()]);
    expect(problems.map((p) => [p.file, p.id, p.field])).toEqual([
      ['offer/structures.json', 'st-1', 'code_postal'],
      ['offer/structures.json', 'st-1', 'telephone'],
      ['offer/structures.json', 'st-1', 'courriel'],
      ['offer/structures.json', 'st-1', 'site_web'],
    ]);
    expect(entry('structure:st-1')).toMatchObject({ phone: null, email: null, website: null, postcode: '69700', address: '1 rue du Test' });
  });

  it('of a known shape is read as meant: postcodes and INSEE codes written as numbers or with spaces, numeric coordinates as text', () => {
    const { problems, entry } = built(
      [structure({ code_postal: 1000, code_insee: 1053, commune: 'Bourg-en-Bresse', adresse: '1 rue de Bourg', latitude: '46.205', longitude: '5.2255' })],
      [service({ code_postal: '69 700', code_insee: ' 69091 ', telephone: 'Tél. : 04 65 71 99 02', courriel: 'mailto:groupe@example.org' })],
    );
    expect(problems).toEqual([]);
    expect(entry('svc-1')).toMatchObject({ postcode: '69700', communeCode: '69091', phone: '04 65 71 99 02', email: 'groupe@example.org' });
    expect(entry('structure:st-1')).toMatchObject({ postcode: '01000', communeCode: '01053', located: 'structure', latitude: 46.205 });
  });

  it('that names a commune nobody has, or a postcode of another département, is reported and left out', () => {
    const { problems, entry } = built([structure()], [service({ code_insee: '99999' }), service({ id: 'svc-2', code_postal: '75011' })]);
    expect(problems).toEqual([
      { file: 'offer/services.json', id: 'svc-1', field: 'code_insee', reason: expect.stringContaining('inconnu') },
      { file: 'offer/services.json', id: 'svc-2', field: 'code_postal', reason: expect.stringContaining('autre département') },
    ]);
    // Without its code, the first is still placed by its postcode and name.
    expect(entry('svc-1')).toMatchObject({ communeCode: '69091', located: 'service' });
    expect(entry('svc-2')).toMatchObject({ communeCode: '69091', postcode: '69700' });
  });
});

describe('what a record cannot go without', () => {
  it('skips a record without id or name, and says which field', () => {
    const { offer, problems } = built([structure()], [service({ id: '  ' }), service({ id: 'svc-2', nom: '<b></b>' }), service({ id: 7, nom: 'Café des parents' })]);
    expect(problems).toEqual([
      { file: 'offer/services.json', id: null, field: 'id', reason: expect.stringContaining('écarté') },
      { file: 'offer/services.json', id: 'svc-2', field: 'nom', reason: expect.stringContaining('écarté') },
    ]);
    expect(offer.services.map((s) => s.id)).toEqual(['7', 'structure:st-1']);
  });

  it('keeps a service without structure_id, said to have none', () => {
    const { problems, entry } = built([structure()], [service({ structure_id: null })]);
    expect(problems).toEqual([{ file: 'offer/services.json', id: 'svc-1', field: 'structure_id', reason: expect.stringContaining('absent') }]);
    expect(entry('svc-1')).toMatchObject({ structureId: '', structureName: null, communeCode: '69091' });
  });

  it('skips a service that can be neither placed nor reached, and keeps one that can be reached', () => {
    const nowhere = { commune: null, code_postal: null, code_insee: null, adresse: null, latitude: null, longitude: null };
    const unreachable = { telephone: null, courriel: null, lien_mobilisation: null };
    const { offer, problems } = built(
      [],
      [service({ id: 'lost', ...nowhere, ...unreachable }), service({ id: 'by-phone', ...nowhere, modes_accueil: ['a-distance'] })],
    );
    expect(offer.services.map((s) => s.id)).toEqual(['by-phone']);
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'lost', field: 'commune', reason: expect.stringContaining('écarté') })]),
    );
  });
});

describe('an address', () => {
  it('is the service’s own, whole, when it names its commune: never the structure’s street in the service’s town', () => {
    const { entry } = built(
      [structure()],
      [service({ commune: 'Vénissieux', code_insee: '69259', code_postal: '69200', adresse: null, latitude: null, longitude: null })],
    );
    expect(entry('svc-1')).toMatchObject({ address: null, communeName: 'Vénissieux', communeCode: '69259', postcode: '69200', located: 'commune' });
    expect(entry('svc-1').latitude).toBeCloseTo(communes.byCode('69259')?.latitude ?? 0, 3);
  });

  it('is the structure’s, whole, when the service names no commune the bot knows', () => {
    const { entry } = built([structure()], [service({ commune: 'Ailleurs-sur-Rien', code_insee: null, code_postal: null, adresse: '9 rue Perdue', latitude: null, longitude: null })]);
    expect(entry('svc-1')).toMatchObject({ address: '1 rue du Test', communeName: 'Givors', postcode: '69700', communeCode: '69091', located: 'structure', latitude: 45.5912 });
  });

  it('is the structure’s street and point when the service, in the same town, gives neither', () => {
    const { entry } = built([structure()], [service({ adresse: null, latitude: null, longitude: null, code_postal: null })]);
    expect(entry('svc-1')).toMatchObject({ address: '1 rue du Test', postcode: '69700', located: 'structure', latitude: 45.5912 });
  });

  it('keeps the service’s street and town together when the structure is elsewhere', () => {
    const { entry } = built(
      [structure({ commune: 'Tours', code_insee: '37261', code_postal: '37000', adresse: '5 place de Tours', latitude: 47.39, longitude: 0.69 })],
      [service({ latitude: null, longitude: null })],
    );
    expect(entry('svc-1')).toMatchObject({ address: '3 place du Service', communeName: 'Givors', postcode: '69700', located: 'commune' });
  });

  it('takes its postcode from the same source as its town', () => {
    const { entry } = built([structure({ code_postal: '69700' })], [service({ commune: 'Bron', code_insee: '69029', code_postal: null, adresse: '4 rue de Bron', latitude: null, longitude: null })]);
    expect(entry('svc-1')).toMatchObject({ communeName: 'Bron', postcode: communes.byCode('69029')?.postcodes[0], address: '4 rue de Bron' });
  });
});
