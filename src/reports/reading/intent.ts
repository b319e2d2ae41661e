import { DateTime } from 'luxon';
import { PARIS } from '../../offer/parisTime';
import { readDatesInFolded } from './dates';
import { foldKeepingPlaces, tokenize, type FoldedText } from './folding';
import { findReportKind } from './kinds';
import { isAnyWord } from './words';

export type ReportIntent =
  /**
   * `enrolledOnly`: a sentence that reads as an action done only when an enrolled account says it (a kind of action, a
   * sheet, and who came or a day gone by, with no verb): from anyone else it is a question on the sheets.
   */
  | { kind: 'start'; statement: boolean; enrolledOnly?: true }
  | { kind: 'resume' }
  | { kind: 'list' }
  | { kind: 'correct'; reference: string | null }
  | { kind: 'cancel' }
  | null;

/** The report under way, as named when cancelling it (« annuler ma déclaration en cours »). */
const DRAFT_NAMED = String.raw`(?:(?:ma|la|cette|mon|le|my|the|this|notre|our) )?(?:declaration|saisie|brouillon|draft|report|bilan|action)(?: (?:en cours|under way|in progress|commencee|started))?`;
/**
 * « annuler », « annule ma déclaration en cours », « stop », « laisse tomber », « supprimer mon brouillon »: the
 * account's draft is dropped, wherever it was started. « supprimer » only with the draft named.
 */
const CANCEL_DRAFT = new RegExp(
  String.raw`^(?:(?:je veux|je voudrais|on peut|on va|i want to|i'd like to|please|merci de|non) )?` +
    String.raw`(?:(?:annuler|annule|annulez|abandonner|abandonne|laisse tomber|laissez tomber|on arrete|arreter|arrete|stop|cancel|quit|quitter)(?: (?:tout|ca|it|tout ca))?(?: ${DRAFT_NAMED})?` +
    String.raw`|(?:supprimer|supprime|supprimez|effacer|efface|jeter|delete|discard) ${DRAFT_NAMED})` +
    String.raw`(?: (?:svp|stp|please|merci))?$`,
);
/**
 * « quelles actions ai-je déclarées ? », « qu'est-ce que j'ai déjà déclaré ? », « liste de mes actions déclarées »,
 * « what have I reported? »: one's own reports asked for in the past tense.
 */
const ALREADY_REPORTED =
  /(?:^|\s)(?:ai[\s-]je|j'ai|avons[\s-]nous|nous avons|on a|a[\s-]t[\s-]on|have i|i have|i've|have we|we have|we've)\s+(?:deja\s+|bien\s+|already\s+)?(?:declare|declares|declarees?|saisi|saisies?|remonte|remontees?|reported|submitted|filed|logged)(?:\s|$|\?)|(?:^|\s)(?:actions?|activites?|ateliers?)\s+(?:deja\s+)?(?:declarees?|saisies?|remontees?)(?:\s|$|\?)/;

/** Words that ask for a report other than the one under way; « autre » only of a report (« avec une autre association » is not). */
const ANOTHER =
  /(?:^|\s)(?:nouvelles?|nouveaux?|new|another)(?:\s|$)|(?:^|\s)autres? (?:action|declaration|activite|atelier|seance|saisie|bilan|rapport)s?(?:\s|$)|(?:^|\s)other (?:report|action|activity)/;

/** « RPT-2026-000123 », also typed « rpt 2026 000123 » or « RPT2026-123 ». */
const REFERENCE = /(?<![a-z0-9])rpt[\s-]?(\d{4})[\s-]?(\d{1,12})(?![0-9])/;
/** What a report is called. */
const REPORT_NOUNS = ['declaration', 'declarations', 'decla', 'declas', 'bilan', 'bilans', 'rapport', 'rapports', 'saisie', 'saisies', 'report', 'reports', 'signalement', 'remontee', 'remontees', 'fiche-action'];
const CORRECT_VERBS = ['corriger', 'corrige', 'modifier', 'modifie', 'rectifier', 'rectifie', 'changer', 'change', 'editer', 'correct', 'fix', 'edit', 'amend', 'update'];
const RESUME_VERBS = ['reprendre', 'reprends', 'reprend', 'continuer', 'continue', 'poursuivre', 'finir', 'terminer', 'resume', 'finish'];
/** Verbs of reporting. « report » is also a noun: « my reports » is a list, « report an action » a start. */
const START_VERB = /(?:^|\s)(?:declarer|declare|declarez|declarerais|saisir|remonter|signaler|enregistrer|(?:report|log|record)(?= (?:an?|my|our|the|une?)\s))/;
/** « combien de parents ont participé… ? »: a partner asks for figures; it is not a report. */
const FIGURE_QUESTION = /(?:^|\s)(?:combien|quel nombre|quels? (?:sont les )?chiffres|how many|how much|what (?:are|were) the figures|total)(?:\s|$)/;
const QUESTION_START = /^(?:combien|quel|quels|quelle|quelles|qui|ou|quand|pourquoi|est-ce|how|what|which|who|where|when|why)(?:\s|$)/;
/** « on a fait », « nous avons organisé », « j'ai animé », « we ran »: an action told in the past. */
const RAN_AN_ACTION =
  /(?:^|\s)(?:on a|on avait|nous avons|nous avions|j'ai|j'avais|l'equipe a|le centre a|we|i|we've|i've|we have|i have)\s+(?:(?:bien|deja|aussi|encore|eu|enfin)\s+)?(?:fait|organise|organisee|anime|animee|mene|menee|tenu|tenue|realise|realisee|propose|proposee|accueilli|accueillie|reuni|eu|lance|mis en place|ran|held|organised|organized|did|hosted|ran|run|had|led)(?:\s|$|,)/;
/** A sheet named by its number (« pour la 2.3.2 », « PA 3.2.1 », « fiche 1.2.5 »). */
const SHEET_NUMBER = /(?:^|\s)(?:(?:pa|fa|fiche(?:[\s-]action)?|action)\s*)?\d{1,2}(?:\.\d{1,2}){1,3}(?=$|\s|[,;:)!?]|\.(?:\s|$))/;
const COUNT_NOUN = /(?:^|\s)\d+\s+(?:parents?|familles?|enfants?|seances?|families|children|sessions)(?:\s|$|,|\.)/;
/** A question word anywhere, for a message that ends with « ? » (« et la PA 2.3.2, qui la pilote ? »). */
const QUESTION_WORD = /(?:^|\s)(?:combien|quel|quels|quelle|quelles|qui|quoi|comment|pourquoi|ou|quand|est-ce|qu'est-ce|how|what|which|who|where|when|why)(?:\s|$|\?)/;
/** Words said before a question that do not change it: « et », « mais », « au fait », « euh ». */
const BEFORE_QUESTION = /^(?:(?:et|mais|alors|au fait|sinon|euh|ben|bon|dites|dis|ok|and|but|so|by the way)[\s,]+)*/;

/**
 * What a message asks of the report journey: start a report (or tell one: « on a fait un café des parents… »),
 * resume a draft, list one's reports, correct one. Null for anything else, questions for figures included.
 * `now` is the turn's time: a day told is « past » against it, in Paris time.
 */
export function readReportIntent(text: string, now: DateTime = DateTime.now().setZone(PARIS)): ReportIntent {
  try {
    return readIntent(text, now);
  } catch {
    return null;
  }
}

/**
 * Whether a request to start a report asks for one other than the one under way (« déclarer une nouvelle action »,
 * « nouvelle déclaration », « another report »): with a draft kept, the person then chooses between it and a new one.
 */
export function asksForAnotherReport(text: string): boolean {
  try {
    return ANOTHER.test(foldKeepingPlaces(text.length > 2_000 ? text.slice(0, 2_000) : text).text);
  } catch {
    return false;
  }
}

/** What a person chooses when asked between the report under way and a new one. */
export type DraftChoice = 'resume' | 'new' | 'drop' | null;

const CHOOSE_NEW = ['nouvelle', 'nouveau', 'autre', 'commencer', 'commence', 'recommencer', 'new', 'another', 'start', 'fresh'];
const CHOOSE_RESUME = ['reprendre', 'reprends', 'reprenez', 'reprend', 'continuer', 'continue', 'continuez', 'poursuivre', 'garder', 'garde', 'ancienne', 'resume', 'keep', 'finish', 'finir', 'terminer'];
const CHOOSE_DROP = ['supprimer', 'supprime', 'supprimez', 'effacer', 'efface', 'jeter', 'abandonner', 'abandonne', 'annuler', 'annule', 'delete', 'discard', 'drop', 'cancel', 'remove'];

/**
 * The answer to « reprendre votre déclaration en cours, ou en commencer une nouvelle ? »: its buttons' words
 * (« Reprendre ma déclaration », « Commencer une nouvelle déclaration », « Supprimer le brouillon ») and what people
 * type instead (« la nouvelle », « continuer », « supprimer »). Null when it says neither, or both.
 */
export function readDraftChoice(text: string): DraftChoice {
  try {
    const f = foldKeepingPlaces(text.length > 200 ? text.slice(0, 200) : text).text;
    // A question (« c'est quoi une nouvelle déclaration ? ») or a long message is no choice.
    if (text.length > 200 || readsAsQuestion(text)) return null;
    const words = tokenize(f).map((token) => token.word);
    const has = (list: readonly string[]) => words.some((word) => isAnyWord(word, list));
    const choices = [has(CHOOSE_NEW) && 'new', has(CHOOSE_RESUME) && 'resume', has(CHOOSE_DROP) && 'drop'].filter((choice): choice is 'new' | 'resume' | 'drop' => choice !== false);
    // « supprimer et en commencer une nouvelle »: the new one (starting one drops the old).
    if (choices.length === 2 && choices.includes('new') && choices.includes('drop')) return 'new';
    return choices.length === 1 ? choices[0] : null;
  } catch {
    return null;
  }
}

/**
 * Whether a message asks something (« qui pilote la PA 3.2.1 ? », « combien de parents ont participé… ? »), as
 * opposed to answering: it starts with a question word, or ends with « ? » and holds one. A bare « PA 2.3.2 ? » or
 * « 14 ? » asks nothing: it is an answer said with a doubt.
 */
export function readsAsQuestion(text: string): boolean {
  try {
    const f = foldKeepingPlaces(text.length > 2_000 ? text.slice(0, 2_000) : text).text.trim();
    const start = f.replace(BEFORE_QUESTION, '');
    return QUESTION_START.test(start) || /^(?:c'est quoi|ca veut dire|que veut dire|qu'est-ce)(?:\s|$)/.test(start) || (f.endsWith('?') && QUESTION_WORD.test(f));
  } catch {
    return false;
  }
}

function readIntent(text: string, now: DateTime): ReportIntent {
  const folded = foldKeepingPlaces(text.length > 2_000 ? text.slice(0, 2_000) : text);
  const f = folded.text.replace(/[!.]+$/, '').trim();
  if (f.length === 0) return null;
  const tokens = tokenize(f);
  const words = tokens.map((t) => t.word);
  const has = (list: readonly string[]) => words.some((w) => isAnyWord(w, list));
  const question = f.endsWith('?') || QUESTION_START.test(f);
  if (FIGURE_QUESTION.test(f) && !RAN_AN_ACTION.test(f)) return null;

  if (CANCEL_DRAFT.test(f.replace(/[?,]/g, ' ').replace(/\s+/g, ' ').trim())) return { kind: 'cancel' };
  if (ALREADY_REPORTED.test(f) && (question || findReportKind(tokens) === null)) return { kind: 'list' };
  const reference = REFERENCE.exec(f);
  const namesAReport = has(REPORT_NOUNS) || /\bcompte[- ]?rendus?\b/.test(f);
  const mine = /(?:^|\s)(?:mes|mon|ma|my|nos|notre|our)\s/.test(` ${f} `);
  if (reference && (has(CORRECT_VERBS) || /\b(?:erreur|errone|faux|tromp)/.test(f))) {
    return { kind: 'correct', reference: `RPT-${reference[1]}-${reference[2].padStart(6, '0')}` };
  }
  if (namesAReport && has(CORRECT_VERBS) && !has(RESUME_VERBS)) return { kind: 'correct', reference: null };
  if (namesAReport && /\b(?:erreur|tromp|mistake|wrong)/.test(f)) return { kind: 'correct', reference: reference ? `RPT-${reference[1]}-${reference[2].padStart(6, '0')}` : null };
  if (namesAReport && has(RESUME_VERBS)) return { kind: 'resume' };
  if (/^(?:reprendre|continuer|reprendre ou j'en etais|resume|continue)$/.test(f)) return { kind: 'resume' };
  // « mes déclarations », « voir mes bilans », « my reports »; « mes déclarations de mars » too.
  if (namesAReport && mine && !START_VERB.test(f) && !/\b(?:nouvelle|nouveau|new|une|un|an|a)\s/.test(` ${f} `)) return { kind: 'list' };
  if (/^(?:liste|lister|voir|afficher|show|list)\s/.test(f) && namesAReport) return { kind: 'list' };

  // Telling what was done: a past tense and an action named, or a count of people.
  const kindNamed = findReportKind(tokens) !== null;
  if (!question && RAN_AN_ACTION.test(f) && (kindNamed || COUNT_NOUN.test(f))) return { kind: 'start', statement: true };
  const actionWords = /\b(?:action|actions|activite|activites|atelier|ateliers|seance|seances|activity|activities)\b/.test(f);
  // « déclarer un café des parents… », « signaler 14 parents… »: a verb of reporting and what was run, or who came.
  if (START_VERB.test(f) && (actionWords || namesAReport || kindNamed || COUNT_NOUN.test(f))) return { kind: 'start', statement: false };
  // « café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 en QPV »: no verb, but only a report says all
  // three — a kind of action, a day gone by, who came. A sheet named in it does not make it a sheet question.
  if (!question && kindNamed && COUNT_NOUN.test(f) && saysAPastDay(folded, now)) return { kind: 'start', statement: true };
  // « groupe de parole début novembre pour la 2.3.2 avec 6 parents »: a kind of action, a sheet, and who came or a day
  // gone by. From an enrolled account, an action done; from anyone else, a question on the sheets (dialogs/report).
  if (!question && kindNamed && SHEET_NUMBER.test(f) && (COUNT_NOUN.test(f) || saysAPastDay(folded, now))) return { kind: 'start', statement: true, enrolledOnly: true };
  if (/\b(?:faire|remplir|nouvelle|nouveau|new|creer|commencer|start|ecrire|rediger|submit|file|make)\b/.test(f) && (namesAReport || /\bbilan\b/.test(f))) {
    return { kind: 'start', statement: false };
  }
  if (/\b(?:rendre compte|report on)\b/.test(f) && actionWords) return { kind: 'start', statement: false };
  return null;
}

/** Whether a text names a day or a period already gone (« le 12 mars », « mardi dernier »); a date to come does not. */
function saysAPastDay(folded: FoldedText, now: DateTime): boolean {
  const { dates } = readDatesInFolded(folded, now);
  return dates !== null && !('problem' in dates && dates.problem === 'future');
}
