import { escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import { ofStructure } from './reports';

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
  helpStaffHeading: { fr: 'Déclarer une action', en: 'Report an action' },
  helpStaffInvitation: {
    fr: 'Les équipes des centres sociaux et des EVS peuvent aussi déclarer ici leurs actions, avec le code donné par l’administrateur de Maillage : dites « déclarer une action ».',
    en: 'Staff of centres sociaux and EVS can also report their actions here, with the code given by the Maillage administrator: say "report an action".',
  },
} as const satisfies Record<string, Record<Language, string>>;

export function say(key: keyof typeof commonMessages, language: Language): string {
  return commonMessages[key][language];
}

/**
 * How an enrolled staff member reports, under « Déclarer une action »: their centre, then what to say, each line a
 * sentence the report journey (dialogs/report/reportJourney.ts) or, for their centre's figures, the figures journey
 * (dialogs/reportFigures.ts) understands as typed. The examples name a sheet of this deployment, so that they work as
 * they are.
 */
export function staffHelpText(language: Language, centreName: string, sheetCode: string | undefined): string {
  const code = sheetCode === undefined ? undefined : escapeMarkdown(sheetCode);
  if (language === 'en') {
    return [
      `You report the actions of ${escapeMarkdown(centreName)}. Say for example:`,
      `- "we ran a parents café on 12 March${code ? ` for ${code}` : ''}, 14 parents": I then ask only what is missing`,
      '- "my reports": the ones you have stored',
      '- "resume my report": the one under way, where you left it',
      '- "correct RPT-…" with its reference: change a stored report',
      '- "cancel": stop the report under way',
      `- "how many parents${code ? ` for ${code}` : ''} this year?": your centre's figures, as it reported them`,
    ].join('\n');
  }
  const forSheet = code ? ` pour ${/^[aeiouyàâéèêëîïôûü]/i.test(code) ? 'l’' : 'la '}${code}` : '';
  return [
    `Vous déclarez les actions ${ofStructure(centreName)}. Dites par exemple :`,
    `- « on a fait un café des parents le 12 mars${forSheet}, 14 parents » : je demande ensuite seulement ce qui manque`,
    '- « mes déclarations » : celles que vous avez enregistrées',
    '- « reprendre ma déclaration » : celle en cours, là où vous en étiez',
    '- « corriger RPT-… » avec sa référence : modifier une déclaration enregistrée',
    '- « annuler » : arrêter la déclaration en cours',
    `- « combien de parents${forSheet} cette année ? » : les chiffres déclarés par votre centre`,
  ].join('\n');
}
