import type { DateTime } from 'luxon';
import type { CommuneIndex } from '../geo';
import { closuresAhead, openDuring, parseHours, todayStatus, usualWeek, type Closure, type OpenWhenAsked, type TimeWindow, type TodayStatus, type UsualWeek } from './hours';
import type { Hit, Point } from './search';
import { isLocated, type OfferService } from './service';
import type { TimeIntent } from './timeQuery';
import { PARIS } from './parisTime';
import { timeZoneOfPlace } from './timeZones';
import type { AudienceId, KindId } from './vocabulary';
import { isNationalZone } from './zones';

/**
 * Search hits as the facts a parent is shown, as data: src/messages and src/cards say them (a card a service, the
 * header's counts). The header's counts and each card's status for the time asked come from the same `openDuring`
 * reading, so the text never contradicts the cards.
 */

/** What a search looks for, as its sentences name it ("2 groupes de parole, pour les parents solos, ouverts le samedi"). */
export type SearchLabels = {
  kinds: readonly KindId[] | null;
  audiences: readonly AudienceId[];
  age: number | null;
  time: TimeIntent | null;
  freeText: string | null;
};

/** One code of a service's zone: a département (with its name), a commune (its name), or a code we cannot name. */
export type ZonePlace = { code: string; name: string | null; departement: boolean };

/** Who a service at a distance is for: all of France, or the first few places of its zone. */
export type ServiceZone = { national: true } | { national: false; places: ZonePlace[] };

/** How many places of a zone a card names: a zone may list a hundred communes. */
const ZONE_PLACES_SHOWN = 6;

/** One service found, as the facts its card shows. */
export type PresentedHit = {
  id: string;
  name: string;
  structureName: string | null;
  /** The start of the description. */
  summary: string | null;
  /** Held at a distance (phone or online) rather than near the parent. */
  remote: boolean;
  street: string | null;
  postcode: string | null;
  town: string | null;
  /** From the parent's place or position; null when the search had none, or for a service at a distance. */
  distanceKm: number | null;
  /**
   * The service gives no coordinates of its own nor its structure's: it stands at its commune's centre, so a distance
   * to it is only rough (a card says « à Felletin » rather than « 50 m »). Absent: placed where it is.
   */
  atCommuneCentre?: boolean;
  /** For a service at a distance only: who it is for. */
  zone: ServiceZone | null;
  /** Set when the parent asked about a time: when the place is open then, or null when it is closed then. */
  asked: { open: OpenWhenAsked | null } | null;
  /** Null when the service gives no hours or they cannot be read. */
  today: TodayStatus | null;
  /** Its hours are on another clock than Paris's (overseas): the status says « (heure locale) ». Absent: Paris's. */
  localClock?: true;
  /** Null when the service gives no hours; `fromStructure` when they are its structure's. */
  hours: { week: UsualWeek; fromStructure: boolean } | null;
  /**
   * The stretches ahead when the place stays shut though the week says it opens (a dated closure, school holidays):
   * those that start within the coming weeks or cover today. Absent: none.
   */
  closures?: readonly Closure[];
  phone: string | null;
  email: string | null;
  website: string | null;
  /**
   * A place to go to: a route from the parent's point (`from`), or the place alone on a map. `address` is set when the
   * point is only the commune's centre: the route leads to the street address instead. Null at a distance, and for a
   * place at its commune's centre with no street address (a route there would lead nowhere in particular).
   */
  route: { from: Point | null; to: Point; address?: string } | null;
  audiences: readonly AudienceId[];
  ages: readonly [number, number] | null;
  free: boolean | null;
};

function zoneOf(service: OfferService, communes: CommuneIndex): ServiceZone | null {
  if (!service.zone) return null;
  if (isNationalZone(service.zone)) return { national: true };
  const places = service.zone.slice(0, ZONE_PLACES_SHOWN).map((code): ZonePlace => {
    const departement = communes.departementName(code);
    if (departement) return { code, name: departement, departement: true };
    const commune = code.length === 5 ? communes.byCode(code) : null;
    return { code, name: commune ? commune.name : null, departement: false };
  });
  return { national: false, places };
}

/** When a service is open within the time asked, by the same reading the search's header counts with. */
export function openWhenAsked(service: OfferService, windows: readonly TimeWindow[]): OpenWhenAsked | null {
  return service.hours ? openDuring(parseHours(service.hours, service.region, timeZoneOfPlace(service)), windows) : null;
}

/**
 * How far a place in a commune may lie from the commune's centre: closer than this, the distance to a place placed at
 * that centre says nothing (« 50 m » from the centre to itself), and the card says the town alone.
 */
export const COMMUNE_SCALE_KM = 5;

/**
 * The way to a place. A place at its commune's centre is reached by its street address, from the parent's point
 * unless that is the same commune's centre (a route from a point to itself); with no street, there is no way to give.
 */
function routeTo(hit: Hit, origin: Point | null): PresentedHit['route'] {
  const s = hit.service;
  if (hit.remote || !isLocated(s)) return null;
  const to = { latitude: s.latitude, longitude: s.longitude };
  if (s.located !== 'commune') return { from: origin, to };
  const town = [s.postcode, s.communeName].filter(Boolean).join(' ');
  if (!s.address || !town) return null;
  const sameCentre = hit.distanceKm !== null && hit.distanceKm < COMMUNE_SCALE_KM;
  return { from: sameCentre ? null : origin, to, address: `${s.address}, ${town}` };
}

function closuresOf(parsed: ReturnType<typeof parseHours> | null, now: DateTime): Pick<PresentedHit, 'closures'> {
  const closures = parsed ? closuresAhead(parsed, now) : [];
  return closures.length > 0 ? { closures } : {};
}

/** One service as the facts its card shows; `windows` is the time the parent asked about, if any. */
export function presentHit(
  hit: Hit, origin: Point | null, summary: string | null, communes: CommuneIndex, now: DateTime, windows: readonly TimeWindow[] | null,
): PresentedHit {
  const s = hit.service;
  const zone = timeZoneOfPlace(s);
  const parsed = s.hours ? parseHours(s.hours, s.region, zone) : null;
  const atCommuneCentre = !hit.remote && s.located === 'commune';
  return {
    id: s.id,
    name: s.name,
    structureName: s.structureName,
    summary,
    remote: hit.remote,
    street: s.address,
    postcode: s.postcode,
    town: s.communeName,
    distanceKm: atCommuneCentre && hit.distanceKm !== null && hit.distanceKm < COMMUNE_SCALE_KM ? null : hit.distanceKm,
    zone: hit.remote ? zoneOf(s, communes) : null,
    asked: windows ? { open: openWhenAsked(s, windows) } : null,
    today: parsed ? todayStatus(parsed, now) : null,
    hours: parsed ? { week: usualWeek(parsed, now), fromStructure: s.hoursFrom === 'structure' } : null,
    ...closuresOf(parsed, now),
    ...(parsed && !zone.equals(PARIS) ? { localClock: true as const } : {}),
    phone: s.phone,
    email: s.email,
    website: s.website,
    ...(atCommuneCentre ? { atCommuneCentre } : {}),
    route: routeTo(hit, origin),
    audiences: s.audiences,
    ages: s.ages,
    free: s.free,
  };
}
