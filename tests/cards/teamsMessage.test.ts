import fc from 'fast-check';
import { textIntoCards } from '../../src/cards/teamsMessage';
import { fold } from '../../src/language/text';
import { answerSheetQuestion, loadSheetKnowledge, readSheetQuestion, SheetIndex } from '../../src/sheets';
import { SHIPPED_KNOWLEDGE } from '../helpers/transcript';

/** Teams shows a message's text above its cards: the text goes into the first card, and nothing of it is lost. */

const index = SheetIndex.build(loadSheetKnowledge(`${SHIPPED_KNOWLEDGE}/sheets`).sheets);
const words = (value: unknown) => new Set(fold(JSON.stringify(value).replace(/\\\\(.)/g, '$1')).match(/[\p{L}\p{N}]+/gu) ?? []);
const card = (...texts: string[]) => ({ type: 'AdaptiveCard', version: '1.5', body: texts.map((text) => ({ type: 'TextBlock', text })) });

describe('a Teams message: the text folded into its first card', () => {
  test('a sheet’s answer, whose card quotes what the text quotes, is its card alone, named in the summary', () => {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, 'qui pilote la PA 3.2.1'), {}, 'fr');
    const message = textIntoCards(turn.text, turn.cards);
    expect(message).not.toBeNull();
    expect(message?.cards).toHaveLength(1);
    expect(message?.cards[0]).toEqual(turn.cards[0]);
    expect(message?.summary).toBe('PA 3.2.1 — Poursuivre le développement et la structuration des conseils locaux de la parentalité (CLP)');
  });

  test('a line the card does not say opens the card, in the text’s order, one TextBlock a line', () => {
    const message = textIntoCards('**PA 9.9**\nLa fiche ne donne pas de montant.\n\n- Caf du Rhône', [card('PA 9.9', '• Caf du Rhône')]);
    expect(message?.cards[0]).toEqual({
      ...card('PA 9.9', '• Caf du Rhône'),
      body: [{ type: 'TextBlock', text: 'La fiche ne donne pas de montant.', wrap: true }, ...card('PA 9.9', '• Caf du Rhône').body],
    });
    expect(message?.summary).toBe('PA 9.9');
  });

  test('a first attachment that is not an Adaptive Card, or a card too large to take the text, keeps text and cards apart', () => {
    expect(textIntoCards('Bonjour', [{ type: 'HeroCard', title: 'x' }])).toBeNull();
    expect(textIntoCards('Bonjour', [{ type: 'AdaptiveCard', body: 'not a list' }])).toBeNull();
    expect(textIntoCards('x'.repeat(30_000), [card('autre chose')])).toBeNull();
  });

  test('whatever the text and the cards, every word of the text is in the cards sent, or nothing is folded', () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('**Fiche**', '- « Caf »', 'PA 3.2.1', '14 parents, dont 6 en QPV', '\\*échappé\\*')), { maxLength: 12 }).map((lines) => lines.join('\n'));
    const cards = fc.array(fc.oneof(fc.array(fc.string({ maxLength: 60 }), { maxLength: 6 }).map((texts) => card(...texts)), fc.jsonValue()), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(text, cards, (said, attached) => {
        const message = textIntoCards(said, attached as object[]);
        if (message === null) return;
        const sent = words(message.cards);
        for (const word of words(said.split('\n'))) expect({ word, sent: sent.has(word) }).toEqual({ word, sent: true });
        expect(message.cards.slice(1)).toEqual((attached as object[]).slice(1));
      }),
      { numRuns: 300 },
    );
  });
});
