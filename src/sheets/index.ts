/** The action sheets: loading, index, and answering partners' questions. The dialogs use only what is here. */
export { loadSheetKnowledge } from './loader';
export { parseSheetText, type ParseOutcome, type SheetSource } from './parser';
export { SheetIndex, type SheetMatch, type PassageMatch, type QueryTerm, type SearchOptions } from './sheetIndex';
export { SheetConversationSchema, readSheetConversation, type SheetConversation } from './conversation';
export { sheetQuestionScore } from './questionScore';
export { answerSheetQuestion, type SheetTurn, type SheetOutcome } from './answer';
export { sheetHelpText } from './help';
export {
  PlanSchema,
  SheetSchema,
  LoadProblemSchema,
  sheetIdentity,
  sectionsOf,
  type Plan,
  type Sheet,
  type SheetField,
  type SheetSection,
  type SheetItem,
  type SheetAction,
  type SheetDeadline,
  type LoadProblem,
  type SheetKnowledge,
} from './model';
export { readSheetQuestion, type SheetQuestion } from './understand';
export { isExplicitSheetQuestion } from './questionScore';
