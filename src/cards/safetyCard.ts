import { speakableText } from '../language/markdown';

/**
 * The card that answers a message about danger (Adaptive Cards 1.5, plain JSON): only a button a number, which calls
 * it (or, for the 114, writes to it). What each number is for is said once, in the text beside the card
 * (src/messages/safety.ts), so that text-only clients show it too and a phone screen does not show the same facts
 * twice. One button a row, full width, short titles: nothing is cut at 360 px.
 */

export type SafetyCallButton = {
  /** The digits dialled. */
  dial: string;
  /** What the button says ("Appeler le 119"), the number written in it for screen readers. Our own words, not markdown. */
  title: string;
  /** `call` opens the phone (tel:); `sms` opens a text message to the number (sms:), for the 114. */
  by?: 'call' | 'sms';
};

/**
 * A tel: link for a short national number. links.ts only takes subscriber numbers (6 to 15 digits) from imported data;
 * these come from our own checked vocabulary, and are 2 to 6 digits.
 */
export function nationalTelUrl(dial: string): string | null {
  return /^\d{2,6}$/.test(dial) ? `tel:${dial}` : null;
}

/** An sms: link for a short national number reached by text (the 114), under the same rule as nationalTelUrl. */
export function nationalSmsUrl(dial: string): string | null {
  return /^\d{2,6}$/.test(dial) ? `sms:${dial}` : null;
}

/** The buttons, or null when there is no number to call or write to. */
export function safetyCard(buttons: readonly SafetyCallButton[]): object | null {
  const body: object[] = [];
  const kept: SafetyCallButton[] = [];
  for (const button of buttons) {
    const url = button.by === 'sms' ? nationalSmsUrl(button.dial) : nationalTelUrl(button.dial);
    if (!url) continue;
    kept.push(button);
    body.push({ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.OpenUrl', title: button.title, url }] });
  }
  if (body.length === 0) return null;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    speak: speakableText(kept.map((button) => button.title).join('. ')),
    body,
  };
}
