import { escapeMarkdown, speakableText } from '../language/markdown';

/**
 * The card of national numbers that answers a message about danger (Adaptive Cards 1.5, plain JSON): one line a
 * number with what it is for, and a button that calls it. Short labels and wrapping text only, so nothing is cut or
 * broken at 360 px, and everything a button says is also written in a TextBlock for screen readers and text clients.
 */

export type SafetyCardNumber = {
  /** The digits dialled: a button calls them. */
  dial: string;
  /** The number as written ("116 000"). */
  display: string;
  name: string;
  description: string;
  /** The button's title ("Appeler le 119"), or null for a number reached by SMS only (no call button). */
  callTitle: string | null;
};

export type SafetyCardView = {
  heading: string;
  numbers: readonly SafetyCardNumber[];
};

/**
 * A tel: link for a short national number. links.ts only takes subscriber numbers (6 to 15 digits) from imported data;
 * these come from our own checked vocabulary, and are 2 to 6 digits.
 */
export function nationalTelUrl(dial: string): string | null {
  return /^\d{2,6}$/.test(dial) ? `tel:${dial}` : null;
}

export function safetyCard(view: SafetyCardView): object {
  const body: object[] = [{ type: 'TextBlock', text: escapeMarkdown(view.heading), weight: 'Bolder', wrap: true, style: 'heading' }];
  for (const number of view.numbers) {
    const url = nationalTelUrl(number.dial);
    const items: object[] = [
      { type: 'TextBlock', text: `**${escapeMarkdown(number.display)}** · ${escapeMarkdown(number.name)}`, wrap: true },
      { type: 'TextBlock', text: escapeMarkdown(number.description), wrap: true, isSubtle: true, spacing: 'None' },
    ];
    if (number.callTitle && url) {
      items.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: number.callTitle, url }] });
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    speak: speakableText([view.heading, ...view.numbers.map((n) => `${n.display}, ${n.name}`)].join('. ')),
    body,
  };
}
