import type { Language } from '../language/text';

/** Texts of the conversation as a whole (greeting, help, errors), in French and English. */
export const commonMessages = {
  greeting: {
    fr: 'Bonjour, je suis Maillage. Je réponds sur les fiches action des plans de soutien aux familles, et je vous aide à trouver une aide à la parentalité près de chez vous.',
    en: 'Hello, I am Maillage. I answer questions about the action sheets of family-support plans, and I help you find parenting support near you.',
  },
  greetingParents: {
    fr: 'Bonjour, je suis Maillage. Je vous aide à trouver une aide à la parentalité près de chez vous : lieux d’accueil parents-enfants, groupes de parole, médiation familiale, écoute…',
    en: 'Hello, I am Maillage. I help you find parenting support near you: parent-child drop-in centres, parents groups, family mediation, listening lines…',
  },
  helpTitle: {
    fr: 'Voici ce que vous pouvez me demander :',
    en: 'Here is what you can ask me:',
  },
  emptyMessage: {
    fr: "Je n'ai pas reçu de question. Écrivez-moi par exemple « qui pilote la PA 3.2.1 ? » ou « un LAEP près de Givors ».",
    en: 'I did not receive a question. Try for example "who leads PA 3.2.1?" or "a LAEP near Givors".',
  },
  staleButton: {
    fr: 'Ce bouton n’est plus valable. Écrivez-moi votre demande, par exemple « qui pilote la PA 3.2.1 ? » ou « déclarer une action ».',
    en: 'This button is no longer valid. Type your request, for example "who leads PA 3.2.1?" or "report an action".',
  },
  notUnderstood: {
    fr: "Je n'ai pas bien compris votre demande. Je peux répondre sur les fiches action ou chercher une aide à la parentalité près de chez vous.",
    en: 'I did not quite understand. I can answer about the action sheets or look for parenting support near you.',
  },
  turnError: {
    fr: "Désolé, un problème technique m'a empêché de répondre. Vous pouvez reformuler votre question ou réessayer dans un instant.",
    en: 'Sorry, a technical problem stopped me from answering. You can rephrase your question or try again in a moment.',
  },
  tooLong: {
    fr: 'Votre message est très long : je ne lis que son début. Posez-moi une question courte pour une réponse plus précise.',
    en: 'Your message is very long: I only read its beginning. A short question gets a more precise answer.',
  },
  thanks: {
    fr: 'Avec plaisir ! Je reste disponible si vous avez une autre question.',
    en: 'You are welcome! I am here if you have another question.',
  },
  farewell: {
    fr: 'Au revoir, et bonne continuation ! Revenez quand vous voulez.',
    en: 'Goodbye, take care! Come back any time.',
  },
  reset: {
    fr: "C'est noté, on repart de zéro. Quelle est votre question ?",
    en: 'Done, we start afresh. What is your question?',
  },
  helpSheetsHeading: { fr: 'Sur les fiches action', en: 'About the action sheets' },
  helpOfferHeading: { fr: 'Pour trouver une aide près de chez vous', en: 'To find support near you' },
} as const satisfies Record<string, Record<Language, string>>;

export function say(key: keyof typeof commonMessages, language: Language): string {
  return commonMessages[key][language];
}
