import { editDistance, STOP_WORDS, words } from '../language/text';
import type { CommuneMatch } from '../geo';

/** What a parent may ask of the places just shown. */
export type ResultTopic = 'when' | 'where' | 'price' | 'registration' | 'callback' | 'contact';

/**
 * Questions about the places the bot just showed: « c'est quand ? », « c'est où exactement ? », « c'est gratuit ? »,
 * « il faut s'inscrire ? », « vous pouvez me rappeler ? », « when is it? ». A parent asks them of the cards on the
 * screen, not of a plan's sheets: they are answered from the first places shown, briefly, and the search under way
 * is kept as it was (« d'autres ? » still pages it).
 *
 * Read with the rest of the offer's reading (src/offer/understand.ts), once a turn. The words are data (QUESTION_WORDS): a message asks about the results when it holds some, names nothing a search
 * would (a kind, a situation, an audience, an age, a time, « d'autres », « plus loin »), and says little else. A place
 * the place finder read in one of these words (« c payant » is not the commune of Pavant) does not make it a search.
 */

/** The words of each question, folded (a phrase is its words in order: « me rappeler », « rendez vous »). */
const QUESTION_WORDS: Readonly<Record<ResultTopic, readonly string[]>> = {
  when: ['quand', 'horaire', 'horaires', 'heure', 'heures', 'ouvert', 'ouverte', 'ouverts', 'ouvertes', 'ouvre', 'ouvrent', 'ferme',
    'prochain', 'prochaine', 'prochaines', 'date', 'dates', 'jour', 'jours', 'commence', 'commencent', 'when', 'hours', 'open', 'opening',
    'schedule', 'next', 'day', 'days', 'what time', 'start', 'starts'],
  where: ['ou', 'adresse', 'adresses', 'situe', 'situee', 'situes', 'trouve', 'aller', 'where', 'address', 'located', 'directions',
    'get there'],
  price: ['gratuit', 'gratuite', 'gratuits', 'gratuites', 'gratos', 'gratis', 'payant', 'payante', 'payants', 'payantes', 'payer', 'paye', 'prix', 'tarif',
    'tarifs', 'coute', 'coutent', 'cout', 'combien', 'euro', 'euros', 'cher', 'chere', 'free', 'cost', 'costs', 'price', 'prices', 'pay',
    'paid', 'fee', 'fees', 'charge', 'expensive'],
  registration: ['inscrire', 'inscription', 'inscriptions', 'inscrit', 'inscrite', 'inscrits', 'reserver', 'reservation', 'rdv',
    'rendez vous', 'register', 'registration', 'book', 'booking', 'appointment', 'enrol', 'enroll', 'sign up'],
  callback: ['me rappeler', 'me rappelez', 'me rappelle', 'rappelez moi', 'rappeler moi', 'm appeler', 'm appelez', 'appelez moi',
    'me telephoner', 'me contacter', 'contactez moi', 'me recontacter', 'call me', 'ring me', 'phone me', 'call back', 'contact me'],
  // How to reach the places shown (« on peut les appeler ? »): their numbers.
  contact: ['les appeler', 'les appelle', 'l appeler', 'leur telephoner', 'les joindre', 'les contacter', 'le numero', 'leur numero',
    'numero', 'call them', 'phone them', 'their number', 'phone number'],
};

/**
 * Words a short question about the results may hold besides its question words (« il faut », « exactement », « can
 * you »): anything else, beyond one word, makes it something other than a question about the places shown.
 */
const FILLER = new Set(['exactement', 'exact', 'faut', 'falloir', 'pouvez', 'pourriez', 'peut', 'peux', 'possible', 'svp', 'stp', 'merci',
  'alors', 'donc', 'bien', 'aussi', 'sinon', 'fois', 'lieu', 'lieux', 'endroit', 'cest', 'ya', 'oui', 'ok', 'bon', 'bah', 'ben', 'euh',
  'it', 'they', 'do', 'does', 'can', 'could', 'you', 'please', 'how', 'much', 'need', 'i', 'there', 'this', 'that', 'them', 'so', 'any',
  'will', 'be', 'one', 'ones', 'place', 'places', 'too', 'then', 'also', 'time', 'its', 'their', 'back', 'us', 'have', 'has', 'was',
  'vous', 'nous', 'on', 'est-ce', 'estce', 'quelle', 'quel', 'quels', 'quelles', 'a', 'y']);

/** A question about the results is short: a story that happens to say « quand » is not one. */
const MOST_WORDS = 12;


type Phrase = { topic: ResultTopic; words: readonly string[] };

const PHRASES: readonly Phrase[] = (Object.entries(QUESTION_WORDS) as Array<[ResultTopic, readonly string[]]>)
  .flatMap(([topic, list]) => list.map((phrase) => ({ topic, words: phrase.split(' ') })))
  // Longer phrases first: « call me back » is a call back, not « back ».
  .sort((a, b) => b.words.length - a.words.length);

/** Words this long are still read with one typo (« payan », « horraire »): shorter ones are too easily others. */
const TYPO_LETTERS = 5;

function sameWord(token: string, word: string): boolean {
  if (token === word) return true;
  return word.length >= TYPO_LETTERS && token.length >= TYPO_LETTERS - 1 && editDistance(token, word, 1) <= 1;
}

/** What the message asks of the results, in the order asked, and which of its words asked it; null when none. */
function questionWords(tokens: readonly string[], exactOnly: ReadonlySet<string> | null): { topics: ResultTopic[]; used: boolean[] } | null {
  const used = new Array<boolean>(tokens.length).fill(false);
  const found: Array<{ topic: ResultTopic; at: number }> = [];
  for (const phrase of PHRASES) {
    for (let i = 0; i + phrase.words.length <= tokens.length; i++) {
      if (phrase.words.some((w, k) => (exactOnly?.has(tokens[i + k]) ? tokens[i + k] !== w : !sameWord(tokens[i + k], w)) || used[i + k])) continue;
      for (let k = 0; k < phrase.words.length; k++) used[i + k] = true;
      found.push({ topic: phrase.topic, at: i });
    }
  }
  if (found.length === 0) return null;
  const topics = found.sort((a, b) => a.at - b.at).map((f) => f.topic).filter((t, i, all) => all.indexOf(t) === i);
  // Asked to be called back, the parent is not asking when or where: the numbers are the answer.
  return { topics: topics.includes('callback') ? ['callback'] : topics, used };
}

/** The parts of the offer's reading that say the message asks for a search, not about its results. */
export interface ResultQuestionContext {
  text: string;
  kinds: readonly unknown[];
  situationKinds: readonly unknown[];
  general: boolean;
  outOfScope: unknown;
  audiences: readonly unknown[];
  age: unknown;
  time: unknown;
  nearMe: boolean;
  more: boolean;
  farther: boolean;
  remote: boolean;
  place: Pick<CommuneMatch, 'typed' | 'via'> | null;
}

/** A question about the results is short: longer messages are not read for one at all. */
export function mayBeResultQuestion(wordCount: number): boolean {
  return wordCount > 0 && wordCount <= MOST_WORDS;
}

/**
 * What the message asks about the places shown, or null when it is no such question: it names something a search
 * would, or says more than a question about a card does.
 */
export function readResultQuestion(reading: ResultQuestionContext): ResultTopic[] | null {
  const tokens = words(reading.text);
  if (tokens.length === 0 || tokens.length > MOST_WORDS) return null;
  // A commune's own name typed right (« et à Tours ? ») is that commune, not a question word typed wrong (« jours »).
  const placeNamed = reading.place && reading.place.via === 'name' ? new Set(words(reading.place.typed)) : null;
  const asked = questionWords(tokens, placeNamed);
  if (!asked) return null;
  // « Appelez-moi » and « on peut les appeler ? » name the phone too, and are questions of their own.
  const callback = asked.topics.includes('callback') || asked.topics.includes('contact');
  const searches = reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.general || reading.outOfScope !== null ||
    reading.audiences.length > 0 || reading.age !== null || reading.time !== null || reading.nearMe || reading.more || reading.farther ||
    // « par téléphone » refines a search.
    (reading.remote && !callback);
  if (searches) return null;
  if (reading.place && !placeReadInQuestionWords(reading.place.typed, tokens, asked.used)) return null;
  const rest = tokens.filter((t, i) => !asked.used[i] && !STOP_WORDS.has(t) && !FILLER.has(t));
  return rest.length <= 1 ? asked.topics : null;
}

/** The place finder took question words for a commune (« payant » for Pavant): every word of it asked something. */
function placeReadInQuestionWords(typed: string, tokens: readonly string[], used: readonly boolean[]): boolean {
  const placeWords = words(typed);
  if (placeWords.length === 0) return false;
  const asking = new Set(tokens.filter((_, i) => used[i]));
  return placeWords.every((w) => asking.has(w));
}

