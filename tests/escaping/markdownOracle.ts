import { mailtoUrl, telUrl, webUrl } from '../../src/cards/links';

/**
 * What a reply or a card turns into on screen, read with the Markdown engine Web Chat 4.18.1 uses (markdown-it
 * 13.0.2, installed with it) in its default setting, raw HTML on. Two differences: bare addresses are not turned into
 * links here (`linkify`), since that is a renderer's feature on plain text, not Markdown built from data (the widget
 * reduces such links to text, which tests/browser/dataEscaping.test.ts checks in Chromium); and quotes and dashes are
 * left straight (`typographer`), so that the text shown can be compared with the data.
 */

type MarkdownIt = { render(source: string): string };
// markdown-it ships no types and is not a dependency of ours: it comes with botframework-webchat.
const MarkdownItClass = require('markdown-it') as new (options: object) => MarkdownIt;
const webChatMarkdown = new MarkdownItClass({ html: true, linkify: false, typographer: false, breaks: false, xhtmlOut: true });

/** Elements our own Markdown makes: paragraphs, bold, and lists. Anything else came from the data. */
const OUR_ELEMENTS = new Set(['p', 'strong', 'ul', 'ol', 'li']);

export function renderMarkdown(markdown: string): string {
  return webChatMarkdown.render(markdown);
}

/** The names of the elements in rendered HTML. */
export function elementsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((match) => match[1].toLowerCase());
}

/** The text a person reads in rendered HTML, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Problems with one piece of Markdown: elements our Markdown never makes (an image, a link, a tag from the data…). */
export function markdownProblems(markdown: string): string[] {
  const html = renderMarkdown(markdown);
  const foreign = [...new Set(elementsIn(html).filter((name) => !OUR_ELEMENTS.has(name)))];
  return foreign.map((name) => `<${name}> in ${JSON.stringify(html.slice(0, 300))}`);
}

type CardElement = {
  type?: string;
  text?: string;
  url?: string;
  speak?: string;
  facts?: Array<{ title: string; value: string }>;
  body?: CardElement[];
  actions?: CardElement[];
  card?: CardElement;
  /** Containers, columns and a tap target: their texts and URLs count as much as the card's own. */
  items?: CardElement[];
  columns?: CardElement[];
  selectAction?: CardElement;
};

/** Every Markdown text of a card (TextBlocks and facts), every URL of its buttons, and its `speak`. */
export function cardParts(card: unknown): { markdown: string[]; urls: string[]; speak: string[] } {
  const out = { markdown: [] as string[], urls: [] as string[], speak: [] as string[] };
  const visit = (element: CardElement) => {
    if (element.type === 'TextBlock' && element.text !== undefined) out.markdown.push(element.text);
    for (const fact of element.facts ?? []) out.markdown.push(fact.title, fact.value);
    if (element.url !== undefined) out.urls.push(element.url);
    if (element.speak !== undefined) out.speak.push(element.speak);
    const children = [
      ...(element.body ?? []),
      ...(element.actions ?? []),
      ...(element.items ?? []),
      ...(element.columns ?? []),
      ...(element.card ? [element.card] : []),
      ...(element.selectAction ? [element.selectAction] : []),
    ];
    for (const child of children) visit(child);
  };
  visit(card as CardElement);
  return out;
}

/** A button's URL is acceptable when the vetted builders would make exactly it: http(s), tel: and digits, mailto:. */
export function isVettedUrl(url: string): boolean {
  if (url.startsWith('tel:')) return telUrl(url.slice(4)) === url;
  if (url.startsWith('mailto:')) return mailtoUrl(decodeURIComponent(url.slice(7))) === url;
  return webUrl(url) === url && /^https?:\/\//.test(url);
}

/** Problems with a card: foreign elements in its texts, unvetted URLs, markup in what it speaks. */
export function cardProblems(card: unknown): string[] {
  const parts = cardParts(card);
  return [
    ...parts.markdown.flatMap(markdownProblems),
    ...parts.urls.filter((url) => !isVettedUrl(url)).map((url) => `unvetted URL ${url}`),
    ...parts.speak.filter((speak) => /<[A-Za-z/!?]/.test(speak)).map((speak) => `markup in speak: ${speak}`),
  ];
}

/** What a person reads in a card, rendered. */
export function cardVisibleText(card: unknown): string {
  return cardParts(card).markdown.map((text) => visibleText(renderMarkdown(text))).join(' ');
}
