import { CommuneIndex } from '../../src/geo';
import { buildServices } from '../../src/offer/buildServices';
import { generateOffer } from './offer';

/**
 * The offer bench measures the import and the search on these records: if the import dropped or rejected them, the
 * bench would time less work than it says. So every generated record must go through the real import, and a run must
 * be repeatable from its seed so that two bench runs compare.
 */
const communes = CommuneIndex.load();
const COUNT = 600;
const generated = generateOffer(COUNT, communes);
const built = buildServices(
  [{ file: 'generated/structures.json', records: generated.structures }],
  [{ file: 'generated/services.json', records: generated.services }],
  communes,
);

describe('the generated offer of the bench', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(generateOffer(50, communes)).toEqual(generateOffer(50, communes));
    expect(generateOffer(50, communes, 7)).not.toEqual(generateOffer(50, communes));
  });

  it('is imported whole: every service kept, none reported as a problem', () => {
    expect(generated.services).toHaveLength(COUNT);
    expect(built.problems).toEqual([]);
    // The offer also lists the family places among the structures (`structure:…`); every service must be there too.
    const imported = new Set(built.services.map((service) => service.id));
    expect(generated.services.filter((service) => !imported.has(String(service.id)))).toEqual([]);
  });

  it('is spread over France, cities having more than villages, with some remote services', () => {
    const departements = new Set(generated.structures.map((structure) => String(structure.code_insee).slice(0, 2)));
    expect(departements.size).toBeGreaterThan(30);
    const remote = generated.services.filter((service) => JSON.stringify(service.modes_accueil) === '["a-distance"]');
    expect(remote.length).toBeGreaterThan(0);
    expect(remote.every((service) => Array.isArray(service.zone_eligibilite) && service.zone_eligibilite.length > 0)).toBe(true);
  });

  it('is fictional: no phone number, e-mails and sites on example.org only', () => {
    for (const record of [...generated.structures, ...generated.services]) {
      expect(record).not.toHaveProperty('telephone');
      if (record.courriel !== undefined) expect(String(record.courriel)).toMatch(/@example\.org$/);
      if (record.site_web !== undefined) expect(String(record.site_web)).toMatch(/\.example\.org$/);
    }
  });
});
