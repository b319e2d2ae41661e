import path from 'node:path';
import type restify from 'restify';
import { DEFAULT_DIRECT_LINE_LIMITS } from '../directline/limits';
import { findPublicDir, StaticAsset } from '../directline/staticAssets';
import type { Logger } from '../log/logger';
import { DRAFT_TTL_DAYS } from '../storage/statePurge';
import { registerStaticRoutes } from './staticRoutes';
import { FRAMED_BY_TEAMS } from './tabRoutes';

/**
 * `GET /privacy` and `GET /terms`: what Maillage keeps and for how long, and what it is for — the pages the Teams
 * package names as its privacy statement and terms of use. They state this instance's own retention (STATE_TTL_HOURS,
 * the drafts' and the widget transcripts' lifetimes, where the widget's messages go), so they stay true when an
 * administrator changes a setting.
 */

export const PRIVACY_PATH = '/privacy';
export const TERMS_PATH = '/terms';
/** Beside the pages: they link to it relatively, so it is found under a PUBLIC_URL path prefix too. */
export const LEGAL_STYLES_PATH = '/legal/legal.css';

/** No script, their one style sheet from here; Teams may frame them (the app's details link to them). */
const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'none'",
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    FRAMED_BY_TEAMS,
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
});

export interface LegalPagesOptions {
  stateTtlHours: number;
  /** Whether the widget's messages go through the built-in Direct Line (kept here) or Azure's (DIRECT_LINE_SECRET). */
  directLine: 'builtin' | 'azure';
  log: Logger;
}

/** What the privacy page says of the widget's messages, as this instance keeps them. */
function transcriptSentences(directLine: LegalPagesOptions['directLine']): { fr: string; en: string } {
  if (directLine === 'azure') {
    return {
      fr: 'Les messages de la fenêtre de discussion passent par le service Direct Line de Microsoft Azure, qui les conserve selon ses propres règles ; ce serveur n’en garde pas de copie.',
      en: 'The widget’s messages go through Microsoft Azure’s Direct Line service, which keeps them under its own rules; this server keeps no copy.',
    };
  }
  const hours = DEFAULT_DIRECT_LINE_LIMITS.conversationIdleMs / 3_600_000;
  const fr = hours === 1 ? 'une heure' : `${hours} heures`;
  const en = hours === 1 ? 'an hour' : `${hours} hours`;
  return {
    fr: `Les messages de la fenêtre de discussion sont gardés par ce serveur tant que la fenêtre reste ouverte, puis effacés au plus tard ${fr} après.`,
    en: `The widget’s messages are kept by this server while the chat window stays open, then deleted at most ${en} later.`,
  };
}

export function registerLegalPages(server: restify.Server, options: LegalPagesOptions): void {
  const log = options.log.child({ module: 'legalPages' });
  const dir = path.join(findPublicDir(), 'legal');
  // Every figure the pages state comes from the settings and constants the code runs on, so they cannot drift apart.
  const transcripts = transcriptSentences(options.directLine);
  const values: Record<string, string> = {
    '{{STATE_TTL_HOURS}}': String(options.stateTtlHours),
    '{{DRAFT_TTL_DAYS}}': String(DRAFT_TTL_DAYS),
    '{{TRANSCRIPTS_FR}}': transcripts.fr,
    '{{TRANSCRIPTS_EN}}': transcripts.en,
  };
  const fill = (html: string) =>
    html.replace(/\{\{[A-Z_]+\}\}/g, (name) => {
      const value = values[name];
      // A page asking for a value this code does not give would show its placeholder to readers: say so loudly.
      if (value === undefined) log.error({ placeholder: name }, 'legal page names a value the server does not fill');
      return value ?? '';
    });
  const page = (file: string) => new StaticAsset({ file: path.join(dir, file), contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300', transform: fill });
  const styles = new StaticAsset({ file: path.join(dir, 'legal.css'), contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=300' });
  registerStaticRoutes(
    server,
    [
      [PRIVACY_PATH, page('privacy.html'), PAGE_HEADERS],
      [TERMS_PATH, page('terms.html'), PAGE_HEADERS],
      [LEGAL_STYLES_PATH, styles, PAGE_HEADERS],
    ],
    log,
    { failure: 'legal page could not be served', problem: 'The page could not be read.' },
  );
}
