import { conversation } from '../helpers/transcript';
import { useVosgesBot } from './fixtures/vosgesOffer';

/**
 * A place with no coordinates of its own nor its structure's stands at its commune's centre (QA D12): the card says
 * « à Plombières-les-Bains », not « 50 m », and its route leads to the street address, not from a point to itself.
 */
// Monday 15 February 2027, 20:30 in Paris.
const vosges = useVosgesBot();

type Block = { text?: string; items?: Block[]; selectAction?: { url: string } };
type Card = { body: Block[]; actions?: Array<{ title: string; url: string }> };
function cardsOf(replies: Record<string, unknown>[]): Card[] {
  return replies.flatMap((r) => ((r.attachments as Array<{ content: Card }> | undefined) ?? []).map((a) => a.content));
}
const routeOf = (card: Card) => card.actions?.find((a) => a.title === 'Y aller')?.url;

test('searched from its own commune: « à <commune> », and the route to its street address', async () => {
  const turn = await conversation(vosges.bot).says('un LAEP 88370');
  const card = cardsOf(turn.replies).find((c) => c.body[0].text?.includes('Petites Sources'));
  expect(card).toBeDefined();
  const texts = card!.body.map((b) => b.text ?? b.items?.[0]?.text ?? '');
  expect(texts).toContain('à Plombières-les-Bains');
  expect(texts.some((t) => /\d\s?(m|km)\b/.test(t) && t.includes('Plombières'))).toBe(false);
  const url = routeOf(card!);
  expect(url).toBe('https://www.openstreetmap.org/directions?to=2%20place%20Maurice%20Janot%2C%2088370%20Plombi%C3%A8res-les-Bains');
});

test('searched from farther: a rough distance, and a route from there to the street address', async () => {
  const turn = await conversation(vosges.bot).says('un LAEP à Remiremont');
  const card = cardsOf(turn.replies).find((c) => c.body[0].text?.includes('Petites Sources'));
  expect(card).toBeDefined();
  expect(card!.body.map((b) => b.text ?? '')).toContainEqual(expect.stringMatching(/^environ \d+ km · Plombières-les-Bains$/));
  const url = routeOf(card!) ?? '';
  expect(url).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?from=48\.\d+%2C6\.\d+&to=2%20place%20Maurice%20Janot/);
});

test('a place placed where it is keeps its distance and its route by coordinates', async () => {
  const turn = await conversation(vosges.bot).says('une médiation familiale à Remiremont');
  const card = cardsOf(turn.replies)[0];
  expect(card.body.map((b) => b.text ?? '')).toContain('100 m · Remiremont');
  expect(routeOf(card)).toMatch(/directions\?route=/);
});
