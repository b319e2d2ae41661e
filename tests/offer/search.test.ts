import { CommuneIndex } from '../../src/geo';
import { buildOffer } from '../../src/offer';
import { searchOffer, type SearchRequest } from '../../src/offer/search';
import { timeWindows } from '../../src/offer/timeQuery';
import { DateTime } from 'luxon';

const communes = CommuneIndex.load();
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });

const structure = { source: 't', date_maj: '2026-01-01', id: 'st', nom: 'Association Test', description: 'Association de test.' };
let n = 0;
/** A service of the given name in a commune, at its centre plus a small offset. */
function svc(nom: string, code: string, over: Record<string, unknown> = {}) {
  const commune = communes.byCode(code);
  n++;
  return {
    source: 't', date_maj: '2026-01-01', id: `s${n}`, structure_id: 'st', nom, description: `${nom}, service de test.`,
    code_insee: code, commune: commune?.name, latitude: (commune?.latitude ?? 0) + 0.001, longitude: commune?.longitude,
    modes_accueil: ['en-presentiel'], zone_eligibilite: null, horaires_accueil: 'Mo-Sa 09:00-18:00', ...over,
  };
}

const { offer } = buildOffer([structure], [
  svc('LAEP de Vénissieux', '69259'),
  svc('LAEP de Villeurbanne', '69266'),
  svc('LAEP de Givors', '69091', { horaires_accueil: 'Sa 09:00-12:00' }),
  svc('LAEP de Tours', '37261'),
  svc('LAEP réservé aux Villeurbannais', '69266', { zone_eligibilite: ['69266'] }),
  svc('LAEP de la Métropole', '69388', { zone_eligibilite: ['200046977'] }),
  svc('Groupe de parole de Bron', '69029'),
  svc('Écoute téléphonique Rhône', '69383', { modes_accueil: ['a-distance'], zone_eligibilite: ['69'] }),
  svc('Écoute téléphonique nationale', '75056', { modes_accueil: ['a-distance'], zone_eligibilite: ['france'] }),
  svc('Écoute téléphonique Touraine', '37261', { modes_accueil: ['a-distance'], zone_eligibilite: ['37'] }),
  svc('Atelier sophrologie parents', '69266', { thematiques: ['famille--soutien-a-la-parentalite'] }),
], communes);

function request(over: Partial<SearchRequest> & { at: string }): SearchRequest {
  const place = communes.byCode(over.at);
  const point = place ? offer.pointOf(place) : null;
  return { point, place, kinds: null, audiences: [], age: null, windows: null, remotePreferred: false, radiusKm: 30, textIds: null, ...over };
}

const names = (r: ReturnType<typeof searchOffer>) => r.hits.map((h) => h.service.name);

describe('searching near a place', () => {
  it('lists the kind nearest first, with distances in km', () => {
    const result = searchOffer(offer, communes, request({ at: '69259', kinds: ['laep'] }));
    expect(names(result).slice(0, 2)).toEqual(['LAEP de Vénissieux', 'LAEP de la Métropole']);
    const distances = result.hits.filter((h) => !h.remote).map((h) => h.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(1);
    expect(names(result)).not.toContain('LAEP de Tours');
    expect(names(result)).not.toContain('Groupe de parole de Bron');
  });

  it('respects zone_eligibilite: a commune, an EPCI', () => {
    const fromVenissieux = names(searchOffer(offer, communes, request({ at: '69259', kinds: ['laep'] })));
    expect(fromVenissieux).not.toContain('LAEP réservé aux Villeurbannais');
    expect(fromVenissieux).toContain('LAEP de la Métropole');
    const fromVilleurbanne = names(searchOffer(offer, communes, request({ at: '69266', kinds: ['laep'] })));
    expect(fromVilleurbanne).toContain('LAEP réservé aux Villeurbannais');
    // Mornant is 20 km away but outside the Métropole de Lyon.
    const fromMornant = names(searchOffer(offer, communes, request({ at: '69141', kinds: ['laep'] })));
    expect(fromMornant).toContain('LAEP de Givors');
    expect(fromMornant).not.toContain('LAEP de la Métropole');
  });

  it('always adds the remote services whose zone covers the place', () => {
    const lyon = names(searchOffer(offer, communes, request({ at: '69259', kinds: ['ecoute-distance'] })));
    expect(lyon).toEqual(['Écoute téléphonique Rhône', 'Écoute téléphonique nationale']);
    const tours = names(searchOffer(offer, communes, request({ at: '37261', kinds: ['ecoute-distance'] })));
    expect(tours).toEqual(['Écoute téléphonique Touraine', 'Écoute téléphonique nationale']);
  });

  it('finds nothing, rather than far places, when nothing is within the radius', () => {
    const marseille = searchOffer(offer, communes, request({ at: '13055', kinds: ['laep'] }));
    expect(marseille.hits).toEqual([]);
    const wider = searchOffer(offer, communes, request({ at: '13055', kinds: ['laep'], radiusKm: 100 }));
    expect(wider.hits).toEqual([]);
  });

  it('filters by opening time', () => {
    const saturday = timeWindows({ weekdays: [6], part: 'morning' }, now);
    const sunday = timeWindows({ weekdays: [7] }, now);
    expect(names(searchOffer(offer, communes, request({ at: '69091', kinds: ['laep'], windows: saturday })))).toContain('LAEP de Givors');
    expect(names(searchOffer(offer, communes, request({ at: '69091', kinds: ['laep'], windows: sunday })))).toEqual([]);
  });

  it('searches free text near the place', () => {
    const ids = new Set(offer.searchText('sophrologie', 50));
    expect(names(searchOffer(offer, communes, request({ at: '69259', textIds: ids })))).toEqual(['Atelier sophrologie parents']);
    expect(names(searchOffer(offer, communes, request({ at: '37261', textIds: ids })))).toEqual([]);
  });

  it('finds words with or without accents, and by their start', () => {
    expect(offer.searchText('SOPHROLOGIE', 5).length).toBe(1);
    expect(offer.searchText('sophro', 5).length).toBe(1);
    expect(offer.searchText('télephonique', 5).length).toBe(3);
    expect(offer.searchText('le la les', 5)).toEqual([]);
  });
});

describe('a département named as the place', () => {
  it('keeps the places located in it, however far from its chef-lieu, and the remote services covering it', () => {
    const result = searchOffer(offer, communes, request({ at: '69123', radiusKm: 250, departement: '69' }));
    const found = names(result);
    expect(found).toEqual(expect.arrayContaining(['LAEP de Givors', 'LAEP de Vénissieux', 'Écoute téléphonique Rhône']));
    expect(found).not.toContain('LAEP de Tours');
    expect(found).not.toContain('Écoute téléphonique Touraine');
    for (const hit of result.hits.filter((h) => !h.remote)) expect(hit.service.communeCode?.startsWith('69')).toBe(true);
  });
});

describe("the children's audience ranks, it does not filter", () => {
  const ranked = buildOffer([structure], [
    svc('Groupe de parole des parents d’adolescents', '69259', { publics: ['familles'], description: 'Pour les parents d’adolescents.' }),
    svc('Point écoute parents', '69259'),
    svc('LAEP pour les tout-petits', '69266', { description: 'Accueil des enfants de moins de 4 ans et de leurs parents.' }),
  ], communes).offer;

  it('places for the children first, then those for all; those for other children never', () => {
    const place = communes.byCode('69259');
    const point = place ? ranked.pointOf(place) : null;
    const base = { point, place, kinds: null, audiences: [], age: null, windows: null, remotePreferred: false, radiusKm: 30, textIds: null };
    const all = searchOffer(ranked, communes, base).hits.map((h) => h.service);
    const teens = all.find((s) => s.name.startsWith('Groupe de parole'));
    const babies = all.find((s) => s.name.startsWith('LAEP'));
    // The fixture must say what it is meant to: one place for teenagers' parents, one for babies.
    expect(teens?.audiences).toContain('ados');
    expect(babies?.audiences).toContain('petits');
    const found = searchOffer(ranked, communes, { ...base, rankAudiences: ['petits'] }).hits.map((h) => h.service.name);
    expect(found).toEqual(['LAEP pour les tout-petits', 'Point écoute parents']);
  });
});
