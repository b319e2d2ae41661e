import { escapeMarkdown, speakableText } from '../language/markdown';
import { telUrl, webUrl } from './links';

/**
 * Adaptive Cards (1.5, plain JSON) for services of the local offer: one card a service, with its name, structure,
 * address, distance, hours in plain words and today's status, contacts, and a "Y aller" link to an OpenStreetMap
 * route. Everything a card says is text (TextBlocks and a FactSet), so screen readers and text-only clients read it.
 *
 * A view holds plain text, most of it imported data; TextBlocks and fact values are Markdown, so every text is
 * escaped here, once, as it goes into the card. Buttons open only what links.ts accepts.
 */

export type ServiceCardView = {
  name: string;
  structureName: string | null;
  summary: string | null;
  /** Facts in display order, already in the user's language; empty values are left out. */
  facts: ReadonlyArray<{ title: string; value: string | null }>;
  /** "Y aller": a route from the parent to the place, or the place on the map. */
  directions: { title: string; url: string } | null;
  phone: { title: string; number: string } | null;
  website: { title: string; url: string } | null;
};

type Point = { latitude: number; longitude: number };

function coordinate(value: number): string {
  return value.toFixed(5);
}

/** A route on openstreetmap.org from the parent to the place. */
export function osmRouteUrl(from: Point, to: Point): string {
  const route = `${coordinate(from.latitude)},${coordinate(from.longitude)};${coordinate(to.latitude)},${coordinate(to.longitude)}`;
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(route)}`;
}

/** The place on openstreetmap.org, when the parent's own position is unknown. */
export function osmPlaceUrl(to: Point): string {
  const lat = coordinate(to.latitude);
  const lon = coordinate(to.longitude);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

export function serviceCard(view: ServiceCardView): object {
  const body: object[] = [
    { type: 'TextBlock', text: escapeMarkdown(view.name), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
  ];
  if (view.structureName) body.push({ type: 'TextBlock', text: escapeMarkdown(view.structureName), isSubtle: true, wrap: true, spacing: 'None' });
  if (view.summary) body.push({ type: 'TextBlock', text: escapeMarkdown(view.summary), wrap: true, spacing: 'Small' });
  const facts = view.facts
    .filter((f): f is { title: string; value: string } => Boolean(f.value))
    .map((f) => ({ title: escapeMarkdown(f.title), value: escapeMarkdown(f.value) }));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });

  // Action titles are plain text on a button (no Markdown); their URLs are vetted, ours as well as the data's.
  const actions: object[] = [];
  const directions = view.directions ? webUrl(view.directions.url) : null;
  if (view.directions && directions) actions.push({ type: 'Action.OpenUrl', title: view.directions.title, url: directions });
  const tel = view.phone ? telUrl(view.phone.number) : null;
  if (view.phone && tel) actions.push({ type: 'Action.OpenUrl', title: view.phone.title, url: tel });
  const website = view.website ? webUrl(view.website.url) : null;
  if (view.website && website) actions.push({ type: 'Action.OpenUrl', title: view.website.title, url: website });

  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    speak: speakableText([view.name, view.structureName].filter(Boolean).join(', ')),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}
