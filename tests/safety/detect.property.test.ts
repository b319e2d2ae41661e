import fc from 'fast-check';
import { readSafety, SafetyReader, SAFETY_VOCABULARY, type SafetyConcern } from '../../src/safety';
import { safetyReply } from '../../src/messages/safety';
import { ORDINARY_MESSAGES } from './messages';

/**
 * Properties of the safety reader over random text: a danger phrase is found whatever ordinary words surround it and
 * however it is typed (case, accents removed, extra spaces and punctuation); text made only of the words of ordinary
 * messages raises no alarm.
 */

const PHRASES: ReadonlyArray<{ say: string; concern: SafetyConcern }> = [
  { say: 'je veux mourir', concern: 'suicide' },
  { say: "je n'en peux plus", concern: 'breaking-point' },
  { say: 'mon mari me frappe', concern: 'domestic-violence' },
  { say: 'mon enfant est en danger', concern: 'child-danger' },
  { say: 'ma fille a fugué', concern: 'runaway' },
  { say: 'il menace de nous tuer', concern: 'immediate-danger' },
  { say: 'mon bébé ne respire plus', concern: 'medical-emergency' },
  { say: 'attouchements', concern: 'sexual-violence' },
  { say: 'violences conjugales', concern: 'domestic-violence' },
  { say: 'my husband hits me', concern: 'domestic-violence' },
  { say: 'I want to kill myself', concern: 'suicide' },
  { say: 'jveu mourir', concern: 'suicide' },
  { say: "j'ai envie de me foutre en l'air", concern: 'suicide' },
  { say: 'I feel like ending it all', concern: 'suicide' },
  { say: 'il menace de prendre les petits', concern: 'abduction' },
];

/**
 * Ordinary words, split from the ordinary messages: each message is free of alarm, and so, we claim, any mix of them,
 * except the words that make a danger phrase the issue asks to find, alone (« urgence ») or after another word of the
 * list (« à » + « bout », « violences » + « conjugales » from a partner's question on sheets): those are left out, and
 * the test below says which, so that the list cannot grow unseen.
 */
const ALL_WORDS = [...new Set(ORDINARY_MESSAGES.flatMap((message) => message.split(/\s+/)).filter((w) => w.length > 0))];
/** Verbs of violence ("bat" from « se bat avec sa sœur ») make a danger sentence with « mon bébé »: left out too. */
const reader = new SafetyReader(SAFETY_VOCABULARY);
const VIOLENT_VERBS = new Set(['frapper', 'tuer', 'hit', 'kill'].flatMap((name) => SAFETY_VOCABULARY.classes[name].flatMap((w) => reader.tokens(w))));
/** An alarm is a concern: « je suis sourde » alone offers the 114 and names none. */
const alarms = (text: string): boolean => (readSafety(text)?.concerns.length ?? 0) > 0;
const DANGER_WORDS = new Set(ALL_WORDS.filter((word) => alarms(word) || reader.tokens(word).some((t) => VIOLENT_VERBS.has(t))));
for (const first of ALL_WORDS) {
  for (const second of ALL_WORDS) if (!DANGER_WORDS.has(first) && alarms(`${first} ${second}`)) DANGER_WORDS.add(second);
}
const ORDINARY_WORDS = ALL_WORDS.filter((word) => !DANGER_WORDS.has(word));

/** Words put around a phrase: ordinary words that neither start nor finish a sentence of danger. */
const SURROUNDING = ['bonjour', 'merci', 'svp', 'Lyon', 'depuis', 'hier', 'soir', 'vraiment', 'aidez-moi', 'à', 'Givors', 'LAEP', 'samedi', 'please', 'today'];

const PUNCTUATION = [' ', '  ', ', ', ' ... ', ' ! ', ' ?\n', '\n', ' - ', '. '];

const withoutAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

function randomCase(text: string, flips: readonly boolean[]): string {
  return [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');
}

describe('a danger phrase among ordinary words', () => {
  test('is found whatever surrounds it and however it is typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PHRASES),
        fc.array(fc.constantFrom(...SURROUNDING), { maxLength: 12 }),
        fc.array(fc.constantFrom(...SURROUNDING), { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
        fc.boolean(),
        fc.constantFrom(...PUNCTUATION),
        fc.constantFrom(...PUNCTUATION),
        (phrase, before, after, flips, stripAccents, left, right) => {
          const core = randomCase(stripAccents ? withoutAccents(phrase.say) : phrase.say, flips).replace(/ /g, () => (flips[0] ? '  ' : ' '));
          const text = `${before.join(' ')}${left}${core}${right}${after.join(' ')}`;
          expect(readSafety(text)?.concerns).toContain(phrase.concern);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('text made only of the words of ordinary messages', () => {
  test('leaves out only the words that complete a danger phrase', () => {
    expect([...DANGER_WORDS].sort()).toEqual([
      'away', 'away,', 'bat', 'battu', 'bout', 'cogné', 'conjugales', 'disparu', 'emergency', 'ex', 'femme', 'femmes', 'finir',
      'frappe', 'fugue', 'fuguer', 'fuguer,', 'fugué', 'himself', 'intrafamiliales', "l'escalier", 'maltraitance', 'mari', 'pas',
      'plus', 'plus…', 'secouer', 'secours', 'secoué', 'tape', 'tapés', 'tue', 'tuer', 'tué', 'urgence', 'vomit',
    ]);
  });

  test('raises no alarm', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDINARY_WORDS), { minLength: 1, maxLength: 30 }), (chosen) => {
        expect(readSafety(chosen.join(' '))?.concerns ?? []).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

/** How people say they cannot call: deaf, hard of hearing, unable to speak or to phone (QA D1). */
const CANNOT_CALL = ['je suis sourde', 'je suis sourd', 'jsuis malentendante', 'je suis mal entendant', 'je ne peux pas téléphoner',
  'jpeux pas telephoner', "I'm deaf", 'I am hard of hearing', "I can't call", 'je peux pas parler'];
/** Surrounding words that neither end « je peux pas parler » into « parler à quelqu'un » nor name a child. */
const NEUTRAL = SURROUNDING.filter((word) => word !== 'à');

describe('someone who says they cannot call', () => {
  test('reads the 114 first, then the numbers of what they said, wherever they say it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CANNOT_CALL),
        fc.constantFrom(...PHRASES),
        fc.boolean(),
        fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 6 }),
        fc.constantFrom(...PUNCTUATION),
        fc.boolean(),
        (cannot, phrase, first, between, separator, stripAccents) => {
          const parts = first ? [cannot, ...between, phrase.say] : [phrase.say, ...between, cannot];
          const text = parts.join(separator);
          const reading = readSafety(stripAccents ? withoutAccents(text) : text);
          expect(reading?.concerns).toContain(phrase.concern);
          expect(reading?.cannotCall).toBe(true);
          const reply = safetyReply(reading!, 'fr');
          expect(reply.text.startsWith(SAFETY_VOCABULARY.cannotCall.call.line.fr.slice(0, 40))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('raises no alarm when nothing else is said: being deaf is no danger', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CANNOT_CALL), fc.array(fc.constantFrom(...ORDINARY_WORDS), { maxLength: 12 }), (cannot, around) => {
        expect(readSafety([cannot, ...around].join(' '))?.concerns ?? []).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  test('said alone, with greetings or a call for help, it is offered the 114; with a search, it is the search (QA N-L4)', () => {
    const FILLERS = ['bonjour', 'svp', 'aidez-moi', 'merci', 'et muette', 'hello', 'please', '!', '...'];
    const SEARCH = ['un LAEP', 'à Lyon', 'groupe de parole', 'pour mon fils', 'le samedi', 'a parents group'];
    fc.assert(
      fc.property(
        fc.constantFrom(...CANNOT_CALL),
        fc.array(fc.constantFrom(...FILLERS), { maxLength: 4 }),
        fc.array(fc.constantFrom(...FILLERS), { maxLength: 4 }),
        fc.constantFrom(...SEARCH),
        (cannot, before, after, search) => {
          expect(readSafety([...before, cannot, ...after].join(' '))).toEqual({ concerns: [], cannotCall: true });
          expect(readSafety([...before, cannot, search, ...after].join(' '))).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
