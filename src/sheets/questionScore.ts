import type { SheetConversation } from './conversation';
import { partialTopicMatch, type SheetIndex } from './sheetIndex';
import type { SheetQuestion } from './understand';

/**
 * How much a message reads like a partner's question on the sheets (0..1), for the main dialog to tell it from a
 * parent's search for a service. A sheet number, a list of sheets, a definition or a follow-up on the sheet being
 * discussed score high; a topic scores with how well the sheets cover it. The score knows only the sheets' words:
 * the route table (dialogs/routes.ts) weighs it against the parent's search. "quelles fiches parlent des LAEP" is high.
 */

const KNOWN_NUMBER = 0.95;
const UNKNOWN_NUMBER = 0.8;
const AXIS = 0.85;
const LISTING = 0.85;
const DEFINITION = 0.8;
const BARE_ABBREVIATION = 0.45;
const FOLLOW_UP = 0.85;
/** "et à Givors ?" follows up on something, but names nothing of a sheet: a parent's pending search may own it. */
const BARE_FOLLOW_UP = 0.5;
const FIELD_ONLY = 0.45;
/**
 * A field in partners' words (« qui pilote », « budget », « indicateurs ») with a topic some sheet holds, or in Teams
 * any field with such a topic: a question on the sheets, above a parent's search for the same kind of service.
 */
const FIELD_ON_TOPIC = 0.75;
/** « la deuxième », « et la suivante ? », « celle du Finistère » while sheets are under discussion or offered. */
const CHOICE = 0.85;
/** The coverage from which the answer names a sheet for a topic (answer.ts MIN_TOPIC_COVERAGE). */
const ANSWERED_TOPIC_COVERAGE = 0.55;
const SHEET_WORD = 0.5;
const SHEET_WORD_BONUS = 0.2;
const FIGURES = 0.3;
const TOPIC_WEIGHT = 0.5;
/** A topic alone must be well covered: "un LAEP à Givors" covers only half (no sheet knows Givors). */
const MIN_TOPIC_COVERAGE = 0.6;

export interface ScoreOptions {
  /** The message comes from partners' channels (Teams): a field asked with a topic is a sheet question in any words. */
  partners?: boolean;
  /**
   * Below this the score loses whatever it is: when even a topic the sheets cover perfectly could not bring the
   * message up to it, the topic is not searched for, and the score returned is below it.
   */
  needed?: number;
}

export function sheetQuestionScore(index: SheetIndex, question: SheetQuestion, conversation: SheetConversation, options: ScoreOptions = {}): number {
  if (question.empty) return 0;
  const current = (conversation.currentSheetIds ?? []).filter((id) => index.sheetById(id) !== undefined);
  const hasCurrent = current.length > 0;
  const asksRole = question.asksRole && question.topicWords.length > 0;
  const asksAboutASheet = question.fields.length > 0 || question.actionNumbers.length > 0 || question.lastAction || question.summary || asksRole;
  const setAside = (conversation.setAsideSheetIds ?? []).some((id) => index.sheetById(id) !== undefined);
  const offered = (conversation.offeredSheetIds ?? []).filter((id) => index.sheetById(id) !== undefined).length > 1;
  const choosing = current.length > 1 || offered;
  // « celle du Finistère » when sheets of several plans are shown: the plan is the choice.
  const choosesPlan =
    current.length > 1 && question.planHint !== undefined && current.some((id) => question.planHint?.planIds.includes(index.sheetById(id)?.plan.id ?? ''));

  let score: number;
  if (question.codes.length > 0) {
    score = question.codes.some((code) => index.findByNumber(code).length > 0) ? KNOWN_NUMBER : UNKNOWN_NUMBER;
  } else {
    score = Math.max(
      question.axis ? AXIS : 0,
      question.listing ? LISTING : 0,
      question.glossaryWord && question.glossaryCue ? DEFINITION : 0,
      question.glossaryWord && question.bareGlossary ? BARE_ABBREVIATION : 0,
      hasCurrent && asksAboutASheet ? FOLLOW_UP : 0,
      hasCurrent && question.followUp ? BARE_FOLLOW_UP : 0,
      question.fields.length > 0 || question.actionNumbers.length > 0 ? FIELD_ONLY : 0,
      (question.step && hasCurrent) || (question.choice !== undefined && choosing) || choosesPlan ? CHOICE : 0,
      hasCurrent && question.unreadCode !== undefined ? FOLLOW_UP : 0,
      question.asksPlans ? LISTING : 0,
      (question.axisWords ?? []).length > 0 ? AXIS : 0,
      // « et CTG ? » right after a definition asks for another one.
      question.bareAcronym !== undefined && conversation.lastGlossary === true ? DEFINITION : 0,
      // « et l'autre ? » after one of two sheets was chosen.
      question.other && setAside ? CHOICE : 0,
    );
    // « quel est le rôle de la MSA ? » is partners' wording, as « qui pilote » is.
    const fieldWithTopic = (question.fields.length > 0 && (question.fieldInPlanWords || options.partners)) || asksRole;
    if (fieldWithTopic && question.topicWords.length > 0 && !question.bareGlossary) {
      const terms = index.resolveTerms(question.topicWords);
      const matches = index.search(terms);
      // Covered well, or in part by one sheet far ahead, as the answer reads it (answer.ts).
      const best = matches[0] && matches[0].coverage >= ANSWERED_TOPIC_COVERAGE ? matches[0] : partialTopicMatch(matches, terms)?.match;
      if (best) score = Math.max(score, FIELD_ON_TOPIC + (1 - FIELD_ON_TOPIC) * best.coverage * 0.5);
    }
    if (question.sheetWord) score = Math.max(score, SHEET_WORD) + SHEET_WORD_BONUS;
    if (question.asksForFigures) score += FIGURES;
    // An abbreviation alone is a definition or a parent's search as much as a topic: its own score stands.
    if (question.topicWords.length > 0 && !question.bareGlossary) {
      const topicWeight = TOPIC_WEIGHT * (score > 0 ? 0.5 : 1);
      const couldReach = score + topicWeight;
      if (options.needed === undefined || couldReach >= options.needed) {
        const best = index.search(index.resolveTerms(question.topicWords))[0];
        if (best && best.coverage >= MIN_TOPIC_COVERAGE) score += topicWeight * best.coverage;
      }
    }
  }
  return Math.max(0, Math.min(1, score));
}

/**
 * The message asks something of the sheets in words only the sheets use: a number, an axis, « fiche », a list of
 * sheets, a field (« qui pilote »), a definition, a figure, or a follow-up on the sheet being discussed. A topic
 * alone is not explicit: on the website, where parents write, only an explicit question goes to the sheets.
 */
export function isExplicitSheetQuestion(question: SheetQuestion, conversation: SheetConversation): boolean {
  if (question.empty) return false;
  const discussing = (conversation.currentSheetIds ?? []).length > 0;
  return (
    question.codes.length > 0 ||
    question.axis !== undefined ||
    question.sheetWord ||
    question.listing ||
    question.summary ||
    question.asksForFigures ||
    question.fields.length > 0 ||
    question.actionNumbers.length > 0 ||
    (question.glossaryCue && question.glossaryWord !== undefined) ||
    question.asksPlans ||
    (question.axisWords ?? []).length > 0 ||
    (question.asksRole && question.topicWords.length > 0) ||
    (question.bareAcronym !== undefined && conversation.lastGlossary === true) ||
    (question.other && (conversation.setAsideSheetIds ?? []).length > 0) ||
    (discussing && (question.followUp || question.lastAction || question.planHint !== undefined || question.step !== undefined || question.unreadCode !== undefined)) ||
    (question.choice !== undefined && (discussing || (conversation.offeredSheetIds ?? []).length > 1))
  );
}
