import fc from 'fast-check';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { composeInvoke, searchValue, startComposeBot, type ComposeBot } from '../../bench/composeSearch';
import { COMPOSE_ERRORS } from '../../src/bot/messageExtension';
import { PARIS, type OfferService } from '../../src/offer';
import { geoDistanceKm } from '../../src/offer/distance';
import { DEFAULT_RADIUS_KM } from '../../src/offer/search';
import type { Centre, ReportBody } from '../../src/reports/model';
import { MAX_COMPOSE_SKIP, REPORT_RANKING_TTL_MS } from '../../src/search/composeSearch';
import { jailToLoopback } from '../helpers/networkJail';
import { SHIPPED_KNOWLEDGE } from '../helpers/transcript';

/**
 * The Teams message extension over HTTP, in local mode: `composeExtension/query` and `composeExtension/selectItem`
 * invokes POSTed to /api/messages as Teams sends them, the answer read from the response body.
 */

const TapSchema = z.object({ kind: z.enum(['sheet', 'service']), id: z.string() });
const AttachmentSchema = z.object({
  contentType: z.literal('application/vnd.microsoft.card.adaptive'),
  content: z.object({ type: z.literal('AdaptiveCard'), version: z.literal('1.5'), body: z.array(z.record(z.string(), z.unknown())).min(1) }),
  preview: z.object({
    contentType: z.literal('application/vnd.microsoft.card.thumbnail'),
    content: z.object({ title: z.string().min(1), subtitle: z.string().optional(), tap: z.object({ type: z.literal('invoke'), value: TapSchema }) }),
  }),
});
const QueryResultSchema = z.object({
  composeExtension: z.object({ type: z.literal('result'), attachmentLayout: z.literal('list'), attachments: z.array(AttachmentSchema) }),
});
const SelectedSchema = z.object({
  composeExtension: z.object({
    type: z.literal('result'),
    attachments: z.array(z.object({ contentType: z.literal('application/vnd.microsoft.card.adaptive'), content: z.object({ version: z.literal('1.5') }) })).length(1),
  }),
});
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string().min(10) }) });

/** The bot's clock: the initial run's ranking by reports is kept REPORT_RANKING_TTL_MS, and a test moves time on. */
let clock = DateTime.fromISO('2026-05-20T10:00:00', { zone: PARIS });
let unjail: () => void;
let bot: ComposeBot;

beforeAll(async () => {
  unjail = jailToLoopback();
  bot = await startComposeBot(SHIPPED_KNOWLEDGE, { now: () => clock });
});
afterAll(async () => {
  await bot?.stop();
  unjail();
});

async function invoke(name: string, value: unknown, fields: Record<string, unknown> = {}) {
  const response = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(composeInvoke(name, value, fields)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function search(query: string | null, paging: { skip?: number; count?: number } = {}, fields: Record<string, unknown> = {}) {
  const { status, body } = await invoke('composeExtension/query', searchValue(query, paging), fields);
  expect({ status, body }).toMatchObject({ status: 200 });
  return QueryResultSchema.parse(body).composeExtension.attachments;
}

const titles = (attachments: ReadonlyArray<z.infer<typeof AttachmentSchema>>) => attachments.map((a) => a.preview.content.title);
const taps = (attachments: ReadonlyArray<z.infer<typeof AttachmentSchema>>) => attachments.map((a) => a.preview.content.tap.value);

describe('composeExtension/query', () => {
  test('a sheet code typed exactly (« PA 3.2.1 ») comes first, its preview naming the plan, its card the sheet', async () => {
    const [first] = await search('PA 3.2.1');
    expect(first.preview.content.title).toMatch(/^PA 3\.2\.1 — /);
    expect(first.preview.content.subtitle).toMatch(/^Fiche · .*Rhône/);
    expect(first.preview.content.tap.value).toEqual({ kind: 'sheet', id: 'rhone-sdsf/3.2.1' });
    expect(JSON.stringify(first.content)).toContain('PA 3.2.1');
  });

  test('a topic finds sheets and services together, a service previewed with its commune', async () => {
    const attachments = await search('café des parents');
    const kinds = new Set(taps(attachments).map((tap) => tap.kind));
    expect(kinds).toEqual(new Set(['sheet', 'service']));
    const cafe = attachments.find((a) => a.preview.content.title === 'Café des parents de la Guillotière');
    expect(cafe?.preview.content.subtitle).toMatch(/Lyon 7e/);
    // A shared card is read for days: no « open now » in it.
    expect(JSON.stringify(cafe?.content)).not.toMatch(/ouvert maintenant|fermé aujourd/i);
  });

  test('pages follow skip and count, without overlap, and count is capped at 25', async () => {
    const whole = await search('parents', { count: 8 });
    const first = await search('parents', { skip: 0, count: 4 });
    const second = await search('parents', { skip: 4, count: 4 });
    expect([...titles(first), ...titles(second)]).toEqual(titles(whole));
    expect(await search('parents', { count: 200 })).toHaveLength(25);
    expect(await search('parents', { skip: 490, count: 10 })).toEqual([]);
  });

  test('English clients get English previews', async () => {
    const [first] = await search('PA 2.3.2', {}, { locale: 'en-GB' });
    expect(first.preview.content.subtitle).toMatch(/^Sheet · /);
  });

  test('an empty query (initial run) lists the sheets with the newest reports first, then the others', async () => {
    const before = taps(await search(null)).map((tap) => tap.id);
    expect(before).toHaveLength(bot.sheets.size);
    await report('rhone-sdsf', 'PA 3.2.1', '2026-01-20', 'r1');
    await report('rhone-avs', 'PA 2.3.3', '2026-04-02', 'r2');
    // An older report on 2.3.3 does not make it older: its newest counts.
    await report('rhone-avs', 'PA 2.3.3', '2025-11-05', 'r3');
    await report('tours-cdv', 'FICHE 1.2.5', '2025-12-01', 'r4');
    // Within the ranking's lifetime the box shows what it showed; after it, the new reports.
    expect(taps(await search(null)).map((tap) => tap.id)).toEqual(before);
    clock = clock.plus({ milliseconds: REPORT_RANKING_TTL_MS });
    const after = taps(await search(null)).map((tap) => tap.id);
    expect(after.slice(0, 3)).toEqual(['rhone-avs/2.3.3', 'rhone-sdsf/3.2.1', 'tours-cdv/1.2.5']);
    expect(new Set(after)).toEqual(new Set(before));
    expect(taps(await search(null, { skip: 1, count: 1 })).map((tap) => tap.id)).toEqual(['rhone-sdsf/3.2.1']);
  });
});

/** The offer's services a result list names, in its order (a forged or stale id would fail the lookup). */
function servicesOf(attachments: ReadonlyArray<z.infer<typeof AttachmentSchema>>): OfferService[] {
  return taps(attachments)
    .filter((tap) => tap.kind === 'service')
    .map((tap) => {
      const service = bot.offer.services.find((candidate) => candidate.id === tap.id);
      if (!service) throw new Error(`no service ${tap.id}`);
      return service;
    });
}

/** Kilometres from a commune's point (as the offer searches from it) to each place listed; services at a distance last. */
function distancesFrom(communeCode: string, services: readonly OfferService[]): number[] {
  const commune = bot.communes.byCode(communeCode);
  const point = commune ? bot.offer.pointOf(commune) : null;
  if (!point) throw new Error(`no point for ${communeCode}`);
  const places = services.filter((service) => !(service.remote && !service.inPerson));
  return places.map((service) => geoDistanceKm(point, service));
}

const GIVORS = '69091';
const LYON_8 = '69388';

describe('composeExtension/query reads a place as the chat does', () => {
  const ascending = (values: readonly number[]) => values.every((value, i) => i === 0 || values[i - 1] <= value);

  test('a commune alone (« Givors ») lists the services in Givors first, then the nearest, within the usual radius', async () => {
    const inGivors = bot.offer.services.filter((service) => service.communeCode === GIVORS && service.inPerson);
    expect(inGivors.length).toBeGreaterThanOrEqual(2);
    for (const query of ['Givors', 'givors', '69700']) {
      const attachments = await search(query);
      const found = servicesOf(attachments);
      expect(found.length).toBeGreaterThan(inGivors.length);
      expect(new Set(found.slice(0, inGivors.length).map((service) => service.id))).toEqual(new Set(inGivors.map((service) => service.id)));
      expect(attachments[0].preview.content.subtitle).toMatch(/Givors/);
      const km = distancesFrom(GIVORS, found);
      expect(ascending(km)).toBe(true);
      expect(Math.max(...km)).toBeLessThanOrEqual(DEFAULT_RADIUS_KM);
    }
  });

  test('« LAEP à Givors »: the Givors LAEP is the first service, then the other LAEPs nearest first', async () => {
    const attachments = await search('LAEP à Givors');
    const found = servicesOf(attachments);
    expect(found[0]).toMatchObject({ communeCode: GIVORS, kinds: expect.arrayContaining(['laep']) });
    for (const service of found) expect(service.kinds).toContain('laep');
    expect(ascending(distancesFrom(GIVORS, found))).toBe(true);
    // Nothing from Touraine: « à Givors » is where, not a word to find anywhere.
    expect(found.some((service) => service.communeCode?.startsWith('37'))).toBe(false);
    // The sheets are ranked by « LAEP », not by the town: one still comes on the first page.
    expect(taps(attachments).some((tap) => tap.kind === 'sheet')).toBe(true);
  });

  test.each(['médiation familiale Lyon 8', 'médiation familiale Lyon 8e', 'mediation familiale pres de Lyon 8e'])('« %s »: mediation nearest first, nothing from Touraine', async (query) => {
    const found = servicesOf(await search(query));
    expect(found.length).toBeGreaterThan(0);
    for (const service of found) expect(service.kinds).toContain('mediation');
    expect(found.some((service) => service.communeCode?.startsWith('37'))).toBe(false);
    const km = distancesFrom(LYON_8, found);
    expect(ascending(km)).toBe(true);
    // The nearest mediation of the whole offer to Lyon 8e comes first.
    const nearest = bot.offer.services
      .filter((service) => service.kinds.includes('mediation') && service.inPerson)
      .sort((a, b) => distancesFrom(LYON_8, [a])[0] - distancesFrom(LYON_8, [b])[0])[0];
    expect(found[0].id).toBe(nearest.id);
  });

  test('« Caf » is the organisation: the sheets naming it, not the cafés des parents', async () => {
    const attachments = await search('Caf');
    expect(attachments.length).toBeGreaterThan(0);
    expect(titles(attachments).filter((title) => /caf[ée]/i.test(title))).toEqual([]);
    expect(taps(attachments)[0].kind).toBe('sheet');
    // The whole word still finds them; a three-letter word finds its plural (« jeu », « jeux »).
    expect(titles(await search('café')).some((title) => title.startsWith('Café des parents'))).toBe(true);
    expect(titles(await search('jeu'))).toContain('Atelier parents-enfants : jeux en famille');
  });

  test('a query of 1,500 characters is refused as too long, not as missing', async () => {
    const { status, body } = await invoke('composeExtension/query', searchValue('LAEP à Givors '.repeat(108).slice(0, 1500)));
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error).toEqual({ code: 'query_too_long', message: COMPOSE_ERRORS.query_too_long });
  });

  test('whatever the query string and page, the answer is at most `count` results, or a documented 4xx; never a 5xx', async () => {
    const towns = fc.constantFrom('Givors', 'Lyon 8', 'Lyon 8e', 'Tours', '69700', 'Villeurbanne', 'Saint-Denis', 'Paris 20e', 'Caf', 'PA 3.2.1', 'LAEP');
    const markers = fc.constantFrom('', 'à ', 'près de ', 'vers ', 'dans le ', 'et à ');
    const query = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.tuple(fc.string({ maxLength: 20 }), markers, towns).map(([words, marker, town]) => `${words} ${marker}${town}`),
      fc.tuple(towns, fc.integer({ min: 900, max: 1_100 })).map(([town, length]) => `${town} `.repeat(length).slice(0, length)),
    );
    const paging = fc.record({ skip: fc.integer({ min: 0, max: 520 }), count: fc.integer({ min: 1, max: 40 }) });
    const documented = new Set(Object.keys(COMPOSE_ERRORS));
    await fc.assert(
      fc.asyncProperty(query, paging, async (text, asked) => {
        const { status, body } = await invoke('composeExtension/query', searchValue(text, asked));
        if (status === 200) {
          expect(QueryResultSchema.parse(body).composeExtension.attachments.length).toBeLessThanOrEqual(Math.min(asked.count, 25));
          return;
        }
        expect(status).toBe(400);
        const { code } = ErrorBodySchema.parse(body).error;
        expect(documented.has(code)).toBe(true);
        // Only a page nobody reaches (read first), or a query too long for the box, is refused, and it says which.
        expect(code).toBe(asked.skip > MAX_COMPOSE_SKIP ? 'invalid_paging' : 'query_too_long');
        if (code === 'query_too_long') expect(text.length).toBeGreaterThan(1_000);
      }),
      { numRuns: 120 },
    );
  });
});

describe('composeExtension/selectItem', () => {
  test('a tapped preview gets its full card back', async () => {
    const listed = await invoke('composeExtension/query', searchValue('café des parents', { count: 4 }));
    const attachments = z.object({ composeExtension: z.object({ attachments: z.array(z.looseObject({ contentType: z.string(), content: z.unknown(), preview: AttachmentSchema.shape.preview })) }) }).parse(listed.body).composeExtension.attachments;
    expect(attachments).toHaveLength(4);
    for (const attachment of attachments) {
      const { status, body } = await invoke('composeExtension/selectItem', attachment.preview.content.tap.value);
      expect(status).toBe(200);
      SelectedSchema.parse(body);
      expect(body).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [{ contentType: attachment.contentType, content: attachment.content }] } });
    }
  });

  test.each([
    ['a sheet that does not exist', { kind: 'sheet', id: 'rhone-sdsf/9.9.9' }, 404, 'item_not_found'],
    ['a service that does not exist', { kind: 'service', id: 'nope' }, 404, 'item_not_found'],
    ['an unknown kind', { kind: 'plan', id: 'rhone-sdsf' }, 400, 'invalid_select_item'],
    ['no value', null, 400, 'invalid_select_item'],
    // The server's activity check already refuses a value that is not an object.
    ['a string', 'rhone-sdsf/3.2.1', 400, 'invalid_activity'],
  ])('%s', async (_name, value, status, code) => {
    const response = await invoke('composeExtension/selectItem', value);
    expect(response.status).toBe(status);
    expect(ErrorBodySchema.parse(response.body).error.code).toBe(code);
  });
});

describe('malformed composeExtension/query invokes get a 400 that says why', () => {
  const query = [{ name: 'query', value: 'parents' }];
  test.each<[string, unknown, string]>([
    ['no value', undefined, 'invalid_compose_query'],
    ['a value that is a string', 'parents', 'invalid_activity'],
    ['no parameters', { commandId: 'searchSheets' }, 'invalid_compose_query'],
    ['parameters not a list', { commandId: 'searchSheets', parameters: { query: 'parents' } }, 'invalid_compose_query'],
    ['an unknown command', { commandId: 'deleteEverything', parameters: query }, 'unknown_command'],
    ['no query parameter', { commandId: 'searchSheets', parameters: [{ name: 'other', value: 'x' }] }, 'missing_query'],
    ['a query that is a number', { commandId: 'searchSheets', parameters: [{ name: 'query', value: 42 }] }, 'missing_query'],
    ['a query of 10 000 characters', { commandId: 'searchSheets', parameters: [{ name: 'query', value: 'a'.repeat(10_000) }] }, 'query_too_long'],
    ['a negative skip', { commandId: 'searchSheets', parameters: query, queryOptions: { skip: -1, count: 10 } }, 'invalid_paging'],
    ['a huge skip', { commandId: 'searchSheets', parameters: query, queryOptions: { skip: 1e12, count: 10 } }, 'invalid_paging'],
    ['a huge count', { commandId: 'searchSheets', parameters: query, queryOptions: { skip: 0, count: 1e9 } }, 'invalid_paging'],
    ['a count of zero', { commandId: 'searchSheets', parameters: query, queryOptions: { count: 0 } }, 'invalid_paging'],
    ['a count that is a string', { commandId: 'searchSheets', parameters: query, queryOptions: { count: '25' } }, 'invalid_paging'],
    ['a fractional skip', { commandId: 'searchSheets', parameters: query, queryOptions: { skip: 1.5 } }, 'invalid_paging'],
  ])('%s', async (_name, value, code) => {
    const { status, body } = await invoke('composeExtension/query', value);
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error.code).toBe(code);
  });

  test('hostile queries (HTML, SQL, emoji, control characters) are searched, not failed', async () => {
    for (const text of ['<script>alert(1)</script>', "'; DROP TABLE reports; --", '👶👶👶', '\u0000\u200b', '   ', 'PA 999.999.999']) {
      const { status, body } = await invoke('composeExtension/query', searchValue(text));
      expect(status).toBe(200);
      QueryResultSchema.parse(body);
    }
  });

  test('whatever the value, the answer is a result or a 4xx with a code, never a 5xx', async () => {
    const parameter = fc.record({ name: fc.oneof(fc.constantFrom('query', 'initialRun'), fc.string()), value: fc.oneof(fc.string(), fc.anything()) });
    const value = fc.oneof(
      fc.anything(),
      fc.record(
        {
          commandId: fc.oneof(fc.constant('searchSheets'), fc.anything()),
          parameters: fc.oneof(fc.array(parameter, { maxLength: 4 }), fc.anything()),
          queryOptions: fc.oneof(fc.record({ skip: fc.oneof(fc.integer(), fc.double(), fc.anything()), count: fc.oneof(fc.integer(), fc.double(), fc.anything()) }, { requiredKeys: [] }), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(value, async (sent) => {
        const { status, body } = await invoke('composeExtension/query', sent);
        if (status === 200) QueryResultSchema.parse(body);
        else {
          expect(status).toBe(400);
          ErrorBodySchema.parse(body);
        }
      }),
      { numRuns: 150 },
    );
  });
});

const CENTRE: Centre = { structureId: 'cs-les-tisserands', structureName: 'Centre social Les Tisserands', communeCode: '69388', communeName: 'Lyon 8e Arrondissement' };

async function report(planId: string, sheetCode: string, startDate: string, key: string): Promise<void> {
  const body: ReportBody = {
    planId,
    sheetCode,
    action: null,
    title: 'Café des parents',
    kind: 'cafe-des-parents',
    startDate,
    endDate: startDate,
    sessions: 1,
    parents: 10,
    children: 0,
    families: 8,
    qpvParents: 2,
    singleParentFamilies: 1,
    partners: [],
    indicators: {},
    comment: null,
  };
  await bot.store.reports.submit({ submissionKey: `compose-${key}`, centre: CENTRE, body, submittedBy: 'aad:00000000-0000-0000-0000-0000000000c1', channelId: 'msteams', submittedAt: new Date() });
}
