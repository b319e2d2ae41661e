import type { DateTime } from 'luxon';
import type { Language } from '../language/text';
import type { CommuneIndex } from '../geo';
import { osmPlaceUrl, osmRouteUrl, serviceCard, type ServiceCardView } from '../cards/serviceCards';
import { countOf, formatDistance, noneOf, offerPhrases, offerText, openAgreeing, type CountedNoun } from '../messages/offer';
import { describeHours, openDuring, parseHours, statusToday, type TimeWindow } from './hours';
import type { Hit, Point } from './search';
import { isLocated, type OfferService } from './service';
import { describeTimeIntent, type TimeIntent } from './timeQuery';
import { audienceDefinition, kindDefinition, type AudienceId, type KindId } from './vocabulary';
import { isNationalZone } from './zones';

/**
 * Turning search hits into the words and cards a parent reads. A reply's text is its header only; each service is a
 * card, built from plain text (the card escapes its own). The header's counts and each card's status for the time
 * asked come from the same `openDuring` reading, so the text never contradicts the cards.
 */

export type SearchLabels = {
  kinds: readonly KindId[] | null;
  audiences: readonly AudienceId[];
  age: number | null;
  time: TimeIntent | null;
  freeText: string | null;
};

/** What a search counts, with its French genders: one kind, several ("groupes de parole ou cafés des parents"), or any. */
export function nounOf(labels: SearchLabels, language: Language): CountedNoun {
  if (labels.freeText) return offerPhrases.textResults(labels.freeText, language);
  if (!labels.kinds || labels.kinds.length === 0) return offerPhrases.anySupport(language);
  // A situation may point to three kinds or more: naming them all would make the sentence unreadable.
  if (labels.kinds.length > 2) return offerPhrases.suitableSupport(language);
  const definitions = labels.kinds.map(kindDefinition);
  return {
    singular: offerPhrases.orList(definitions.map((d) => d.label[language]), language),
    plural: offerPhrases.orList(definitions.map((d) => d.plural[language]), language),
    // French agrees in the masculine as soon as one of the nouns is.
    feminine: definitions.every((d) => d.feminine),
    pluralFeminine: definitions.every((d) => d.pluralFeminine),
    parts: definitions.map((d) => ({ singular: d.label[language], feminine: d.feminine })),
  };
}

/** "pour les parents solos", "pour un enfant de 4 ans", then "ouverts le samedi" agreeing with `count`. */
function qualifiers(labels: SearchLabels, count: number, now: DateTime, language: Language): string[] {
  const out: string[] = [];
  if (labels.audiences.length > 0) {
    out.push(offerPhrases.forAudience(labels.audiences.map((a) => audienceDefinition(a).label[language]).join(language === 'en' ? ' and ' : ' et '), language));
  } else if (labels.age !== null) {
    out.push(offerPhrases.forAge(labels.age, language));
  }
  if (labels.time) out.push(offerPhrases.openFilter(openAgreeing(count, nounOf(labels, language), language), describeTimeIntent(labels.time, now, language), language));
  return out;
}

/** "2 groupes de parole, pour les parents solos, ouverts le samedi," — the comma closes the qualifiers before the place. */
export function whatFound(count: number, labels: SearchLabels, now: DateTime, language: Language): string {
  const more = qualifiers(labels, count, now, language);
  const head = countOf(count, nounOf(labels, language));
  return more.length > 0 ? `${head}, ${more.join(', ')},` : head;
}

/** "aucune médiation familiale ouverte le samedi", "aucun groupe de parole pour les parents solos". */
export function whatNone(labels: SearchLabels, now: DateTime, language: Language): string {
  const noun = nounOf(labels, language);
  const none = labels.freeText ? offerPhrases.noneOfText(labels.freeText, language) : noneOf(noun, language);
  return [none, ...qualifiers(labels, 1, now, language)].join(' ');
}

/** The subject of "… n'est ouvert ce soir": none of the kinds, with its audience, its agreement and gender. */
export function whatNoneOpen(labels: SearchLabels, now: DateTime, language: Language): { none: string; open: string; feminine: boolean } {
  const noun = nounOf(labels, language);
  const none = labels.freeText ? offerPhrases.noneOfText(labels.freeText, language) : noneOf(noun, language);
  const feminine = !labels.freeText && noun.feminine;
  return {
    none: [none, ...qualifiers({ ...labels, time: null }, 1, now, language)].join(' '),
    open: openAgreeing(1, labels.freeText ? { ...noun, feminine: false } : noun, language),
    feminine,
  };
}

export function zoneText(service: OfferService, communes: CommuneIndex, language: Language): string | null {
  if (!service.zone) return null;
  if (isNationalZone(service.zone)) return offerPhrases.nationwide(language);
  const names = service.zone.slice(0, 6).map((code) => {
    const departement = communes.departementName(code);
    if (departement) return `${departement} (${code})`;
    const commune = code.length === 5 ? communes.byCode(code) : null;
    return commune ? commune.name : code;
  });
  return names.join(', ');
}

/** How a card says the time asked: its title ("Ce soir", "Le samedi") and when the place is open then, or "fermé". */
export type AskedTime = { title: string; open: string | null };

function hoursTexts(service: OfferService, now: DateTime, language: Language): { hours: string | null; status: string | null } {
  if (!service.hours) return { hours: null, status: null };
  const parsed = parseHours(service.hours, service.region);
  const hours = describeHours(parsed, now, language);
  const withSource = service.hoursFrom === 'structure' ? `${offerText('structureHours', language)} : ${hours}` : hours;
  return { hours: withSource, status: statusToday(parsed, now, language)?.text ?? null };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function publicText(service: OfferService, language: Language): string | null {
  const parts = service.audiences.map((a) => audienceDefinition(a).label[language]);
  if (service.ages) {
    const [from, to] = service.ages;
    parts.push(offerPhrases.childrenAged(from, to, language));
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** When a service is open within the time asked, by the same reading the search's header counts with. */
export function openWhenAsked(service: OfferService, windows: readonly TimeWindow[], language: Language): string | null {
  return service.hours ? openDuring(parseHours(service.hours, service.region), windows, language) : null;
}

/** One service as a card; `asked` adds what it does at the time the parent asked about. */
export function presentHit(hit: Hit, origin: Point | null, summary: string | null, communes: CommuneIndex, now: DateTime, language: Language, asked: AskedTime | null = null): object {
  const s = hit.service;
  const { hours, status } = hoursTexts(s, now, language);
  const address = hit.remote
    ? offerText('remoteLabel', language)
    : [s.address, [s.postcode, s.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  const view: ServiceCardView = {
    name: s.name,
    structureName: s.structureName,
    summary,
    facts: [
      { title: offerText('address', language), value: address },
      { title: offerText('distance', language), value: hit.distanceKm !== null ? formatDistance(hit.distanceKm, language) : null },
      { title: offerText('forWhom', language), value: hit.remote ? zoneText(s, communes, language) : null },
      ...(asked ? [{ title: capitalise(asked.title), value: asked.open ?? offerText('closedThen', language) }] : []),
      { title: offerText('today', language), value: status ? capitalise(status) : null },
      { title: offerText('hours', language), value: hours ? capitalise(hours) : offerText('hoursUnknown', language) },
      { title: offerText('phone', language), value: s.phone },
      { title: offerText('email', language), value: s.email },
      { title: offerText('site', language), value: s.website },
      { title: offerText('audience', language), value: publicText(s, language) },
      { title: offerText('access', language), value: s.free === null ? null : offerText(s.free ? 'free' : 'paid', language) },
    ],
    directions: !hit.remote && isLocated(s)
      ? { title: offerText('goThere', language), url: origin ? osmRouteUrl(origin, s) : osmPlaceUrl(s) }
      : null,
    phone: s.phone ? { title: offerText('call', language), number: s.phone } : null,
    website: s.website ? { title: offerText('website', language), url: s.website } : null,
  };
  return serviceCard(view);
}
