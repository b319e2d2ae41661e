import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommuneIndex } from '../../src/geo';
import { buildOffer, loadOffer } from '../../src/offer';

const communes = CommuneIndex.load();

const structure = (over: Record<string, unknown> = {}) => ({
  source: 'test',
  date_maj: '2026-01-01',
  id: 'st-1',
  nom: 'Centre social Les Essais',
  description: 'Centre social de test pour les familles.',
  commune: 'Givors',
  code_postal: '69700',
  code_insee: '69091',
  adresse: '1 rue du Test',
  latitude: 45.5912,
  longitude: 4.7688,
  telephone: '04 65 71 99 01',
  courriel: 'essais@example.org',
  site_web: 'https://essais.example.org',
  horaires_accueil: 'Mo-Fr 09:00-17:00',
  ...over,
});

const service = (over: Record<string, unknown> = {}) => ({
  source: 'test',
  date_maj: '2026-01-01',
  id: 'svc-1',
  structure_id: 'st-1',
  nom: 'Groupe de parole des parents',
  description: 'Des parents échangent sur l’éducation de leurs enfants.',
  type: 'atelier',
  thematiques: ['famille--soutien-a-la-parentalite'],
  modes_accueil: ['en-presentiel'],
  zone_eligibilite: null,
  commune: 'Givors',
  code_postal: '69700',
  code_insee: '69091',
  latitude: 45.592,
  longitude: 4.77,
  horaires_accueil: 'Tu 18:00-20:00',
  ...over,
});

describe('importing data·inclusion records', () => {
  it('loads good records and joins each service to its structure', () => {
    const { offer, problems } = buildOffer([structure()], [service()], communes);
    expect(problems).toEqual([]);
    const entry = offer.services.find((s) => s.id === 'svc-1');
    expect(entry).toMatchObject({
      name: 'Groupe de parole des parents',
      structureName: 'Centre social Les Essais',
      communeCode: '69091',
      located: 'service',
      kinds: ['groupe-parole'],
      hours: 'Tu 18:00-20:00',
      hoursFrom: 'service',
      family: true,
      inPerson: true,
      remote: false,
    });
  });

  it('reports a bad record with its file, id and reason, skips it, and loads the rest', () => {
    const { offer, problems } = buildOffer(
      [structure()],
      [service(), service({ id: 'svc-no-name', nom: '' }), service({ id: 'svc-bad-lat', latitude: 'north' }), { nom: 'Sans identifiant' }, 42],
      communes,
    );
    expect(offer.services.map((s) => s.id)).toContain('svc-1');
    expect(offer.services.map((s) => s.id)).not.toContain('svc-no-name');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'offer/services.json', id: 'svc-no-name', reason: expect.stringContaining('nom') }),
        expect.objectContaining({ id: 'svc-bad-lat', reason: expect.stringContaining('latitude') }),
        expect.objectContaining({ id: null }),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('ignores fields the schema does not know', () => {
    const { offer, problems } = buildOffer([structure({ couleur: 'bleu' })], [service({ champ_inconnu: { a: 1 }, note: 5 })], communes);
    expect(problems).toEqual([]);
    expect(offer.services[0]).not.toHaveProperty('champ_inconnu');
  });

  it('places a service without coordinates at its structure, failing that at its commune', () => {
    const { offer } = buildOffer(
      [structure(), structure({ id: 'st-2', latitude: null, longitude: null, code_insee: '69259', commune: 'Vénissieux', code_postal: '69200' })],
      [
        service({ id: 'svc-structure', latitude: null, longitude: null }),
        service({ id: 'svc-commune', structure_id: 'st-2', latitude: null, longitude: null, code_insee: '69259', commune: 'Vénissieux', code_postal: '69200' }),
      ],
      communes,
    );
    const byStructure = offer.services.find((s) => s.id === 'svc-structure');
    expect(byStructure?.located).toBe('structure');
    expect(byStructure?.latitude).toBeCloseTo(45.5912, 4);
    const byCommune = offer.services.find((s) => s.id === 'svc-commune');
    expect(byCommune?.located).toBe('commune');
    expect(byCommune?.latitude).toBeCloseTo(communes.byCode('69259')?.latitude ?? 0, 3);
  });

  it('corrects swapped latitude and longitude, and reports it', () => {
    const { offer, problems } = buildOffer([structure()], [service({ latitude: 4.77, longitude: 45.592 })], communes);
    expect(offer.services[0].latitude).toBeCloseTo(45.592, 3);
    expect(problems[0]).toMatchObject({ id: 'svc-1', reason: expect.stringContaining('inversées') });
  });

  it('sets aside unreadable opening hours, unknown structures, unsafe links and bad e-mails, keeping the service', () => {
    const { offer, problems } = buildOffer(
      [structure({ horaires_accueil: null })],
      [service({ horaires_accueil: 'le mardi vers 3h', site_web: 'javascript:alert(1)', courriel: 'pas-un-courriel', structure_id: 'st-inconnue' })],
      communes,
    );
    const entry = offer.services[0];
    expect(entry.hours).toBeNull();
    expect(entry.website).toBeNull();
    expect(entry.email).toBeNull();
    expect(problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('horaires_accueil'), expect.stringContaining('structure st-inconnue inconnue')]),
    );
  });

  it('keeps the first of two records with the same id', () => {
    const { offer, problems } = buildOffer([structure()], [service(), service({ nom: 'Doublon' })], communes);
    expect(offer.services.filter((s) => s.id === 'svc-1').map((s) => s.name)).toEqual(['Groupe de parole des parents']);
    expect(problems).toEqual([expect.objectContaining({ id: 'svc-1', reason: expect.stringContaining('double') })]);
  });

  it('takes the structure’s hours when the service has none', () => {
    const { offer } = buildOffer([structure()], [service({ horaires_accueil: null })], communes);
    expect(offer.services[0]).toMatchObject({ hours: 'Mo-Fr 09:00-17:00', hoursFrom: 'structure' });
  });

  it('gives a remote service without a zone its own département', () => {
    const { offer } = buildOffer([structure()], [service({ modes_accueil: ['a-distance'], nom: 'Écoute téléphonique des parents' })], communes);
    expect(offer.services[0]).toMatchObject({ remote: true, inPerson: false, zone: ['69'], kinds: expect.arrayContaining(['ecoute-distance']) });
  });

  it('lists a centre social as a place of its own', () => {
    const { offer } = buildOffer([structure()], [service()], communes);
    expect(offer.services.find((s) => s.id === 'structure:st-1')).toMatchObject({ kinds: ['centre-social'], name: 'Centre social Les Essais' });
  });
});

describe('reading an offer directory', () => {
  // A lone top-level object is read as one record (JSON Lines, an API's single record): here one without an id.
  it('reports missing and malformed files, and loads what it can', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-offer-'));
    writeFileSync(join(dir, 'structures.json'), '{ "not": "a record" }');
    writeFileSync(join(dir, 'services.json'), '[{"id": "x", "structure_id": "y", "nom": "Café des parents", "commune": "Givors"}]');
    const { offer, problems } = loadOffer(dir, communes);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'offer/structures.json', id: null, field: 'id', reason: expect.stringContaining('identifiant') }),
        expect.objectContaining({ file: 'offer/services.json', id: 'x', reason: expect.stringContaining('structure y inconnue') }),
      ]),
    );
    expect(offer.services.map((s) => s.name)).toEqual(['Café des parents']);
    expect(offer.services[0].communeCode).toBe('69091');
  });

  it('survives broken JSON and an empty directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-offer-'));
    writeFileSync(join(dir, 'services.json'), '[{"id": ');
    const { offer, problems } = loadOffer(dir, communes);
    expect(offer.size).toBe(0);
    expect(problems.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringContaining('JSON invalide'), expect.stringContaining('absent')]));
  });

  it('loads the shipped demo offer without problems', () => {
    const { offer, problems } = loadOffer(join(__dirname, '../../knowledge/offer'), communes);
    expect(problems).toEqual([]);
    expect(offer.services.filter((s) => !s.id.startsWith('structure:')).length).toBeGreaterThanOrEqual(40);
  });
});
