import type { DateTime } from 'luxon';
import { displayPhoneNumber, offerServiceCard, withGroupHeading } from '../cards/serviceCards';
import { boldMarkdown, escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import type { HitGroup, OfferAnswer, OfferReply, OfferTurn, PlaceFacts, ResultTopic, SearchReach } from '../offer/engine';
import type { PresentedHit, SearchLabels } from '../offer/present';
import { statusText, weekText } from './hours';
import { closureText, describeTimeIntent } from './time';
import { kindDefinition, OUT_OF_SCOPE, type KindId } from '../offer/vocabulary';
import {
  audiencesText, countOf, formatDistance, nounOf, offerExamples, oneOf, offerPhrases, offerText, openAgreeing, whatFound, whatNone, whatNoneOpen,
} from './offer';

/**
 * An answer of the offer's search (src/offer/engine.ts, data) as what the parent reads: the header and hints (texts
 * of ./offer.ts), a card a service (src/cards/serviceCards.ts), the quick replies, and whether to offer the position
 * button. A reply with cards says only its header: the cards say the rest, once.
 */

/** What a channel sends for an answer: one or two messages, then quick replies and the position button. */
export type RenderedOffer = Pick<OfferTurn, 'replies' | 'text' | 'cards' | 'suggestions' | 'askLocation'>;

export function renderOfferAnswer(answer: OfferAnswer, language: Language): RenderedOffer {
  switch (answer.kind) {
    case 'results':
      return renderResults(answer, language);
    case 'grouped':
      return renderGrouped(answer, language);
    case 'need-place': {
      const text = answer.reason === 'unknown-place'
        ? offerText('unknownPlace', language)
        : offerPhrases.askPlace(oneOf(answer.labels, language), language);
      return rendered([textReply(text)], { askLocation: true });
    }
    case 'none-nearby':
      return answer.general ? renderNoSupportNearby(answer, language) : renderNoneNearby(answer, language);
    case 'nothing-new': {
      const { reach } = answer;
      const where = offerPhrases.betweenRadii(placeName(reach, language), reach.innerRadiusKm, reach.radiusKm, language);
      return rendered([textReply(offerPhrases.nothingNew(where, language), nextStep(reach, language))], {
        suggestions: reach.nextRadiusKm !== null ? [offerText('suggestFarther', language)] : offerExamples(language).slice(0, 3),
      });
    }
    case 'departement-covered':
      return rendered([textReply(offerPhrases.departementCovered(answer.departement, language))], { askLocation: true });
    case 'out-of-scope': {
      const topic = OUT_OF_SCOPE.find((t) => t.id === answer.topic);
      const elsewhere = topic ? offerPhrases.outOfScope({ label: topic.topic.label[language], plural: topic.topic.plural }, topic.elsewhere.label[language], topic.elsewhere.url, language) : offerText('noMatch', language);
      const then = answer.then ? renderOfferAnswer(answer.then, language) : null;
      return rendered([textReply(elsewhere), ...(then?.replies ?? [])], {
        suggestions: then ? then.suggestions : offerExamples(language).slice(0, 3),
        askLocation: then?.askLocation ?? false,
      });
    }
    case 'no-more': {
      const canWiden = answer.reach.nextRadiusKm !== null;
      return rendered([textReply(offerText('noMore', language), canWiden ? offerText('widerHint', language) : '')], {
        suggestions: canWiden ? [offerText('suggestFarther', language)] : [],
      });
    }
    case 'position-needed':
      return rendered([textReply(offerText('positionNeeded', language))], { askLocation: true });
    case 'max-radius':
      return rendered([textReply(offerText('maxRadius', language))], { suggestions: offerExamples(language).slice(0, 3) });
    case 'no-match':
      return rendered([textReply(offerText('noMatch', language))], { suggestions: offerExamples(language) });
    case 'place-choice': {
      const choices = answer.choices.map((c) => offerPhrases.placeChoice(c.name, c.departementName, c.departement));
      const text = answer.name === null ? offerText('choosePlaceAgain', language) : offerPhrases.choosePlace(answer.name, choices, language);
      return rendered([textReply(text)], { suggestions: choices });
    }
    case 'widened':
      return renderWidened(answer, language);
    case 'about-results':
      return renderAboutResults(answer, language);
  }
}

/** What a wider search let go, said before what it found (the found answer's own header then says it). */
function renderWidened(answer: Extract<OfferAnswer, { kind: 'widened' }>, language: Language): RenderedOffer {
  if (!answer.then) return rendered([textReply(offerText('nothingEvenWider', language))], { suggestions: offerExamples(language).slice(0, 3) });
  const when = answer.labels.time ? describeTimeIntent(answer.labels.time, answer.now, language) : '';
  const parts = answer.dropped.map((part) => offerPhrases.widenedPart(part, when, answer.radiusKm, language));
  const lead = offerPhrases.widenedAfterNothing(parts, language);
  const then = renderOfferAnswer(answer.then, language);
  const [first, ...rest] = then.replies;
  const replies = first ? [{ ...first, text: [lead, first.text].filter(Boolean).join('\n\n') }, ...rest] : [textReply(lead)];
  return rendered(replies, { suggestions: then.suggestions, askLocation: then.askLocation });
}

/** The quick reply that asks each question about the places shown. */
const TOPIC_SUGGESTIONS: ReadonlyArray<readonly [ResultTopic, Parameters<typeof offerText>[0]]> = [
  ['when', 'askWhen'], ['where', 'askWhere'], ['price', 'askPrice'], ['registration', 'askRegistration'],
];

/**
 * A question about the places just shown, answered in a line a place (the first few), in the order shown: the facts
 * asked, from the same data as their cards. « Vous pouvez me rappeler ? »: the bot cannot call, the places can be.
 */
function renderAboutResults(answer: Extract<OfferAnswer, { kind: 'about-results' }>, language: Language): RenderedOffer {
  const { topics, places, now } = answer;
  if (places.length === 0) return rendered([textReply(offerText('noPlacesShown', language))], { suggestions: offerExamples(language).slice(0, 3) });
  const callback = topics.includes('callback');
  const lines = places.map((place) => {
    const facts = callback ? [contactOf(place.hit) ?? offerText('noContact', language)] : topics.map((topic) => factAbout(topic, place, now, language));
    return `- ${boldMarkdown(place.hit.name)} : ${facts.join(' ; ')}`;
  });
  const heading = offerText(callback ? 'cannotCall' : 'aboutShown', language);
  const suggestions = TOPIC_SUGGESTIONS.filter(([topic]) => !topics.includes(topic)).map(([, key]) => offerText(key, language));
  return rendered([textReply([heading, ...lines].join('\n'))], { suggestions });
}

/** How to reach a place, as Markdown: its phone number kept whole, else its e-mail, else its website; null: none. */
function contactOf(hit: PresentedHit): string | null {
  if (hit.phone) return escapeMarkdown(displayPhoneNumber(hit.phone));
  if (hit.email) return escapeMarkdown(hit.email);
  if (hit.website) return escapeMarkdown(hit.website);
  return null;
}

/** A fact the data does not give, with how to ask the place for it. */
function withContact(fact: string, hit: PresentedHit, language: Language): string {
  const contact = contactOf(hit);
  return contact ? `${fact} (${offerPhrases.contactAt(contact, language)})` : fact;
}

/** One fact a place's card holds, as the answer to a question about it (Markdown). */
function factAbout(topic: ResultTopic, place: PlaceFacts, now: DateTime, language: Language): string {
  const { hit } = place;
  switch (topic) {
    case 'when': {
      if (!hit.hours) return withContact(offerText('hoursUnknown', language), hit, language);
      const week = weekText(hit.hours.week, language);
      const hours = hit.hours.fromStructure ? `${offerText('structureHours', language)} : ${week}` : week;
      const status = hit.today ? ` (${statusText(hit.today, language)})` : '';
      const closed = hit.closures?.length ? ` ; ${hit.closures.map((c) => closureText(c, language)).join(', ')}` : '';
      return escapeMarkdown(`${hours}${status}${closed}`);
    }
    case 'where': {
      if (hit.remote) return escapeMarkdown(offerText('remoteLabel', language));
      const town = [hit.postcode, hit.town].filter(Boolean).join(' ');
      const address = [hit.street, town].filter(Boolean).join(', ');
      const known = hit.street ? address : [address || null, offerText('addressUnknown', language)].filter(Boolean).join(', ');
      const distance = hit.distanceKm === null ? null
        : hit.atCommuneCentre ? offerPhrases.roughDistance(hit.distanceKm, language) : formatDistance(hit.distanceKm, language);
      const away = distance ? ` (${offerPhrases.away(distance, language)})` : '';
      return escapeMarkdown(`${known}${away}`);
    }
    case 'price':
      if (hit.free === true) return offerText('free', language);
      return withContact(offerText(hit.free === false ? 'paidAccess' : 'priceUnknown', language), hit, language);
    case 'registration':
      if (place.registration === 'not-required') return offerText('registrationNotRequired', language);
      return withContact(offerText(place.registration === 'required' ? 'registrationRequired' : 'registrationUnknown', language), hit, language);
    case 'callback':
    case 'contact':
      return contactOf(hit) ?? offerText('noContact', language);
  }
}

/** The replies that say something, their texts and cards in order. */
function rendered(replies: OfferReply[], extra: Partial<Pick<RenderedOffer, 'suggestions' | 'askLocation'>> = {}): RenderedOffer {
  const kept = replies.filter((r) => r.text || r.cards.length > 0);
  return {
    replies: kept,
    text: kept.map((r) => r.text).filter(Boolean).join('\n\n'),
    cards: kept.flatMap((r) => r.cards),
    suggestions: extra.suggestions ?? [],
    askLocation: extra.askLocation ?? false,
  };
}

/** One reply of text alone, its non-empty lines as paragraphs. */
function textReply(...lines: string[]): OfferReply {
  return { text: lines.filter(Boolean).join('\n\n'), cards: [] };
}

/** The commune searched from, "votre position", or nothing when the search had no place. */
function placeName(reach: SearchReach, language: Language): string {
  if (!reach.origin) return '';
  return reach.origin.name ?? offerText('yourPosition', language);
}

/** "à moins de 30 km de Bron", "dans le Rhône" (a whole département), or nothing when the search had no place. */
function nearWhere(reach: SearchReach, language: Language): string {
  if (reach.departement && reach.origin) return offerPhrases.inDepartement(reach.departement, language);
  return reach.origin ? offerPhrases.nearPlace(placeName(reach, language), reach.radiusKm, language) : '';
}

/** After nothing found: how to look further, or that the bot looks no further. */
function nextStep(reach: SearchReach, language: Language): string {
  return reach.nextRadiusKm !== null ? offerPhrases.widerTo(reach.nextRadiusKm, language) : offerText('maxRadius', language);
}

/**
 * " ouvertes le samedi": support in general, open at the time asked (empty when no time was asked), agreeing with
 * what it qualifies: "les aides … ouvertes", "aucune aide … ouverte".
 */
function openWhen(labels: SearchLabels, count: number, now: DateTime, language: Language): string {
  if (!labels.time) return '';
  const open = openAgreeing(count, offerPhrases.anySupport(language), language);
  return ` ${offerPhrases.openFilter(open, describeTimeIntent(labels.time, now, language), language)}`;
}

/** The title of each card's line on the time asked ("Ce soir : …"), when a time was asked. */
function askedTitle(labels: SearchLabels, now: DateTime, language: Language): string | null {
  return labels.time ? describeTimeIntent(labels.time, now, language) : null;
}

/** The cards of an answer's places; the time asked is said once for all of them. */
function cardsOf(hits: readonly PresentedHit[], labels: SearchLabels, now: DateTime, language: Language): object[] {
  const asked = askedTitle(labels, now, language);
  return hits.map((hit) => offerServiceCard(hit, asked, language));
}

function renderNoneNearby(answer: Extract<OfferAnswer, { kind: 'none-nearby' }>, language: Language): RenderedOffer {
  const { reach, labels, now } = answer;
  const canWiden = reach.nextRadiusKm !== null;
  const lines = [offerPhrases.noneNearby(whatNone(labels, now, language), nearWhere(reach, language), language), canWiden ? offerText('widerHint', language) : ''];
  const suggestions = [...(canWiden ? [offerText('suggestFarther', language)] : []), ...offerExamples(language).slice(0, 3)];
  return rendered([textReply(...lines)], { suggestions });
}

function renderNoSupportNearby(answer: Extract<OfferAnswer, { kind: 'none-nearby' }>, language: Language): RenderedOffer {
  const { reach, labels, now } = answer;
  const none = offerPhrases.noneNearby(`${offerPhrases.noneOfSupport(language)}${openWhen(labels, 1, now, language)}`, nearWhere(reach, language), language);
  return rendered([textReply(none, nextStep(reach, language))], {
    suggestions: reach.nextRadiusKm !== null ? [offerText('suggestFarther', language)] : offerExamples(language).slice(0, 3),
  });
}

function resultsHeader(answer: Extract<OfferAnswer, { kind: 'results' }>, language: Language): string {
  const { reach, labels, now, offset, total } = answer;
  const place = placeName(reach, language);
  const where = nearWhere(reach, language);
  if (answer.openingSoonest && offset === 0) {
    const { none, open, feminine } = whatNoneOpen(labels, now, language);
    const when = labels.time?.now ? (language === 'en' ? 'right now' : 'en ce moment') : describeTimeIntent(labels.time ?? {}, now, language);
    const inDepartement = reach.departement ? where : undefined;
    return offerPhrases.noneOpenYet(none, open, feminine, when, place || offerText('yourPosition', language), language, inDepartement);
  }
  if (!reach.origin) return offerPhrases.remoteWithoutPlace(language);
  if (!answer.openingSoonest && answer.nearby === 0) return offerPhrases.onlyRemote(whatNone(labels, now, language), where, language);
  if (offset > 0) return offerPhrases.page(offset + 1, offset + answer.hits.length, total, language);
  if (reach.innerRadiusKm > 0) {
    return offerPhrases.widenedNew(reach.radiusKm, countOf(total, nounOf(labels, language)), offerPhrases.betweenRadii(place, reach.innerRadiusKm, reach.radiusKm, language), language);
  }
  return offerPhrases.results(whatFound(total, labels, now, language), where, language);
}

function renderResults(answer: Extract<OfferAnswer, { kind: 'results' }>, language: Language): RenderedOffer {
  const { reach, labels, now, hasMore } = answer;
  const canWiden = reach.nextRadiusKm !== null;
  const relaxed = answer.audienceRelaxed ? offerPhrases.audienceRelaxed(audiencesText(labels.audiences, language), language) : '';
  const cards = cardsOf(answer.hits, labels, now, language);
  const replies: OfferReply[] = [{ text: [resultsHeader(answer, language), relaxed, hasMore ? offerText('seeMoreOthers', language) : ''].filter(Boolean).join('\n\n'), cards }];
  if (!reach.origin) replies.push(textReply(offerText('remoteAlso', language)));
  const suggestions = [
    ...(hasMore ? [offerText('suggestMore', language)] : []),
    ...(canWiden && !hasMore ? [offerText('suggestFarther', language)] : []),
    ...(labels.time ? [] : [offerText('suggestOpenNow', language)]),
  ];
  return rendered(replies, { suggestions, askLocation: !reach.origin });
}

/** "Groupes de parole : les 2 plus proches sur 3", "À distance (téléphone ou en ligne)". */
function groupHeading(group: HitGroup, language: Language): string {
  const name = group.kind === 'remote' ? offerText('remoteGroup', language)
    : group.kind === null ? offerText('otherSupport', language)
      : group.total > 1 ? kindDefinition(group.kind).plural[language] : kindDefinition(group.kind).label[language];
  return offerPhrases.groupHeading(name, group.hits.length, group.total, language);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Support in general: a header, then the cards in one message, each kind's name heading its first card. */
function renderGrouped(answer: Extract<OfferAnswer, { kind: 'grouped' }>, language: Language): RenderedOffer {
  const { reach, labels, now, groups, hasMore, onlyRemote } = answer;
  const canWiden = reach.nextRadiusKm !== null;
  const place = placeName(reach, language);
  const where = reach.innerRadiusKm > 0
    ? offerPhrases.betweenRadii(place, reach.innerRadiusKm, reach.radiusKm, language)
    : nearWhere(reach, language);
  const header = onlyRemote
    ? offerPhrases.onlyRemote(`${offerPhrases.noneOfSupport(language)}${openWhen(labels, 1, now, language)}`, where, language)
    : offerPhrases.groupedHeader(openWhen(labels, 2, now, language), where, language);
  const heading = answer.noneSpecific ? [offerPhrases.noneSpecific(language), header] : [header];
  const cards = groups.flatMap((group) =>
    cardsOf(group.hits, labels, now, language).map((shown, i) => (i === 0 ? withGroupHeading(shown, groupHeading(group, language)) : shown)),
  );
  const hint = onlyRemote ? '' : hasMore ? offerText('seeMoreOthers', language) : offerText('groupedHint', language);
  const kindSuggestions = groups
    .map((g) => g.kind)
    .filter((k): k is KindId => k !== null && k !== 'remote')
    .slice(0, 3)
    .map((k) => capitalise(kindDefinition(k).plural[language]));
  const suggestions = [...(hasMore ? [offerText('suggestMore', language)] : []), ...kindSuggestions, ...(canWiden && !hasMore ? [offerText('suggestFarther', language)] : [])];
  return rendered([{ text: [...heading, hint].filter(Boolean).join('\n\n'), cards }], { suggestions });
}
