/** Safety first: messages that say someone is in danger, read from a vocabulary kept as data. */
export { readSafety, SafetyReader } from './detect';
export {
  SAFETY_CONCERNS,
  SafetyConcernSchema,
  SafetyReadingSchema,
  SafetyVocabularySchema,
  type SafetyConcern,
  type SafetyReading,
  type SafetyVocabulary,
  type SafetyNumber,
} from './types';
export { SAFETY_VOCABULARY } from './vocabulary';
