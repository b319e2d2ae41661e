import { DateTime } from 'luxon';
import fc from 'fast-check';
import { CommuneIndex } from '../../src/geo';
import { placeKey } from '../../src/geo/placeKey';
import { isSpeltWord } from '../../src/geo/placeMarkers';
import { WORDS_NEAR_COMMUNES_TEXT } from '../../src/geo/words/wordsNearCommunes';
import { readOfferMessage } from '../../src/offer/understand';

/**
 * QA "parents" D5 and D10. An ordinary word spelt right is never a commune typed wrong (« c payant ? » is no
 * Pavant), and a département's name left over after a search's words is the département, not a small homonym
 * commune elsewhere (« laep creuse » is not Creuse in the Somme), unless the message says the commune.
 */
const communes = CommuneIndex.load();
const now = DateTime.fromISO('2026-12-07T21:15:00', { zone: 'Europe/Paris' });
const read = (text: string) => readOfferMessage(text, now, communes);
const NEAR_WORDS = WORDS_NEAR_COMMUNES_TEXT.split(/\s+/).filter((w) => w.length > 0);

describe('ordinary words near a commune’s name', () => {
  test.each(['c payant ?', "c'est payant ?", 'payant ?', 'laep payant', 'et c payant ?', 'accueil ?', 'besoin ?', 'demain ?'])(
    '« %s » names no place', (text) => {
      expect(read(text).place).toBeNull();
    });

  test('the list is of words near a commune, none a commune’s own name', () => {
    expect(NEAR_WORDS.length).toBeGreaterThan(1000);
    for (const word of NEAR_WORDS) {
      expect(isSpeltWord(word)).toBe(true);
      expect(communes.closestToWord(word)).not.toBeNull();
    }
  });

  test('whatever the sentence around it, such a word is never read as a commune typed wrong', () => {
    const carriers = ['c {w} ?', 'laep {w}', 'un groupe de parole {w}', '{w}', 'et {w} ?', "c'est {w} ?", 'mediation {w} svp'];
    fc.assert(
      fc.property(fc.constantFrom(...NEAR_WORDS), fc.constantFrom(...carriers), (word, carrier) => {
        const place = read(carrier.replace('{w}', word)).place;
        expect(place === null || place.via !== 'fuzzy').toBe(true);
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  test.each([
    ['laep venisieux', '69259'],
    ['laep a marseile', '13055'],
    ['groupe de parole villeurbane', '69266'],
    ['un laep pres de givor', '69091'],
    ['laep moulin', '03190'],
  ])('a town typed with a typo is still found: %s', (text, code) => {
    const commune = read(text).place?.commune;
    expect(commune && (commune.code === code || commune.parent === code)).toBe(true);
  });
});

describe('a département’s name that is also a commune’s', () => {
  /** Départements named like a small commune of another département, from the data (Creuse, Allier, Landes…). */
  const homonyms = (() => {
    const out: Array<{ name: string; code: string }> = [];
    const names = new Map<string, string>();
    for (const commune of communes.communes) names.set(commune.departement, communes.departementName(commune.departement) ?? '');
    for (const [code, name] of names) {
      const key = placeKey(name);
      if (key.includes(' ') || isSpeltWord(key) || ['somme', 'lot', 'manche', 'nord'].includes(key)) continue;
      const small = communes.communes.some((c) => placeKey(c.name).replace(/^(le|la|les|l) /, '') === key && c.departement !== code && c.population < 20_000);
      if (small) out.push({ name, code });
    }
    return out;
  })();

  test('there are some in the data', () => {
    expect(homonyms.map((h) => h.code)).toEqual(expect.arrayContaining(['23', '03', '40']));
  });

  test('after a search’s words, the name is the département', () => {
    for (const { name, code } of homonyms) {
      for (const text of [`laep ${name.toLowerCase()}`, `groupe de parole ${name}`]) {
        const place = read(text).place;
        expect({ text, via: place?.via, code: place?.departement?.code }).toEqual({ text, via: 'departement', code });
      }
    }
  });

  test.each([
    ['groupe de parole vendée', '85'],
    ['laep creuse', '23'],
    ['creuse', '23'],
  ])('%s → the département %s', (text, code) => {
    expect(read(text).place?.departement?.code).toBe(code);
  });

  test.each([
    ['laep creuse 80480', '80'],
    ['laep felletin creuse', '23'],
    ['laep felletin en creuse', '23'],
  ])('a postcode or a commune of the département says the commune: %s', (text, departement) => {
    const place = read(text).place;
    expect(place?.via).not.toBe('departement');
    expect(place?.commune.departement).toBe(departement);
  });
});
