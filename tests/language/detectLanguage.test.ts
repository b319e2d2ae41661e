import { detectLanguage } from '../../src/language/text';

/** The language a reply is written in: English for users who write English, French otherwise, whatever the locale. */
test.each([
  ['family mediation near Brest', 'fr-FR', 'en'],
  ['playgroup for toddlers in Nice', 'fr-FR', 'en'],
  ['I want to kill myself', 'fr-FR', 'en'],
  ['my husband hits me and I am scared', 'fr-FR', 'en'],
  ['I feel like ending it all', 'fr-FR', 'en'],
  ['Who pilots PA 3.2.1?', 'fr-FR', 'en'],
  ['médiation familiale à Lyon', 'en-US', 'fr'],
  ['on se dispute pour la garde des enfants', 'en-US', 'fr'],
  ['un LAEP à Givors', 'fr-FR', 'fr'],
  ['Givors', 'en-US', 'en'],
  ['Givors', 'fr-FR', 'fr'],
])('%s (%s) → %s', (text, locale, expected) => {
  expect(detectLanguage(text, locale)).toBe(expected);
});

/** One or two English words that a French speaker would not write are enough; borrowed ones (« hello », « bye ») are not. */
test.each([
  ['thanks', 'fr-FR', 'en'],
  ['thank you', 'fr-FR', 'en'],
  ['goodbye', 'fr-FR', 'en'],
  ['where?', 'fr-FR', 'en'],
  ['hello', 'fr-FR', 'fr'],
  ['bye', 'fr-FR', 'fr'],
  ['ok merci', 'en-US', 'fr'],
  ['please Givors', 'fr-FR', 'en'],
])('short: %s (%s) → %s', (text, locale, expected) => {
  expect(detectLanguage(text, locale)).toBe(expected);
});
