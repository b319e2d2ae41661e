import type { DateTime } from 'luxon';
import { boldMarkdown, escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import type { CommuneIndex } from '../geo';
import { osmPlaceUrl, osmRouteUrl, serviceCard, type ServiceCardView } from '../cards/serviceCards';
import { formatDistance, offerPhrases, offerText } from '../messages/offer';
import { describeHours, parseHours, statusToday } from './hours';
import type { Hit, Point } from './search';
import { isLocated, type OfferService } from './service';
import { describeTimeIntent, type TimeIntent } from './timeQuery';
import { audienceDefinition, kindDefinition, type AudienceId, type KindId } from './vocabulary';
import { isNationalZone } from './zones';

/**
 * Turning search hits into the words and cards a parent reads. A result's line is Markdown: every value of the offer
 * in it goes through escapeMarkdown; its card is built from plain text and escapes its own.
 */

export type SearchLabels = {
  kinds: readonly KindId[] | null;
  audiences: readonly AudienceId[];
  age: number | null;
  time: TimeIntent | null;
  freeText: string | null;
};

function qualifiers(labels: SearchLabels, now: DateTime, language: Language, many = true): string[] {
  const out: string[] = [];
  if (labels.audiences.length > 0) {
    out.push(offerPhrases.forAudience(labels.audiences.map((a) => audienceDefinition(a).label[language]).join(language === 'en' ? ' and ' : ' et '), language));
  } else if (labels.age !== null) {
    out.push(offerPhrases.forAge(labels.age, language));
  }
  if (labels.time) out.push(offerPhrases.openFilter(describeTimeIntent(labels.time, now, language), many, language));
  return out;
}

/**
 * "2 groupes de parole ou cafés des parents, pour les parents solos, ouverts le samedi"; without a count, the
 * plural labels alone.
 */
export function whatFound(count: number | null, labels: SearchLabels, now: DateTime, language: Language): string {
  const or = language === 'en' ? ' or ' : ' ou ';
  const many = count === null || count > 1;
  let head: string;
  if (labels.freeText) head = offerPhrases.textResults(count, labels.freeText, language);
  else {
    const names = labels.kinds && labels.kinds.length > 0
      ? labels.kinds.map((k) => (many ? kindDefinition(k).plural[language] : kindDefinition(k).label[language])).join(or)
      : offerPhrases.anySupport(many, language);
    head = count === null ? names : `${count} ${names}`;
  }
  return [head, ...qualifiers(labels, now, language, many)].join(', ');
}

/** "aucun lieu d'accueil enfants-parents (LAEP) (ouverts le samedi)". */
export function whatNone(labels: SearchLabels, now: DateTime, language: Language): string {
  const head = labels.freeText ? offerPhrases.noTextMatch(labels.freeText, language) : noneOfKinds(labels, language).none;
  const more = qualifiers(labels, now, language);
  return more.length > 0 ? `${head} (${more.join(', ')})` : head;
}

/**
 * "aucun lieu d'accueil enfants-parents (LAEP) pour les parents solos", without the time asked, and its French gender:
 * the subject of "… n'est ouvert en ce moment".
 */
export function whatNoneOpen(labels: SearchLabels, now: DateTime, language: Language): { none: string; feminine: boolean } {
  const { none, feminine } = labels.freeText ? { none: offerPhrases.noPlaceMatching(labels.freeText, language), feminine: false } : noneOfKinds(labels, language);
  return { none: [none, ...qualifiers({ ...labels, time: null }, now, language, false)].join(' '), feminine };
}

/** "aucun LAEP", "aucune aide à la parentalité": none of the kinds asked (or of any support), with its French gender. */
function noneOfKinds(labels: SearchLabels, language: Language): { none: string; feminine: boolean } {
  if (!labels.kinds || labels.kinds.length === 0) return { none: offerPhrases.noSupport(language), feminine: true };
  const definitions = labels.kinds.map(kindDefinition);
  return { none: offerPhrases.none(definitions.map((d) => d.label[language]), definitions[0].feminine, language), feminine: definitions[0].feminine };
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

type Presented = { line: string; card: object };

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

export function presentHit(hit: Hit, rank: number, origin: Point | null, summary: string | null, communes: CommuneIndex, now: DateTime, language: Language): Presented {
  const s = hit.service;
  const { hours, status } = hoursTexts(s, now, language);
  const where = hit.remote
    ? [offerText('remoteLabel', language), zoneText(s, communes, language)].filter(Boolean).join(', ')
    : [s.communeName, hit.distanceKm !== null ? formatDistance(hit.distanceKm, language) : null].filter(Boolean).join(', ');
  const head = [s.structureName ? escapeMarkdown(s.structureName) : null, where ? escapeMarkdown(where) : null].filter(Boolean).join(', ');
  const sentences = [`${rank}. ${boldMarkdown(s.name)}${head ? ` — ${head}` : ''}.`];
  if (hours) sentences.push(`${escapeMarkdown(capitalise(hours))}${status ? ` (${escapeMarkdown(status)})` : ''}.`);
  else sentences.push(`${capitalise(offerText('hoursUnknown', language))}.`);
  if (s.phone) sentences.push(`${offerText('phoneShort', language)} ${escapeMarkdown(s.phone)}.`);

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
      { title: offerText('hours', language), value: hours ? capitalise(hours) : offerText('hoursUnknown', language) },
      { title: offerText('today', language), value: status ? capitalise(status) : null },
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
  return { line: sentences.join(' '), card: serviceCard(view) };
}
