import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Settings } from 'luxon';
import { conversation, folded, SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from '../helpers/transcript';
import { mailtoUrl, telUrl } from '../../src/cards/links';
import { displayPhoneNumber, keepPhoneNumbersWhole, offerServiceCard, osmPlaceUrl, osmRouteUrl, serviceCard } from '../../src/cards/serviceCards';
import type { PresentedHit } from '../../src/offer/present';

type Card = {
  type: string;
  version: string;
  speak: string;
  body: Array<{ type: string; text?: string; color?: string; facts?: unknown; items?: Array<{ type?: string; text?: string }>; selectAction?: { type: string; url: string } }>;
  actions?: Array<{ type: string; title: string; url: string }>;
};

const NBSP = '\u00A0';

describe('service cards', () => {
  const card = serviceCard({
    name: 'LAEP La Ribambelle',
    today: { text: "ouvert maintenant, jusqu'à 18 h", open: true },
    distance: '1,2 km',
    town: 'Givors',
    structureName: 'Association La Ribambelle',
    summary: 'Lieu d’accueil enfants-parents pour les 0-6 ans. Renseignements au 04 72 00 11 22.',
    facts: [
      { title: 'Horaires', value: 'lundi 14 h – 17 h ; samedi 9 h 30 – 12 h' },
      { title: 'Courriel', value: null },
    ],
    address: '8 avenue Anatole France, 69700 Givors',
    directions: { title: 'Y aller', url: osmRouteUrl({ latitude: 45.7, longitude: 4.88 }, { latitude: 45.591, longitude: 4.769 }) },
    phone: { title: 'Appeler', number: '04 65 71 10 03' },
    email: { title: 'Écrire un courriel', address: 'accueil@ribambelle.example.org' },
    website: { title: 'Site web', url: 'https://ribambelle.example.org/' },
  }) as Card;
  /** The TextBlocks, the address's inside the container that opens its route. */
  const blocks = card.body.flatMap((block) => (block.type === 'Container' ? (block.items ?? []) : [block])) as Array<{ type?: string; text?: string }>;
  const texts = blocks.map((block) => block.text ?? '');

  it('is an Adaptive Card 1.5 whose content is all text, without a FactSet', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(blocks.every((block) => block.type === 'TextBlock')).toBe(true);
    const json = JSON.stringify(card);
    for (const shown of ['LAEP La Ribambelle', 'Association La Ribambelle', '1,2 km', 'Givors', 'Anatole France', 'lundi 14 h']) expect(json).toContain(shown);
    expect(json).not.toContain('Courriel');
    expect(json).not.toContain('FactSet');
  });

  it('puts the name, then today’s status, then the distance and town at the top', () => {
    expect(texts.slice(0, 3)).toEqual(['LAEP La Ribambelle', "Ouvert maintenant, jusqu'à 18 h", '1,2 km · Givors']);
    expect(card.body[1]).toMatchObject({ weight: 'Bolder', color: 'Good' });
    const closed = serviceCard({ name: 'X', today: { text: "fermé aujourd'hui", open: false }, structureName: null, summary: null, facts: [], directions: null, phone: null, website: null }) as Card;
    expect(closed.body[1]).toMatchObject({ text: "Fermé aujourd'hui", color: 'Attention' });
    expect(card.speak).toContain("ouvert maintenant, jusqu'à 18 h");
  });

  it('shows a detail as one wrapping line with its label in bold', () => {
    expect(texts).toContain('**Horaires** : lundi 14 h – 17 h ; samedi 9 h 30 – 12 h');
    expect(blocks.every((block) => (block as { wrap?: boolean }).wrap === true)).toBe(true);
  });

  it('calls by tel:, writes by mailto:, links "Y aller" to an OpenStreetMap route, then the website', () => {
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: `Appeler 04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`, url: 'tel:0465711003' },
      { type: 'Action.OpenUrl', title: 'Écrire un courriel', url: 'mailto:accueil@ribambelle.example.org' },
      { type: 'Action.OpenUrl', title: 'Y aller', url: 'https://www.openstreetmap.org/directions?route=45.70000%2C4.88000%3B45.59100%2C4.76900' },
      { type: 'Action.OpenUrl', title: 'Site web', url: 'https://ribambelle.example.org/' },
    ]);
    expect(osmPlaceUrl({ latitude: 45.591, longitude: 4.769 })).toBe('https://www.openstreetmap.org/?mlat=45.59100&mlon=4.76900#map=17/45.59100/4.76900');
    expect(telUrl('pas un numéro')).toBeNull();
  });

  it('keeps a phone number in a text on one line', () => {
    expect(texts).toContain(`Lieu d’accueil enfants-parents pour les 0-6 ans. Renseignements au 04${NBSP}72${NBSP}00${NBSP}11${NBSP}22.`);
  });
});

describe('phone numbers and e-mail addresses', () => {
  it('shows French numbers in pairs, every space non-breaking', () => {
    expect(displayPhoneNumber('0465711003')).toBe(`04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`);
    expect(displayPhoneNumber('04.65.71.10.03')).toBe(`04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`);
    expect(displayPhoneNumber('+33 (0)4 65 71 10 03'.replace('(0)', ''))).toBe(`+33${NBSP}4${NBSP}65${NBSP}71${NBSP}10${NBSP}03`);
    expect(displayPhoneNumber(' 119 ')).toBe('119');
    expect(displayPhoneNumber('+41 22  123 45 67')).toBe(`+41${NBSP}22${NBSP}123${NBSP}45${NBSP}67`);
  });

  it('never leaves a breakable space between the digits of any number written in groups', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{2,4}$/), { minLength: 3, maxLength: 6 }), fc.constantFrom(' ', '.', '-'), fc.string({ maxLength: 20 }), (groups, separator, prefix) => {
        const number = groups.join(separator);
        const out = keepPhoneNumbersWhole(`${prefix.replace(/\d/g, '')} ${number} fin`);
        return out.includes(number.replace(/ /g, NBSP));
      }),
    );
    expect(keepPhoneNumbersWhole('ouvert de 9 h 30 à 12 h, le 3 mai')).toBe('ouvert de 9 h 30 à 12 h, le 3 mai');
  });

  it('links only plain addresses by mailto:, never one that could add recipients or a body', () => {
    expect(mailtoUrl(' contact@centre-social.example.fr ')).toBe('mailto:contact@centre-social.example.fr');
    for (const hostile of ['a@b.fr?bcc=x@evil.example', 'a@b.fr&body=x', 'a%40b@c.fr', 'javascript:alert(1)@x.fr', 'a@b', '<a@b.fr>', 'a b@c.fr', 'a@b.fr#x'])
      expect(mailtoUrl(hostile)).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const url = mailtoUrl(raw);
        return url === null || /^mailto:[A-Za-z0-9._+'-]+@[A-Za-z0-9.-]+$/.test(url);
      }),
    );
  });
});

describe('a service card built from hostile data', () => {
  const card = serviceCard({
    name: 'LAEP <img src="http://127.0.0.1:9/beacon"> **La** Ribambelle',
    today: { text: '<b>ouvert</b> [maintenant](javascript:alert(1))', open: true },
    distance: '1,2 km',
    town: '# Givors_',
    structureName: '[Association](javascript:alert(1))',
    summary: '![x](http://127.0.0.1:9/i.png) Accueil\n\n# libre',
    facts: [{ title: 'Public', value: '<a href="http://evil.example">parents</a> solos' }],
    address: '<a href="http://evil.example">8 avenue</a> Anatole France',
    directions: { title: 'Y aller', url: 'javascript:alert(1)' },
    phone: { title: 'Appeler', number: '<b>04 65 71 10 03</b>' },
    email: { title: 'Écrire un courriel', address: 'a@b.fr?bcc=everyone@evil.example' },
    website: { title: 'Site web', url: 'data:text/html,<script>alert(1)</script>' },
  }) as Card;
  const texts = card.body.map((block) => block.text ?? '');

  it('shows the data as text: tags, Markdown images and links escaped', () => {
    expect(texts[0]).toBe('LAEP &lt;img src="http://127.0.0.1:9/beacon"&gt; \\*\\*La\\*\\* Ribambelle');
    expect(texts[1]).toBe('&lt;b&gt;ouvert&lt;/b&gt; \\[maintenant\\](javascript:alert(1))');
    expect(texts[2]).toBe('1,2 km · # Givors\\_');
    expect(texts[3]).toBe('\\[Association\\](javascript:alert(1))');
    expect(texts[4]).toBe('!\\[x\\](http://127.0.0.1:9/i.png) Accueil # libre');
    expect(texts[5]).toBe('**Public** : &lt;a href="http://evil.example"&gt;parents&lt;/a&gt; solos');
    expect(texts[6]).toBe('&lt;a href="http://evil.example"&gt;8 avenue&lt;/a&gt; Anatole France');
    // The address that cannot be a safe link is shown as text, escaped like the rest.
    expect(texts[7]).toBe('a@b.fr?bcc=everyone@evil.example');
    expect(card.speak).not.toMatch(/<[a-z]/i);
  });

  it('opens only vetted addresses: no javascript:, data: or mail with extra recipients, the number as tel:', () => {
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: `Appeler <b>04${NBSP}65${NBSP}71${NBSP}10${NBSP}03</b>`, url: 'tel:0465711003' }]);
  });
});

describe('a service of the offer as its card', () => {
  const hit: PresentedHit = {
    id: 's1',
    name: 'LAEP La Ribambelle',
    structureName: 'Association La Ribambelle',
    summary: null,
    remote: false,
    street: '8 avenue Anatole France',
    postcode: '69700',
    town: 'Givors',
    distanceKm: 1.24,
    zone: null,
    asked: { open: null },
    today: { open: false, state: 'opens-today', at: { hour: 14, minute: 0 }, reopens: false },
    hours: { week: { raw: 'Tu 14:00-17:00', days: [[], [{ allDay: false, start: { hour: 14, minute: 0 }, end: { hour: 17, minute: 0 } }], [], [], [], [], []], comments: [] }, fromStructure: true },
    phone: '04 65 71 10 03',
    email: null,
    website: null,
    route: { from: null, to: { latitude: 45.591, longitude: 4.769 } },
    audiences: ['solo'],
    ages: [0, 6],
    free: true,
  };
  /** Each block's text, a container's (the address opening its route) as its first item's. */
  const lines = (card: object) => (card as Card).body.map((block) => block.text ?? block.items?.[0]?.text ?? '');

  it('lays a service out for a phone: status, distance and town at the top, no label for what the layout shows', () => {
    const card = offerServiceCard(hit, 'ce soir', 'fr') as Card;
    expect(lines(card)).toEqual([
      'LAEP La Ribambelle',
      "Ouvre aujourd'hui à 14 h",
      '1,2 km · Givors',
      'Association La Ribambelle',
      '**Ce soir** : fermé',
      '**Horaires** : Horaires de la structure : le mardi de 14 h à 17 h',
      '**Public** : les parents solos, enfants de 0 à 6 ans',
      '**Accès** : gratuit',
      '8 avenue Anatole France, 69700 Givors',
    ]);
    expect(card.body[1].color).toBe('Attention');
    expect(lines(offerServiceCard({ ...hit, today: { open: true, state: 'open', until: null, note: null } }, null, 'fr'))[1]).toBe('Ouvert 24 h/24');
    expect((offerServiceCard({ ...hit, today: { open: true, state: 'open', until: null, note: null } }, null, 'fr') as Card).body[1].color).toBe('Good');
    const en = lines(offerServiceCard(hit, null, 'en'));
    expect(en[1]).toBe('Opens today at 14:00');
    expect(en).toContain('1.2 km · Givors');
    expect(en.some((line) => line.startsWith('**Tonight**') || line.startsWith('**Ce soir**'))).toBe(false);
  });

  it('shows distances as plain numbers, with the decimal sign of the language', () => {
    for (const km of [0.4, 1.94, 4.2, 9.99, 12.6, 57]) {
      const en = lines(offerServiceCard({ ...hit, distanceKm: km }, null, 'en'))[2];
      const fr = lines(offerServiceCard({ ...hit, distanceKm: km }, null, 'fr'))[2];
      expect(en).not.toContain('\\');
      expect(fr).not.toContain('\\');
      expect(en).toMatch(/^\d+(\.\d)? k?m · Givors$/);
      expect(fr).toMatch(/^\d+(,\d)? k?m · Givors$/);
    }
    // A list marker is still escaped where it would open a list: a town named "1. " in the data stays text.
    const list = lines(offerServiceCard({ ...hit, distanceKm: null, town: '1. Ville' }, null, 'fr'))[2];
    expect(list).toBe('1\\. Ville');
  });

  it('calls by tel:, writes by mailto:, goes there by "Y aller" under the address, then the website', () => {
    const full: PresentedHit = { ...hit, email: 'accueil@ribambelle.example.org', website: 'ribambelle.example.org' };
    const card = offerServiceCard(full, null, 'fr') as Card;
    expect(card.actions?.map((a) => a.url)).toEqual([
      'tel:0465711003', 'mailto:accueil@ribambelle.example.org', osmPlaceUrl({ latitude: 45.591, longitude: 4.769 }), 'https://ribambelle.example.org/',
    ]);
    // The address is the last text, right above the buttons, "Y aller" first among those that go somewhere.
    expect(lines(card).at(-1)).toBe('8 avenue Anatole France, 69700 Givors');
    // The address itself opens the same map: a parent taps what they read.
    const tappable = (card as unknown as { body: { type: string; selectAction?: { url: string }; items?: { text: string }[] }[] }).body.find((e) => e.type === 'Container');
    expect(tappable?.items?.[0]?.text).toBe('8 avenue Anatole France, 69700 Givors');
    expect(tappable?.selectAction?.url).toBe(osmPlaceUrl({ latitude: 45.591, longitude: 4.769 }));
    // No « Label : value » line repeats what a button or the top of the card shows.
    expect(lines(card).filter((line) => /^\*\*(Adresse|Distance|Aujourd'hui|Téléphone|Courriel|Site)\*\*/.test(line))).toEqual([]);
    expect(lines(offerServiceCard(full, null, 'en')).filter((line) => /^\*\*(Address|Distance|Today|Phone|E-mail|Website)\*\*/.test(line))).toEqual([]);
  });

  it('opens the place on the map when the parent\'s position is unknown, a route when it is', () => {
    const url = (card: object) => (card as Card).actions?.find((a) => a.title === 'Y aller')?.url;
    expect(url(offerServiceCard(hit, null, 'fr'))).toBe(osmPlaceUrl({ latitude: 45.591, longitude: 4.769 }));
    const from = { latitude: 45.7, longitude: 4.88 };
    expect(url(offerServiceCard({ ...hit, route: { ...hit.route!, from } }, null, 'fr'))).toBe(osmRouteUrl(from, { latitude: 45.591, longitude: 4.769 }));
  });

  it('says who a service at a distance is for, and no route', () => {
    const remote: PresentedHit = {
      ...hit, remote: true, distanceKm: null, route: null, hours: null, today: null, asked: null,
      zone: { national: false, places: [{ code: '69', name: 'Rhône', departement: true }, { code: '69091', name: 'Givors', departement: false }, { code: '99999', name: null, departement: false }] },
    };
    const shown = lines(offerServiceCard(remote, null, 'fr'));
    expect(shown[1]).toBe('à distance (téléphone ou en ligne)');
    expect(shown).toContain('**Pour** : Rhône (69), Givors, 99999');
    expect(shown).toContain('**Horaires** : horaires non renseignés');
    expect(lines(offerServiceCard({ ...remote, zone: { national: true } }, null, 'en'))).toContain('**For** : all of France');
    expect((offerServiceCard(remote, null, 'fr') as Card).actions?.map((a) => a.title)).toEqual([`Appeler 04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`]);
  });
});

describe('cards as a parent reads them, through the whole bot', () => {
  // Monday 7 December 2026, 13:20 in Paris. The shipped offer gets two more LAEP in Givors, cloned from one of its own:
  // one open every day round the clock, one open this morning only.
  let bot: TestBot;
  let dir: string;
  const clock = Settings.now;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-cards-'));
    cpSync(SHIPPED_KNOWLEDGE, dir, { recursive: true });
    const file = path.join(dir, 'offer', 'services.json');
    const services = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
    const model = services.find((service) => service.code_insee === '69091' && /LAEP/.test(String(service.nom)));
    if (!model) throw new Error('the shipped offer has no LAEP in Givors to clone');
    services.push(
      { ...model, id: 'test-round-the-clock', nom: 'LAEP Toujours Là', horaires_accueil: 'Mo-Su 00:00-24:00', courriel: 'toujours@example.org' },
      { ...model, id: 'test-this-morning', nom: 'LAEP Ce Matin', horaires_accueil: 'Mo 09:00-12:00' },
    );
    writeFileSync(file, JSON.stringify(services));
    Settings.now = () => Date.parse('2026-12-07T13:20:00+01:00');
    bot = await startTestBot(dir);
  });

  afterAll(async () => {
    Settings.now = clock;
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Each card of the replies as the lines a parent reads, by the service's name. */
  async function cardsFor(text: string, locale = 'fr-FR'): Promise<Map<string, { lines: string[]; urls: string[] }>> {
    const turn = await conversation(bot, { locale }).says(text);
    const cards = new Map<string, { lines: string[]; urls: string[] }>();
    for (const reply of turn.replies) {
      for (const attachment of (reply.attachments as Array<{ content?: Card }> | undefined) ?? []) {
        const card = attachment.content;
        if (!card?.body) continue;
        const lines = card.body.map((block) => block.text ?? '');
        const name = lines.find((line) => /LAEP/.test(line)) ?? lines[0];
        cards.set(name, { lines, urls: (card.actions ?? []).map((a) => a.url) });
      }
    }
    return cards;
  }

  it('says a place open round the clock is open 24 h/24, every day, and writes to it by mailto:', async () => {
    const card = (await cardsFor('un LAEP à Givors')).get('LAEP Toujours Là');
    expect(card).toBeDefined();
    const shown = folded(card!.lines.join('\n'));
    expect(shown).toContain('ouvert 24 h/24');
    expect(shown).toContain(folded('Tous les jours, 24 h/24'));
    expect(shown).not.toContain('jusqu');
    expect(shown).not.toContain('le lundi toute la journee');
    expect(card!.urls).toContain('mailto:toujours@example.org');
  });

  it('says a place open this morning is closed now, not closed today', async () => {
    const card = (await cardsFor('un LAEP à Givors')).get('LAEP Ce Matin');
    expect(card).toBeDefined();
    const shown = folded(card!.lines.join('\n'));
    expect(shown).toContain(folded('Fermé maintenant ; prochaine ouverture lundi prochain à 9 h'));
    expect(shown).not.toContain(folded("fermé aujourd'hui"));
  });
});
