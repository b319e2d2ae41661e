import { escapeMarkdown, speakableText } from '../language/markdown';
import type { Language } from '../language/text';
import { openWhenAskedText, statusText, weekText } from '../messages/hours';
import { formatDistance, offerPhrases, offerText } from '../messages/offer';
import { closureText, localClockNote } from '../messages/time';
import type { PresentedHit, ServiceZone } from '../offer/present';
import { audienceDefinition } from '../offer/vocabulary';
import { rememberMany } from '../shared/remember';
import { mailtoUrl, telUrl, webUrl } from './links';

/**
 * Adaptive Cards (1.5, plain JSON) for services of the local offer, one card a service, laid out for a phone
 * (360–390 px): the name, today's status (green when open, attention when closed), "distance · town" at the top; then
 * the structure, what it is, the details no other part shows as labelled lines; the address; and the actions a parent
 * takes, one full-width button each: call (tel:), write (mailto:), go there (an OpenStreetMap route), the website.
 *
 * No FactSet: its label column squeezes values into about 100 px at that width, and words then break mid-line. A
 * detail is one TextBlock, "**Horaires** : lundi 14 h – 17 h", that wraps between words only. Phone numbers, in text
 * and on buttons, keep their digits together with non-breaking spaces (a number cut over two lines is misdialled).
 *
 * A view holds plain text, most of it imported data; TextBlocks are Markdown, so every text is escaped here, once, as it
 * goes into the card (labels too: they are ours, but escaping them costs nothing and keeps one rule). Buttons open
 * only what links.ts accepts; their titles are plain text (Adaptive Cards do not render Markdown on buttons).
 */

export type ServiceCardView = {
  name: string;
  /** Today's status in the user's language ("ouvert maintenant, jusqu'à 18 h", "fermé aujourd'hui"); shown first. */
  today?: { text: string; open: boolean } | null;
  /** Already formatted in the user's language ("1,2 km"), shown with the town under the status. */
  distance?: string | null;
  /** The town ("Givors"), or for a remote service what stands for it ("à distance (téléphone ou en ligne)"). */
  town?: string | null;
  structureName: string | null;
  summary: string | null;
  /** Further details in display order ("Horaires", "Public", "Accès"…), already in the user's language; empty values are left out. */
  facts: ReadonlyArray<{ title: string; value: string | null }>;
  /** The street address, shown as text above the buttons (the route button opens it on a map). */
  address?: string | null;
  /** "Y aller": a route from the parent to the place, or the place on the map. */
  directions: { title: string; url: string } | null;
  /** The button reads "{title} {number}" ("Appeler 04 65 71 10 03"). */
  phone: { title: string; number: string } | null;
  /**
   * The button reads its title alone ("Écrire un courriel"): a button is one line, and an address has no space to wrap
   * at (at 360 px, "Écrire à cs-grandclement@example.org" overflowed). An address that cannot be a safe link is shown as text.
   */
  email?: { title: string; address: string } | null;
  website: { title: string; url: string } | null;
};

type Point = { latitude: number; longitude: number };

const NBSP = '\u00A0';

function coordinate(value: number): string {
  return value.toFixed(5);
}

/** A route on openstreetmap.org from the parent to the place. */
export function osmRouteUrl(from: Point, to: Point): string {
  const route = `${coordinate(from.latitude)},${coordinate(from.longitude)};${coordinate(to.latitude)},${coordinate(to.longitude)}`;
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(route)}`;
}

/**
 * A route on openstreetmap.org to a street address (its directions page looks the address up), from the parent's
 * point when there is one: for a place whose coordinates are only its commune's centre.
 */
export function osmAddressRouteUrl(from: Point | null, address: string): string {
  const start = from ? `from=${encodeURIComponent(`${coordinate(from.latitude)},${coordinate(from.longitude)}`)}&` : '';
  return `https://www.openstreetmap.org/directions?${start}to=${encodeURIComponent(address)}`;
}

/** The place on openstreetmap.org, when the parent's own position is unknown. */
export function osmPlaceUrl(to: Point): string {
  const lat = coordinate(to.latitude);
  const lon = coordinate(to.longitude);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/**
 * Digit groups that read as a phone number ("04 65 71 10 03", "+33 4 65 71 10 03", "04.65.71.10.03", "0 800 05 41 41"):
 * at least three groups of digits joined by a space, dot or hyphen, the groups after the first of two to four digits.
 */
const PHONE_NUMBER = /(?:\+\d{1,3}[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){2,}/g;

/**
 * `text` with the spaces inside phone numbers made non-breaking, so that a number is never cut at the end of a line.
 * A general rule rather than a field's: numbers also turn up in descriptions ("appelez le 04 72 …").
 */
export function keepPhoneNumbersWhole(text: string): string {
  return text.replace(PHONE_NUMBER, (number) => number.replace(/ /g, NBSP));
}

/**
 * A phone number as people read it: French numbers in pairs ("04 65 71 10 03", "+33 4 65 71 10 03"), others as the
 * data wrote them with their white space tidied; every space non-breaking.
 */
export function displayPhoneNumber(raw: string): string {
  const compact = raw.replace(/[\s.()-]/g, '');
  let shown: string;
  if (/^0\d{9}$/.test(compact)) shown = compact.replace(/(\d{2})(?=\d)/g, '$1 ');
  else if (/^\+33\d{9}$/.test(compact)) shown = `+33 ${compact.slice(3, 4)} ${compact.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  else shown = raw.trim().replace(/\s+/g, ' ');
  return shown.replace(/ /g, NBSP);
}

/**
 * A number's `.` or `)` that escapeMarkdown escaped at the start of a text although no list can open there: CommonMark
 * (markdown-it in Web Chat, and the Adaptive Card subset) starts an ordered list only when the marker is followed by
 * a space or the end of the line. "1.9 km" is a distance, and its backslash would show ("1\.9 km").
 */
const NOT_A_LIST_MARKER = /^( ?\d{1,9})\\([.)])(?=\S)/;

/**
 * The texts of the offer's cards come back from answer to answer (a place's name, its summary, its address, a
 * heading, "fermé aujourd'hui"): each is escaped once and remembered, up to this many.
 */
const REMEMBERED_CARD_TEXTS = 5000;

/** Markdown text for a TextBlock: escaped, then phone numbers kept whole (escaping turns unusual spaces into plain ones). */
const cardText = rememberMany(REMEMBERED_CARD_TEXTS, (text: string): string =>
  keepPhoneNumbersWhole(escapeMarkdown(text).replace(NOT_A_LIST_MARKER, '$1$2')),
);

/** What a screen reader says of a card: the same few parts (name, status, place) come back too. */
const spokenText = rememberMany(REMEMBERED_CARD_TEXTS, speakableText);

/**
 * A link vetted once: parsing a URL was a tenth of a card, and a place's website (and the route from a parent's
 * point to it) come back from answer to answer. A pure function of its text, like the texts above.
 */
const vettedWebUrl = rememberMany(REMEMBERED_CARD_TEXTS, (raw: string): string | null => webUrl(raw));

/** A place's number on its button, as people read it. */
const phoneOnButton = rememberMany(REMEMBERED_CARD_TEXTS, (raw: string): string => displayPhoneNumber(raw));

function textBlock(text: string, options: Record<string, unknown> = {}): object {
  return { type: 'TextBlock', text: cardText(text), wrap: true, ...options };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The first card of a kind in a grouped answer carries the kind's name above its own: one message holds the whole
 * answer, a list of cards that reads as sections, instead of a bubble per kind.
 */
export function withGroupHeading(card: object, heading: string): object {
  const { body, ...rest } = card as { body: object[] };
  return { ...rest, body: [textBlock(heading, { weight: 'Bolder', color: 'Accent', size: 'Small' }), ...body] };
}

export function serviceCard(view: ServiceCardView): object {
  const body: object[] = [textBlock(view.name, { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  if (view.today) {
    body.push(textBlock(capitalised(view.today.text), { weight: 'Bolder', color: view.today.open ? 'Good' : 'Attention', spacing: 'Small' }));
  }
  const where = [view.distance, view.town].filter((part): part is string => Boolean(part)).join(' · ');
  if (where) body.push(textBlock(where, { spacing: 'None' }));
  if (view.structureName) body.push(textBlock(view.structureName, { isSubtle: true, spacing: 'Small' }));
  if (view.summary) body.push(textBlock(view.summary, { spacing: 'Small' }));
  for (const fact of view.facts) {
    if (!fact.value) continue;
    // The label's own escaping leaves no asterisk of its own: the bold markers are the only Markdown here.
    body.push({ type: 'TextBlock', text: `**${cardText(fact.title)}** : ${cardText(fact.value)}`, wrap: true, spacing: 'Small' });
  }
  const directions = view.directions ? vettedWebUrl(view.directions.url) : null;
  // The address itself opens the route, as the "Y aller" button does: on a phone a parent taps what they read.
  if (view.address) {
    const address = textBlock(view.address, { spacing: 'Small', color: directions ? 'Accent' : 'Default' });
    body.push(directions ? { type: 'Container', items: [address], selectAction: { type: 'Action.OpenUrl', title: view.directions?.title, url: directions } } : address);
  }
  const mail = view.email ? mailtoUrl(view.email.address) : null;
  // An address that cannot be a safe link is still worth reading.
  if (view.email && !mail) body.push(textBlock(view.email.address, { spacing: 'Small' }));

  // Action titles are plain text on a button (no Markdown); their URLs are vetted, ours as well as the data's.
  const actions: object[] = [];
  const tel = view.phone ? telUrl(view.phone.number) : null;
  if (view.phone && tel) actions.push({ type: 'Action.OpenUrl', title: `${view.phone.title} ${phoneOnButton(view.phone.number)}`, url: tel });
  if (view.email && mail) actions.push({ type: 'Action.OpenUrl', title: view.email.title, url: mail });
  if (view.directions && directions) actions.push({ type: 'Action.OpenUrl', title: view.directions.title, url: directions });
  const website = view.website ? vettedWebUrl(view.website.url) : null;
  if (view.website && website) actions.push({ type: 'Action.OpenUrl', title: view.website.title, url: website });

  const spoken = [view.name, view.today?.text, where, view.structureName].filter(Boolean).join(', ');
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    speak: spokenText(spoken),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** "Rhône (69), Givors, 69999": the first places of a remote service's zone; "toute la France". */
function zoneText(zone: ServiceZone | null, language: Language): string | null {
  if (!zone) return null;
  if (zone.national) return offerPhrases.nationwide(language);
  return zone.places.map((p) => (p.departement ? `${p.name} (${p.code})` : (p.name ?? p.code))).join(', ');
}

/** "parents solos, enfants de 3 à 6 ans". */
function publicText(hit: PresentedHit, language: Language): string | null {
  const parts = hit.audiences.map((a) => audienceDefinition(a).label[language]);
  if (hit.ages) {
    const [from, to] = hit.ages;
    parts.push(offerPhrases.childrenAged(from, to, language));
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The route a card's "Y aller" opens: to the street address when the point is only the commune's centre. */
function directionsUrl(route: NonNullable<PresentedHit['route']>): string {
  if (route.address) return osmAddressRouteUrl(route.from, route.address);
  return route.from ? osmRouteUrl(route.from, route.to) : osmPlaceUrl(route.to);
}

/**
 * One service of the offer as its card, in the user's language, in the phone layout of serviceCard: today's status at
 * the top (its colour says open or closed), "distance · town", what it is, then the details the layout does not show
 * otherwise; the address opens the route; phone, e-mail, route and website are buttons. `askedTitle` says the time the
 * parent asked about ("ce soir", "le samedi"): the card then says whether the place is open then.
 */
export function offerServiceCard(hit: PresentedHit, askedTitle: string | null, language: Language): object {
  const address = hit.remote ? null : [hit.street, [hit.postcode, hit.town].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  const status = hit.today ? `${statusText(hit.today, language)}${hit.localClock ? localClockNote(language) : ''}` : null;
  const week = hit.hours ? weekText(hit.hours.week, language) : null;
  const route = hit.route;
  const hours = hit.hours && week !== null && hit.hours.fromStructure ? `${offerText('structureHours', language)} : ${week}` : week;
  const asked = askedTitle !== null && hit.asked
    ? [{ title: capitalised(askedTitle), value: hit.asked.open ? openWhenAskedText(hit.asked.open, language) : offerText('closedThen', language) }]
    : [];
  const view: ServiceCardView = {
    name: hit.name,
    today: hit.today && status ? { text: status, open: hit.today.open } : null,
    distance: hit.distanceKm === null ? null : hit.atCommuneCentre ? offerPhrases.roughDistance(hit.distanceKm, language) : formatDistance(hit.distanceKm, language),
    // Placed at its commune's centre, near the parent: the town is all that can be said of where it is.
    town: hit.remote ? offerText('remoteLabel', language) : hit.atCommuneCentre && hit.distanceKm === null && hit.town ? offerPhrases.inTown(hit.town, language) : hit.town,
    structureName: hit.structureName,
    summary: hit.summary,
    facts: [
      { title: offerText('forWhom', language), value: hit.remote ? zoneText(hit.zone, language) : null },
      ...asked,
      { title: offerText('hours', language), value: hours ? capitalised(hours) : offerText('hoursUnknown', language) },
      // A parent who reads only the card must not find the door shut (« fermé du 21 décembre au 3 janvier »).
      { title: offerText('closures', language), value: hit.closures?.length ? capitalised(hit.closures.map((c) => closureText(c, language)).join(', ')) : null },
      { title: offerText('audience', language), value: publicText(hit, language) },
      { title: offerText('access', language), value: hit.free === null ? null : offerText(hit.free ? 'free' : 'paid', language) },
    ],
    address,
    directions: route ? { title: offerText('goThere', language), url: directionsUrl(route) } : null,
    phone: hit.phone ? { title: offerText('call', language), number: hit.phone } : null,
    email: hit.email ? { title: offerText('writeTo', language), address: hit.email } : null,
    website: hit.website ? { title: offerText('website', language), url: hit.website } : null,
  };
  return serviceCard(view);
}
