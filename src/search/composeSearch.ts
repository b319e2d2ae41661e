import type { DateTime } from 'luxon';
import type { CommuneIndex, CommuneMatch } from '../geo';
import { words as foldedWords } from '../language/text';
import type { OfferIndex, OfferReading } from '../offer';
import { DEPARTEMENT_RADIUS_KM } from '../offer/engine';
import { presentHit, type PresentedHit } from '../offer/present';
import { DEFAULT_RADIUS_KM, isChildAudience, searchOffer, type Point } from '../offer/search';
import { readTurn } from '../reading';
import { sheetNumberOf } from '../reports/indicators';
import type { ReportRepository } from '../storage';
import { readSheetQuestion, type SheetIndex, type SheetQuestion } from '../sheets';
import type { Sheet } from '../sheets/model';

/**
 * What a Teams compose box finds: the sheets and the offer searched together, as data (the cards are made in
 * src/cards/composeCards.ts, the invoke is read in src/bot/messageExtension.ts).
 *
 * A sheet code typed exactly (« PA 3.2.1 ») comes first; then sheets and services alternate by rank, so the first page
 * shows both. An empty query lists the sheets the centres reported on most recently, then the other sheets.
 *
 * The query is read as the chat reads a message (src/reading): a commune it names (« Givors », « LAEP à Givors »,
 * « médiation familiale Lyon 8 », a postcode) is where the services are looked for, nearest first within the offer's
 * usual radius, of the kinds the other words name; the sheets are ranked by those other words, not by the town.
 */

/** A service comes presented as the chat shows it (hours, zone, links), without a distance: nobody's place is known. */
export type ComposeItem = { kind: 'sheet'; sheet: Sheet } | { kind: 'service'; service: PresentedHit };

/** How a chosen result is named back to us (composeExtension/selectItem): its kind and its id, nothing else. */
export type ComposeItemRef = { kind: 'sheet' | 'service'; id: string };

export interface ComposeSearchServices {
  sheets: SheetIndex;
  offer: OfferIndex;
  communes: CommuneIndex;
  reports: Pick<ReportRepository, 'list'>;
  now: () => DateTime;
}

export interface ComposePageRequest {
  /** Trimmed; empty for Teams' initial run. */
  query: string;
  skip: number;
  count: number;
}

/** Teams asks for 25 at most; a page never holds more. */
export const MAX_COMPOSE_COUNT = 25;
/** Beyond this offset nobody is paging: a request for it is malformed, not slow. */
export const MAX_COMPOSE_SKIP = 500;
/** A search box's query is a few words; longer ones are read from their start (as readSheetQuestion does). */
export const MAX_COMPOSE_QUERY_CHARS = 300;

/** A result before its page is cut: a service is still only its place in the offer. */
type Found = { sheet: Sheet } | { serviceIndex: number };

/**
 * The initial run reads every report to find each sheet's newest: under load (every partner opening the box) that
 * read is shared by the searches of the same moments, and kept this long. A new report moves its sheet up after it.
 */
export const REPORT_RANKING_TTL_MS = 15_000;

export class ComposeSearch {
  private readonly serviceIndexById = new Map<string, number>();
  private reportRanking: { readAt: number; newest: Promise<Map<string, string>> } | undefined;

  constructor(private readonly services: ComposeSearchServices) {
    services.offer.services.forEach((service, index) => this.serviceIndexById.set(service.id, index));
  }

  async page(request: ComposePageRequest): Promise<ComposeItem[]> {
    const wanted = Math.min(request.skip + request.count, MAX_COMPOSE_SKIP + MAX_COMPOSE_COUNT);
    const found = request.query ? this.find(request.query.slice(0, MAX_COMPOSE_QUERY_CHARS), wanted) : await this.mostUseful(wanted);
    // Services are presented (their hours read) only once on the page asked for.
    return found.slice(request.skip, request.skip + request.count).map((item) => ('sheet' in item ? { kind: 'sheet', sheet: item.sheet } : { kind: 'service', service: this.presentService(item.serviceIndex) }));
  }

  /** The item a chosen result names, if it still exists (knowledge reloaded since, or a forged id: undefined). */
  item(ref: ComposeItemRef): ComposeItem | undefined {
    if (ref.kind === 'sheet') {
      const sheet = this.services.sheets.sheetById(ref.id);
      return sheet ? { kind: 'sheet', sheet } : undefined;
    }
    const index = this.serviceIndexById.get(ref.id);
    return index === undefined ? undefined : { kind: 'service', service: this.presentService(index) };
  }

  private presentService(index: number): PresentedHit {
    const { offer, communes, now } = this.services;
    const service = offer.service(index);
    const hit = { index, service, distanceKm: null, remote: service.remote && !service.inPerson };
    return presentHit(hit, null, offer.summaryOf(index), communes, now(), null);
  }

  private find(query: string, wanted: number): Found[] {
    const { sheets, offer, communes } = this.services;
    const reading = readTurn({ text: query, truncated: false }, { sheets, communes }, this.services.now());
    const place = placeOf(reading.offer.place, offer);
    // The town's words rank no sheet (« Lyon » is in every Rhône sheet); a query that is only a town keeps them all.
    const rest = place ? restOf(query, place.match) : '';
    const question = rest ? readSheetQuestion(sheets, rest) : reading.sheets;
    const exact: Sheet[] = [];
    for (const code of reading.sheets.codes) exact.push(...sheets.findByNumber(code));
    const seen = new Set(exact.map((sheet) => sheet.id));
    const topic = topicOf(question);
    const ranked = topic.length > 0 ? sheets.search(sheets.resolveTerms(topic)).map((match) => match.sheet).filter((sheet) => !seen.has(sheet.id)) : [];
    // A query that is only a code is about that sheet: the offer has nothing to add.
    const onlyCode = exact.length > 0 && topicOf(reading.sheets).length === 0;
    const services = onlyCode ? [] : place ? this.servicesAround(place, reading.offer, wanted) : offer.searchText(query, wanted);

    const items: Found[] = exact.map((sheet) => ({ sheet }));
    for (let i = 0; items.length < wanted && (i < ranked.length || i < services.length); i++) {
      if (i < ranked.length) items.push({ sheet: ranked[i] });
      if (i < services.length) items.push({ serviceIndex: services[i] });
    }
    return items.slice(0, wanted);
  }

  /**
   * Services near the place named, nearest first, then those held at a distance that cover it: of the kinds the query
   * names (those its situation points to), else matching its other words, else any family service (a query that is
   * only a town). Words that match nothing near there fall back on the family services there, as the chat does.
   */
  private servicesAround(place: Place, reading: OfferReading, limit: number): number[] {
    const { offer, communes } = this.services;
    const kinds = reading.kinds.length > 0 ? reading.kinds : reading.situationKinds.length > 0 ? reading.situationKinds : null;
    const departement = place.match.marking === 'departement' ? (place.match.departement?.code ?? null) : null;
    const textIds = kinds === null && reading.freeText ? new Set(offer.searchText(reading.freeText, 200)) : null;
    const search = (ids: ReadonlySet<number> | null) =>
      searchOffer(offer, communes, {
        point: place.point,
        place: place.match.commune,
        kinds,
        audiences: reading.audiences.filter((audience) => !isChildAudience(audience)),
        rankAudiences: reading.audiences.filter(isChildAudience),
        age: reading.age,
        // A message shared in a channel is read for days: « ce soir » does not filter it.
        windows: null,
        remotePreferred: false,
        radiusKm: departement ? DEPARTEMENT_RADIUS_KM : DEFAULT_RADIUS_KM,
        textIds: ids,
        departement,
      }).hits;
    let hits = search(textIds);
    if (hits.length === 0 && textIds !== null) hits = search(null);
    // Nearest first: the places around the town, then the services at a distance that cover it.
    return [...hits.filter((hit) => !hit.remote), ...hits.filter((hit) => hit.remote)].slice(0, limit).map((hit) => hit.index);
  }

  /** The sheets with the newest reports (by the action's start date), then every other sheet in the plans' order. */
  private async mostUseful(wanted: number): Promise<Found[]> {
    const { sheets } = this.services;
    const newest = await this.newestReports();
    const reported = sheets.sheets
      .filter((sheet) => newest.has(sheetKey(sheet.plan.id, sheet.code)))
      .sort((a, b) => (newest.get(sheetKey(b.plan.id, b.code)) ?? '').localeCompare(newest.get(sheetKey(a.plan.id, a.code)) ?? ''));
    const others = sheets.sheets.filter((sheet) => !newest.has(sheetKey(sheet.plan.id, sheet.code)));
    return [...reported, ...others].slice(0, wanted).map((sheet) => ({ sheet }));
  }

  /** Each sheet's newest report start date, by sheetKey; read again once REPORT_RANKING_TTL_MS have passed. */
  private newestReports(): Promise<Map<string, string>> {
    const now = this.services.now().toMillis();
    const kept = this.reportRanking;
    if (kept && now >= kept.readAt && now - kept.readAt < REPORT_RANKING_TTL_MS) return kept.newest;
    const newest = this.readNewestReports();
    const ranking = { readAt: now, newest };
    this.reportRanking = ranking;
    // A failed read is not kept: the next search tries again.
    newest.catch(() => {
      if (this.reportRanking === ranking) this.reportRanking = undefined;
    });
    return newest;
  }

  private async readNewestReports(): Promise<Map<string, string>> {
    const newest = new Map<string, string>();
    for (const report of await this.services.reports.list({})) {
      const key = sheetKey(report.planId, report.sheetCode);
      const known = newest.get(key);
      if (known === undefined || report.startDate > known) newest.set(key, report.startDate);
    }
    return newest;
  }
}

/** Reports name their sheet as typed in the form (« pa 3.2.1 », « PA 3.2.1 »): matched by number, as their figures are. */
function sheetKey(planId: string, code: string): string {
  return `${planId}\u0000${sheetNumberOf(code)}`;
}

/** A commune the query named, and the point its services are searched around. */
type Place = { match: CommuneMatch; point: Point };

/**
 * The commune to search around. A name several communes share (the chat asks which) is taken as the finder's first,
 * the most populous: a search box cannot ask back, and its list shows each service's commune.
 */
function placeOf(match: CommuneMatch | null, offer: OfferIndex): Place | null {
  if (!match) return null;
  const point = offer.pointOf(match.commune);
  return point ? { match, point } : null;
}

/** The query without the words that named the place and the marker before it (« à », « près de »). */
function restOf(query: string, match: CommuneMatch): string {
  const placeWords = new Set([...match.tokenIndexes, ...match.markerIndexes]);
  return foldedWords(query)
    .filter((_, i) => !placeWords.has(i))
    .join(' ');
}

/** The words a sheet is ranked by: its topic's, else every word read. */
function topicOf(question: SheetQuestion): string[] {
  return question.topicWords.length > 0 ? question.topicWords : question.words;
}
