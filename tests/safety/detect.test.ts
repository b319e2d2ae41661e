import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSafety, SafetyReader, SafetyReadingSchema, SafetyVocabularySchema, SAFETY_VOCABULARY, type SafetyVocabulary } from '../../src/safety';
import { DANGER_MESSAGES, ORDINARY_MESSAGES } from './messages';

/** Every question of the shared evaluation sets: partners' and parents' ordinary questions, none of them an alarm. */
function evalQuestions(file: string): string[] {
  const lines = readFileSync(path.resolve(__dirname, '../../../shared/eval', file), 'utf8').split('\n');
  const says: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'say' && typeof value === 'string') says.push(value);
      else collect(value);
    }
  };
  for (const line of lines) if (line.trim().startsWith('{')) collect(JSON.parse(line));
  return says;
}

describe('a message that says someone is in danger is read as such', () => {
  test.each(DANGER_MESSAGES)('« $say » → $concern', ({ say, concern }) => {
    const reading = readSafety(say);
    expect(reading?.concerns).toContain(concern);
    expect(SafetyReadingSchema.parse(reading)).toEqual(reading);
  });

  test('the development set is as large as the issue asks', () => {
    expect(DANGER_MESSAGES.length).toBeGreaterThanOrEqual(40);
  });

  test('the most urgent concern comes first', () => {
    expect(readSafety("je n'en peux plus, je veux mourir")?.concerns).toEqual(['suicide', 'breaking-point']);
    expect(readSafety('mon mari me frappe et il menace de nous tuer avec un couteau')?.concerns[0]).toBe('immediate-danger');
    expect(readSafety('mon bébé ne respire plus, je craque')?.concerns).toEqual(['medical-emergency', 'breaking-point']);
  });

  test('violence in front of a child raises the child protection concern as well, after the victim’s own (QA D17)', () => {
    expect(readSafety('mon mari me frappe devant les enfants')?.concerns).toEqual(['domestic-violence', 'child-danger']);
    expect(readSafety('mn mari m frap devant les gamins')?.concerns).toEqual(['domestic-violence', 'child-danger']);
    expect(readSafety('my husband hits me in front of the kids')?.concerns).toEqual(['domestic-violence', 'child-danger']);
    expect(readSafety('mon mari me frappe')?.concerns).toEqual(['domestic-violence']);
    // A child hurt directly keeps the child protection line first.
    expect(readSafety('mon mari me frappe et il frappe mon fils')?.concerns).toEqual(['child-danger', 'domestic-violence']);
    // Suicide stays before both.
    expect(readSafety('mon mari me frappe devant les enfants et je veux mourir')?.concerns).toEqual(['suicide', 'domestic-violence', 'child-danger']);
  });

  test('inside a long message, however it is typed', () => {
    const long = `${'Bonjour, je vous écris depuis la maison, nous avons déménagé à Villeurbanne au printemps. '.repeat(8)}MN MARI IL ME FRAPE tt le temps`;
    expect(readSafety(long)?.concerns).toContain('domestic-violence');
    expect(readSafety('   Je   VEUX    mourir !!!   ')?.concerns).toEqual(['suicide']);
    expect(readSafety('jveux mourrir')?.concerns).toEqual(['suicide']);
  });
});

describe('an ordinary message raises no alarm', () => {
  test.each(ORDINARY_MESSAGES)('« %s »', (say) => {
    expect(readSafety(say)).toBeNull();
  });

  test('the list of ordinary messages is as large as the issue asks', () => {
    expect(ORDINARY_MESSAGES.length).toBeGreaterThanOrEqual(40);
  });

  test.each([...evalQuestions('offer-dev.jsonl'), ...evalQuestions('sheets-dev.jsonl')])('shipped evaluation question « %s »', (say) => {
    expect(readSafety(say)).toBeNull();
  });

  test('hostile input is read without an alarm or an error', () => {
    for (const say of ['', ' ', '🙂🙂🙂', '<script>alert(1)</script>', "'; DROP TABLE state; --", 'x'.repeat(10000), '\u0000\u200f']) {
      expect(readSafety(say)).toBeNull();
    }
  });
});

describe('a question about the topic is not an alarm, a person’s own words are', () => {
  test.each([
    ['quelles fiches parlent de violences conjugales ?', null],
    ['qui pilote les actions de prévention du suicide ?', null],
    ['violences conjugales', ['domestic-violence']],
    ['mon mari me frappe, quelles actions existent près de chez moi ?', ['domestic-violence']],
    ['je cherche une fiche, mais surtout je veux mourir', ['suicide']],
  ])('« %s »', (say, concerns) => {
    expect(readSafety(say)?.concerns ?? null).toEqual(concerns);
  });
});

describe('the reader knows no phrase of its own: everything comes from the vocabulary', () => {
  const tiny: SafetyVocabulary = SafetyVocabularySchema.parse({
    ...SAFETY_VOCABULARY,
    rewrites: { jtb: 'je tombe' },
    classes: { enfant: ['enfant'], child: ['child'] },
    notTypos: [],
    topicFrames: { fr: ['fiche'], en: [] },
    cannotCall: { ...SAFETY_VOCABULARY.cannotCall, statements: { fr: ['sans voix'], en: [] }, exceptions: { fr: [], en: [] } },
    concerns: SAFETY_VOCABULARY.concerns.map((concern) => ({
      ...concern,
      statements: { fr: concern.id === 'medical-emergency' ? ['je tombe … escalier'] : [], en: [] },
      topics: { fr: concern.id === 'runaway' ? ['montgolfiere'] : [], en: [] },
      exceptions: { fr: [], en: [] },
      resolutions: { fr: concern.id === 'runaway' ? ['est redescendue'] : [], en: [] },
      inContext: concern.id === 'suicide' ? [{ classes: ['enfant'], phrases: { fr: ['tout gris'], en: [] } }] : [],
    })),
  });
  const reader = new SafetyReader(tiny);

  test('a phrase of the vocabulary is found, with its gap, its SMS spelling and a typo', () => {
    expect(reader.read('jtb dans le grand escalier')?.concerns).toEqual(['medical-emergency']);
    expect(reader.read('une montgolfiere')?.concerns).toEqual(['runaway']);
    expect(reader.read('une montgolfire')?.concerns).toEqual(['runaway']);
    expect(reader.read('une fiche sur la montgolfiere')).toBeNull();
  });

  test('« j » glued to a word, and the same sound spelled otherwise at the end of a word, are read as written out', () => {
    expect(reader.read('jtombe dans l escalier')?.concerns).toEqual(['medical-emergency']);
    expect(reader.read('je tombs dans l escalié')?.concerns).toEqual(['medical-emergency']);
    // « jour », « jeudi » are words of their own: nothing is split off them.
    expect(reader.tokens('jour jeudi')).toEqual(['jour', 'jeudi']);
  });

  test('a resolution said after a match silences it; a match said after the resolution still counts', () => {
    expect(reader.read('la montgolfiere est redescendue')).toBeNull();
    expect(reader.read('elle est redescendue, puis une montgolfiere')?.concerns).toEqual(['runaway']);
  });

  test('a phrase said only in a context counts only where the message names it; saying one cannot call is no concern', () => {
    expect(reader.read('mon enfant est tout gris')?.concerns).toEqual(['suicide']);
    expect(reader.read('le ciel est tout gris')).toBeNull();
    // Said alone, it offers the 114 with no concern; beside a search, it is no reading at all.
    expect(reader.read('je suis sans voix')).toEqual({ concerns: [], cannotCall: true });
    expect(reader.read('je suis sans voix, un groupe de parole ?')).toBeNull();
    expect(reader.read('je suis sans voix, jtb dans l escalier')).toEqual({ concerns: ['medical-emergency'], cannotCall: true });
  });

  test('what the vocabulary does not say is not found', () => {
    expect(reader.read('je veux mourir')).toBeNull();
    expect(reader.read('jtb dans le grand et long et beau escalier')).toBeNull();
  });
});

describe('the vocabulary is checked when it loads', () => {
  test('a phrase naming an unknown class, or a concern without phrases, is refused', () => {
    const broken = { ...SAFETY_VOCABULARY, concerns: SAFETY_VOCABULARY.concerns.slice(1) };
    expect(() => SafetyVocabularySchema.parse(broken)).toThrow(/immediate-danger/);
    const unknownClass = {
      ...SAFETY_VOCABULARY,
      concerns: SAFETY_VOCABULARY.concerns.map((c) => ({ ...c, statements: { fr: ['@nowhere me frappe'], en: [] } })),
    };
    expect(() => SafetyVocabularySchema.parse(unknownClass)).toThrow(/unknown class/);
    const unknownNumber = { ...SAFETY_VOCABULARY, reminder: { ...SAFETY_VOCABULARY.reminder, numbers: ['999'] } };
    expect(() => SafetyVocabularySchema.parse(unknownNumber)).toThrow(/unknown number 999/);
  });

  test('each number cites official pages over https', () => {
    const sources = Object.values(SAFETY_VOCABULARY.numbers).flatMap((n) => n.sources.map((url) => new URL(url).hostname));
    for (const host of ['www.allo119.gouv.fr', 'arretonslesviolences.gouv.fr', '3114.fr', 'info.urgence114.fr', 'www.service-public.fr']) {
      expect(sources).toContain(host);
    }
  });

  test('a typo never turns a listed real word into a vocabulary word', () => {
    const reader = new SafetyReader(SAFETY_VOCABULARY);
    expect(readSafety('une femme voilée')).toBeNull();
    expect(reader.tokens('Jvx MOURIR')).toEqual(['je', 'veux', 'mourir'].map((w) => reader.tokens(w)[0]));
  });
});

describe('a word that frames a question on the plans frames only the words near it', () => {
  test.each([
    ['violences conjugales chez moi je sais pa quoi faire', 'domestic-violence'],
    ['je subis des violences conjugales, je suis en formation', 'domestic-violence'],
    ['violences conjugales à la maison, mon mari est pilote', 'domestic-violence'],
    ["violences conjugales, j'ai un projet de partir", 'domestic-violence'],
    ["epuisement parental, j'ai besoin d'un plan", 'breaking-point'],
  ])('%s', (text, concern) => {
    expect(readSafety(text)?.concerns).toContain(concern);
  });

  test.each([
    'quelles fiches parlent des violences conjugales ?',
    'PA 2.3.2 violences conjugales',
    'les actions de prévention des violences conjugales',
  ])('no alarm: %s', (text) => {
    expect(readSafety(text)).toBeNull();
  });
});

describe('QA parents round 2: the order of the numbers, and what the reader does not count', () => {
  test.each([
    // A child hit by an adult keeps 119 first; a writer hit as well hears 3919 after it.
    ['son beau-père le frappe', ['child-danger']],
    ['mon mari me frappe et il les frappe aussi', ['child-danger', 'domestic-violence']],
    // A violent partner at the door, a knife: the police first, then the 3919.
    ['mon ex est devant chez moi il menace de tout casser', ['immediate-danger', 'domestic-violence']],
    ['jai peur de mon copain il me menace ac un couteau', ['immediate-danger', 'domestic-violence']],
    ['mon conjoint me fait peur', ['domestic-violence']],
    ["mon ex tambourine à la porte, j'ai peur", ['immediate-danger', 'domestic-violence']],
    ["my ex is outside my door and I'm scared", ['immediate-danger', 'domestic-violence']],
    // « téléphoner » after « en danger » is what the writer cannot do, not a danger of phones (a property test's seed).
    ['mon enfant est en danger je peux pas telephoner', ['child-danger']],
    ['mon enfant est en danger, jpeux pas telephoner', ['child-danger']],
    // The threat or the fear may come before the door.
    ['mon ex me menace il est devant la porte', ['immediate-danger', 'domestic-violence']],
    ["j'ai peur, mon mari est devant ma porte", ['immediate-danger', 'domestic-violence']],
    ['mon copain me menace, il est en bas de chez moi', ['immediate-danger', 'domestic-violence']],
    ["I'm scared, my ex is outside my door", ['immediate-danger', 'domestic-violence']],
    ['my husband threatens me and he is outside the house', ['immediate-danger', 'domestic-violence']],
    // An accident gets the SAMU alone; marks of blows add the 119.
    ["mon bebe s'est cogné la tete et vomit", ['medical-emergency']],
    ["mon bebe s'est cogné la tete, il vomit et il a des marques de coups", ['medical-emergency', 'child-danger']],
    ['qui contacter en urgence ?', ['immediate-danger', 'medical-emergency']],
  ])('« %s »', (say, concerns) => {
    expect(readSafety(say)?.concerns).toEqual(concerns);
  });

  test('a child’s age takes no room in a phrase, and a person named in two words is one word', () => {
    const reader = new SafetyReader(SAFETY_VOCABULARY);
    expect(reader.tokens('ma fille de 14 ans est partie')).toEqual(reader.tokens('ma fille est partie'));
    expect(reader.tokens('my 13 year old daughter')).toEqual(reader.tokens('my daughter'));
    expect(reader.tokens('son beau-père')).toEqual(['son', 'beaupere']);
    expect(readSafety("mon fils qui a 15 ans n'est pas rentré")?.concerns).toEqual(['runaway']);
  });

  test('a phrase that writes a compound apart is refused when the vocabulary loads', () => {
    const apart = {
      ...SAFETY_VOCABULARY,
      concerns: SAFETY_VOCABULARY.concerns.map((c) => (c.id === 'child-danger' ? { ...c, statements: { fr: ['beau pere … frappe'], en: [] } } : c)),
    };
    expect(() => SafetyVocabularySchema.parse(apart)).toThrow(/writes .{0,4}beau pere.{0,4} apart/);
  });
});
