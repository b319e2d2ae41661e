import fc from 'fast-check';
import { CommuneIndex, isOrdinaryName, ORDINARY_WORDS_NAMING_COMMUNES, placeKey, resolveAmong, type CommuneMatch } from '../../src/geo';
import { AROUND_A_PLACE_ALONE } from '../../src/geo/placeMarkers';
import { STOP_WORDS, words } from '../../src/language/text';

/**
 * Places as parents name them (issue 9 §3): a commune counts when the sentence marks it, ordinary words that are
 * also communes count only when marked, the marked place wins, the words a place used are given back, and names
 * several communes share are said to be ambiguous, with their départements.
 */

// The commune data is large: loaded once for the whole file.
const communes = CommuneIndex.load();

const GIVORS = '69091';
const LYON = '69123';
const PARIS = '75056';
const TOURS = '37261';
const BRON = '69029';
const VENISSIEUX = '69259';
const VILLEURBANNE = '69266';

/** What the place finder makes of a message: a commune code, "ambiguous:<name>", or null. */
function placeIn(text: string): string | null {
  const match = communes.findInSentence(text);
  if (!match) return null;
  return match.ambiguous ? `ambiguous:${match.commune.name}` : match.commune.code;
}

describe('places in what parents type', () => {
  it.each<[string, string | null]>([
    // What parents met (issue 9).
    ["on se dispute pour la garde des enfants, à qui m'adresser vers Givors ?", GIVORS],
    // « ds » is « dans » in SMS style.
    ['bjr jcherche un grp de parole pr mon ado ds villeurbane', VILLEURBANNE],
    ['mon enfant est en danger', null],
    ['du soutien à la parentalité près de Tours', TOURS],
    ['aide pour parents à Paris', PARIS],
    // Ordinary words that are also communes count only when marked.
    ['garde alternée à Lyon', LYON],
    ['danger des écrans', null],
    ['les tours de Villeurbanne', VILLEURBANNE],
    ['aide aux devoirs mars 2025', null],
    ['je vis à Ars-sur-Formans', '01021'],
    ['le 15 mars à Bron', BRON],
    ['la garde de mes enfants le week-end', null],
    ['mon fils est en danger à la maison', null],
    ['il y a du danger', null],
    ['on a fait le tour des associations', null],
    ['garde', null],
    ['danger', null],
    ['a nice group for parents', null],
    ['un groupe de parents au bois de la ville', null],
    ['mon vieux pere est malade', null],
    // A name alone as the whole message, with or without typos.
    ['Givors', GIVORS],
    ['givor', GIVORS],
    ['Tours', TOURS],
    ['tours ?', TOURS],
    ['La Garde', '83062'],
    ['69100', VILLEURBANNE],
    ['saint julien en genevois', '74243'],
    ['Saint-Julien', 'ambiguous:Saint-Julien'],
    // Follow-ups.
    ['et à Bron ?', BRON],
    ['et Bron ?', BRON],
    ['plutôt Vénissieux', VENISSIEUX],
    ['ou alors plutot venissieux', VENISSIEUX],
    // English.
    ['near Lyon', LYON],
    ['in Paris', PARIS],
    ['any parenting group near Tours?', TOURS],
    ['I live in Bron, is there a drop-in for toddlers?', BRON],
    ['what about Givors?', GIVORS],
    // Markers and where the parent lives.
    ['on habite Lyon', LYON],
    ["j'habite a Givors et je cherche un laep", GIVORS],
    ['du côté de Bron un café des parents ?', BRON],
    ['je suis à Lyon mais je cherche vers Bron', BRON],
    ['je suis a lyon mais je cherche plutot du cote de venissieux', VENISSIEUX],
    ['un groupe à Lyon, enfin plutôt à Bron', BRON],
    ['la garde des enfants… vers Givors svp', GIVORS],
    // SMS style, no accents, typos, long sentences.
    ['slt jcherche 1 laep a venisieux svp', VENISSIEUX],
    ['mediation familiale pres de villeurbane', VILLEURBANNE],
    ['bjr on est separes et on se dispute tout le temps pour la garde de notre fille de 6 ans, y a t il une mediation familiale vers givors ou grigny ?', GIVORS],
    ["mon ado ne me parle plus depuis des mois, je ne sais plus quoi faire, est-ce qu'il existe un point écoute parents près de Tours ou plutôt à Joué-lès-Tours ?", '37122'],
    ['un point écoute près de Tours ou à Joué-lès-Tours', TOURS],
    ['groupe de parole 69100', VILLEURBANNE],
    ['médiation familiale lyon 8e arrondissement', '69388'],
    ['Saint-Priest 07', '07288'],
    ['Saint-Priest (Rhône)', '69290'],
    ['un laep à Saint-Priest 69800', '69290'],
    ['quel soutien entre pairs existe près de chez moi ?', null],
    ['qui pilote la PA 3.2.1', null],
  ])('%j → %s', (text, expected) => {
    expect(placeIn(text)).toBe(expected);
  });
});

/** The words of the text a match used, as the caller's tokenisation (`words`) has them. */
function usedWords(text: string, match: CommuneMatch | null, which: 'tokenIndexes' | 'markerIndexes' = 'tokenIndexes'): string[] {
  const all = words(text);
  return (match?.[which] ?? []).map((i) => all[i]);
}

describe('the words a place used, for the caller to leave out of the free text', () => {
  it.each<[string, string[]]>([
    ['aide pour parents à Paris', ['paris']],
    ['du soutien à la parentalité près de Tours', ['tours']],
    ['un laep à vaux en vellin le samedi', ['vaux', 'en', 'vellin']],
    ['médiation familiale lyon 8e arrondissement le mardi', ['lyon', '8e', 'arrondissement']],
    ['un groupe de parole à Saint-Priest (Rhône) ?', ['saint', 'priest', 'rhone']],
    ['un laep à st priest 69800', ['st', 'priest', '69800']],
    ['givor', ['givor']],
    ['groupe de parole 69100 le soir', ['69100']],
  ])('%j uses %j', (text, used) => {
    expect(usedWords(text, communes.findInSentence(text))).toEqual(used);
  });

  it('gives the marker’s words too', () => {
    const text = 'un café des parents du côté de Bron';
    const match = communes.findInSentence(text);
    expect(usedWords(text, match, 'markerIndexes')).toEqual(['du', 'cote', 'de']);
    expect(match?.marking).toBe('search');
  });

  it('says how the place was announced', () => {
    expect(communes.findInSentence('je vis à Bron')?.marking).toBe('residence');
    expect(communes.findInSentence('un laep à Bron')?.marking).toBe('plain');
    expect(communes.findInSentence('vers Bron')?.marking).toBe('search');
    expect(communes.findInSentence('Bron')?.marking).toBe('alone');
    expect(communes.findInSentence('69500')?.marking).toBe('postcode');
    expect(communes.findInSentence('un laep Bron le samedi')?.marking).toBe('unmarked');
  });

  it('still gives the matched text as before', () => {
    expect(communes.findInSentence('un LAEP à Vaulx-en-Velin')?.matched).toBe('vaulx en velin');
  });
});

describe('names several communes share', () => {
  it('says « Saint-Julien » is ambiguous, with each candidate’s département', () => {
    const match = communes.findInSentence('un groupe de parole à Saint-Julien');
    expect(match?.ambiguous).toBe(true);
    const candidates = match?.candidates ?? [];
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    expect(new Set(candidates.map((c) => c.departement.code)).size).toBeGreaterThanOrEqual(5);
    expect(candidates.map((c) => c.departement.name)).toEqual(expect.arrayContaining(['Var', 'Côte-d\'Or', 'Rhône']));
    for (const c of candidates) expect(c.commune.departement).toBe(c.departement.code);
    // Most populous first.
    for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1].commune.population).toBeGreaterThanOrEqual(candidates[i].commune.population);
  });

  it.each(['Villeneuve', 'Saint-Priest', 'un laep vers saint priesst'])('says %j is ambiguous', (text) => {
    expect(communes.findInSentence(text)?.ambiguous).toBe(true);
  });

  it.each<[string, string]>([
    ['Saint-Priest 69', '69290'],
    ['Saint-Priest (Rhône)', '69290'],
    ['Saint-Priest (Ardèche)', '07288'],
    ['Saint-Julien dans le Var', '83113'],
    ['Saint-Julien (Côte-d’Or)', '21555'],
    ['un laep à Saint-Priest 69800', '69290'],
  ])('is not ambiguous when a département or postcode is given: %j', (text, code) => {
    const match = communes.findInSentence(text);
    expect(match?.commune.code).toBe(code);
    expect(match?.ambiguous).toBe(false);
    expect(match?.candidates.map((c) => c.commune.code)).toEqual([code]);
  });

  it.each(['La Garde', 'vers la garde', 'Lyon', 'Paris', 'Tours'])('is not ambiguous when one homonym is far larger: %j', (text) => {
    const match = communes.findInSentence(text);
    expect(match?.ambiguous).toBe(false);
  });

  it('is not ambiguous for a postcode several communes share: the engine picks', () => {
    const match = communes.findInSentence('69380');
    expect(match?.ambiguous).toBe(false);
    expect(match?.candidates.length).toBeGreaterThan(3);
  });
});

describe('reading the answer to « which one? »', () => {
  const candidates = communes.findInSentence('Saint-Julien')?.candidates ?? [];
  const inVar = candidates.find((c) => c.departement.code === '83');
  const inRhone = candidates.find((c) => c.departement.code === '69');

  it('has Saint-Julien in the Var and in the Rhône to choose from', () => {
    expect(inVar).toBeDefined();
    expect(inRhone).toBeDefined();
  });

  it.each<[string, () => string | undefined]>([
    ['83', () => inVar?.commune.code],
    ['celui du Var', () => inVar?.commune.code],
    ['dans le rhone', () => inRhone?.commune.code],
    ['Rhône (69)', () => inRhone?.commune.code],
    [`${inRhone?.commune.postcodes[0] ?? ''}`, () => inRhone?.commune.code],
    ['le premier', () => candidates[0]?.commune.code],
    ['2', () => candidates[1]?.commune.code],
    ['la deuxième', () => candidates[1]?.commune.code],
    ['the third one', () => candidates[2]?.commune.code],
    ['le dernier', () => candidates.at(-1)?.commune.code],
    ['Saint-Julien-en-Genevois', () => candidates.find((c) => c.commune.code === '74243')?.commune.code],
  ])('%j', (answer, expected) => {
    expect(expected()).toBeDefined();
    expect(resolveAmong(candidates, answer)?.commune.code).toBe(expected());
    expect(communes.resolveAmong(candidates, answer)?.commune.code).toBe(expected());
  });

  it.each(['', '   ', 'je ne sais pas', 'Saint-Julien', '99', '🙂', '<b>1</b><script>alert(1)</script> et encore des mots en plus', "'; DROP TABLE communes; --", 'x'.repeat(10000)])(
    'names none for %j',
    (answer) => {
      expect(resolveAmong(candidates, answer)).toBeNull();
    },
  );

  it('names none among no candidates', () => {
    expect(resolveAmong([], 'le premier')).toBeNull();
  });
});

describe('which commune names are ordinary words', () => {
  it('is worked out from a word list, singular and plural and with the article', () => {
    for (const word of ['garde', 'danger', 'dangers', 'tours', 'tour', 'mars', 'pont', 'bois', 'vieux', 'saint']) {
      expect(ORDINARY_WORDS_NAMING_COMMUNES.has(word)).toBe(true);
    }
    for (const name of ['La Garde', 'Dangers', 'Tours', 'Mars', 'Les Tours']) expect(isOrdinaryName(placeKey(name))).toBe(true);
    for (const name of ['Givors', 'Lyon', 'Paris', 'Villeurbanne', 'Saint-Priest', 'Rennes', 'Le Havre']) expect(isOrdinaryName(placeKey(name))).toBe(false);
  });

  it('ships only words that are commune names or their singular or plural', () => {
    expect(ORDINARY_WORDS_NAMING_COMMUNES.size).toBeGreaterThan(300);
    expect(ORDINARY_WORDS_NAMING_COMMUNES.size).toBeLessThan(3000);
    for (const word of ORDINARY_WORDS_NAMING_COMMUNES) {
      const suffixes = ['s', 'x', 'e', 'es'];
      const forms = [word, ...suffixes.map((s) => word + s), ...suffixes.filter((s) => word.endsWith(s)).map((s) => word.slice(0, -s.length))];
      const named = forms.some((form) => ['', 'la ', 'le ', 'les ', 'l '].some((article) => communes.resolve(article + form)?.via === 'name'));
      expect([word, named]).toEqual([word, true]);
    }
  });
});

describe('properties', () => {
  /** Words that announce a place or frame one: left out of random "ordinary" sentences, which must stay unmarked. */
  const ordinary = [...ORDINARY_WORDS_NAMING_COMMUNES].filter((w) => !STOP_WORDS.has(w) && !AROUND_A_PLACE_ALONE.has(w)).sort();
  const fillers = ['je', 'un', 'pour', 'mon', 'le', 'une', 'des', 'de', 'la', 'les'];
  const sentenceWords = fc.array(fc.oneof(fc.constantFrom(...ordinary), fc.constantFrom(...fillers)), { minLength: 2, maxLength: 14 });

  /** Towns whose name, typed alone, is that town and no ordinary word: what a parent names after « à ». */
  const towns = communes.communes
    .filter((c) => c.kind === 'commune' && c.population >= 3000 && !isOrdinaryName(placeKey(c.name)))
    .filter((c) => communes.resolve(c.name)?.commune.code === c.code)
    .filter((_, i) => i % 7 === 0);

  it('finds a known commune after « à » in random ordinary sentences', () => {
    expect(towns.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(sentenceWords, fc.constantFrom(...towns), fc.nat(), (sentence, town, at) => {
        const position = at % (sentence.length + 1);
        const text = [...sentence.slice(0, position), 'à', town.name, ...sentence.slice(position)].join(' ');
        const match = communes.findInSentence(text);
        expect(match?.commune.code).toBe(town.code);
        expect(usedWords(text, match)).toEqual(words(town.name));
      }),
      { numRuns: 300 },
    );
  });

  it('finds no place in random sentences made only of ordinary words', () => {
    const ownNames = new Set(communes.communes.map((c) => placeKey(c.name)));
    fc.assert(
      fc.property(sentenceWords, (sentence) => {
        const text = sentence.join(' ');
        // A message that is exactly a commune's own name ("la marre", "tours") is that place, by design.
        fc.pre(!ownNames.has(placeKey(text)));
        expect(communes.findInSentence(text)).toBeNull();
        expect(communes.findInSentence(text, { restIsPlace: true })).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and gives back indexes of real words on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const match = communes.findInSentence(text);
        const count = words(text.slice(0, 1000)).length;
        for (const i of [...(match?.tokenIndexes ?? []), ...(match?.markerIndexes ?? [])]) {
          expect(Number.isInteger(i) && i >= 0 && i < count).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
