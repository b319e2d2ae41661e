import path from 'node:path';
import fc from 'fast-check';
import { createHttpServer, type HttpServer } from '../../src/server/server';
import { readSheetPageTarget, registerSheetPage } from '../../src/server/sheetPage';
import { sheetPagePath } from '../../src/sheets/display';
import { registerTab } from '../../src/server/tabRoutes';
import { loadSheetKnowledge, SheetIndex } from '../../src/sheets';
import { SheetSchema, type Sheet } from '../../src/sheets/model';
import { silentLog } from '../helpers/logCapture';
import { sendRaw } from './rawHttp';

const fixtureSheets = loadSheetKnowledge(path.resolve(__dirname, '../../../shared/fixtures/knowledge-dev/sheets')).sheets;

/** A sheet whose every text tries to break out of the page. */
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & \' " </h2>';
const hostileSheet: Sheet = SheetSchema.parse({
  id: 'hostile-plan/9.9',
  plan: { id: 'hostile-plan', title: `Plan ${HOSTILE}`, territory: `Territoire ${HOSTILE}`, period: '2024-2028' },
  file: 'hostile/fiche.txt',
  prefix: 'FICHE',
  number: '9.9',
  code: 'FICHE 9.9',
  title: `Titre ${HOSTILE}`,
  axis: [{ kind: 'Axe', number: '9', title: `Axe ${HOSTILE}` }],
  sections: [
    { heading: `PILOTAGE ${HOSTILE}`, field: 'pilot', items: [{ text: `Pilote ${HOSTILE}`, level: 0 }] },
    {
      heading: 'ACTIONS',
      field: 'actions',
      items: [
        { text: 'Première action', number: '1', level: 0 },
        { text: `Sous-point ${HOSTILE}`, level: 1 },
        { text: 'Deuxième action', number: '2', level: 0 },
      ],
    },
    { heading: '', field: 'context', items: [{ text: 'Texte avant le premier titre', level: 0 }, { text: 'Et un second paragraphe', level: 0 }] },
  ],
  actions: [],
  deadlines: [],
});
const sheets = SheetIndex.build([...fixtureSheets, hostileSheet]);

/** The only elements the page is made of: any other tag in it came from a sheet's text. */
// The one script is the page's own stage-view script, checked by src in the first test.
const PAGE_ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'script', 'body', 'header', 'main', 'section', 'h1', 'h2', 'p', 'ul', 'ol', 'li']);
function elementsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1].toLowerCase()));
}

describe('GET /sheets/:plan/:code', () => {
  let http: HttpServer;
  let baseUrl: string;
  let port: number;
  let loaded: SheetIndex | undefined = sheets;

  beforeAll(async () => {
    http = createHttpServer({ log: silentLog, isReady: () => true, handleActivity: async () => undefined });
    registerSheetPage(http.server, { sheets: () => loaded, log: silentLog });
    registerTab(http.server, { log: silentLog });
    port = await http.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await http.close();
  });

  it('renders a whole sheet: lang, the sheet named, its plan, a heading per section, its lists', async () => {
    const sheet = sheets.sheetById('rhone-sdsf/3.2.1');
    expect(sheet).toBeDefined();
    const response = await fetch(`${baseUrl}${sheetPagePath(sheet as Sheet)}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).toContain('<h1>PA 3.2.1 — Poursuivre le développement et la structuration des conseils locaux de la parentalité (CLP)</h1>');
    expect(html).toContain('Plan : Schéma départemental des services aux familles du Rhône');
    expect(html).toContain('Rhône (69) et Métropole de Lyon');
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual(expect.arrayContaining(['Diagnostic', 'Pilotage / coordination']));
    expect(headings.length).toBe((sheet as Sheet).sections.filter((section) => section.items.length > 0 || section.heading !== '').length);
    expect(html).toContain('<li>En février 2020, on comptabilisait 15 territoires');
    // One script only, ours, which loads teams-js only when Teams frames the page (stage view).
    expect([...html.matchAll(/<script[^>]*>/g)].map((match) => match[0])).toEqual(['<script src="../../tab/stage.js" defer>']);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const stage = await fetch(`${baseUrl}/tab/stage.js`);
    expect(stage.status).toBe(200);
    expect(await stage.text()).toMatch(/if \(!inTeams\) return;[\s\S]*notifySuccess/);
  });

  it('answers in English around the French sheet when the browser prefers English', async () => {
    const response = await fetch(`${baseUrl}/sheets/rhone-sdsf/3.2.1`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.5' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<main lang="fr">');
    expect(html).toContain('Plan: Schéma départemental');
  });

  it.each([
    ['the code with its prefix', '/sheets/rhone-sdsf/PA%203.2.1'],
    ['the code with a dash', '/sheets/rhone-sdsf/PA-3.2.1'],
    ['a trailing slash', '/sheets/rhone-sdsf/3.2.1/'],
    ['the plan in capitals', '/sheets/RHONE-SDSF/3.2.1'],
  ])('finds the sheet from %s', async (_label, target) => {
    const response = await fetch(`${baseUrl}${target}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>PA 3.2.1 — ');
  });

  it('escapes every text of a hostile sheet: no element the page did not make', async () => {
    const response = await fetch(`${baseUrl}${sheetPagePath(hostileSheet)}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect([...elementsOf(html)].filter((element) => !PAGE_ELEMENTS.has(element))).toEqual([]);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39; &quot; &lt;/h2&gt;');
    expect(html).toContain('<title>FICHE 9.9 — ');
    // Items numbered 1, 2 are an ordered list with those numbers, the sub-point nested under the first.
    expect(html).toContain('<ol>\n<li value="1">Première action\n<ul>\n<li>Sous-point &lt;script&gt;');
    expect(html).toContain('<li value="2">Deuxième action');
    // Text before the first heading gets the field's name as its heading.
    expect(html).toContain('<h2>Diagnostic</h2>\n<ul>\n<li>Texte avant le premier titre');
  });

  it.each([
    ['an unknown plan', '/sheets/plan-inconnu/3.2.1'],
    ['an unknown sheet of a known plan', '/sheets/rhone-sdsf/9.9.9'],
    ['a sheet of another plan', '/sheets/tours-contrat-de-ville/3.2.1'],
    ['a path with more segments', '/sheets/rhone-sdsf/3.2.1/extra'],
    ['a plan without a sheet', '/sheets/rhone-sdsf'],
  ])('answers %s with a 404 page', async (_label, target) => {
    const response = await fetch(`${baseUrl}${target}`);
    const html = await response.text();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<h1>Fiche introuvable</h1>');
  });

  it.each([
    ['a plan id with spaces', '/sheets/rh%C3%B4ne%20sdsf/3.2.1'],
    ['a code that is no sheet number', '/sheets/rhone-sdsf/drop%20table'],
    ['a very long code', `/sheets/rhone-sdsf/${'1.'.repeat(200)}1`],
    ['HTML in the code', '/sheets/rhone-sdsf/%3Cscript%3E'],
  ])('answers %s with a 400 page', async (_label, target) => {
    const response = await fetch(`${baseUrl}${target}`);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<h1>Adresse de fiche incorrecte</h1>');
    expect(html).not.toContain('<script>');
  });

  it('leaves a broken %-escape to the request guard, a 400 too', async () => {
    const response = await fetch(`${baseUrl}/sheets/rhone-sdsf/%E0%A4%A`);
    expect(response.status).toBe(400);
  });

  it('says the sheets are loading (503) before they are', async () => {
    loaded = undefined;
    try {
      const response = await fetch(`${baseUrl}/sheets/rhone-sdsf/3.2.1`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
    } finally {
      loaded = sheets;
    }
  });

  it('never answers a 5xx, whatever the path under /sheets/', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('rhone-sdsf', '3.2.1', 'PA 3.2.1', '%', '%ZZ', '%E0%A4', '..', '.', '', '%00', '%2F', '\u00e9', '<b>'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 0, maxLength: 4 }), fc.boolean(), async (segments, encode) => {
        const raw = segments.map((part) => (encode ? encodeURIComponent(part) : part)).join('/');
        // Bytes an HTTP client could put on the request line: anything else is the request guard's, not this route's.
        const target = `/sheets/${raw}`.replace(/[^\x21-\x7e]/g, (character) => encodeURIComponent(character));
        const answer = await sendRaw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        expect(answer.status).toBeDefined();
        expect(answer.status as number).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('readSheetPageTarget', () => {
  it('reads the plan and the candidate numbers, ignoring the query', () => {
    // "PA-3.2.1" could be a lettered number ("B-2"): both are looked for, as typed first.
    expect(readSheetPageTarget('/sheets/rhone-sdsf/pa-3.2.1?x=1')).toEqual({ ok: true, planId: 'rhone-sdsf', numbers: ['PA-3.2.1', '3.2.1'] });
    expect(readSheetPageTarget('/sheets/grand-dax-ctg/b2')).toEqual({ ok: true, planId: 'grand-dax-ctg', numbers: ['B2'] });
  });

  it('refuses a broken %-escape or a malformed plan as malformed (400)', () => {
    expect(readSheetPageTarget('/sheets/rhone-sdsf/%E0%A4%A')).toEqual({ ok: false, status: 400, reason: 'malformed' });
    expect(readSheetPageTarget('/sheets/%3Cb%3E/3.2.1')).toEqual({ ok: false, status: 400, reason: 'malformed' });
    expect(readSheetPageTarget('/sheets/rhone-sdsf')).toEqual({ ok: false, status: 404, reason: 'not_a_sheet_address' });
  });

  it('refuses, without throwing, any target', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        const reading = readSheetPageTarget(`/sheets/${tail}`);
        if (!reading.ok) expect([400, 404]).toContain(reading.status);
      }),
    );
  });
});
