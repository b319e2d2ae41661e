import type { Language } from '../language/text';
import { safetyCard } from '../cards/safetyCard';
import { SAFETY_VOCABULARY, type SafetyReading } from '../safety';

/**
 * The answer to a message about danger: one short, calm text that names the right numbers first, each with what it is
 * for, and a card of call buttons, one a number. The text says everything (text-only clients and screen readers read
 * it); the card only makes the call one tap. Only the numbers of the concerns found, in their order of urgency; a
 * number already named is not named again. The words are the vocabulary's (src/safety/vocabulary.ts), beside their
 * official sources.
 */

const CALL_TITLE: Record<Language, (display: string) => string> = {
  fr: (display) => `Appeler le ${display}`,
  en: (display) => `Call ${display}`,
};

export function safetyReply(reading: SafetyReading, language: Language): { text: string; cards: object[] } {
  const vocabulary = SAFETY_VOCABULARY;
  const lines: string[] = [];
  const named: string[] = [];
  let reminded = false;
  let emergency = false;
  for (const id of reading.concerns) {
    const concern = vocabulary.concerns.find((c) => c.id === id);
    if (!concern) continue;
    for (const call of concern.calls) {
      const fresh = call.numbers.filter((number) => !named.includes(number));
      if (fresh.length === 0) continue;
      named.push(...fresh);
      lines.push(call.line[language]);
    }
    if (id === 'immediate-danger' || id === 'medical-emergency') emergency = true;
    if (concern.reminder) reminded = true;
  }
  // 17 and 112 are said as text, not as more buttons, when the danger is not said to be immediate.
  if (reminded && !emergency && !vocabulary.reminder.numbers.every((number) => named.includes(number))) lines.push(vocabulary.reminder.line[language]);
  if (!emergency) lines.push(vocabulary.closing[language]);

  const buttons = named
    .map((key) => vocabulary.numbers[key])
    .filter((number) => number.reach === 'call')
    .map((number) => ({ dial: number.dial, title: CALL_TITLE[language](number.display) }));
  const card = safetyCard(buttons);
  return { text: keepTogether(lines.join('\n\n')), cards: card ? [card] : [] };
}

/** « 24 h/24, 7 j/7 », « 17 ou 112 » read as one: a phone's line must not break between a number and its unit. */
function keepTogether(text: string): string {
  return text.replace(/(\d) ([hj])\//g, '$1\u00a0$2/').replace(/(\d) (ou|or) (\d)/g, '$1\u00a0$2\u00a0$3');
}
