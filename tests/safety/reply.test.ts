import { readSafety, SAFETY_VOCABULARY } from '../../src/safety';
import { safetyReply } from '../../src/messages/safety';
import { detectLanguage, fold } from '../../src/language/text';
import { CANNOT_CALL_MESSAGES } from './messages';

/**
 * What a person in danger reads: the message as typed, then the answer — the right number named first, with what it is
 * for, one call button a number, only the numbers of what was said. Read like transcripts: what is said, what is answered.
 */

type Button = { type: string; title: string; url: string };

function answer(say: string, locale?: string) {
  const reading = readSafety(say);
  if (!reading) throw new Error(`no concern read in « ${say} »`);
  const reply = safetyReply(reading, detectLanguage(say, locale));
  const card = reply.cards[0] as { version: string; body: Array<Record<string, unknown>> };
  const buttons: Button[] = [];
  const texts: Array<{ text: string; wrap: unknown }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.OpenUrl') buttons.push(record as unknown as Button);
    if (record.type === 'TextBlock') texts.push({ text: String(record.text), wrap: record.wrap });
    Object.values(record).forEach(walk);
  };
  walk(card);
  return { text: reply.text, folded: fold(reply.text), card, buttons, urls: buttons.map((b) => b.url), texts };
}

describe('the right number comes first', () => {
  test('« je veux mourir » → 3114, prevention of suicide, day and night', () => {
    const reply = answer('je veux mourir');
    expect(reply.folded.startsWith('prevention du suicide : appelez le 3114')).toBe(true);
    expect(reply.folded).toContain('24 h/24');
    expect(reply.urls).toEqual(['tel:3114']);
  });

  test('« mon enfant est en danger » → 119, then 17 or 112, each a button too (QA D17)', () => {
    const reply = answer('mon enfant est en danger');
    expect(reply.folded.startsWith('allo enfance en danger : appelez le 119, gratuit, 24 h/24, 7 j/7')).toBe(true);
    expect(reply.folded).toContain('en cas de danger immediat : 17 ou 112');
    expect(reply.urls).toEqual(['tel:119', 'tel:17', 'tel:112']);
  });

  test('« mon mari me frappe devant les enfants » → 3919 for the victim first, then 119, each with what it is for (QA D17)', () => {
    const reply = answer('mon mari me frappe devant les enfants');
    expect(reply.urls).toEqual(['tel:3919', 'tel:119', 'tel:17', 'tel:112']);
    expect(reply.folded.startsWith('violences femmes info : appelez le 3919, gratuit et anonyme, 24 h/24')).toBe(true);
    expect(reply.folded.indexOf('3919')).toBeLessThan(reply.folded.indexOf('119,'));
  });

  test('« il est là avec un couteau » → 17 or 112 first, 114 by SMS for who cannot speak, and nothing else', () => {
    const reply = answer('il est là avec un couteau, il menace de nous tuer');
    expect(reply.folded.startsWith('si vous ou votre enfant etes en danger immediat, appelez le 17')).toBe(true);
    expect(reply.folded).toContain('sms au 114');
    expect(reply.urls).toEqual(['tel:17', 'tel:112']);
    expect(reply.text).toContain('114');
    // The emergency is not followed by an offer to search: nothing should delay the call.
    expect(reply.folded).not.toContain('pres de chez vous');
  });

  test('« mon bébé ne respire plus » → 15 (SAMU) first', () => {
    const reply = answer('mon bébé ne respire plus');
    expect(reply.folded.startsWith('pour une urgence medicale, appelez le 15 (samu)')).toBe(true);
    expect(reply.urls[0]).toBe('tel:15');
  });

  test('« ma fille a fugué » → 116 000 and 17 to report it', () => {
    const reply = answer('ma fille a fugué');
    expect(reply.urls).toEqual(['tel:116000', 'tel:17']);
    expect(reply.folded).toContain('116 000');
  });

  test('« je n’en peux plus » → 119, listened to without judgement, and local listening offered', () => {
    const reply = answer("je n'en peux plus");
    expect(reply.urls).toEqual(['tel:119']);
    expect(reply.folded).toContain("lieu d'ecoute pres de chez vous");
  });

  test('several concerns: the most urgent number first, none twice, never a wall of numbers', () => {
    const reply = answer("je n'en peux plus, je veux mourir, mon mari me frappe et il a un couteau");
    expect(reply.urls[0]).toBe('tel:17');
    expect(new Set(reply.urls).size).toBe(reply.urls.length);
    expect(reply.urls.length).toBeLessThanOrEqual(5);
  });
});

describe('found by QA', () => {
  test('« jveu mourir » in the middle of a search → 3114, and the call button', () => {
    const reply = answer('un laep a bron. jveu mourir');
    expect(reply.folded.startsWith('prevention du suicide : appelez le 3114')).toBe(true);
    expect(reply.buttons.map((b) => [b.title, b.url])).toEqual([['Appeler le 3114', 'tel:3114']]);
  });

  test('« I feel like ending it all » → 3114, in English', () => {
    const reply = answer('I feel like ending it all', 'en-US');
    expect(reply.text.startsWith('Suicide prevention: call 3114')).toBe(true);
    expect(reply.buttons.map((b) => b.title)).toEqual(['Call 3114']);
  });

  test('« il menace de prendre les petits et de disparaître » → 17 first, then 116 000 for a parental abduction', () => {
    const reply = answer('il menace de prendre les petits et de disparaître');
    expect(reply.urls).toEqual(['tel:17', 'tel:116000']);
    expect(reply.folded).toContain('appelez le 17');
    expect(reply.folded).toContain('116 000 (enfants disparus)');
    expect(reply.folded).toContain('enlevement par un parent');
  });
});

describe('found by QA on the parents’ journey', () => {
  test.each(CANNOT_CALL_MESSAGES)('D1: « %s » → the 114 by text first, with a button that writes to it', (say) => {
    const reply = answer(say);
    expect(reply.folded).toMatch(/^(si vous etes sourd\(e\), malentendant\(e\) ou ne pouvez pas appeler : envoyez un sms au 114|if you are deaf, hard of hearing or cannot call: text 114)/);
    expect(reply.urls[0]).toBe('sms:114');
    // The number of their situation follows.
    expect(reply.urls.length).toBeGreaterThan(1);
  });

  test('D1: « je suis sourde comment appeler les secours ? » alone → 114, then 17 or 112', () => {
    const reply = answer('je suis sourde comment appeler les secours ?');
    expect(reply.urls).toEqual(['sms:114', 'tel:17', 'tel:112']);
    expect(reply.folded).toContain('appli urgence 114');
  });

  test('D1: « I’m deaf and my partner is threatening me, how can I text the police? » → 114, then 17/112 and 3919, in English', () => {
    const reply = answer("I'm deaf and my partner is threatening me, how can I text the police?", 'en-US');
    expect(reply.text.startsWith('If you are deaf, hard of hearing or cannot call: text 114')).toBe(true);
    expect(reply.urls).toEqual(['sms:114', 'tel:17', 'tel:112', 'tel:3919']);
    expect(reply.buttons[0].title).toBe('Text 114');
  });

  test('D1: someone who can call is not given an SMS button, only the line that says the 114 exists', () => {
    const reply = answer('il a un couteau');
    expect(reply.urls).not.toContain('sms:114');
    expect(reply.folded).toContain('sms au 114');
  });

  test.each([
    ["j'ai secoué mon bébé il est tout mou", 'fr'],
    ['jai secoue mon bb, depuis il vomit', 'fr'],
    ['mon bebe de 3 mois est tout mou', 'fr'],
    ['ma fille de 2 ans a avalé une pile', 'fr'],
    ['I shook my baby and now he is floppy', 'en'],
    ['my toddler swallowed a magnet', 'en'],
  ])('D2: « %s » → 15 (SAMU) and 112 first', (say) => {
    const reply = answer(say);
    expect(reply.folded).toMatch(/^(pour une urgence medicale, appelez le 15|for a medical emergency, call 15)/);
    expect(reply.urls.slice(0, 2)).toEqual(['tel:15', 'tel:112']);
  });

  test('D2: a baby shaken and harmed → 15 first, then the 119 for the parent', () => {
    const reply = answer("j'ai secoué mon bébé il est tout mou");
    expect(reply.urls).toEqual(['tel:15', 'tel:112', 'tel:119']);
  });

  test('D2: « jsuis a bout, jai secoué mon bebe ce matin… jai peur de recommencer » → the 119 « à bout », then the 15 if a sign shows', () => {
    const reply = answer('jsuis a bout, jai secoué mon bebe ce matin… jai peur de recommencer');
    expect(reply.folded.startsWith('si vous etes a bout avec votre enfant')).toBe(true);
    expect(reply.folded).toContain('un bebe secoue peut etre blesse');
    expect(reply.folded).toContain('appelez le 15');
    expect(reply.urls).toEqual(['tel:119', 'tel:15']);
  });

  test('D2: someone else shook the baby → 119 for the child, and the 15 if a sign shows', () => {
    const reply = answer('mon mari a secoué le bébé');
    expect(reply.folded.startsWith('allo enfance en danger')).toBe(true);
    expect(reply.urls.slice(0, 2)).toEqual(['tel:119', 'tel:15']);
  });

  test.each([
    "j'ai peur de lever la main sur mon fils",
    'je suis epuisee, je crie tout le temps sur mes enfants, jai peur de craquer et de lever la main sur eux',
    'jai peur de le frapper',
    'g peur de taper ma fille',
    "I'm afraid I will hit my daughter",
  ])('D3: « %s » → the 119 for a parent at breaking point', (say) => {
    const reply = answer(say);
    expect(reply.folded).toMatch(/^(si vous etes a bout avec votre enfant ou avez peur de perdre le controle, appelez le 119|if you are at breaking point)/);
    expect(reply.urls).toEqual(['tel:119']);
  });

  test.each(['my partner is threatening me', 'my husband threatens me', 'my husband hits me', 'my husband is violent', 'my ex is stalking me'])(
    'D4: « %s » → 3919, then 17 or 112, in English',
    (say) => {
      const reply = answer(say, 'en-US');
      expect(reply.text.startsWith('Violence against women helpline: call 3919')).toBe(true);
      expect(reply.text).toContain('17\u00a0or\u00a0112');
      expect(reply.urls).toEqual(['tel:3919', 'tel:17', 'tel:112']);
    },
  );

  test.each(['mon fils a fugué', "ma fille n'est pas rentrée depuis hier", 'my son ran away'])('D7: a real runaway « %s » keeps the 116 000', (say) => {
    expect(answer(say).urls).toEqual(['tel:116000', 'tel:17']);
  });

  test.each([
    'comment parler de la fugue avec mon ado ? groupe de parole rennes',
    'mon fils menace de fuguer si je lui prends son telephone, a qui en parler a rennes ?',
    'je cherche un atelier sur la fugue et les conduites a risque des ados a rennes',
    'my son threatens to run away, is there a parents group in Lyon?',
  ])('D7: running away as a subject or a threat « %s » is no alarm: the search answers', (say) => {
    expect(readSafety(say)).toBeNull();
  });
});

describe('in English for English messages', () => {
  test('« my husband hits me » → 3919 in English, then 17 or 112', () => {
    const reply = answer('my husband hits me');
    expect(reply.text.startsWith('Violence against women helpline: call 3919')).toBe(true);
    expect(reply.buttons.map((b) => b.title)).toEqual(['Call 3919', 'Call 17', 'Call 112']);
  });

  test('« I want to kill myself » from an English browser → 3114 in English', () => {
    // Too few English words for detectLanguage alone: the client's locale decides, as on the bot.
    const reply = answer('I want to kill myself', 'en-GB');
    expect(reply.text).toContain('call 3114');
    expect(reply.text).not.toMatch(/appelez/i);
  });
});

describe('one presentation: the text says it all, the card only calls', () => {
  test.each([
    'je veux mourir',
    'mon mari me frappe devant les enfants',
    'il a un couteau',
    'ma fille a fugué',
    'my baby is not breathing',
    'il menace de prendre les petits et de disparaitre',
    'mon enfant est en danger',
    'je suis sourde, il me menace',
    "I'm deaf and my partner is threatening me, how can I text the police?",
    "j'ai secoué mon bébé ce matin, j'ai peur de recommencer",
  ])('« %s »: the text names every number with what it is for; the card is one button a number it names', (say) => {
    const reply = answer(say);
    expect(reply.card.version).toBe('1.5');
    // Nothing is written twice: the descriptions live in the text, the card has no text of its own.
    expect(reply.texts).toEqual([]);
    expect(reply.buttons.length).toBeGreaterThan(0);
    for (const button of reply.buttons) {
      expect(button.url).toMatch(/^(tel|sms):\d{2,6}$/);
      // A title of a few words fits a 360 px button without breaking a word.
      expect(button.title.length).toBeLessThanOrEqual(20);
      // Each button says the number it calls, and the text says what that number is for (text-only clients, readers).
      const digits = button.url.slice(4);
      expect(button.title.replace(/ /g, '')).toContain(digits);
      expect(reply.text.replace(/(\d) (\d)/g, '$1$2')).toContain(digits);
    }
    // Every number the text quotes is a button (QA D17): « 17 ou 112 » is not left as plain text.
    const quoted = new Set([...reply.text.replace(/(\d) (\d)/g, '$1$2').matchAll(/\b(15|17|112|114|119|3114|3919|116000)\b/g)].map((m) => m[1]));
    const withButton = new Set(reply.buttons.map((button) => button.url.slice(4)));
    for (const number of quoted) if (number !== '114' || reply.urls.includes('sms:114')) expect(withButton).toContain(number);
  });

  test('a number reached by SMS only is said in the text and gets no call button', () => {
    const reply = answer('il a un couteau');
    expect(reply.text).toContain('SMS au 114');
    expect(reply.urls).not.toContain('tel:114');
  });

  test('every number of the vocabulary has a name and a description short enough for a card line', () => {
    for (const number of Object.values(SAFETY_VOCABULARY.numbers)) {
      for (const language of ['fr', 'en'] as const) {
        expect(number.name[language].length).toBeLessThanOrEqual(40);
        expect(number.description[language].length).toBeLessThanOrEqual(100);
      }
    }
  });
});

test('a number and its unit never break across lines on a phone: « 24 h/24 », « 7 j/7 », « 17 ou 112 »', () => {
  const { text } = safetyReply({ concerns: ['child-danger', 'domestic-violence'] }, 'fr');
  expect(text).toContain('24\u00a0h/24');
  expect(text).toContain('7\u00a0j/7');
  expect(text).toContain('17\u00a0ou\u00a0112');
  expect(text).not.toMatch(/\d [hj]\//);
});
