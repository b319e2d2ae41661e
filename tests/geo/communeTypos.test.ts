import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { editDistance } from '../../src/language/text';
import { letterMask, maskDistance, repeatedLetterMask } from '../../src/geo/letterMasks';
import { seededRandom } from '../helpers/seededRandom';
import { readOfferMessage } from '../../src/offer/understand';
import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Parents type commune names of several words with typos ("vaux en velin"): they must get that commune, not a
 * village whose name is one of the words, and ordinary words must never become villages by typo tolerance.
 */

// The commune data is large: loaded once for the whole file.
const communes = CommuneIndex.load();
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });

/** The commune a parent's message names, as the offer engine reads it on every turn. */
function placeOf(text: string): string | null {
  return readOfferMessage(text, now, communes).place?.commune.code ?? null;
}

describe('commune names with typos, as parents type them', () => {
  it.each([
    ['vaux en velin', '69256'],
    ['vaulx en vellin', '69256'],
    ['villeurbane', '69266'],
    ['venissieux', '69259'],
    ['st priest', '69290'],
    ['la mulatiere', '69142'],
  ])('%s → %s, alone, after a kind of help and before it', (place, code) => {
    expect(communes.resolve(place)?.commune.code).toBe(code);
    expect(placeOf(place)).toBe(code);
    expect(placeOf(`${place} LAEP`)).toBe(code);
    expect(placeOf(`un LAEP à ${place} le samedi ?`)).toBe(code);
    expect(placeOf(`groupe de parole près de ${place}`)).toBe(code);
  });

  it.each([
    ['vaux en velin LAEP', '69256'],
    ['laep vaux en vellin', '69256'],
    ['je suis maman solo à Vaulx-en-Vellin, existe-t-il un groupe d’entraide ?', '69256'],
    ['papa solo sur vaux en velin, un groupe pour échanger ?', '69256'],
    ['une aide aux devoirs sur st genie laval', '69204'],
    ['médiation familiale sainte foi les lyon', '69202'],
    ['un laep à albgny sur saone le samedi', '69003'],
    ['un café des parents vers st didier au mont dor', '69194'],
    ['laep les ardilats', '69012'],
    ['et à la mulatier ?', '69142'],
  ])('%s → %s', (sentence, code) => {
    expect(placeOf(sentence)).toBe(code);
  });

  it('reads the long name, not the short commune its first word names elsewhere in France', () => {
    // Vaux (Allier) and Vaulx (Haute-Savoie) exist: the words typed after them are Vaulx-en-Velin's.
    for (const sentence of ['un LAEP à vaux en velin', 'un LAEP à vaulx en vellin', 'à vaux en velin']) {
      const match = communes.findInSentence(sentence);
      expect(match?.commune.code).toBe('69256');
      expect(match?.matched).toMatch(/ en vell?in$/);
    }
    // Laval (Mayenne) is a town: "st genie laval" is still Saint-Genis-Laval.
    expect(communes.findInSentence('un LAEP à st genie laval')?.commune.code).toBe('69204');
  });

  it('keeps the short commune when the words after it are not the long name', () => {
    expect(placeOf('un laep à Bron le samedi')).toBe('69029');
    expect(placeOf('un laep à Gap centre ville')).toBe('05061');
    expect(communes.findInSentence('un LAEP à Vaux le samedi')?.commune.name).toBe('Vaux');
    expect(communes.findInSentence('un LAEP à Vaulx')?.commune.name).toBe('Vaulx');
  });

  it('keeps the homonyms of a name typed with a typo, for the offer nearby to choose', () => {
    const match = readOfferMessage('un laep à saint priesst le samedi', now, communes).place;
    expect(match?.via).toBe('fuzzy');
    expect(match?.commune.code).toBe('69290');
    expect(match?.alternatives.map((c) => c.departement)).toEqual(expect.arrayContaining(['07', '23']));
  });

  it('still reads exact names, postcodes and arrondissements as before', () => {
    expect(placeOf('médiation familiale lyon 7')).toBe('69387');
    expect(placeOf('groupe de parole 69100')).toBe('69266');
    expect(placeOf('un laep à st didier au mont d’or')).toBe('69194');
    expect(placeOf('un LAEP à Vaulx-en-Velin')).toBe('69256');
    expect(readOfferMessage('un LAEP à Vaulx-en-Velin', now, communes).place?.via).toBe('name');
  });
});

describe('ordinary words never become communes by typo tolerance', () => {
  it.each(['aide', 'parents', 'groupe', 'samedi', 'maman', 'solo'])('%s alone names no place', (word) => {
    expect(placeOf(word)).toBeNull();
  });

  it.each([
    'je suis maman solo et je cherche un groupe de parents le samedi',
    "j'ai besoin d'aide, je suis maman solo",
    'un groupe pour les parents solos le samedi',
    'je suis mamam solo',
    'un groupe de parrents',
    'aide aux devoir samedy',
    'groupe de parole pour les parants',
    'LAEP La Comptine',
    'the bot is down',
    'ma fille va à l’école et garde le moral',
    'vers le centre',
  ])('finds no place in %j', (sentence) => {
    expect(placeOf(sentence)).toBeNull();
  });

  it('does not run a name over words the caller understood', () => {
    const ignoreWords = new Set(['samedi', 'laep']);
    expect(communes.findInSentence('un laep à Bron le samedi', { ignoreWords, restIsPlace: true })?.matched).toBe('bron');
    expect(communes.findInSentence('samedi laep', { ignoreWords, restIsPlace: true })).toBeNull();
  });
});

describe('a parent who types a commune with a typo gets its offer', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(DEV_KNOWLEDGE);
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('"vaux en velin LAEP" answers with places, without asking where again', async () => {
    const turn = await conversation(bot).says('vaux en velin LAEP');
    const askedWhere = turn.replies.some((reply) => (reply.channelData as { maillage?: { askLocation?: boolean } } | undefined)?.maillage?.askLocation);
    expect(askedWhere).toBe(false);
    expect(folded(turn.text)).toContain('vaulx-en-velin');
  });
});

/** The edit distance as defined (optimal string alignment), over the whole table: what the bounded one must agree with. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) table[i][j] = Math.min(table[i][j], table[i - 2][j - 2] + 1);
    }
  }
  return table[a.length][b.length];
}

describe('typo distances', () => {
  const next = seededRandom(17);
  const letters = 'aeilnorstuv0-';
  const word = (length: number) => Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
  const typoOf = (a: string) => {
    let b = a;
    for (let typo = 0; typo < Math.floor(next() * 4); typo++) {
      const at = Math.floor(next() * (b.length + 1));
      const kind = Math.floor(next() * 4);
      if (kind === 0) b = b.slice(0, at) + b.slice(at + 1);
      else if (kind === 1 && at + 1 < b.length) b = b.slice(0, at) + b[at + 1] + b[at] + b.slice(at + 2);
      else if (kind === 2) b = b.slice(0, at) + word(1) + b.slice(at + 1);
      else b = b.slice(0, at) + word(1) + b.slice(at);
    }
    return b;
  };

  it('computes the bounded edit distance exactly up to its bound, long words included', () => {
    for (let i = 0; i < 3000; i++) {
      const a = word(Math.floor(next() * (i % 10 === 0 ? 90 : 16)));
      const b = next() < 0.3 ? word(Math.floor(next() * 16)) : typoOf(a);
      const max = Math.floor(next() * 4);
      expect(editDistance(a, b, max)).toBe(Math.min(referenceDistance(a, b), max + 1));
      if (i % 10 === 0) expect(editDistance(a, b)).toBe(referenceDistance(a, b));
    }
  });

  it('rules out by letters only words farther than the edit distance', () => {
    expect(repeatedLetterMask('villeurbanne')).toBe(letterMask('len'));
    expect(maskDistance(letterMask('venisieux'), repeatedLetterMask('venisieux'), letterMask('venissieux'), repeatedLetterMask('venissieux'))).toBe(1);
    expect(maskDistance(letterMask('lyon'), 0, letterMask('tours'), 0)).toBe(4);
    for (let i = 0; i < 3000; i++) {
      const a = word(1 + Math.floor(next() * 14));
      const b = next() < 0.5 ? word(1 + Math.floor(next() * 14)) : typoOf(a);
      expect(maskDistance(letterMask(a), repeatedLetterMask(a), letterMask(b), repeatedLetterMask(b))).toBeLessThanOrEqual(referenceDistance(a, b));
    }
  });
});
