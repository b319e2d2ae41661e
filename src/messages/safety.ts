import type { Language } from '../language/text';
import { safetyCard, type SafetyCallButton } from '../cards/safetyCard';
import { SAFETY_VOCABULARY, type SafetyReading } from '../safety';

/**
 * The answer to a message about danger: one short, calm text that names the right numbers first, each with what it is
 * for, and a card with a button for every number the text names. The text says everything (text-only clients and
 * screen readers read it); the card only makes the call one tap. Only the numbers of the concerns found, in their order
 * of urgency; a number already named is not named again. Someone who cannot call (deaf, hard of hearing, cannot speak)
 * reads first the number reached by text, and gets a button that writes to it. The words are the vocabulary's
 * (src/safety/vocabulary.ts), beside their official sources.
 */

const CALL_TITLE: Record<Language, (display: string) => string> = {
  fr: (display) => `Appeler le ${display}`,
  en: (display) => `Call ${display}`,
};

const TEXT_TITLE: Record<Language, (display: string) => string> = {
  fr: (display) => `SMS au ${display}`,
  en: (display) => `Text ${display}`,
};

export function safetyReply(reading: SafetyReading, language: Language): { text: string; cards: object[] } {
  const vocabulary = SAFETY_VOCABULARY;
  const lines: string[] = [];
  const named: string[] = [];
  const say = (numbers: readonly string[], line: string): void => {
    const fresh = numbers.filter((number) => !named.includes(number));
    if (fresh.length === 0) return;
    named.push(...fresh);
    lines.push(line);
  };
  if (reading.cannotCall) say(vocabulary.cannotCall.call.numbers, vocabulary.cannotCall.call.line[language]);
  let reminded = false;
  let emergency = false;
  for (const id of reading.concerns) {
    const concern = vocabulary.concerns.find((c) => c.id === id);
    if (!concern) continue;
    for (const call of concern.calls) say(call.numbers, call.line[language]);
    if (id === 'immediate-danger' || id === 'medical-emergency') emergency = true;
    if (concern.reminder) reminded = true;
  }
  if (reminded && !emergency) say(vocabulary.reminder.numbers, vocabulary.reminder.line[language]);
  if (!emergency) lines.push(vocabulary.closing[language]);

  // A button for every number the text names, in the same order: a voice line calls, the 114 writes. The 114 gets its
  // button only for someone who said they cannot call; for others it is one line of text, not one more button.
  const buttons: SafetyCallButton[] = [];
  for (const number of named.map((key) => vocabulary.numbers[key])) {
    if (number.reach === 'call') buttons.push({ dial: number.dial, title: CALL_TITLE[language](number.display), by: 'call' });
    else if (reading.cannotCall) buttons.push({ dial: number.dial, title: TEXT_TITLE[language](number.display), by: 'sms' });
  }
  const card = safetyCard(buttons);
  return { text: keepTogether(lines.join('\n\n')), cards: card ? [card] : [] };
}

/** « 24 h/24, 7 j/7 », « 17 ou 112 » read as one: a phone's line must not break between a number and its unit. */
function keepTogether(text: string): string {
  return text.replace(/(\d) ([hj])\//g, '$1\u00a0$2/').replace(/(\d) (ou|or) (\d)/g, '$1\u00a0$2\u00a0$3');
}
