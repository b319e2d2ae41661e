import { words } from './text';

/** Short social messages that are not questions: answered by the conversation itself, not by a search. */
export type SmallTalk = 'greeting' | 'help' | 'thanks' | 'farewell' | 'reset';

const SMALL_TALK_PHRASES: Record<SmallTalk, string[]> = {
  greeting: ['bonjour', 'bonsoir', 'salut', 'coucou', 'hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'hi there', 'hello there', 'hey there', 'bjr', 'slt'],
  help: [
    'aide', 'help', 'menu', 'aidez moi', 'au secours', 'que sais tu faire', 'que savez vous faire', 'que peux tu faire',
    'que pouvez vous faire', 'comment ca marche', 'what can you do', 'how does it work', 'exemples', 'examples',
    'qui es tu', 'qui etes vous', 'tu sers a quoi', 'a quoi sers tu', 'a quoi servez vous',
  ],
  thanks: ['merci', 'merci beaucoup', 'thanks', 'thank you', 'super merci', 'parfait merci', 'ok merci', 'top merci', 'cheers'],
  // « au revoir » must not reach the offer, where « revoir » is a typo away from « devoirs » (homework help).
  farewell: [
    'au revoir', 'a bientot', 'a plus', 'a plus tard', 'a la prochaine', 'bonne journee', 'bonne soiree', 'bonne nuit',
    'bonne fin de journee', 'bonne continuation', 'ciao', 'tchao', 'adieu', 'bye', 'bye bye', 'goodbye', 'good bye',
    'see you', 'see you soon', 'good night', 'have a nice day',
  ],
  reset: ['recommencer', 'reset', 'annuler', 'on recommence', 'start over', 'cancel', 'nouvelle recherche', 'effacer'],
};

/** Each phrase between spaces, so that it matches whole words of a message padded the same way. */
const PADDED_PHRASES = Object.fromEntries(
  Object.entries(SMALL_TALK_PHRASES).map(([kind, phrases]) => [kind, phrases.map((phrase) => ` ${phrase} `)]),
) as Record<SmallTalk, string[]>;

const POLITENESS = new Set(['bonjour', 'salut', 'hello', 'hi', 'svp', 'stp', 'please', 'merci', 'maillage', 'bot', 'ok', 'alors', 'bien', 'vous', 'tu', 'me', 'moi']);

/**
 * The small-talk kind of a message made only of such a phrase (and politeness),
 * so "bonjour, qui pilote la PA 3.2.1 ?" is a question, not a greeting.
 */
export function recogniseSmallTalk(text: string): SmallTalk | undefined {
  const tokens = words(text);
  if (tokens.length === 0 || tokens.length > 7) return undefined;
  const padded = ` ${tokens.join(' ')} `;
  for (const kind of ['help', 'reset', 'farewell', 'thanks', 'greeting'] as const) {
    for (const phrase of PADDED_PHRASES[kind]) {
      if (!padded.includes(phrase)) continue;
      const rest = padded.replace(phrase, ' ').split(' ').filter((w) => w && !POLITENESS.has(w));
      if (rest.length === 0) return kind;
    }
  }
  return undefined;
}
