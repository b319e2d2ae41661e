import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { fold, type Language } from '../../src/language/text';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { loadOffer, offerQueryScore, OfferConversationSchema, readOfferMessage, type OfferConversation, type OfferTurn, type Position } from '../../src/offer';

const communes = CommuneIndex.load();
const SHARED = resolve(__dirname, '../../../shared');
const FIXTURE = join(SHARED, 'fixtures/knowledge-dev/offer');
const EVAL = join(SHARED, 'eval/offer-dev.jsonl');
const hasShared = existsSync(FIXTURE) && existsSync(EVAL);
const devOffer = hasShared ? loadOffer(FIXTURE, communes).offer : null;
const demoOffer = loadOffer(join(__dirname, '../../knowledge/offer'), communes).offer;

// Tuesday 10 March 2026, 10:30 in Paris.
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });

/** Everything a person reads: the text, the cards' texts, the suggestions. */
function readable(turn: OfferTurn): string {
  return fold([turn.text, JSON.stringify(turn.cards), turn.suggestions.join('\n')].join('\n'));
}

/** The services a turn shows, by their cards' titles. */
function names(turn: OfferTurn): string[] {
  return turn.cards.map((card) => ((card as { body: Array<{ text: string }> }).body[0].text).replace(/\\/g, ''));
}

/** Everything one card says. */
function cardText(turn: OfferTurn, index: number): string {
  return JSON.stringify(turn.cards[index]);
}

/** A conversation as a table of turns: what the parent says, what the bot answers. */
class Chat {
  conversation: OfferConversation = {};
  constructor(private readonly offer = devOffer ?? demoOffer, private readonly language: Language = 'fr') {}
  say(text: string, position?: Position): OfferTurn {
    const turn = answerOfferQuery(this.offer, communes, readOfferMessage(text, now, communes), this.conversation, { now, language: this.language, position });
    // The state is stored as JSON between turns.
    this.conversation = OfferConversationSchema.parse(JSON.parse(JSON.stringify(turn.conversation)));
    return turn;
  }
}

type EvalTurn = { say: string; extra?: { entities?: Array<{ latitude: number; longitude: number }> }; all?: string[]; none?: string[]; any?: string[] };
type EvalCase = EvalTurn & { id: string; locale?: string; turns?: EvalTurn[] };

function expectations(turn: OfferTurn, spec: EvalTurn): string[] {
  const got = readable(turn);
  const problems: string[] = [];
  for (const e of spec.all ?? []) if (!got.includes(fold(e))) problems.push(`missing ${e}`);
  for (const e of spec.none ?? []) if (got.includes(fold(e))) problems.push(`unwanted ${e}`);
  if (spec.any && !spec.any.some((e) => got.includes(fold(e)))) problems.push(`none of ${spec.any.join(', ')}`);
  return problems;
}

const cases: EvalCase[] = hasShared
  ? readFileSync(EVAL, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).map((l) => JSON.parse(l))
  : [];

(hasShared ? describe : describe.skip)('the development questions, on the development offer', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const chat = new Chat(devOffer ?? demoOffer, c.locale?.startsWith('en') ? 'en' : 'fr');
    for (const spec of c.turns ?? [c]) {
      const entity = spec.extra?.entities?.[0];
      const turn = chat.say(spec.say, entity ? { latitude: entity.latitude, longitude: entity.longitude } : undefined);
      expect({ said: spec.say, problems: expectations(turn, spec) }).toEqual({ said: spec.say, problems: [] });
    }
  });
});

(hasShared ? describe : describe.skip)('the same questions, put differently', () => {
  it.each([
    ['des groupes de parole sur Villeurbanne ?', ['groupe de parole des parents'], []],
    ['LAEP Givors svp', ['ribambelle'], []],
    ['un cafe parents vers venissieu', ['centre social du moulin'], ['sanitas']],
    ['je cherche une mediatrice familiale dans le 8e à Lyon', ['mediation familiale'], []],
    ['LAEP le samedi autour de Vénissieux', ['ribambelle'], ['petits pas']],
    ['papa solo sur Vaulx en Velin, un groupe pour échanger avec d’autres parents ?', ['parents solos'], []],
    ["mon adolescent ne m'écoute plus, une aide à Tours ?", ["parents d'ados"], []],
    ['un numéro pour parler de mes difficultés avec mon enfant, par téléphone', ['allo parents'], []],
    ['un lieu d’accueil enfants parents à Marseille', [], ['ribambelle', 'petits pas', 'escale']],
    ['aide aux devoirs 37000', ['clas'], []],
  ])('%s', (text, all, none) => {
    const got = readable(new Chat().say(text));
    for (const e of all) expect(got).toContain(fold(e));
    for (const e of none) expect(got).not.toContain(fold(e));
  });
});

describe('asking only for what is missing', () => {
  it('asks for the place, offering the position, then resumes the search with it', () => {
    const chat = new Chat(demoOffer);
    const first = chat.say('un groupe de parole');
    expect(first.outcome).toBe('need-place');
    expect(first.askLocation).toBe(true);
    expect(first.cards).toEqual([]);
    expect(first.text).toMatch(/commune|position/);
    const second = chat.say('', { latitude: 45.766, longitude: 4.88 });
    expect(second.outcome).toBe('results');
    expect(readable(second)).toContain('groupe de parole parents solos');
    expect(second.text).toContain('votre position');
  });

  it('resumes with a commune typed alone', () => {
    const chat = new Chat(demoOffer);
    chat.say('un café des parents');
    const turn = chat.say('venisieux');
    expect(turn.outcome).toBe('results');
    expect(readable(turn)).toContain('cafe des parents');
    expect(turn.text).toContain('Vénissieux');
  });

  it('asks for the position when the parent says "près de moi" without sharing it', () => {
    const turn = new Chat(demoOffer).say('un LAEP près de chez moi');
    expect(turn.outcome).toBe('need-place');
    expect(turn.askLocation).toBe(true);
  });

  it('offers remote listening without asking where first', () => {
    const turn = new Chat(demoOffer).say("j'ai besoin de parler à quelqu'un au téléphone");
    expect(turn.outcome).toBe('results');
    expect(readable(turn)).toContain('ligne parents ecoute');
    expect(turn.askLocation).toBe(true);
  });
});

describe('follow-ups keep the search', () => {
  it('changes the place, the day, pages and widens', () => {
    const chat = new Chat(demoOffer);
    const first = chat.say('un centre social à Bron');
    expect(first.cards).toHaveLength(5);
    expect(first.suggestions).toContain("D'autres");
    expect(first.text).toContain("Dites « d'autres » pour voir la suite.");
    const shown = first.cards.map((c) => JSON.stringify(c));
    const more = chat.say("d'autres ?");
    expect(more.outcome).toBe('results');
    expect(more.text).toMatch(/Résultats 6 à/);
    for (const card of more.cards) expect(shown).not.toContain(JSON.stringify(card));

    const laep = chat.say('un LAEP à Vénissieux');
    expect(readable(laep)).toContain('la farandole');
    const saturday = chat.say('lesquels sont ouverts le samedi ?');
    expect(readable(saturday)).not.toContain('la farandole');
    expect(readable(saturday)).toContain('les lucioles');
    expect(saturday.text).toContain('samedi');
    const givors = chat.say('et à Givors ?');
    expect(givors.text).toContain('Givors');
    expect(readable(givors)).toContain('la comptine');
  });

  it('widens the radius step by step, and no further than 100 km', () => {
    const chat = new Chat(demoOffer);
    const none = chat.say('un espace rencontre à Chinon');
    expect(none.outcome).toBe('none-nearby');
    expect(none.suggestions).toContain('Plus loin');
    const wider = chat.say('plus loin');
    expect(wider.text).toContain('60 km');
    expect(readable(wider)).toContain('espace rencontre de touraine');
    chat.say('plus loin');
    expect(chat.conversation.radiusKm).toBe(100);
    chat.say('plus loin');
    expect(chat.conversation.radiusKm).toBe(100);
  });

  it('says so when there is nothing more to show', () => {
    const chat = new Chat(demoOffer);
    chat.say('médiation familiale à Saint-Avertin');
    const more = chat.say('voir plus');
    expect(more.text).toMatch(/tous les résultats/);
  });
});

describe('results a parent can use', () => {
  it('says the header once and leaves the services to their cards', () => {
    const turn = new Chat(demoOffer).say('un LAEP à Givors');
    expect(turn.text).toMatch(/^J'ai trouvé \d+ lieux? d'accueil enfants-parents \(LAEP\) à moins de 30 km de Givors\./);
    // No numbered list repeating the cards.
    expect(turn.text).not.toMatch(/^1\. /m);
    expect(turn.text).not.toContain('La Comptine');
    expect(names(turn)[0]).toBe('LAEP La Comptine');
    expect(cardText(turn, 0)).toMatch(/Association La Comptine/);
    expect(cardText(turn, 0)).toMatch(/le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h/i);
    expect(cardText(turn, 0)).toMatch(/ouvre aujourd'hui à 14 h/i);
  });

  it('gives at most 5 cards, each an Adaptive Card 1.5 with a route', () => {
    const turn = new Chat(demoOffer).say('un groupe de parole à Lyon 3e', undefined);
    expect(turn.cards.length).toBeLessThanOrEqual(5);
    for (const card of turn.cards) {
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(JSON.stringify(card)).toMatch(/https:\/\/www\.openstreetmap\.org\/directions\?route=45\.\d+%2C4\.\d+%3B45\.\d+%2C4\.\d+/);
    }
  });

  it('speaks English to an English speaker', () => {
    const turn = new Chat(demoOffer, 'en').say('homework help in Tours');
    expect(turn.text).toMatch(/^I found 2 homework support \(CLAS\) within 30 km of Tours\./);
    expect(readable(turn)).toContain('directions');
  });

  it('does not echo hostile input, and never throws', () => {
    for (const text of ['', '🙂🙂🙂', '<script>alert(1)</script>', "'; DROP TABLE services; --", 'x'.repeat(10000), '\u0000\u0001', '{{7*7}}']) {
      const turn = new Chat(demoOffer).say(text);
      expect(turn.outcome).toBe('no-match');
      expect(turn.text).not.toContain('<script>');
      expect(turn.text).not.toContain('DROP');
      expect(() => JSON.stringify(turn)).not.toThrow();
    }
  });

  it('starts afresh from a stored state that does not fit', () => {
    const stored = OfferConversationSchema.safeParse({ kinds: ['nonsense'], offset: -4 });
    const turn = answerOfferQuery(demoOffer, communes, readOfferMessage('un LAEP à Givors', now, communes), stored.success ? stored.data : {}, { now, language: 'fr' });
    expect(turn.outcome).toBe('results');
  });

  it('keeps the position only in the conversation it returns', () => {
    const chat = new Chat(demoOffer);
    chat.say('un café des parents près de moi', { latitude: 47.392, longitude: 0.69 });
    expect(chat.conversation.position).toEqual({ latitude: 47.392, longitude: 0.69 });
    chat.say('un LAEP à Givors');
    expect(chat.conversation.position).toBeUndefined();
  });
});

describe('how much a message reads like a parent\'s search', () => {
  // Sheet numbers and sheet words go to the sheets before any score (the route table): the offer keeps no list of them.
  it.each([
    ['laep givors', 0.7, 1],
    ['un groupe de parole près de chez moi', 0.7, 1],
    ['je suis maman solo à Vaulx-en-Velin, existe-t-il un groupe d’entraide ?', 0.7, 1],
    ['Which peer support exists near me?', 0.6, 1],
    ['on se dispute pour la garde des enfants, à qui m\'adresser vers Givors ?', 0.7, 1],
    ['du soutien à la parentalité près de Tours', 0.7, 1],
    ['Bonjour', 0, 0.05],
    ['quel temps fait-il ?', 0, 0.05],
  ])('%s', (text, min, max) => {
    const score = offerQueryScore(readOfferMessage(text, now, communes), {});
    expect(score).toBeGreaterThanOrEqual(min);
    expect(score).toBeLessThanOrEqual(max);
  });

  it('scores follow-ups high only while a search is under way', () => {
    const underway: OfferConversation = { kinds: ['laep'], placeCode: '69259' };
    const score = (text: string, conversation: OfferConversation) => offerQueryScore(readOfferMessage(text, now, communes), conversation);
    expect(score('et à Givors ?', underway)).toBeGreaterThanOrEqual(0.8);
    expect(score("d'autres ?", underway)).toBeGreaterThanOrEqual(0.8);
    expect(score('lesquels sont ouverts le vendredi ?', underway)).toBeGreaterThanOrEqual(0.8);
    expect(score("d'autres ?", {})).toBeLessThan(0.2);
  });
});

describe('the same words on another day', () => {
  it('reads "demain" from the day it is said, even when the same text was just read', () => {
    const monday = DateTime.fromISO('2026-03-09T10:00:00', { zone: 'Europe/Paris' });
    const text = 'un LAEP demain à Givors';
    // A reading is made at the turn's instant: the same text read on another day names another date.
    const first = answerOfferQuery(demoOffer, communes, readOfferMessage(text, monday, communes), {}, { now: monday, language: 'fr' });
    const second = answerOfferQuery(demoOffer, communes, readOfferMessage(text, now, communes), {}, { now, language: 'fr' });
    expect(first.conversation.time).toEqual({ date: '2026-03-10', relative: true, saidAt: expect.any(Number) });
    expect(second.conversation.time).toEqual({ date: '2026-03-11', relative: true, saidAt: expect.any(Number) });
    // What was read is not shared with the conversation that keeps it.
    first.conversation.kinds?.push('clas');
    expect(answerOfferQuery(demoOffer, communes, readOfferMessage(text, now, communes), {}, { now, language: 'fr' }).conversation.kinds).toEqual(['laep']);
  });
});

describe('nothing open now: the places that open soonest', () => {
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
  const ask = (text: string, when: DateTime, conversation: OfferConversation = {}, language: Language = 'fr') =>
    answerOfferQuery(demoOffer, communes, readOfferMessage(text, when, communes), conversation, { now: when, language });
  // Tuesday 10 March 2026 at noon: no LAEP near Givors is open; La Comptine opens at 14 h.
  const noon = at('2026-03-10T12:00:00');

  it('says so plainly, then lists them by next opening, then distance', () => {
    const turn = ask('un LAEP ouvert maintenant à Givors', noon);
    expect(turn.outcome).toBe('results');
    expect(turn.text).toMatch(/^Aucun lieu d'accueil enfants-parents \(LAEP\) n'est ouvert en ce moment près de Givors\. Voici ceux qui ouvrent le plus tôt :/);
    // Today 14 h; Wednesday 9 h at 18 then 20 km; Thursday 9 h at 8 then 15 km.
    expect(names(turn)).toEqual([
      'LAEP La Comptine',
      "Lieu d'accueil enfants-parents Les Petites Mains",
      "Lieu d'accueil enfants-parents Les Lucioles",
      "Lieu d'accueil enfants-parents des Coteaux",
      'LAEP La Farandole',
    ]);
    expect(turn.cards).toHaveLength(5);
    expect(cardText(turn, 0)).toMatch(/ouvre aujourd'hui à 14 h/i);
    expect(cardText(turn, 1)).toMatch(/prochaine ouverture demain à 9 h/i);
    expect(cardText(turn, 4)).toMatch(/prochaine ouverture jeudi à 9 h/i);
    // The card says the time asked with the same reading as the header: closed now.
    expect(cardText(turn, 0)).toMatch(/Maintenant\*\* : fermé/);
    expect(turn.text).not.toContain("Je n'ai trouvé");
  });

  it('keeps the search for follow-ups', () => {
    const first = ask('un LAEP ouvert maintenant à Givors', noon);
    expect(first.conversation).toMatchObject({ kinds: ['laep'], time: { now: true }, offset: 0 });
    const more = ask('voir plus', noon, first.conversation);
    expect(more.text).toMatch(/tous les résultats/);
    expect(more.conversation.offset).toBe(0);
    const tours = ask('et à Tours ?', noon, more.conversation);
    expect(tours.text).toMatch(/^Aucun lieu d'accueil enfants-parents \(LAEP\) n'est ouvert en ce moment près de Tours\./);
    expect(names(tours)).toEqual(["Lieu d'accueil enfants-parents Pirouette", 'LAEP Les Coquelicots']);
    const wider = ask('plus loin', noon, tours.conversation);
    expect(wider.conversation.radiusKm).toBe(60);
    // Only what lies beyond 30 km is new; near Tours there is none, and the bot says so.
    expect(wider.text).toContain('Rien de plus entre 30 et 60 km de Tours.');
    expect(wider.cards).toEqual([]);
  });

  it('changes nothing when a place is open now', () => {
    // At 10:30 La Farandole (Vénissieux) is open.
    const turn = ask('un LAEP ouvert maintenant à Givors', now);
    expect(turn.text).toMatch(/^J'ai trouvé 1 lieu d'accueil enfants-parents \(LAEP\), ouvert maintenant, à moins de 30 km de Givors\./);
    expect(names(turn)).toEqual(['LAEP La Farandole']);
  });

  it('reads "aujourd\'hui" the same way, and agrees in the feminine', () => {
    expect(ask("un LAEP ouvert aujourd'hui à Tours", now).text).toMatch(/^Aucun lieu d'accueil enfants-parents \(LAEP\) n'est ouvert aujourd'hui près de Tours\. Voici ceux/);
    const evening = at('2026-03-10T20:30:00');
    const mediation = ask('une médiation familiale ouverte maintenant à Lyon', evening);
    expect(mediation.text).toMatch(/^Aucune médiation familiale n'est ouverte en ce moment près de Lyon\. Voici celles qui ouvrent le plus tôt :/);
    const solos = ask('un groupe de parole pour parents solos ouvert maintenant à Villeurbanne', evening);
    expect(solos.text).toMatch(/^Aucun groupe de parole pour les parents solos n'est ouvert en ce moment près de Villeurbanne\./);
    expect(names(solos)[0]).toBe('Groupe de parole parents solos du sud lyonnais');
  });

  it('speaks English', () => {
    const turn = ask('a LAEP open now in Tours', now, {}, 'en');
    expect(turn.text).toMatch(/^No parent-child drop-in centre \(LAEP\) is open right now near Tours\. Here are the ones that open soonest:/);
    expect(cardText(turn, 0)).toContain('next opening tomorrow at 09:00');
  });

  it('offers the helplines that open soonest to a parent who asked for one', () => {
    const turn = ask("parler à quelqu'un au téléphone maintenant à Lyon", at('2026-03-10T21:30:00'));
    expect(turn.text).toMatch(/n'est ouvert en ce moment près de Lyon/);
    // Tomorrow 9 h, then tomorrow 10 h, then the listening point on Thursday.
    expect(names(turn)).toEqual(['Écoute téléphonique Parents Rhône', 'Ligne Parents Écoute', 'Point écoute parents du Plateau']);
  });

  it('still says when nothing of the kind is near, and leaves other times alone', () => {
    expect(ask('un espace rencontre ouvert maintenant à Chinon', now).outcome).toBe('none-nearby');
    const friday = ask('un LAEP ouvert le vendredi à Tours', now);
    expect(friday.outcome).toBe('none-nearby');
    expect(friday.text).toMatch(/^Je n'ai trouvé aucun lieu d'accueil enfants-parents \(LAEP\) ouvert le vendredi à moins de 30 km de Tours\./);
  });

  it('judges "ce soir" against the evening window, and every card says it as the header does', () => {
    // At 10:30, no café des parents near Lyon opens after 19 h: the header says so, the cards say "Ce soir : fermé".
    const tonight = ask('un café des parents ouvert ce soir à Lyon', now);
    expect(tonight.text).toMatch(/^Aucun café des parents n'est ouvert ce soir près de Lyon\. Voici ceux qui ouvrent le plus tôt :/);
    expect(tonight.cards.length).toBeGreaterThan(0);
    tonight.cards.forEach((_, i) => expect(cardText(tonight, i)).toMatch(/Ce soir\*\* : fermé/));
    // A listening line open until 20 h is open tonight; one that closes at 19 h is not. The card says the whole
    // opening the evening falls in (10 h–20 h), not the part of it after 19 h: a parent must not arrive late.
    const listening = ask("parler à quelqu'un ce soir à Lyon", now);
    expect(names(listening)).toContain('Ligne Parents Écoute');
    expect(names(listening)).not.toContain('Écoute téléphonique Parents Rhône');
    listening.cards.forEach((_, i) => expect(cardText(listening, i)).toMatch(/Ce soir\*\* : le mardi de 10 h à 20 h/));
  });
});
