import { telUrl } from '../../src/cards/links';
import { osmPlaceUrl, osmRouteUrl, serviceCard } from '../../src/cards/serviceCards';

describe('service cards', () => {
  const card = serviceCard({
    name: 'LAEP La Ribambelle',
    structureName: 'Association La Ribambelle',
    summary: 'Lieu d’accueil enfants-parents pour les 0-6 ans.',
    facts: [
      { title: 'Adresse', value: '8 avenue Anatole France, 69700 Givors' },
      { title: 'Distance', value: '1,2 km' },
      { title: 'Courriel', value: null },
    ],
    directions: { title: 'Y aller', url: osmRouteUrl({ latitude: 45.7, longitude: 4.88 }, { latitude: 45.591, longitude: 4.769 }) },
    phone: { title: 'Appeler', number: '04 65 71 10 03' },
    website: { title: 'Site web', url: 'https://ribambelle.example.org/' },
  });

  it('is an Adaptive Card 1.5 whose content is all text', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const json = JSON.stringify(card);
    expect(json).toContain('LAEP La Ribambelle');
    expect(json).toContain('Association La Ribambelle');
    expect(json).toContain('1,2 km');
    expect(json).not.toContain('Courriel');
  });

  it('links "Y aller" to an OpenStreetMap route, and calls by tel:', () => {
    expect(card).toMatchObject({
      actions: [
        { type: 'Action.OpenUrl', title: 'Y aller', url: 'https://www.openstreetmap.org/directions?route=45.70000%2C4.88000%3B45.59100%2C4.76900' },
        { type: 'Action.OpenUrl', title: 'Appeler', url: 'tel:0465711003' },
        { type: 'Action.OpenUrl', title: 'Site web', url: 'https://ribambelle.example.org/' },
      ],
    });
    expect(osmPlaceUrl({ latitude: 45.591, longitude: 4.769 })).toBe('https://www.openstreetmap.org/?mlat=45.59100&mlon=4.76900#map=17/45.59100/4.76900');
    expect(telUrl('pas un numéro')).toBeNull();
  });
});

describe('a service card built from hostile data', () => {
  const card = serviceCard({
    name: 'LAEP <img src="http://127.0.0.1:9/beacon"> **La** Ribambelle',
    structureName: '[Association](javascript:alert(1))',
    summary: '![x](http://127.0.0.1:9/i.png) Accueil\n\n# libre',
    facts: [{ title: 'Adresse', value: '<a href="http://evil.example">8 avenue</a> Anatole France' }],
    directions: { title: 'Y aller', url: 'javascript:alert(1)' },
    phone: { title: 'Appeler', number: '<b>04 65 71 10 03</b>' },
    website: { title: 'Site web', url: 'data:text/html,<script>alert(1)</script>' },
  }) as { body: Array<{ text?: string; facts?: Array<{ value: string }> }>; actions?: Array<{ url: string }>; speak: string };

  it('shows the data as text: tags, Markdown images and links escaped', () => {
    expect(card.body[0].text).toBe('LAEP &lt;img src="http://127.0.0.1:9/beacon"&gt; \\*\\*La\\*\\* Ribambelle');
    expect(card.body[1].text).toBe('\\[Association\\](javascript:alert(1))');
    expect(card.body[2].text).toBe('!\\[x\\](http://127.0.0.1:9/i.png) Accueil # libre');
    expect(card.body[3].facts?.[0].value).toBe('&lt;a href="http://evil.example"&gt;8 avenue&lt;/a&gt; Anatole France');
    expect(card.speak).not.toMatch(/<[a-z]/i);
  });

  it('opens only vetted addresses: no javascript: or data: button, the number as tel:', () => {
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Appeler', url: 'tel:0465711003' }]);
  });
});
