import { sheetPagePath } from '../sheets/display';
import type { Sheet } from '../sheets/model';
import { TEAMS_CHANNEL_ID } from '../shared/channels';
import { webUrl } from './links';

/**
 * The address a card opens to read a whole sheet (`GET /sheets/:plan/:code`, src/server/sheetPage.ts). In Teams, with
 * the app's id known, it is Teams' stage-view deep link, so the page opens over the conversation (a new window with the
 * chat beside it on the desktop, full screen on the web and on a phone) instead of in a browser that may not be signed
 * in; everywhere else it is the page itself.
 *
 * The deep link's form, from Microsoft's "Open content in Stageview" page:
 *   https://teams.microsoft.com/l/stage/{appId}/0?context={"contentUrl":"…","websiteUrl":"…","name":"…"}
 * with the context URL-encoded when it goes into an Action.OpenUrl. Teams only frames a contentUrl whose host is in
 * the manifest's validDomains; `npm run manifest` puts PUBLIC_URL's host there.
 *
 * Every address leaves through webUrl (src/language/urls.ts): whatever a plan id or a sheet number holds, the result
 * is an http(s) URL under PUBLIC_URL, or no link at all.
 */

const TEAMS_STAGE_LINK = 'https://teams.microsoft.com/l/stage';
/**
 * A Teams app's id is a GUID (the manifest's `id`, which `npm run manifest` takes from MicrosoftAppId). Anything else
 * could not name the app, and a stage link to it would open nothing.
 */
const TEAMS_APP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path segment made only of dots would be read as "this folder" or "the folder above" and leave /sheets. */
const DOTS_ONLY = /^\.*$/;

export interface SheetLinkSettings {
  /** PUBLIC_URL: an absolute http(s) base, perhaps with a path prefix (`https://host/maillage`), no trailing slash. */
  publicUrl: string;
  /** The Teams app's id (MicrosoftAppId); absent in local mode, where Teams gets the page's own address. */
  teamsAppId?: string;
}

/** What the dialogs and the message extension are given: the link for a sheet, in the channel the card is shown in. */
export interface SheetLinks {
  openSheet(sheet: Pick<Sheet, 'plan' | 'number' | 'code'>, channelId: string | undefined): string | undefined;
}

export function sheetLinks(settings: SheetLinkSettings): SheetLinks {
  return { openSheet: (sheet, channelId) => sheetOpenUrl(sheet, settings, channelId) };
}

/** The sheet's page under PUBLIC_URL, or undefined when its plan id or number cannot make a path under /sheets. */
export function sheetPageUrl(sheet: Pick<Sheet, 'plan' | 'number'>, publicUrl: string): string | undefined {
  if (DOTS_ONLY.test(sheet.plan.id) || DOTS_ONLY.test(sheet.number)) return undefined;
  let path: string;
  try {
    path = sheetPagePath(sheet);
  } catch {
    // encodeURIComponent throws on a lone surrogate: such a text names no page.
    return undefined;
  }
  const base = webUrl(publicUrl);
  if (!base) return undefined;
  const root = new URL(base);
  const expectedPath = `${root.pathname.replace(/\/+$/, '')}${path}`;
  const url = webUrl(`${root.origin}${expectedPath}`);
  if (!url) return undefined;
  // The page's path must come out of URL normalisation as it went in: same server, same path, nothing added.
  const parsed = new URL(url);
  return parsed.origin === root.origin && parsed.pathname === expectedPath && parsed.search === '' && parsed.hash === '' ? url : undefined;
}

/** Teams' stage-view deep link that opens `pageUrl` over the conversation, titled `name`. */
export function teamsStageLink(pageUrl: string, teamsAppId: string, name: string): string | undefined {
  if (!TEAMS_APP_ID.test(teamsAppId)) return undefined;
  const context = JSON.stringify({ contentUrl: pageUrl, websiteUrl: pageUrl, name });
  let encoded: string;
  try {
    encoded = encodeURIComponent(context);
  } catch {
    return undefined;
  }
  return webUrl(`${TEAMS_STAGE_LINK}/${teamsAppId}/0?context=${encoded}`) ?? undefined;
}

/**
 * The address a card's « Ouvrir la fiche complète » opens: the stage view in Teams when the app's id is known, the page
 * elsewhere (and in Teams should the deep link be refused, for instance for its length: a browser tab still shows it).
 * In Teams only an https page is linked.
 */
export function sheetOpenUrl(sheet: Pick<Sheet, 'plan' | 'number' | 'code'>, settings: SheetLinkSettings, channelId: string | undefined): string | undefined {
  const page = sheetPageUrl(sheet, settings.publicUrl);
  if (!page) return undefined;
  if (channelId !== TEAMS_CHANNEL_ID) return page;
  // Teams opens only https pages, and a PUBLIC_URL left at its http://localhost default reaches nobody from Teams:
  // no button then, and a summary's card unfolds the whole sheet itself.
  if (new URL(page).protocol !== 'https:') return undefined;
  return settings.teamsAppId ? (teamsStageLink(page, settings.teamsAppId, sheet.code) ?? page) : page;
}
