import fc from 'fast-check';
import { telUrl } from '../../src/cards/links';
import { displayPhoneNumber, keepPhoneNumbersWhole, mailtoUrl, offerServiceCard, osmPlaceUrl, osmRouteUrl, serviceCard } from '../../src/cards/serviceCards';
import type { PresentedHit } from '../../src/offer/present';

type Card = {
  type: string;
  version: string;
  speak: string;
  body: Array<{ type: string; text?: string; color?: string; facts?: unknown }>;
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
    email: { title: 'Écrire à', address: 'accueil@ribambelle.example.org' },
    website: { title: 'Site web', url: 'https://ribambelle.example.org/' },
  }) as Card;
  const texts = card.body.map((block) => block.text ?? '');

  it('is an Adaptive Card 1.5 whose content is all text, without a FactSet', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.body.every((block) => block.type === 'TextBlock')).toBe(true);
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
    expect(card.body.every((block) => (block as { wrap?: boolean }).wrap === true)).toBe(true);
  });

  it('calls by tel:, writes by mailto:, links "Y aller" to an OpenStreetMap route, then the website', () => {
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: `Appeler 04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`, url: 'tel:0465711003' },
      { type: 'Action.OpenUrl', title: 'Écrire à accueil@ribambelle.example.org', url: 'mailto:accueil@ribambelle.example.org' },
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
    email: { title: 'Écrire à', address: 'a@b.fr?bcc=everyone@evil.example' },
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
    expect(texts[7]).toBe('Écrire à a@b.fr?bcc=everyone@evil.example');
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
    today: { open: false, state: 'opens-today', at: { hour: 14, minute: 0 } },
    hours: { week: { raw: 'Tu 14:00-17:00', days: [[], [{ allDay: false, start: { hour: 14, minute: 0 }, end: { hour: 17, minute: 0 } }], [], [], [], [], []], comments: [] }, fromStructure: true },
    phone: '04 65 71 10 03',
    email: null,
    website: null,
    route: { from: null, to: { latitude: 45.591, longitude: 4.769 } },
    audiences: ['solo'],
    ages: [0, 6],
    free: true,
  };
  const lines = (card: object) => (card as Card).body.map((block) => block.text ?? '');

  it('says each fact of the hit in the reader\'s language, in the order parents read them', () => {
    expect(lines(offerServiceCard(hit, 'ce soir', 'fr'))).toEqual([
      'LAEP La Ribambelle',
      'Association La Ribambelle',
      '**Adresse** : 8 avenue Anatole France, 69700 Givors',
      '**Distance** : 1,2 km',
      '**Ce soir** : fermé',
      "**Aujourd'hui** : Ouvre aujourd'hui à 14 h",
      '**Horaires** : Horaires de la structure : le mardi de 14 h à 17 h',
      `**Téléphone** : 04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`,
      '**Public** : les parents solos, enfants de 0 à 6 ans',
      '**Accès** : gratuit',
    ]);
    const en = lines(offerServiceCard(hit, null, 'en'));
    expect(en).toContain('**Distance** : 1\\.2 km');
    expect(en).toContain('**Today** : Opens today at 14:00');
    expect(en.some((line) => line.startsWith('**Tonight**') || line.startsWith('**Ce soir**'))).toBe(false);
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
    expect(shown).toContain('**Adresse** : à distance (téléphone ou en ligne)');
    expect(shown).toContain('**Pour** : Rhône (69), Givors, 99999');
    expect(shown).toContain('**Horaires** : horaires non renseignés');
    expect(lines(offerServiceCard({ ...remote, zone: { national: true } }, null, 'en'))).toContain('**For** : all of France');
    expect((offerServiceCard(remote, null, 'fr') as Card).actions?.map((a) => a.title)).toEqual([`Appeler 04${NBSP}65${NBSP}71${NBSP}10${NBSP}03`]);
  });
});
