import type { OfferConversation, OfferReading, Position } from '../../src/offer';
import { isSearchUnderway } from '../../src/offer/conversation';
import { REMOTE_KINDS } from '../../src/offer/vocabulary';

/**
 * What carries over from one search to the next. A new question starts afresh: its kind, day and audience replace
 * the last ones, and what it does not say is not kept — only the place is, since a parent asking about something
 * else still lives in the same town. Filters carry over only when the message is worded as building on the search
 * ("et le samedi ?", "et à Bron ?", "et pour les ados ?", "lesquels…") or says nothing but where, when or for whom.
 * A question about the places just shown (« c'est quand ? ») changes nothing of the search: resultQuestions.ts.
 */

/** Whether the message refines the search under way rather than asking something new. */
export function isFollowUp(reading: OfferReading, previous: OfferConversation, position: Position | undefined): boolean {
  if (!isSearchUnderway(previous)) return false;
  if (reading.more || reading.farther) return true;
  const namesWhat = reading.kinds.length > 0 || reading.situationKinds.length > 0 || reading.general || reading.freeText !== '';
  // « et … » builds on the search, unless it names both a new what and a new where: « Et bonjour, un LAEP à Lyon ».
  if (reading.followUp) return !(namesWhat && reading.place !== null);
  const refines = reading.place !== null || position !== undefined || reading.time !== null || reading.audiences.length > 0 || reading.age !== null || reading.remote;
  return !namesWhat && refines;
}

/** The kinds a message asks for: those it names, else those the situation it describes points to. */
function kindsAsked(reading: OfferReading): OfferConversation['kinds'] {
  if (reading.kinds.length > 0) return reading.kinds;
  return reading.situationKinds.length > 0 ? reading.situationKinds : undefined;
}

/** Where the search is from: the place or position the message gives, else the one the search had. */
function whereFrom(reading: OfferReading, previous: OfferConversation, position: Position | undefined, placeCode: string | null): Partial<OfferConversation> {
  if (placeCode) return { placeCode, departement: departementNamed(reading) };
  if (position) return { position };
  if (previous.position) return { position: previous.position };
  // The same place: a département named before is still the place.
  if (previous.placeCode) return { placeCode: previous.placeCode, departement: previous.departement };
  return {};
}

/** The département the message named as its place (« dans le Rhône »), as the search keeps it. */
function departementNamed(reading: OfferReading): OfferConversation['departement'] {
  const named = reading.place?.marking === 'departement' ? reading.place.departement : undefined;
  return named ? { code: named.code, name: named.name, article: named.article } : undefined;
}

/** The kinds came from a situation described, none was named. */
function situational(reading: OfferReading): true | undefined {
  return reading.kinds.length === 0 && reading.situationKinds.length > 0 ? true : undefined;
}

/**
 * The search this message asks for, before paging and widening. `placeCode` is the commune the message named, once
 * chosen among homonyms (null when it named none).
 */
export function nextSearch(reading: OfferReading, previous: OfferConversation, position: Position | undefined, placeCode: string | null): OfferConversation {
  const where = whereFrom(reading, previous, position, placeCode);
  if (isFollowUp(reading, previous, position)) {
    const kinds = kindsAsked(reading);
    const next: OfferConversation = {
      kinds: previous.kinds,
      audiences: previous.audiences,
      age: previous.age,
      time: previous.time,
      remote: previous.remote,
      freeText: previous.freeText,
      general: previous.general,
      situational: previous.situational,
      situations: previous.situations,
      radiusKm: previous.radiusKm,
      innerRadiusKm: previous.innerRadiusKm,
      offset: previous.offset,
      ...where,
    };
    if (kinds) Object.assign(next, { kinds, situational: situational(reading), situations: reading.situations, freeText: undefined, general: undefined });
    else if (reading.situations.length > 0) next.situations = reading.situations;
    if (reading.audiences.length > 0 || reading.age !== null) {
      Object.assign(next, { audiences: reading.audiences, age: reading.age ?? undefined, general: undefined });
    }
    if (reading.time) next.time = reading.time;
    if (reading.remote) {
      next.remote = true;
      // « Et par téléphone ? » asks for what is held at a distance besides what was asked: the remote kinds join the
      // search, so the answer is no longer the same list again.
      if (!kinds) Object.assign(next, { kinds: withRemoteKinds(previous.kinds), general: undefined, freeText: undefined, offset: 0 });
    }
    const moved = placeCode !== null || position !== undefined;
    const changed = moved || kinds !== undefined || reading.time !== null || reading.audiences.length > 0 || reading.age !== null;
    // A refined search starts from its first page, at the usual distance when the place changed.
    if (changed) Object.assign(next, { offset: 0, innerRadiusKm: undefined, ...(moved ? { radiusKm: undefined } : {}) });
    return withoutEmpty(next);
  }
  const kinds = kindsAsked(reading);
  const namesSomething = kinds !== undefined || reading.audiences.length > 0 || reading.age !== null;
  return withoutEmpty({
    kinds,
    situational: situational(reading),
    situations: reading.situations,
    audiences: reading.audiences,
    age: reading.age ?? undefined,
    time: reading.time ?? undefined,
    remote: reading.remote || undefined,
    freeText: !namesSomething && reading.freeText ? reading.freeText : undefined,
    general: !namesSomething && !reading.freeText ? true : undefined,
    ...where,
  });
}

/** The kinds asked, with those a parent reaches at a distance (a point écoute's is a helpline). */
function withRemoteKinds(kinds: OfferConversation['kinds']): NonNullable<OfferConversation['kinds']> {
  const all = new Set(kinds ?? []);
  for (const kind of kinds ?? []) {
    const remote = REMOTE_KINDS[kind];
    if (remote) all.add(remote);
  }
  all.add('ecoute-distance');
  return [...all];
}

/** Drops empty and undefined fields: what is stored is only what the search says. */
function withoutEmpty(search: OfferConversation): OfferConversation {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as OfferConversation;
}
