/**
 * The report's cards: its summary to confirm, and the whole form in one card. Adaptive Cards 1.5; in Teams each
 * button is an Action.Execute (Universal Actions) that falls back to an Action.Submit on older clients, elsewhere an
 * Action.Submit (INTERFACES.md). The cards only render what the report journey decided to show, already escaped for
 * Markdown (cardMarkdown).
 */

/**
 * Markdown escaped for a reply (src/language/markdown.ts) as a card shows it. A card's text is Markdown, not HTML: a
 * character reference (`&lt;`) is shown as its code there, so `<`, `>` and `&` keep the reply's other escape, the
 * backslash, which neutralises them as well (no tag, no autolink, no reference) and shows them as typed.
 */
export function cardMarkdown(escaped: string): string {
  return escaped.replace(/&(lt|gt|amp);/g, (_, name: string) => (name === 'lt' ? '\\<' : name === 'gt' ? '\\>' : '\\&'));
}

/** The data every report button sends back: which draft it belongs to, so a stale or repeated click is recognised. */
export interface ReportCardData {
  maillage: 'report';
  draft: string;
  command: 'confirm' | 'cancel' | 'edit' | 'form';
  [input: string]: unknown;
}

export interface ReportSummaryView {
  heading: string;
  intro: string;
  facts: ReadonlyArray<{ label: string; value: string }>;
  draft: string;
  buttons: { confirm: string; edit: string; cancel: string };
  /** The fields that can be changed, for the « Modifier » choice: value is the field's key. */
  editable: ReadonlyArray<{ title: string; value: string }>;
}

/** A button that sends `data`: Action.Execute with an Action.Submit fallback in Teams, Action.Submit elsewhere. */
export function submitAction(channelId: string | undefined, title: string, data: ReportCardData, style?: 'positive' | 'destructive'): object {
  const submit = { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
  if (channelId !== 'msteams') return submit;
  return { type: 'Action.Execute', title, verb: `report.${data.command}`, data, ...(style ? { style } : {}), fallback: submit };
}

export function reportSummaryCard(view: ReportSummaryView, channelId: string | undefined): object {
  const data = (command: ReportCardData['command']): ReportCardData => ({ maillage: 'report', draft: view.draft, command });
  // The message's text opens with the intro (and Teams folds that text into this card, src/cards/teamsMessage.ts): a
  // heading the intro already opens with (« Voici votre déclaration ») would say it twice, so it is left out.
  const repeats = view.intro.trim().toLowerCase().startsWith(view.heading.trim().toLowerCase());
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...(repeats ? [] : [{ type: 'TextBlock', text: cardMarkdown(view.heading), weight: 'Bolder', size: 'Medium', wrap: true }]),
      { type: 'FactSet', facts: view.facts.map((fact) => ({ title: cardMarkdown(fact.label), value: cardMarkdown(fact.value) })) },
    ],
    actions: [
      submitAction(channelId, view.buttons.confirm, data('confirm'), 'positive'),
      {
        type: 'Action.ShowCard',
        title: view.buttons.edit,
        card: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'Input.ChoiceSet', id: 'field', label: view.buttons.edit, choices: view.editable, value: view.editable[0]?.value ?? '' }],
          actions: [submitAction(channelId, view.buttons.edit, data('edit'))],
        },
      },
      submitAction(channelId, view.buttons.cancel, data('cancel'), 'destructive'),
    ],
  };
}

export type FormInputView =
  | { kind: 'text'; id: string; label: string; value: string; multiline?: boolean; maxLength: number; placeholder?: string }
  | { kind: 'number'; id: string; label: string; value: number | null; min: number; max: number }
  | { kind: 'date'; id: string; label: string; value: string }
  | { kind: 'choice'; id: string; label: string; value: string; choices: ReadonlyArray<{ title: string; value: string }> };

export interface ReportFormView {
  heading: string;
  intro: string;
  draft: string;
  inputs: readonly FormInputView[];
  submit: string;
}

export function reportFormCard(view: ReportFormView, channelId: string | undefined): object {
  const body: object[] = [
    { type: 'TextBlock', text: cardMarkdown(view.heading), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: cardMarkdown(view.intro), wrap: true, isSubtle: true },
  ];
  for (const input of view.inputs) {
    switch (input.kind) {
      case 'text':
        body.push({ type: 'Input.Text', id: input.id, label: input.label, value: input.value, isMultiline: input.multiline ?? false, maxLength: input.maxLength, ...(input.placeholder ? { placeholder: input.placeholder } : {}) });
        break;
      case 'number':
        // No min/max on the card: Web Chat then refuses to send a card with an empty number, so a half-filled form
        // could not be sent; the bot checks every value with the refusals of a typed answer anyway.
        body.push({ type: 'Input.Number', id: input.id, label: input.label, placeholder: input.min > 0 ? `${input.min}` : '0', ...(input.value !== null ? { value: input.value } : {}) });
        break;
      case 'date':
        body.push({ type: 'Input.Date', id: input.id, label: input.label, ...(input.value ? { value: input.value } : {}) });
        break;
      case 'choice':
        body.push({ type: 'Input.ChoiceSet', id: input.id, label: input.label, choices: input.choices, value: input.value, style: 'compact' });
        break;
    }
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [submitAction(channelId, view.submit, { maillage: 'report', draft: view.draft, command: 'form' }, 'positive')],
  };
}
