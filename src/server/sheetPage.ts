import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import type { Language } from '../language/text';
import type { Logger } from '../log/logger';
import { sheetMessages } from '../messages/sheets';
import { axisPath, readableText, SHEET_PAGE_PREFIX, sheetName, sheetPagePath } from '../sheets/display';
import { PlanSchema, SheetSchema, sheetIdentity, type Sheet, type SheetItem, type SheetSection } from '../sheets/model';
import type { SheetIndex } from '../sheets/sheetIndex';
import { describeError } from './clientFaults';
import { RETRY_AFTER_SECONDS } from './errors';
import { FRAMED_BY_TEAMS, TAB_PATH } from './tabRoutes';

/**
 * `GET /sheets/:plan/:code` (INTERFACES.md): one whole sheet as an accessible HTML page — a card's « voir la fiche »
 * opens it in Teams' stage view, and it reads the same in any browser. Every text on it comes from a sheet file and
 * is escaped; its only script (public/tab/stage.js) tells Teams' stage view it has loaded. Answers are pages for
 * people: 400 for a malformed address, 404 for an unknown plan or sheet, 503 while the sheets load — never a 5xx for
 * what a client typed.
 */

export interface SheetPageDeps {
  /** The sheets once loaded; undefined while the application starts (503). */
  sheets: () => SheetIndex | undefined;
  log: Logger;
}

const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    // Only the stage-view script and teams-js, both from here, and teams-js's list of Teams hosts.
    "script-src 'self'",
    "connect-src 'self' https://res.cdn.office.net",
    "base-uri 'none'",
    "form-action 'none'",
    FRAMED_BY_TEAMS,
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

const MAX_SEGMENT_LENGTH = 100;
/** The plan's id as plan.json must write it. */
const PlanIdSchema = PlanSchema.shape.id;
/** A sheet number as the model keeps it ("3.2.1", "7", "B2"). */
const SheetNumberSchema = SheetSchema.shape.number;
/** A whole code typed in the address ("PA 3.2.1", "PA-3.2.1", "fiche_7"): the prefix is dropped. */
const PREFIXED_CODE = /^[A-Za-z]{1,12}[ _-]+(.+)$/;

type PageRequest =
  | { ok: true; planId: string; numbers: string[] }
  | { ok: false; status: 400 | 404; reason: 'malformed' | 'not_a_sheet_address' };

/** Reads `/sheets/<plan>/<code>` from the request target itself, so a broken %-escape is a 400 and not a throw. */
export function readSheetPageTarget(target: string): PageRequest {
  const path = target.split('?', 1)[0].split('#', 1)[0];
  const segments = path.slice(SHEET_PAGE_PREFIX.length + 1).split('/');
  if (segments.length === 3 && segments[2] === '') segments.pop();
  if (!path.startsWith(`${SHEET_PAGE_PREFIX}/`) || segments.length !== 2) return { ok: false, status: 404, reason: 'not_a_sheet_address' };
  const decoded: string[] = [];
  for (const segment of segments) {
    if (segment.length === 0 || segment.length > MAX_SEGMENT_LENGTH * 3) return { ok: false, status: 400, reason: 'malformed' };
    try {
      decoded.push(decodeURIComponent(segment).trim());
    } catch {
      return { ok: false, status: 400, reason: 'malformed' };
    }
  }
  const [plan, code] = decoded;
  const planId = PlanIdSchema.safeParse(plan);
  if (!planId.success || plan.length > MAX_SEGMENT_LENGTH || code.length > MAX_SEGMENT_LENGTH) return { ok: false, status: 400, reason: 'malformed' };
  const numbers = [code, PREFIXED_CODE.exec(code)?.[1]?.trim()]
    .filter((candidate): candidate is string => candidate !== undefined)
    .map((candidate) => candidate.toUpperCase())
    .filter((candidate) => SheetNumberSchema.safeParse(candidate).success);
  if (numbers.length === 0) return { ok: false, status: 400, reason: 'malformed' };
  return { ok: true, planId: planId.data, numbers };
}

export function registerSheetPage(server: restify.Server, deps: SheetPageDeps): void {
  const log = deps.log.child({ module: 'sheetPage' });
  server.get(`${SHEET_PAGE_PREFIX}/*`, async (req: restify.Request, res: restify.Response) => {
    const language = preferredLanguage(req);
    try {
      const reading = readSheetPageTarget(req.url ?? '');
      if (!reading.ok) {
        sendPage(res, reading.status, reading.status === 400 ? malformedPage(language) : notFoundPage(language));
        return;
      }
      const sheets = deps.sheets();
      if (!sheets) {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        sendPage(res, 503, messagePage(language, pageTexts[language].notReadyTitle, pageTexts[language].notReady));
        return;
      }
      const sheet = findSheet(sheets, reading.planId, reading.numbers);
      if (!sheet) {
        sendPage(res, 404, notFoundPage(language));
        return;
      }
      sendPage(res, 200, sheetPage(sheet, language), { 'Cache-Control': 'public, max-age=300' });
    } catch (error) {
      log.error({ err: describeError(error) }, 'sheet page failed');
      sendPage(res, 500, messagePage(language, pageTexts[language].errorTitle, pageTexts[language].error));
    }
  });
}

function findSheet(sheets: SheetIndex, planId: string, numbers: readonly string[]): Sheet | undefined {
  for (const number of numbers) {
    const sheet = sheets.sheetById(sheetIdentity(planId, number));
    if (sheet) return sheet;
  }
  // A plan id typed in another case ("Rhone-SDSF") is the same plan.
  const plan = sheets.plans.find((candidate) => candidate.id.toLowerCase() === planId.toLowerCase());
  if (!plan || plan.id === planId) return undefined;
  return findSheet(sheets, plan.id, numbers);
}

/** The page's own words follow the browser's first language, French unless it prefers English. */
function preferredLanguage(req: IncomingMessage): Language {
  const header = req.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',', 1)[0].trim().toLowerCase() : '';
  return first.startsWith('en') ? 'en' : 'fr';
}

function sendPage(res: restify.Response, status: number, html: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...PAGE_HEADERS, 'Cache-Control': 'no-store', ...headers, 'Content-Length': String(Buffer.byteLength(html)) });
  res.end(html);
}

const pageTexts: Record<Language, {
  notFoundTitle: string;
  notFound: string;
  malformedTitle: string;
  malformed: string;
  notReadyTitle: string;
  notReady: string;
  errorTitle: string;
  error: string;
  intro: string;
  territory: string;
  sheetLanguageNote: string;
}> = {
  fr: {
    notFoundTitle: 'Fiche introuvable',
    notFound: "Aucune fiche action ne porte ce numéro dans ce plan. Vérifiez l'adresse, ou demandez la fiche à Maillage dans la conversation.",
    malformedTitle: 'Adresse de fiche incorrecte',
    malformed: 'Une adresse de fiche a la forme /sheets/identifiant-du-plan/numéro, par exemple /sheets/rhone-sdsf/3.2.1.',
    notReadyTitle: 'Maillage démarre',
    notReady: 'Les fiches se chargent. Réessayez dans un instant.',
    errorTitle: 'Fiche indisponible',
    error: "Un problème technique empêche d'afficher cette fiche. Réessayez dans un instant.",
    intro: 'Fiche action',
    territory: 'Territoire',
    sheetLanguageNote: '',
  },
  en: {
    notFoundTitle: 'Sheet not found',
    notFound: 'No action sheet has this number in this plan. Check the address, or ask Maillage for the sheet in the chat.',
    malformedTitle: 'Wrong sheet address',
    malformed: 'A sheet address reads /sheets/plan-id/number, for example /sheets/rhone-sdsf/3.2.1.',
    notReadyTitle: 'Maillage is starting',
    notReady: 'The sheets are loading. Try again in a moment.',
    errorTitle: 'Sheet unavailable',
    error: 'A technical problem stops this sheet from showing. Try again in a moment.',
    intro: 'Action sheet',
    territory: 'Territory',
    sheetLanguageNote: 'The sheet is quoted as written, in French.',
  },
};

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5;max-width:48rem;margin:0 auto;padding:1rem 1.25rem;color:#1b1b1b;background:#fff}
header p{margin:.25rem 0;color:#424242}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.15rem;margin-top:1.5rem;border-bottom:1px solid #d1d1d1}
ul,ol{padding-left:1.5rem}
li{margin:.25rem 0}
@media (prefers-color-scheme: dark){body{color:#f0f0f0;background:#1f1f1f}header p{color:#d0d0d0}h2{border-color:#555}}
@media (forced-colors: active){h2{border-color:CanvasText}}
html[data-theme=default] body{color:#1b1b1b;background:#fff}
html[data-theme=default] header p{color:#424242}
html[data-theme=default] h2{border-color:#d1d1d1}
html[data-theme=dark] body,html[data-theme=contrast] body{color:#f0f0f0;background:#1f1f1f}
html[data-theme=dark] header p{color:#d0d0d0}
html[data-theme=contrast] body{background:#000;color:#fff}
`.trim();

function layout(language: Language, title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)} · Maillage</title>`,
    `<style>${STYLE}</style>`,
    // In Teams' stage view it tells Teams the page loaded and follows its theme; elsewhere it does nothing.
    // Relative (the page is two levels down, /sheets/<plan>/<code>), so it also works under a PUBLIC_URL path prefix.
    `<script src="../..${TAB_PATH}/stage.js" defer></script>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}

function messagePage(language: Language, title: string, text: string): string {
  return layout(language, title, `<main>\n<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n</main>`);
}

function notFoundPage(language: Language): string {
  return messagePage(language, pageTexts[language].notFoundTitle, pageTexts[language].notFound);
}

function malformedPage(language: Language): string {
  return messagePage(language, pageTexts[language].malformedTitle, pageTexts[language].malformed);
}

/** The whole sheet: its name, its plan and place in the plan, then every section in the order of the file. */
function sheetPage(sheet: Sheet, language: Language): string {
  const texts = pageTexts[language];
  const messages = sheetMessages[language];
  const plan = sheet.plan;
  const facts = [
    messages.labelled(messages.plan, plan.title),
    plan.territory ? messages.labelled(texts.territory, plan.territory) : undefined,
    plan.period ? messages.labelled(messages.period, plan.period) : undefined,
    sheet.axis.length > 0 ? messages.labelled(messages.axis, axisPath(sheet)) : undefined,
    sheet.version,
  ].filter((fact): fact is string => fact !== undefined && fact !== '');
  const header = [
    '<header>',
    `<p>${escapeHtml(texts.intro)}</p>`,
    `<h1>${escapeHtml(sheetName(sheet))}</h1>`,
    ...facts.map((fact) => `<p>${escapeHtml(fact)}</p>`),
    texts.sheetLanguageNote ? `<p>${escapeHtml(texts.sheetLanguageNote)}</p>` : '',
    '</header>',
  ].filter(Boolean);
  const sections = sheet.sections
    .filter((section) => section.items.length > 0 || section.heading !== '')
    .map((section) => sectionHtml(section, language));
  const body = [...header, '<main lang="fr">', ...sections, '</main>'].join('\n');
  return layout(language, sheetName(sheet), body);
}

function sectionHtml(section: SheetSection, language: Language): string {
  const heading = section.heading ? readableText(section.heading) : sheetMessages[language].fieldLabel[section.field];
  return ['<section>', `<h2>${escapeHtml(heading)}</h2>`, itemsHtml(section.items), '</section>'].filter(Boolean).join('\n');
}

/**
 * Items as a list; sub-items (level 1) nest under the item before them; a lone paragraph stays a paragraph. Items the
 * sheet numbered 1, 2, 3… make an ordered list with those numbers; other numberings stay in the text.
 */
function itemsHtml(items: readonly SheetItem[]): string {
  if (items.length === 0) return '';
  if (items.length === 1 && items[0].level === 0 && items[0].number === undefined) return `<p>${escapeHtml(items[0].text)}</p>`;
  const heads = items.filter((item) => item.level === 0);
  const ordered = heads.length > 0 && heads.every((item) => item.number !== undefined && /^\d{1,4}$/.test(item.number));
  const tag = ordered ? 'ol' : 'ul';
  const out: string[] = [`<${tag}>`];
  let openItem = false;
  let openSub = false;
  for (const item of items) {
    const shownNumber = item.number !== undefined && !(ordered && item.level === 0) ? `${item.number}. ` : '';
    const text = escapeHtml(shownNumber + item.text);
    if (item.level === 1 && openItem) {
      if (!openSub) out.push('<ul>');
      openSub = true;
      out.push(`<li>${text}</li>`);
      continue;
    }
    if (openSub) out.push('</ul>');
    if (openItem) out.push('</li>');
    openSub = false;
    out.push(ordered && item.number !== undefined ? `<li value="${Number(item.number)}">${text}` : `<li>${text}`);
    openItem = true;
  }
  if (openSub) out.push('</ul>');
  if (openItem) out.push('</li>');
  out.push(`</${tag}>`);
  return out.join('\n');
}

/** Every sheet text is hostile: the five characters that could end a text or an attribute are escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
