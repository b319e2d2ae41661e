import fc from 'fast-check';
import {
  answerInChatCard,
  jsonBytes,
  MAX_CARD_ACTIONS,
  MAX_REFRESHED_CARD_BYTES,
  refreshedCard,
  type RefreshedAnswer,
  type RepliedMessage,
} from '../../src/cards/refreshedCard';
import { cardRefreshTexts } from '../../src/messages/cardRefresh';

/** The card that replaces a clicked card in Teams, from the replies its action gave. */

const IN_CHAT = cardRefreshTexts.answerInChat.fr;
const reply = (fields: Partial<RepliedMessage>): RepliedMessage => ({ text: '', cards: [], suggestions: [], ...fields });
const textBlock = (text: string) => ({ type: 'TextBlock', text, wrap: true });
const card = (name: string, actions: object[] = []) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: name }],
  ...(actions.length > 0 ? { actions } : {}),
});
const execute = (title: string, verb: string) => ({ type: 'Action.Execute', title, verb, data: { maillage: 'report', draft: 'd1', command: verb } });
const imBack = (title: string) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } });

function asCard(answer: RefreshedAnswer) {
  if (answer.kind !== 'card') throw new Error(`expected a card, got ${answer.kind}`);
  return answer;
}

describe('refreshedCard', () => {
  test('each reply’s text is a wrapped TextBlock, in order, its Markdown as written; empty texts add nothing', () => {
    const { card: refreshed } = asCard(
      refreshedCard([reply({ text: 'Votre message est très long.' }), reply({ text: '   ' }), reply({ text: '**PA 3.2.1** — 1\\. \\*pilote\\*' })], IN_CHAT),
    );
    expect(refreshed).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(refreshed.body).toEqual([textBlock('Votre message est très long.'), textBlock('**PA 3.2.1** — 1\\. \\*pilote\\*')]);
    expect(refreshed).not.toHaveProperty('actions');
  });

  test('one card gives its body and its buttons after the texts', () => {
    const summary = card('Récapitulatif', [execute('Confirmer', 'confirm'), execute('Annuler', 'cancel')]);
    const answer = asCard(refreshedCard([reply({ text: 'C’est noté.' }), reply({ text: 'Vérifiez :', cards: [summary] })], IN_CHAT));
    expect(answer.card.body).toEqual([textBlock('C’est noté.'), textBlock('Vérifiez :'), ...summary.body]);
    expect(answer.card.actions).toEqual(summary.actions);
  });

  test('several cards (a list of services) read in order only in the chat: the short card says the answer is there', () => {
    const services = [card('Premier service'), card('Deuxième service')];
    expect(refreshedCard([reply({ text: 'Deux services.', cards: services })], IN_CHAT)).toEqual({ kind: 'inChat', card: answerInChatCard(IN_CHAT) });
    expect(refreshedCard([reply({ text: 'Un.', cards: [services[0]] }), reply({ text: 'Deux.', cards: [services[1]] })], IN_CHAT)).toMatchObject({ kind: 'inChat' });
  });

  test('the last reply’s quick replies become buttons that post their words, without repeating the card’s own', () => {
    const summary = card('Récapitulatif', [execute('Confirmer', 'confirm')]);
    const answer = asCard(
      refreshedCard([reply({ text: 'avant', suggestions: ['oubliée'] }), reply({ text: 'Vérifiez :', cards: [summary], suggestions: ['confirmer ', 'Modifier', 'Modifier', ' ', 'mes déclarations'] })], IN_CHAT),
    );
    expect(answer.card.actions).toEqual([execute('Confirmer', 'confirm'), imBack('Modifier'), imBack('mes déclarations')]);
  });

  test('a text of several lines gives a TextBlock a line, as the chat shows them', () => {
    const answer = asCard(refreshedCard([reply({ text: '**PA 3.2.1 — CLP**\nPlan : Rhône\n\n- Caf du Rhône\n  - Métropole' })], IN_CHAT));
    expect(answer.card.body).toEqual([
      textBlock('**PA 3.2.1 — CLP**'),
      { ...textBlock('Plan : Rhône'), spacing: 'Small' },
      { ...textBlock('- Caf du Rhône'), spacing: 'Small' },
      { ...textBlock('  - Métropole'), spacing: 'Small' },
    ]);
  });

  test('in a group chat or a channel, no quick-reply buttons: their words would not @mention the bot', () => {
    const summary = card('Reçu', [execute('Voir', 'see')]);
    const answer = asCard(refreshedCard([reply({ text: 'Enregistré.', cards: [summary], suggestions: ['mes déclarations'] })], IN_CHAT, { quickReplies: false }));
    expect(answer.card.actions).toEqual([execute('Voir', 'see')]);
  });

  test(`at most ${MAX_CARD_ACTIONS} buttons, the card’s first`, () => {
    const actions = ['Un', 'Deux', 'Trois', 'Quatre'].map((title) => execute(title, title));
    const answer = asCard(refreshedCard([reply({ cards: [card('Carte', actions)], suggestions: ['Cinq', 'Six', 'Sept', 'Huit'] })], IN_CHAT));
    expect(answer.card.actions).toEqual([...actions, imBack('Cinq'), imBack('Six')]);
  });

  test('a last card whose body or actions are not lists gives what it can, and nothing breaks', () => {
    const answer = asCard(refreshedCard([reply({ text: 'Texte', cards: [{ type: 'AdaptiveCard', body: 'pas une liste', actions: { title: 'x' } }] })], IN_CHAT));
    expect(answer.card.body).toEqual([textBlock('Texte')]);
    expect(answer.card).not.toHaveProperty('actions');
  });

  test('nothing said, or only blanks: nothing to show', () => {
    expect(refreshedCard([], IN_CHAT)).toEqual({ kind: 'nothing' });
    expect(refreshedCard([reply({ text: ' \n ', suggestions: [' '] })], IN_CHAT)).toEqual({ kind: 'nothing' });
  });

  test('an answer too large for Teams: the short card saying it is in the chat', () => {
    // A text that makes the card exactly as large as allowed (two bytes an « é » in UTF-8), then one byte more.
    const framing = jsonBytes(asCard(refreshedCard([reply({ text: 'x' })], IN_CHAT)).card) - 1;
    const room = MAX_REFRESHED_CARD_BYTES - framing;
    const sheet = 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2);
    const fitting = asCard(refreshedCard([reply({ text: sheet })], IN_CHAT));
    expect(jsonBytes(fitting.card)).toBe(MAX_REFRESHED_CARD_BYTES);
    expect(refreshedCard([reply({ text: `${sheet}x` })], IN_CHAT)).toEqual({ kind: 'inChat', card: answerInChatCard(IN_CHAT) });
    expect(jsonBytes(answerInChatCard(cardRefreshTexts.answerInChat.en))).toBeLessThan(500);
  });
});

describe('refreshedCard with any replies', () => {
  const hostileText = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 2, arbitrary: fc.constantFrom('', '   ', '<script>alert(1)</script>', "'; DROP TABLE reports; --", '**[x](javascript:alert(1))**', '\u0000\u202e', '\ud800', '👨‍👩‍👧‍👦'.repeat(50), '${{7*7}}') },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 40_000 }).map((n) => 'é'.repeat(n)) },
  );
  const anyAction = fc.oneof(
    fc.record({ type: fc.constantFrom('Action.Execute', 'Action.Submit', 'Action.ShowCard'), title: hostileText, data: fc.jsonValue() }),
    fc.jsonValue(),
  );
  const anyCard = fc.oneof(
    fc.record({ type: fc.constant('AdaptiveCard'), version: fc.constant('1.5'), body: fc.array(fc.record({ type: fc.constant('TextBlock'), text: hostileText }), { maxLength: 8 }), actions: fc.array(anyAction, { maxLength: 12 }) }),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
  );
  const anyReply = fc.record({ text: hostileText, cards: fc.array(anyCard, { maxLength: 12 }), suggestions: fc.array(hostileText, { maxLength: 10 }) });

  test('a 1.5 card within Teams’ size, with at most six buttons and every text in order — or the short card when it cannot be', () => {
    fc.assert(
      fc.property(fc.array(anyReply, { maxLength: 12 }), (replies) => {
        const answer = refreshedCard(replies, IN_CHAT);
        const texts = replies.map((r) => r.text).filter((text) => text.trim() !== '');
        const cards = replies.flatMap((r) => r.cards);
        const lastSuggestions = (replies.at(-1)?.suggestions ?? []).filter((s) => s.trim() !== '');
        if (texts.length === 0 && cards.length === 0 && lastSuggestions.length === 0) {
          expect(answer).toEqual({ kind: 'nothing' });
          return;
        }
        expect(answer.kind).not.toBe('nothing');
        if (answer.kind === 'nothing') return;
        expect(answer.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
        expect(jsonBytes(answer.card)).toBeLessThanOrEqual(MAX_REFRESHED_CARD_BYTES);
        expect((answer.card.actions ?? []).length).toBeLessThanOrEqual(MAX_CARD_ACTIONS);
        if (cards.length > 1) {
          expect(answer).toEqual({ kind: 'inChat', card: answerInChatCard(IN_CHAT) });
          return;
        }
        if (answer.kind === 'inChat') {
          expect(answer.card).toEqual(answerInChatCard(IN_CHAT));
          // Only an answer that is really large goes to the chat: its parts and the card's framing exceed the limit.
          const framing = 200 + 50 * texts.length + 100 * MAX_CARD_ACTIONS;
          const parts = texts.reduce((sum, text) => sum + jsonBytes(text), 0) + jsonBytes(cards.at(-1) ?? {}) + 2 * jsonBytes(lastSuggestions);
          expect(parts + framing).toBeGreaterThan(MAX_REFRESHED_CARD_BYTES);
          return;
        }
        // Every line of every text, in order, each its own TextBlock.
        const lines = texts.flatMap((text) => text.split('\n').filter((line) => line.trim() !== ''));
        expect(answer.card.body.slice(0, lines.length).map((block) => (block as { text: string }).text)).toEqual(lines);
      }),
      { numRuns: 400 },
    );
  });
});
