import fc from 'fast-check';
import { CommuneIndex, isOrdinaryName, placeKey, resolveAmong } from '../../src/geo';
import { NOUNS_AFTER_AVOIR } from '../../src/geo/placeMarkers';
import { words } from '../../src/language/text';

/**
 * Places as parents really type them (QA round of issue 9): « a » for « à », départements, short names after « à »,
 * the name as typed for the « which one? » question, and answers naming a distinctive word of one candidate.
 */

const communes = CommuneIndex.load();

const TOURS = '37261';
const NICE = '06088';
const LYON = '69123';
const BORDEAUX = '33063';
const EU = '76255';
const BRON = '69029';

function placeIn(text: string, restIsPlace = false): string | null {
  const match = communes.findInSentence(text, { restIsPlace });
  if (!match) return null;
  return match.ambiguous ? `ambiguous:${match.commune.name}` : match.commune.code;
}

describe('an unaccented « a » read as « à » before a name that is also a word', () => {
  it.each<[string, string | null]>([
    // What QA met.
    ['un LAEP a tours', TOURS],
    ['un LAEP a Tours', TOURS],
    ['laep a nice', NICE],
    ["ma femme est partie, je suis seul avec les 2 petits a tours, je m'en sors pas", TOURS],
    // Variants.
    ['un café des parents a tours le samedi', TOURS],
    ['groupe de parole a Nice svp', NICE],
    ['on cherche une mediation familiale a tours', TOURS],
    ['jsuis maman solo a nice, y a quoi pour moi', NICE],
    ['A Tours, il y a un laep ?', TOURS],
    ['besoin d aide a tours', TOURS],
  ])('%j → %s', (text, expected) => {
    expect(placeIn(text)).toBe(expected);
    expect(placeIn(text, true)).toBe(expected);
  });

  it.each([
    // « a » is the verb « avoir » after its subject, or an English article.
    'mon fils a mars une sortie scolaire',
    'mon fils a mars',
    'ma fille a peur du noir',
    'il a tours de manège gratuits',
    'elle a tours de cou',
    'on a cours le samedi',
    'qui a cours demain ?',
    'mon bebe a mal au ventre',
    'mon mari a tours de garde la nuit',
    'y a cours ce soir ?',
    'ça a nice effet',
    'a nice group for parents',
    'is there a nice playgroup',
    'mon enfant a cours de piano',
    "l'école a cours le mercredi",
  ])('finds no place in %j', (text) => {
    expect(placeIn(text)).toBeNull();
  });

  it('still says the « a » announced the place', () => {
    const text = 'un LAEP a tours';
    const match = communes.findInSentence(text);
    expect(match?.marking).toBe('plain');
    expect((match?.markerIndexes ?? []).map((i) => words(text)[i])).toEqual(['a']);
  });
});

describe('short names after a clear marker', () => {
  it.each<[string, string | null]>([
    ['un café des parents à Eu', EU],
    ['un laep près de Eu', EU],
    ['vers Eu', EU],
  ])('%j → %s', (text, expected) => {
    expect(placeIn(text)).toBe(expected);
  });

  it.each(['il a eu peur', "j'ai eu un souci", 'il a eu un laep', 'a eu lieu', 'parents near us'])('finds no place in %j', (text) => {
    expect(placeIn(text)).toBeNull();
  });
});

describe('départements', () => {
  it.each<[string, string, string, string]>([
    // text, département code, its name, the chef-lieu searched around
    ['un laep en Indre-et-Loire', '37', 'Indre-et-Loire', TOURS],
    ['un laep en indre et loire', '37', 'Indre-et-Loire', TOURS],
    ['un laep dans le 69', '69', 'Rhône', LYON],
    ['un laep ds le 69', '69', 'Rhône', LYON],
    ['un laep dans le Rhône', '69', 'Rhône', LYON],
    ['médiation familiale en Gironde', '33', 'Gironde', BORDEAUX],
    ['groupe de parole dans la gironde', '33', 'Gironde', BORDEAUX],
    ["un café des parents dans l'Ain", '01', 'Ain', '01053'],
    ['des ateliers dans les Bouches-du-Rhône', '13', 'Bouches-du-Rhône', '13055'],
    ['le 69', '69', 'Rhône', LYON],
    ['dans le 2A', '2A', 'Corse-du-Sud', '2A004'],
    ['en Haute-Savoie', '74', 'Haute-Savoie', '74010'],
    ['Gironde', '33', 'Gironde', BORDEAUX],
    ['un laep dans le département du Rhône', '69', 'Rhône', LYON],
    ['un laep dans le departement 37', '37', 'Indre-et-Loire', TOURS],
    ['a parenting group in Gironde', '33', 'Gironde', BORDEAUX],
  ])('%j is the département %s (%s), searched around its chef-lieu', (text, code, name, chefLieu) => {
    const match = communes.findInSentence(text);
    expect(match?.marking).toBe('departement');
    expect(match?.departement).toEqual(expect.objectContaining({ code, name }));
    expect(match?.commune.code).toBe(chefLieu);
    expect(match?.ambiguous).toBe(false);
  });

  it('gives back the words of the département and of its marker', () => {
    const text = 'un laep en Indre-et-Loire le samedi';
    const match = communes.findInSentence(text);
    const all = words(text);
    expect((match?.tokenIndexes ?? []).map((i) => all[i])).toEqual(['indre', 'et', 'loire']);
    expect((match?.markerIndexes ?? []).map((i) => all[i])).toEqual(['en']);
    expect(match?.typed).toBe('Indre-et-Loire');
  });

  it('gives the article the département takes', () => {
    expect(communes.findInSentence('dans le 69')?.departement?.article).toBe('le');
    expect(communes.findInSentence('en Gironde')?.departement?.article).toBe('la');
    expect(communes.findInSentence("dans l'Ain")?.departement?.article).toBe("l'");
    expect(communes.findInSentence('en Indre-et-Loire')?.departement?.article).toBe('');
  });

  it.each<[string, string | null]>([
    // A commune named after « à » stays the commune; a département after a name says which one.
    ['un laep à Tours', TOURS],
    ['à Vienne', '38544'],
    ['Saint-Julien dans le Var', '83113'],
    ['Saint-Priest (Rhône)', '69290'],
    ['un laep à Bron dans le Rhône', BRON],
    ['je suis dans le Rhône mais je cherche vers Bron', BRON],
    // Words, numbers and dates that are no département.
    ['le 15 mars à Bron', BRON],
    ['rendez-vous le 15 mars', null],
    ['en somme je cherche de l aide', null],
    ['il est dans le lot des enfants suivis', null],
    ['mon fils a 13 ans', null],
    ['dans le 3e age', null],
  ])('%j → %s', (text, expected) => {
    const match = communes.findInSentence(text);
    expect(match?.commune.code ?? null).toBe(expected);
    if (match) expect(match.marking).not.toBe('departement');
  });

  it('never reads the commune Indre in « Indre-et-Loire »', () => {
    for (const text of ['en Indre-et-Loire', 'un laep Indre-et-Loire', 'indre et loire']) {
      expect(communes.findInSentence(text)?.commune.code).not.toBe('44074');
    }
  });
});

describe('the name as the parent typed it', () => {
  it.each<[string, string]>([
    ['mediation a villefranche', 'villefranche'],
    ['un laep à Saint-Priest !', 'Saint-Priest'],
    ['LAEP VERS VENISIEUX', 'VENISIEUX'],
    ['un laep à st priest 69800', 'st priest'],
    ['69100', '69100'],
  ])('%j was typed %j', (text, typed) => {
    expect(communes.findInSentence(text)?.typed).toBe(typed);
  });

  it('asks about « villefranche » among the full names, not a former commune', () => {
    const match = communes.findInSentence('mediation a villefranche');
    expect(match?.ambiguous).toBe(true);
    const names = (match?.candidates ?? []).map((c) => c.commune.name);
    expect(names).toEqual(expect.arrayContaining(['Villefranche-sur-Saône', 'Villefranche-de-Rouergue']));
    expect(names).not.toContain('Charny Orée de Puisaye');
  });
});

describe('the answer to « which Saint-Julien? »', () => {
  const candidates = communes.findInSentence('groupe de parole st julien')?.candidates ?? [];
  const code = (answer: string) => resolveAmong(candidates, answer)?.commune.code ?? null;

  it.each<[string, string]>([
    ['genevois', '74243'],
    ['Genevois', '74243'],
    ['en genevois', '74243'],
    ['celui en-genevois', '74243'],
    ['saint julien de concelles', '44169'],
    ['concelles', '44169'],
    ['les villas', '10343'],
    ['haute savoie', '74243'],
    ['74160', '74243'],
    ['74', '74243'],
    ['le premier', '74243'],
  ])('%j', (answer, expected) => {
    expect(code(answer)).toBe(expected);
  });

  it.each(['saint', 'julien', 'le', 'celui de la ville', 'je sais pas'])('names none for %j', (answer) => {
    expect(code(answer)).toBeNull();
  });
});

describe('départements named without a marker', () => {
  it.each<[string, string | null]>([
    ['un laep Indre-et-Loire', '37'],
    ['groupe de parole haute savoie', '74'],
    ['je vais à la réunion de parents', null],
    ['Saint-Martin', null],
  ])('%j → %s', (text, code) => {
    expect(communes.findInSentence(text)?.departement?.code ?? null).toBe(code);
  });
});

describe('properties of « a » without its accent', () => {
  const ordinaryTowns = communes.communes
    .filter((c) => c.kind === 'commune' && c.population >= 2000)
    .map((c) => c.name)
    .filter((name) => /^[A-Z][a-z]+$/.test(name) && isOrdinaryName(placeKey(name)));
  const subjects = ['il', 'elle', 'on', 'qui', 'mon fils', 'ma fille', 'mon mari', "l'école", 'ça', 'il y', "on l'", "il n'"];

  it('never reads a place after a subject of « avoir »', () => {
    expect(ordinaryTowns.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...subjects), fc.constantFrom(...ordinaryTowns), fc.boolean(), fc.constantFrom('', ' de la famille', ' le samedi'), (subject, town, capital, tail) => {
        const name = capital ? town : town.toLowerCase();
        expect(communes.findInSentence(`${subject} a ${name}${tail}`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('reads « a » as « à » after a need, whatever the case of the town', () => {
    fc.assert(
      fc.property(fc.constantFrom('un laep', 'groupe de parole', 'médiation familiale', 'je suis seule avec les enfants'), fc.constantFrom(...ordinaryTowns), fc.boolean(), (need, town, capital) => {
        const name = capital ? town : town.toLowerCase();
        const match = communes.findInSentence(`${need} a ${name}`);
        if (NOUNS_AFTER_AVOIR.has(placeKey(town))) expect(match).toBeNull();
        else expect(match?.typed).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});
