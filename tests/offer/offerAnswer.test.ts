import { join } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { CommuneIndex } from '../../src/geo';
import { renderOfferAnswer } from '../../src/messages/offerAnswer';
import { answerSearch, loadOffer, readOfferMessage, type OfferAnswer, type SearchReach } from '../../src/offer';
import type { TimeIntent } from '../../src/offer/timeQuery';
import { KINDS, type KindId } from '../../src/offer/vocabulary';

/**
 * The offer's search answers with data; src/messages and src/cards say it. The same answer reads in French and in
 * English, every fact of a card comes from the answer, and the sentences agree with what they count.
 */
const communes = CommuneIndex.load();
const offer = loadOffer(join(__dirname, '../../knowledge/offer'), communes).offer;
// Tuesday 10 March 2026, 10:30 in Paris.
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });
const GIVORS = '69091';
const lyon = { name: 'Lyon', point: { latitude: 45.76, longitude: 4.84 } };
const reach = (extra: Partial<SearchReach> = {}): SearchReach => ({ origin: lyon, radiusKm: 30, innerRadiusKm: 0, nextRadiusKm: 60, ...extra });
const noLabels = { kinds: null, audiences: [], age: null, time: null, freeText: null };

describe('the search answers with data', () => {
  const { answer, search } = answerSearch(offer, communes, { kinds: ['laep'], placeCode: GIVORS }, { now });

  it('holds facts, not sentences', () => {
    if (answer.kind !== 'results') throw new Error(`expected results, got ${answer.kind}`);
    expect(answer.hits.length).toBeGreaterThan(0);
    expect(answer.reach.origin?.name).toBe('Givors');
    expect(search.offset).toBe(0);
    const hit = answer.hits[0];
    expect(typeof hit.distanceKm).toBe('number');
    // Today's status and the week are data: states and clock times, no words in either language.
    const facts = JSON.stringify({ today: hit.today, hours: hit.hours?.week.days });
    expect(facts).not.toMatch(/ouvert|fermé|open now|closed today|lundi|mardi|Monday|Tuesday|\d h\b|\d:\d/i);
    expect(hit.today?.state).toMatch(/^(open|opens-today|closed)$/);
  });

  it('reads in French and in English from the same answer', () => {
    const fr = renderOfferAnswer(answer, 'fr');
    const en = renderOfferAnswer(answer, 'en');
    expect(fr.text).toMatch(/^J'ai trouvé \d+ lieux? d'accueil enfants-parents .*à moins de 30 km de Givors\.$/);
    expect(en.text).toMatch(/^I found \d+ parent-child drop-in.* within 30 km of Givors\.$/);
    expect(fr.cards).toHaveLength(answer.kind === 'results' ? answer.hits.length : -1);
    expect(en.cards).toHaveLength(fr.cards.length);
    expect(JSON.stringify(fr.cards)).toContain('**Horaires**');
    expect(JSON.stringify(en.cards)).toContain('**Opening hours**');
    expect(fr.suggestions).toContain('Ouverts maintenant');
    expect(en.suggestions).toContain('Open now');
  });

  it('is what the journey sends, rendered once', () => {
    const turn = answerOfferQuery(offer, communes, readOfferMessage('un LAEP à Givors', now, communes), {}, { now, language: 'fr' });
    const again = renderOfferAnswer(turn.answer, 'fr');
    expect({ replies: turn.replies, text: turn.text, cards: turn.cards, suggestions: turn.suggestions, askLocation: turn.askLocation }).toEqual(again);
  });

  it('names a shared position in the reader\'s language', () => {
    const fromPosition = answerSearch(offer, communes, { kinds: ['laep'], position: { latitude: 45.59, longitude: 4.77 } }, { now }).answer;
    expect(fromPosition.kind === 'results' && fromPosition.reach.origin?.name).toBeNull();
    expect(renderOfferAnswer(fromPosition, 'fr').text).toContain('de votre position');
    expect(renderOfferAnswer(fromPosition, 'en').text).toContain('of your location');
  });
});

describe('answers without places', () => {
  it.each<[OfferAnswer, string, { askLocation: boolean; suggestions: number }]>([
    [{ kind: 'position-needed' }, 'partagez votre position', { askLocation: true, suggestions: 0 }],
    [{ kind: 'need-place', reason: 'unknown-place', labels: noLabels }, 'situer cette commune', { askLocation: true, suggestions: 0 }],
    [{ kind: 'need-place', reason: 'where', labels: { ...noLabels, kinds: ['mediation'] } }, 'Où dois-je chercher une médiation familiale ?', { askLocation: true, suggestions: 0 }],
    [{ kind: 'max-radius' }, 'au-delà de 100 km', { askLocation: false, suggestions: 3 }],
    [{ kind: 'no-match' }, "Je n'ai pas trouvé d'aide", { askLocation: false, suggestions: 4 }],
    [{ kind: 'no-more', reach: reach({ nextRadiusKm: null }) }, 'tous les résultats', { askLocation: false, suggestions: 0 }],
    [{ kind: 'nothing-new', reach: reach({ innerRadiusKm: 30, radiusKm: 60, nextRadiusKm: 100 }) }, 'Rien de plus entre 30 et 60 km de Lyon.', { askLocation: false, suggestions: 1 }],
  ])('%j', (answer, said, expected) => {
    const out = renderOfferAnswer(answer, 'fr');
    expect(out.text).toContain(said);
    expect(out.cards).toEqual([]);
    expect({ askLocation: out.askLocation, suggestions: out.suggestions.length }).toEqual(expected);
  });

  it('lists the communes to choose from as the question and its quick replies', () => {
    const choices = [{ name: 'Saint-Julien', departementName: 'Ain', departement: '01' }, { name: 'Saint-Julien', departementName: null, departement: '83' }];
    const asked = renderOfferAnswer({ kind: 'place-choice', name: 'Saint-Julien', choices }, 'fr');
    expect(asked.suggestions).toEqual(['Saint-Julien (Ain, 01)', 'Saint-Julien (83)']);
    expect(asked.text).toBe('Plusieurs communes correspondent à « Saint-Julien ». Laquelle ?\n- Saint-Julien (Ain, 01)\n- Saint-Julien (83)');
    expect(renderOfferAnswer({ kind: 'place-choice', name: null, choices }, 'en').text).toMatch(/^Several towns have that name/);
  });
});

describe('support in general, agreeing with what it counts', () => {
  const saturday = { ...noLabels, time: { weekdays: [6] } };

  it('says "aucune aide … ouverte", one by one, and "les aides … ouvertes"', () => {
    const none = renderOfferAnswer({ kind: 'none-nearby', reach: reach(), labels: saturday, now, general: true }, 'fr');
    expect(none.text).toContain("Je n'ai trouvé aucune aide à la parentalité ouverte le samedi à moins de 30 km de Lyon.");
    const grouped = renderOfferAnswer({ kind: 'grouped', reach: reach(), labels: saturday, now, groups: [], offset: 0, hasMore: false, onlyRemote: false }, 'fr');
    expect(grouped.text).toContain('Voici les aides à la parentalité ouvertes le samedi à moins de 30 km de Lyon, par type :');
    const remoteOnly = renderOfferAnswer({ kind: 'grouped', reach: reach(), labels: saturday, now, groups: [], offset: 0, hasMore: false, onlyRemote: true }, 'fr');
    expect(remoteOnly.text).toContain("Je n'ai trouvé aucune aide à la parentalité ouverte le samedi à moins de 30 km de Lyon, mais");
  });

  it('heads the first card of each kind with the kind\'s name, and suggests the kinds', () => {
    const { answer } = answerSearch(offer, communes, { general: true, placeCode: '69123' }, { now });
    if (answer.kind !== 'grouped') throw new Error(`expected grouped, got ${answer.kind}`);
    const out = renderOfferAnswer(answer, 'fr');
    // A heading is the small accented line above a card's title (the address may be accented too, as a link).
    const headed = out.cards.filter((card) => {
      const first = (card as { body: Array<{ color?: string; size?: string }> }).body[0];
      return first.color === 'Accent' && first.size === 'Small';
    });
    expect(headed).toHaveLength(answer.groups.length);
    expect(out.cards).toHaveLength(answer.groups.reduce((n, g) => n + g.hits.length, 0));
    const kinds = answer.groups.map((g) => g.kind).filter((k): k is KindId => k !== null && k !== 'remote');
    expect(out.suggestions.length).toBeGreaterThanOrEqual(Math.min(3, kinds.length));
  });
});

describe('rendering any answer', () => {
  const kind = fc.constantFrom(...KINDS.map((k) => k.id));
  const labels = fc.record({
    kinds: fc.option(fc.array(kind, { minLength: 1, maxLength: 4 }), { nil: null }),
    audiences: fc.constant([] as const),
    age: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    time: fc.option(fc.constantFrom<TimeIntent>({ weekdays: [6] }, { now: true }, { date: '2026-03-10', part: 'evening' }), { nil: null }),
    freeText: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  });
  const place = fc.string({ maxLength: 40 });
  const departement = fc.record({ code: fc.constantFrom('01', '2A', '974'), name: place, article: fc.constantFrom('' as const, 'le' as const, 'la' as const, 'les' as const, "l'" as const) });
  const anyReach = fc.record({
    origin: fc.option(fc.record({ name: fc.option(place, { nil: null }), point: fc.constant(lyon.point) }), { nil: null }),
    radiusKm: fc.constantFrom(30, 60, 100),
    innerRadiusKm: fc.constantFrom(0, 30, 60),
    nextRadiusKm: fc.option(fc.constantFrom(60, 100), { nil: null }),
    departement: fc.option(departement, { nil: null }),
  });
  const answers: fc.Arbitrary<OfferAnswer> = fc.oneof(
    fc.record({ kind: fc.constant('none-nearby' as const), reach: anyReach, labels, now: fc.constant(now), general: fc.boolean() }),
    fc.record({ kind: fc.constant('nothing-new' as const), reach: anyReach }),
    fc.record({ kind: fc.constant('no-more' as const), reach: anyReach }),
    fc.record({ kind: fc.constant('departement-covered' as const), departement }),
    fc.record({ kind: fc.constant('need-place' as const), reason: fc.constantFrom('unknown-place' as const, 'where' as const), labels }),
    fc.record({
      kind: fc.constant('place-choice' as const),
      name: fc.option(place, { nil: null }),
      choices: fc.array(fc.record({ name: place, departementName: fc.option(place, { nil: null }), departement: fc.constantFrom('01', '2A', '974') }), { maxLength: 6 }),
    }),
  );

  it('always says something, in Markdown that keeps the words typed from being read as markup', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom('fr' as const, 'en' as const), (answer, language) => {
        const out = renderOfferAnswer(answer, language);
        expect(out.text.trim().length).toBeGreaterThan(0);
        // A name typed with Markdown in it comes out escaped: no unescaped link or image syntax.
        expect(out.text).not.toMatch(/(?<!\\)!?\[[^\]]*(?<!\\)\]\(/);
      }),
      { numRuns: 300 },
    );
  });
});
