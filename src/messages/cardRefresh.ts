import type { Language } from '../language/text';

/** What Teams shows in place of a clicked card when the answer cannot be that card (src/bot/cardRefresh.ts). */
export const cardRefreshTexts = {
  /** The answer was several cards, or too large for one: it was posted in the chat instead. */
  answerInChat: {
    fr: 'Ma réponse est dans la conversation, juste en dessous.',
    en: 'My answer is in the chat, just below.',
  },
  /** The button's action gave no answer to show (a Teams toast, not a message). */
  nothingToShow: {
    fr: 'Action reçue.',
    en: 'Action received.',
  },
} as const satisfies Record<string, Record<Language, string>>;
