import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { agesOfService, audiencesOfService, kindsOfService } from '../../src/offer/classify';
import { foldedText } from '../../src/offer/phrases';
import { readOfferMessage } from '../../src/offer/understand';
import { SCHOOL_STAGES } from '../../src/offer/vocabulary';

/** QA "parents" D8, D9, D13, D16, as the reading of one message or one service's text. */
const communes = CommuneIndex.load();
const now = DateTime.fromISO('2026-12-07T21:15:00', { zone: 'Europe/Paris' });
const read = (text: string) => readOfferMessage(text, now, communes);
const serviceOf = (name: string, description: string) => {
  const texts = [foldedText(name), foldedText(description)];
  const kinds = kindsOfService({ name: texts[0]!, description: texts[1], types: null, remote: false });
  return { kinds, audiences: audiencesOfService(texts, kinds), ages: agesOfService(texts, kinds) };
};

describe('D9: the ages school words say', () => {
  test.each([
    ['Accompagnement à la scolarité pour les écoliers et collégiens.', [6, 15]],
    ['Aide aux devoirs pour les écoliers.', [6, 11]],
    ['CLAS pour les collégiens.', [11, 15]],
    ['Soutien scolaire pour les lycéens.', [15, 18]],
    ['Aide aux devoirs du CP au CM2.', [6, 10]],
    ['Accompagnement scolaire de la 6e à la 3e.', [11, 14]],
    ['Aide aux devoirs pour les enfants de l’école maternelle et de l’école primaire.', [3, 11]],
  ])('%s → %j', (description, ages) => {
    const service = serviceOf('Aide aux devoirs', description);
    expect(service.ages).toEqual(ages);
    // Teenagers only when all its ages are theirs.
    expect(service.audiences.includes('ados')).toBe(ages[0] >= 11);
  });

  test.each(['Protection maternelle et infantile, consultations.', 'Atelier au centre social, Marseille 3e.', 'Réunion au collège Jean Moulin.'])(
    'no ages from words that are no pupils: %s', (description) => {
      expect(serviceOf('Atelier parents-enfants', description).ages).toBeNull();
    });

  test('every school year of the table is a child’s age after « en »', () => {
    for (const stage of SCHOOL_STAGES.filter((s) => s.grade)) {
      for (const word of stage.parentWords) expect({ word, age: read(`aide aux devoirs pour ma fille en ${word}`).age }).toEqual({ word, age: stage.ages[0] });
    }
  });

  test.each([
    ['mon fils est au collège, aide aux devoirs', 'ados'],
    ['ma fille est en maternelle', 'petits'],
    ['mon fils au lycée ne travaille plus', 'ados'],
  ])('a school stage is the audience of its ages: %s', (text, audience) => {
    expect(read(text).audiences).toContain(audience);
  });
});

describe('D8: someone to talk to, on the phone, in SMS style', () => {
  test.each([
    'je voudrais parler a quelqun au telephone',
    'jvoudrai parler a qqn par tel svp',
    'je veux parler a qq1 au tél',
    "je voudrais parler à quelqu'un au téléphone",
    'besoin de parler a quelquun',
  ])('%s', (text) => {
    const reading = read(text);
    expect(reading.kinds).toEqual(expect.arrayContaining(['point-ecoute', 'ecoute-distance']));
    expect(reading.freeText).toBe('');
  });
});

describe('D13: a young child and the parent together', () => {
  test.each([
    'lieu pour ma fille de 2 ans a felletin',
    'on vit a felletin dans la creuse, yaurai un lieu pour ma fille de 2 ans et moi ?',
    'un endroit pour mon bebe et moi',
  ])('%s → LAEP first, no school', (text) => {
    const reading = read(text);
    expect(reading.situationKinds[0]).toBe('laep');
    expect(reading.situationKinds).not.toContain('clas');
    expect(reading.freeText).toBe('');
  });

  test('for an older child these words name no kind', () => {
    expect(read('un endroit pour mon fils de 10 ans et moi a lyon').situationKinds).toEqual([]);
  });

  test('a town’s own name is never a word typed wrong (« Felletin » is no « bulletin »)', () => {
    expect(read('laep felletin').situations).not.toContain('school');
  });
});

describe('D16: the words sent with a shared position say nothing more', () => {
  test.each(['voila ma position', 'voici ma localisation', 'here is my location', 'voilà'])('%s', (text) => {
    const reading = read(text);
    expect(reading.freeText).toBe('');
    expect(reading.kinds).toEqual([]);
  });
});
