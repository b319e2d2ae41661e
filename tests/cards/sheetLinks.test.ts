import { join } from 'node:path';
import fc from 'fast-check';
import { sharedSheetCard } from '../../src/cards/composeCards';
import { sheetCard } from '../../src/cards/sheetCards';
import { sheetLinks, sheetOpenUrl, sheetPageUrl, teamsStageLink } from '../../src/cards/sheetLinks';
import { answerSheetQuestion, loadSheetKnowledge, readSheetQuestion, SheetIndex, type Sheet } from '../../src/sheets';

/**
 * The address a card opens to read a whole sheet: Teams' stage-view deep link in Teams when the app's id is known,
 * the page under PUBLIC_URL elsewhere — and never anything but an http(s) URL under PUBLIC_URL, whatever a plan holds.
 */

const sheets = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets')).sheets;
const index = SheetIndex.build(sheets);
const PA_321 = index.sheetById('rhone-sdsf/3.2.1') as Sheet;
const PUBLIC_URL = 'https://maillage.example.org';
const APP_ID = '6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b';
const PAGE = `${PUBLIC_URL}/sheets/rhone-sdsf/3.2.1`;

/** The JSON inside a stage deep link, read back as Teams reads it. */
function stageContext(link: string): unknown {
  const url = new URL(link);
  expect(url.origin).toBe('https://teams.microsoft.com');
  expect(url.pathname).toBe(`/l/stage/${APP_ID}/0`);
  return JSON.parse(url.searchParams.get('context') ?? 'null');
}

type Element = { type?: string; title?: string; url?: string; actions?: Element[]; card?: Element };

describe('the link to a whole sheet', () => {
  it('in Teams, with the app id, is the stage view of the page, named by the sheet’s code', () => {
    expect(PA_321).toBeDefined();
    const link = sheetOpenUrl(PA_321, { publicUrl: PUBLIC_URL, teamsAppId: APP_ID }, 'msteams') as string;
    expect(link.startsWith(`https://teams.microsoft.com/l/stage/${APP_ID}/0?context=`)).toBe(true);
    expect(stageContext(link)).toEqual({ contentUrl: PAGE, websiteUrl: PAGE, name: 'PA 3.2.1' });
    // The context is one query value: its braces, quotes and the page's own slashes are all encoded.
    expect(link).not.toMatch(/[{}"]/);
    expect(link.split('?')[1]).toMatch(/^context=%7B%22contentUrl%22%3A%22https%3A%2F%2Fmaillage\.example\.org%2Fsheets%2Frhone-sdsf%2F3\.2\.1%22/);
  });

  it('outside Teams, or in Teams without an app id (local mode), is the page itself', () => {
    for (const channelId of ['webchat', 'directline', 'emulator', 'terminal', undefined]) {
      expect(sheetOpenUrl(PA_321, { publicUrl: PUBLIC_URL, teamsAppId: APP_ID }, channelId)).toBe(PAGE);
    }
    expect(sheetOpenUrl(PA_321, { publicUrl: PUBLIC_URL }, 'msteams')).toBe(PAGE);
    expect(sheetLinks({ publicUrl: 'http://localhost:3978' }).openSheet(PA_321, 'webchat')).toBe('http://localhost:3978/sheets/rhone-sdsf/3.2.1');
  });

  it('in Teams, is no link when PUBLIC_URL is not https (left at its localhost default): Teams could not open it', () => {
    for (const teamsAppId of [APP_ID, undefined]) {
      expect(sheetOpenUrl(PA_321, { publicUrl: 'http://localhost:3978', ...(teamsAppId ? { teamsAppId } : {}) }, 'msteams')).toBeUndefined();
    }
  });

  it('keeps PUBLIC_URL’s path prefix, in the page and inside the stage link', () => {
    const prefixed = 'https://apps.example.org/territoires/maillage';
    expect(sheetPageUrl(PA_321, prefixed)).toBe(`${prefixed}/sheets/rhone-sdsf/3.2.1`);
    expect(sheetPageUrl(PA_321, `${prefixed}/`)).toBe(`${prefixed}/sheets/rhone-sdsf/3.2.1`);
    const link = sheetOpenUrl(PA_321, { publicUrl: prefixed, teamsAppId: APP_ID }, 'msteams') as string;
    expect(stageContext(link)).toMatchObject({ contentUrl: `${prefixed}/sheets/rhone-sdsf/3.2.1` });
  });

  it('is no link for a plan id or number that would leave /sheets, nor a stage link for an app id that is no GUID', () => {
    const sheet = (planId: string, number: string) => ({ plan: { ...PA_321.plan, id: planId }, number, code: `PA ${number}` });
    expect(sheetPageUrl(sheet('..', '3.2.1'), PUBLIC_URL)).toBeUndefined();
    expect(sheetPageUrl(sheet('rhone-sdsf', '..'), PUBLIC_URL)).toBeUndefined();
    expect(sheetPageUrl(sheet('rhone-sdsf', ''), PUBLIC_URL)).toBeUndefined();
    expect(sheetPageUrl(sheet('rhone-sdsf', '\uD800'), PUBLIC_URL)).toBeUndefined();
    // A slash or a question mark stays inside its segment.
    expect(sheetPageUrl(sheet('a/../../admin', '1?x=1#y'), PUBLIC_URL)).toBe(`${PUBLIC_URL}/sheets/a%2F..%2F..%2Fadmin/1%3Fx%3D1%23y`);
    expect(sheetPageUrl(PA_321, 'javascript:alert(1)')).toBeUndefined();
    expect(teamsStageLink(PAGE, 'not-an-app" onclick="x', 'PA 3.2.1')).toBeUndefined();
    expect(sheetOpenUrl(PA_321, { publicUrl: PUBLIC_URL, teamsAppId: 'bot' }, 'msteams')).toBe(PAGE);
  });

  it('is an http(s) URL under PUBLIC_URL that names the sheet, or no link — never a throw — whatever the plan id and number', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('..', '.', '', '%2e%2e', '/', '?', '#', '\\', '@evil.example', 'javascript:'));
    const base = fc.constantFrom(PUBLIC_URL, 'https://apps.example.org/territoires/maillage', 'http://127.0.0.1:3978');
    fc.assert(
      fc.property(text, text, base, fc.constantFrom('msteams', 'webchat'), (planId, number, publicUrl, channelId) => {
        const link = sheetOpenUrl({ plan: { ...PA_321.plan, id: planId }, number, code: `PA ${number}` }, { publicUrl, teamsAppId: APP_ID }, channelId);
        if (channelId === 'msteams' && publicUrl.startsWith('http:')) expect(link).toBeUndefined();
        if (link === undefined) return;
        const url = new URL(link);
        expect(['https:', 'http:']).toContain(url.protocol);
        const page = new URL(channelId === 'msteams' ? (JSON.parse(url.searchParams.get('context') ?? '') as { contentUrl: string }).contentUrl : link);
        if (channelId === 'msteams') expect(url.origin).toBe('https://teams.microsoft.com');
        const root = new URL(publicUrl);
        expect(page.origin).toBe(root.origin);
        expect(page.search).toBe('');
        expect(page.hash).toBe('');
        const prefix = `${root.pathname.replace(/\/$/, '')}/sheets/`;
        expect(page.pathname.startsWith(prefix)).toBe(true);
        // Exactly two segments, which decode back to the plan id and the number.
        expect(page.pathname.slice(prefix.length).split('/').map(decodeURIComponent)).toEqual([planId, number]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the cards that carry it', () => {
  it('an answer’s card opens the whole sheet with « Ouvrir la fiche complète », instead of unfolding it', () => {
    const present = { openSheet: (sheet: Sheet) => sheetOpenUrl(sheet, { publicUrl: PUBLIC_URL, teamsAppId: APP_ID }, 'msteams') };
    for (const question of ['qui pilote la PA 3.2.1', 'parle-moi de la PA 3.2.1']) {
      const turn = answerSheetQuestion(index, readSheetQuestion(index, question), {}, 'fr', present);
      const card = turn.cards[0] as Element;
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Ouvrir la fiche complète', url: expect.stringContaining(`/l/stage/${APP_ID}/0?context=`) }]);
      expect(stageContext(card.actions?.[0]?.url as string)).toEqual({ contentUrl: PAGE, websiteUrl: PAGE, name: 'PA 3.2.1' });
    }
    // Without a link maker, the summary still unfolds the sheet in the card, and a pilot answer has no button.
    expect((answerSheetQuestion(index, readSheetQuestion(index, 'parle-moi de la PA 3.2.1'), {}, 'fr').cards[0] as Element).actions?.[0]?.type).toBe('Action.ShowCard');
    expect((answerSheetQuestion(index, readSheetQuestion(index, 'qui pilote la PA 3.2.1'), {}, 'fr').cards[0] as Element).actions).toBeUndefined();
  });

  it('in English, says “Open the whole sheet”; a URL the checks refuse gives no button', () => {
    const card = sheetCard({ sheet: PA_321, language: 'en', blocks: [], withWholeSheet: true, openUrl: PAGE }) as Element;
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the whole sheet', url: PAGE }]);
    const refused = sheetCard({ sheet: PA_321, language: 'fr', blocks: [], withWholeSheet: false, openUrl: 'javascript:alert(1)' }) as Element;
    expect(refused.actions).toBeUndefined();
  });

  it('the compose box’s shared card says how many lines are left and opens them', () => {
    // The shipped sheet longer than a shared card's 30 lines.
    const long = index.sheetById('tours-cdv/1.2.5') as Sheet;
    const link = sheetOpenUrl(long, { publicUrl: PUBLIC_URL, teamsAppId: APP_ID }, 'msteams') as string;
    const card = sharedSheetCard(long, 'fr', link) as Element & { body: Array<{ text?: string }> };
    expect(card.body.some((element) => /… et 8 lignes de plus dans la fiche\.$/.test(element.text ?? ''))).toBe(true);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Ouvrir la fiche complète', url: link }]);
    expect(stageContext(link)).toEqual({ contentUrl: `${PUBLIC_URL}/sheets/tours-cdv/1.2.5`, websiteUrl: `${PUBLIC_URL}/sheets/tours-cdv/1.2.5`, name: long.code });
    expect((sharedSheetCard(long, 'fr') as Element).actions).toBeUndefined();
  });
});
