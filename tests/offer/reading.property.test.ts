import fc from 'fast-check';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { CommuneIndex } from '../../src/geo';
import { loadOffer, OfferConversationSchema, readOfferMessage } from '../../src/offer';

/**
 * A parent's message is free-form and hostile until read: whatever it holds, the reading is pure (the same text at
 * the same instant reads the same, whatever was read before), the answer never throws, and what is stored parses.
 */
const communes = CommuneIndex.load();
const offer = loadOffer(join(__dirname, '../../knowledge/offer'), communes).offer;
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });

const words = ['laep', 'à', 'Givors', 'garde', 'tours', 'ce soir', 'plus loin', "d'autres", 'et', 'seule', 'enceinte', 'samedi', '<b>', "'; --",
  'Saint-Julien', 'aide', 'parentalité', '69100', 'ado', '14 ans', 'ne me parle plus', 'près de', 'moi', '🙂', 'x'.repeat(40), 'crèche',
  'nounou', 'grp', 'handicapé', 'on se dispute', 'garde alternée', 'mon petit', '3 mois', 'épuisée', 'CLP', 'parentalité positive'];
const message = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((w) => w.join(' ')),
);

test('the reading is pure: what was read before changes nothing', () => {
  fc.assert(
    fc.property(message, message, (first, second) => {
      const alone = readOfferMessage(second, now, communes);
      readOfferMessage(first, now.minus({ days: 3 }), communes);
      expect(readOfferMessage(second, now, communes)).toEqual(alone);
    }),
    { numRuns: 150 },
  );
});

test('any message, after any other, is answered and leaves a state that parses', () => {
  fc.assert(
    fc.property(message, message, (first, second) => {
      const one = answerOfferQuery(offer, communes, readOfferMessage(first, now, communes), {}, { now, language: 'fr' });
      const stored = OfferConversationSchema.parse(JSON.parse(JSON.stringify(one.conversation)));
      const two = answerOfferQuery(offer, communes, readOfferMessage(second, now, communes), stored, { now, language: 'fr' });
      OfferConversationSchema.parse(JSON.parse(JSON.stringify(two.conversation)));
      expect(two.text).not.toMatch(/<b>|aucun résultat pour/);
    }),
    { numRuns: 150 },
  );
});

test('childcare words are never searched as text, and say the need is out of scope', () => {
  const childcare = fc.constantFrom('une crèche', 'une nounou', "garde d'enfants", 'assistante maternelle', 'le périscolaire', 'childcare');
  fc.assert(
    fc.property(message, childcare, message, (before, need, after) => {
      // Words around the need are the parent's own: only the need's words are checked.
      fc.pre(!/cr[eè]che|nounou|garde|maternelle|p[eé]riscolaire|childcare/i.test(`${before} ${after}`));
      const reading = readOfferMessage(`${before} ${need} ${after}`, now, communes);
      expect(reading.outOfScope).not.toBeNull();
      expect(reading.freeText).not.toMatch(/creche|nounou|garde|maternelle|periscolaire|childcare/);
    }),
    { numRuns: 150 },
  );
});
