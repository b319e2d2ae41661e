import type { ReportKind } from '../model';
import { foldKeepingPlaces, tokenize, type Token } from './folding';
import { findPhrase, phrases, type Phrase } from './words';

/**
 * The kind of action a text names, in French or English, with typos, without accents and in SMS (« conf »,
 * « grp de parole »). « autre » is a kind only when it is the whole answer: « un autre atelier » names an atelier.
 */
const KIND_PHRASES: ReadonlyArray<readonly [ReportKind, Phrase[]]> = [
  ['laep', phrases('laep|laeps', 'lieu|lieux accueil enfant|enfants parent|parents')],
  ['mediation-familiale', phrases('mediation|mediations|mediatrice|mediateur|mediatrices|mediateurs', 'family mediation')],
  ['cafe-des-parents', phrases('cafe|cafes parent|parents|famille|familles|papas|mamans', 'parent|parents|parents cafe|cafes', 'coffee morning|mornings')],
  [
    'groupe-de-parole',
    phrases('groupe|groupes|grp|grpe|grpes|cercle|cercles|espace parole|paroles|echange|echanges|discussion', 'support|discussion|peer|talking group|groups'),
  ],
  [
    'atelier-parents-enfants',
    phrases(
      'atelier|ateliers|workshop|workshops parent|parents|enfant|enfants|famille|familles|family|child|children|kids',
      'parent|parents child|children|kids workshop|workshops|activity|activities|session|sessions',
    ),
  ],
  ['conference-debat', phrases('conference|conferences|conf|confs|debat|debats|debate|debates|talk|talks|lecture|lectures|panel', 'table|tables ronde|rondes')],
  [
    'accueil-individuel',
    phrases(
      'accueil|accueils|entretien|entretiens|rdv|accompagnement|accompagnements|suivi|suivis individuel|individuels|individuelle|individuelles|individualise',
      'rendez vous individuel|individuels',
      'permanence|permanences',
      'entretien|entretiens',
      'one to one',
      'individual support|meeting|meetings|interview|interviews|session|sessions',
    ),
  ],
  ['sortie-familiale', phrases('sortie|sorties|excursion|excursions|outing|outings|sejour|sejours', 'family trip|trips|day|days')],
  ['formation', phrases('formation|formations|training|trainings')],
];

const OTHER = /^(?:(?:c'est |it's |it is )?(?:une? |an |some )?(?:autre|autres|autre chose|other|something else|aucun de ceux-la|none of these))$/;

/** The kind of action named in a text, and where (its first token); null when none. */
export function findReportKind(tokens: readonly Token[]): { kind: ReportKind; first: number; next: number } | null {
  let best: { kind: ReportKind; first: number; next: number } | null = null;
  for (const [kind, kindPhrases] of KIND_PHRASES) {
    for (const phrase of kindPhrases) {
      const found = findPhrase(tokens, phrase);
      // The first named wins: « un café des parents suivi d'une sortie » is a café des parents.
      if (found && (best === null || found.first < best.first)) best = { kind, ...found };
    }
  }
  return best;
}

/** The kind of action named in a text (« cafe des parents », « groupe de parole », « conf », « LAEP »); null when none. */
export function readReportKind(text: string): ReportKind | null {
  try {
    const folded = foldKeepingPlaces(text);
    const found = findReportKind(tokenize(folded.text));
    if (found) return found.kind;
    return OTHER.test(folded.text.replace(/[.!]+$/, '').trim()) ? 'autre' : null;
  } catch {
    return null;
  }
}
