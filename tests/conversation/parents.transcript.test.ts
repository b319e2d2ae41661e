import { Settings } from 'luxon';
import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/** The titles of the service cards of a turn, in order. */
function cardTitles(replies: Record<string, unknown>[]): string[] {
  const titles: string[] = [];
  for (const reply of replies) {
    for (const attachment of (reply.attachments as Array<{ content?: { body?: Array<{ text?: string }> } }> | undefined) ?? []) {
      const title = attachment.content?.body?.[0]?.text;
      if (title) titles.push(folded(title.replace(/\\/g, '')));
    }
  }
  return titles;
}

/** The quick replies of the last message of a turn. */
function quickReplies(replies: Record<string, unknown>[]): string[] {
  const last = replies[replies.length - 1] as { suggestedActions?: { actions?: Array<{ title: string }> } } | undefined;
  return last?.suggestedActions?.actions?.map((a) => a.title) ?? [];
}

/**
 * Parents look for support near them, through the whole bot, on the development offer (fictional places, real
 * communes). Sheet questions must still work in the same conversation.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(DEV_KNOWLEDGE);
});
afterAll(async () => {
  await bot.stop();
});

describe('a parent looks for support', () => {
  test('a kind and a commune in one sentence', async () => {
    const reply = folded((await conversation(bot).says('un LAEP à Givors ?')).text);
    expect(reply).toContain('ribambelle');
    expect(reply).toMatch(/km/);
  });

  test('a kind without a place: the bot asks where, then uses the shared position', async () => {
    const chat = conversation(bot);
    const asked = await chat.says('je cherche un café des parents');
    expect(asked.replies.some((reply) => (reply.channelData as { maillage?: { askLocation?: boolean } } | undefined)?.maillage?.askLocation)).toBe(true);
    const found = folded((await chat.sharesPosition(47.392, 0.69)).text);
    expect(found).toContain('sanitas');
  });

  test('a follow-up changes the place and keeps the kind', async () => {
    const chat = conversation(bot);
    await chat.says('un LAEP à Vénissieux');
    expect(folded((await chat.says('et à Joué-lès-Tours ?')).text)).toContain('escale');
  });

  test('the two journeys live in one conversation', async () => {
    const chat = conversation(bot);
    expect(folded((await chat.says('laep givors')).text)).toContain('ribambelle');
    expect(folded((await chat.says('qui pilote la PA 3.2.1 ?')).text)).toContain('commission parentalite');
    expect(folded((await chat.says('et à Joué-lès-Tours ?')).text)).toContain('escale');
  });

  test('a day named in full keeps the places open that day, and the answer says it', async () => {
    const clock = Settings.now;
    // Tuesday 10 March 2026 in Paris; 15 December 2026 is a Tuesday.
    Settings.now = () => Date.parse('2026-03-10T10:30:00+01:00');
    try {
      const chat = conversation(bot);
      const tuesday = folded((await chat.says('un groupe de parole le 15 décembre à Villeurbanne')).text);
      expect(tuesday).toContain('le mardi 15 decembre');
      expect(tuesday).toContain('groupe de parole des parents');
      const wednesday = folded((await chat.says('et le 16/12 ?')).text);
      expect(wednesday).toContain('le mercredi 16 decembre');
      expect(wednesday).not.toContain('groupe de parole des parents');
    } finally {
      Settings.now = clock;
    }
  });

  test('nothing open now: the bot says so and shows the places that open soonest', async () => {
    const clock = Settings.now;
    // Tuesday 10 March 2026 at noon in Paris: La Ribambelle opens at 14 h, Les Petits Pas on Wednesday.
    Settings.now = () => Date.parse('2026-03-10T12:00:00+01:00');
    try {
      const reply = folded((await conversation(bot).says('un LAEP ouvert maintenant à Givors ?')).text);
      expect(reply).toContain(folded("n'est ouvert en ce moment pres de Givors"));
      expect(reply).toMatch(/ribambelle.*ouvre aujourd'hui a 14 h.*petits pas.*prochaine ouverture demain a 9 h/s);
    } finally {
      Settings.now = clock;
    }
  });

  test('nothing of that kind nearby is said plainly, not filled with far places', async () => {
    const reply = folded((await conversation(bot).says('un LAEP à Marseille')).text);
    expect(reply).not.toContain('ribambelle');
    expect(reply).not.toContain('escale');
  });
});

describe('parents as they really write, on the shipped demo offer', () => {
  let demo: TestBot;
  beforeAll(async () => {
    demo = await startTestBot();
  });
  afterAll(async () => {
    await demo.stop();
  });

  test('a custody dispute is a need for family mediation, near the town named', async () => {
    const turn = await conversation(demo).says("on se dispute pour la garde des enfants, à qui m'adresser vers Givors ?");
    const reply = folded(turn.text);
    expect(reply).toContain('mediation familiale');
    expect(reply).toContain('givors');
    expect(reply).not.toContain('la garde');
  });

  test('support in general is answered with the places near there, grouped by kind', async () => {
    const turn = await conversation(demo).says('du soutien à la parentalité près de Tours');
    const reply = folded(turn.text);
    expect(reply).toContain('par type');
    expect(reply).not.toContain('« tour');
    // One message: the header, then the cards, the first of each kind headed by the kind, at most two a kind.
    expect(turn.replies).toHaveLength(1);
    const cards = (turn.replies[0]!.attachments as { content: { body: { text?: string; color?: string }[] } }[]).map((a) => a.content);
    const headings = cards.map((card) => card.body[0]).filter((block) => block?.color === 'Accent').map((block) => folded(block?.text ?? ''));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    expect(new Set(headings).size).toBe(headings.length);
    expect(cards.length).toBeLessThanOrEqual(headings.length * 2);
    for (const text of ['aide pour parents à Paris', 'quelque chose pour les parents à Marseille']) {
      const elsewhere = folded((await conversation(demo).says(text)).text);
      expect(elsewhere).not.toMatch(/aucun resultat pour|pa \d\.\d|pas bien compris/);
      expect(elsewhere).toContain('aucune aide a la parentalite');
    }
  });

  test('« et … » naming a new kind and a new place is a new question: the last day is not kept', async () => {
    const chat = conversation(demo);
    expect(folded((await chat.says('un espace rencontre ouvert le week-end à Lyon')).text)).toContain('week-end');
    expect(folded((await chat.says('et bonjour, un groupe de parole à Villeurbanne')).text)).not.toContain('week-end');
  });

  test('a new question starts afresh: no filter left from the last search', async () => {
    const chat = conversation(demo);
    expect(folded((await chat.says('un espace rencontre ouvert le week-end à Lyon')).text)).toContain('week-end');
    const fresh = await chat.says('quelque chose pour les parents à Villeurbanne');
    expect(folded(fresh.text)).toContain('par type');
    expect(folded(fresh.text)).not.toContain('week-end');
    expect(cardTitles(fresh.replies).some((t) => !t.includes('espace rencontre'))).toBe(true);
  });

  test('explicit follow-ups keep the search: the day, the place, the audience', async () => {
    const chat = conversation(demo);
    await chat.says('un groupe de parole à Tours');
    const teens = await chat.says('et pour les ados ?');
    expect(cardTitles(teens.replies)[0]).toContain("parents d'ados");
    const bron = await chat.says('et à Bron ?');
    expect(folded(bron.text)).toContain('bron');
    expect(folded(bron.text)).toContain("parents d'adolescents");
  });

  test('a teenager who no longer talks: listening and groups for parents of teenagers first', async () => {
    const turn = await conversation(demo).says('mon fils a 14 ans il ne me parle plus… on habite Lyon');
    const titles = cardTitles(turn.replies);
    expect(titles[0]).toContain("parents d'ados");
    expect(titles.join(' ')).not.toContain('aide aux devoirs');
  });

  test('pregnant and alone: support for single parents and young children, never a word search', async () => {
    const turn = await conversation(demo).says('je suis enceinte et seule à Bron');
    const reply = folded(turn.text);
    expect(reply).not.toContain('enceinte »');
    expect(cardTitles(turn.replies).join(' ')).toMatch(/parents solos|accueil enfants-parents|laep|point ecoute/);
  });

  test('"plus loin" shows only what is new, then says plainly when there is nothing new', async () => {
    const chat = conversation(demo);
    const first = await chat.says('un groupe de parole à Vénissieux');
    const shown = cardTitles(first.replies);
    const wider = await chat.says('plus loin');
    expect(folded(wider.text)).toContain('60 km');
    for (const title of cardTitles(wider.replies)) expect(shown).not.toContain(title);
    const again = await chat.says('plus loin');
    const widest = await chat.says('plus loin');
    const lastTitles = [...cardTitles(again.replies), ...cardTitles(widest.replies)];
    for (const title of lastTitles) expect([...shown, ...cardTitles(wider.replies)]).not.toContain(title);
    expect(folded(widest.text)).toContain('100 km');
  });

  test('"ce soir": the header and every card agree on the evening', async () => {
    const clock = Settings.now;
    Settings.now = () => Date.parse('2026-03-10T10:30:00+01:00');
    try {
      const turn = await conversation(demo).says("parler à quelqu'un ce soir à Lyon");
      const reply = folded(turn.text);
      expect(reply).toContain('ce soir');
      // The line that closes at 19 h is not "open tonight"; the one open until 20 h is, and says its whole opening.
      expect(cardTitles(turn.replies)).not.toContain(folded('Écoute téléphonique Parents Rhône'));
      expect(reply).toContain(folded('**Ce soir** : le mardi de 10 h à 20 h'));
    } finally {
      Settings.now = clock;
    }
  });

  test('one presentation: when there are cards, the text is a short header, not a list of the same services', async () => {
    const turn = await conversation(demo).says('un centre social à Bron');
    const message = turn.replies.find((r) => ((r.attachments as unknown[] | undefined) ?? []).length > 0);
    expect(message).toBeDefined();
    const text = String(message?.text);
    expect(text).not.toMatch(/^\d+\. /m);
    expect(text.length).toBeLessThan(200);
    expect(text).toContain("Dites « d'autres » pour voir la suite.");
  });

  test('an ambiguous commune: the bot asks which, with the départements, and the answer resumes the search', async () => {
    const chat = conversation(demo);
    const asked = await chat.says('un LAEP à Saint-Julien');
    expect(folded(asked.text)).toContain('laquelle');
    const choices = quickReplies(asked.replies);
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.every((c) => /\(.+, \d[\dAB]\d?\)$/.test(c))).toBe(true);
    const resumed = folded((await chat.says(choices[0])).text);
    expect(resumed).toContain(folded(choices[0].replace(/ \(.*$/, '')));
    expect(resumed).toMatch(/lieu d'accueil enfants-parents|laep/);
  });

  test('a question left pending is asked again after an interruption, and the answer resumes the search', async () => {
    const chat = conversation(demo);
    await chat.says('je cherche un café des parents');
    const interruption = folded((await chat.says('qui pilote la PA 3.2.1 ?')).text);
    expect(interruption).toContain('commission parentalite');
    expect(interruption).toContain('pour continuer la recherche');
    expect(folded((await chat.says('Villeurbanne')).text)).toContain('cafe des parents');
  });

  test('English, the way parents type it', async () => {
    const turn = await conversation(demo, { locale: 'en-GB' }).says('we are separating and fight about custody, any help near Tours?');
    expect(turn.text).toMatch(/family mediation/i);
    expect(turn.text).not.toMatch(/pas compris|did not quite understand/i);
  });
});

describe('the find-support journey after QA (départements, which commune, situations, audiences, out of scope)', () => {
  let demo: TestBot;
  beforeAll(async () => {
    demo = await startTestBot();
  });
  afterAll(async () => {
    await demo.stop();
  });

  test('a département named: its places, said "dans le Rhône", never a radius around its chef-lieu; "plus loin" says it was all searched', async () => {
    for (const said of ['un café des parents dans le Rhône', 'un café des parents dans le 69']) {
      const chat = conversation(bot);
      const turn = await chat.says(said);
      const reply = folded(turn.text);
      expect(reply).toContain('dans le rhone');
      expect(reply).not.toMatch(/km de lyon/);
      expect(cardTitles(turn.replies).length).toBeGreaterThan(0);
      const wider = folded((await chat.says('plus loin')).text);
      expect(wider).toContain('tout le departement du rhone');
      expect(wider).not.toMatch(/rien de plus|km de lyon/);
    }
    const indre = folded((await conversation(demo).says('un laep en Indre-et-Loire')).text);
    expect(indre).toContain("dans le departement d'indre-et-loire");
    expect(indre).not.toMatch(/km d'indre|km de tours/);
  });

  test('which commune: the question names the place as typed, communes with places first; the answer may name the département', async () => {
    const chat = conversation(demo);
    const asked = await chat.says('mediation a villefranche');
    expect(asked.text).toContain('« villefranche »');
    expect(quickReplies(asked.replies)[0]).toMatch(/^Villefranche-sur-Saône \(Rhône, 69\)$/);
    const resumed = folded((await chat.says('dans le rhone')).text);
    expect(resumed).toContain('mediation familiale');
    expect(resumed).toContain('villefranche-sur-saone');
  });

  test('a situation with none of its kinds near: support in general there, saying nothing specific was found', async () => {
    const turn = await conversation(bot).says('on se dispute beaucoup avec mon ex pour la garde, à Tours');
    const reply = folded(turn.text);
    expect(reply).toContain('rien trouve de specifique a votre situation');
    expect(reply).not.toMatch(/aucune aide adaptee|aucun lieu/);
    expect(cardTitles(turn.replies).length).toBeGreaterThan(0);
    // A kind named explicitly is not replaced: none is said plainly, with the way to look further.
    const named = folded((await conversation(bot).says('une médiation familiale à Tours')).text);
    expect(named).toContain('aucune mediation familiale');
    expect(named).toContain('plus loin');
  });

  test("the child's age ranks, it does not filter: places for babies first, then those open to all, and no audience claimed", async () => {
    const turn = await conversation(bot).says('mon bébé de 3 mois, Vénissieux');
    const reply = folded(turn.text);
    expect(reply).not.toMatch(/rien de specialement|pour les parents de tout-petits|enfant de 0 an/);
    const titles = cardTitles(turn.replies);
    const firstGeneral = titles.findIndex((t) => !/accueil enfants-parents|laep/.test(t));
    expect(firstGeneral).toBeGreaterThan(0);
    expect(titles.slice(0, firstGeneral).every((t) => /accueil enfants-parents|laep/.test(t))).toBe(true);
    const tired = folded((await conversation(bot).says('je suis épuisée avec mon bébé, à Amboise')).text);
    expect(tired).not.toMatch(/rien de specialement|parents solos/);
  });

  test('childcare is not in this offer: where to find it first, as a link, then support near the place named', async () => {
    const turn = await conversation(demo).says("une garde d'enfants à Lyon");
    expect(turn.replies[0].text).toMatch(/\[monenfant\\?\.fr[^\]]*\]\(https:\/\/monenfant\.fr\)/);
    expect(folded(turn.text)).toContain('lyon');
    expect(cardTitles(turn.replies).length).toBeGreaterThan(0);
    const alone = await conversation(demo).says('je cherche une nounou');
    expect(alone.text).toContain('monenfant');
    expect(folded(alone.text)).not.toMatch(/pas trouve d'aide|pas bien compris/);
    const english = await conversation(demo, { locale: 'en-GB' }).says('I am looking for a nanny in Lyon');
    expect(english.text).toMatch(/You will find it on \[monenfant/);
  });

  test('wording: "where?" for a situation, and "d\'autres" after the last "plus loin" says everything was shown, once', async () => {
    const asked = folded((await conversation(demo).says('mon bébé pleure la nuit, des conseils pour le sommeil ?')).text);
    expect(asked).not.toContain('chercher : aides adaptees');
    expect(asked).toMatch(/ou dois-je chercher (un|une) /);
    const chat = conversation(demo);
    await chat.says('point ecoute a amboise');
    const wider = folded((await chat.says('plus loin')).text);
    const others = folded((await chat.says("d'autres")).text);
    if (wider.includes('rien de plus')) expect(others).not.toContain('rien de plus');
    expect(others).toContain('tous les resultats');
  });
});
