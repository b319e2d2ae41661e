import { join } from 'node:path';
import { fold, type Language } from '../../src/language/text';
import {
  SheetConversationSchema,
  SheetIndex,
  answerSheetQuestion,
  readSheetConversation,
  loadSheetKnowledge,
  sheetHelpText,
  type SheetConversation,
  type SheetTurn, readSheetQuestion } from '../../src/sheets';

/**
 * Conversations over the shipped seed sheets, read as transcripts: what the partner says, what the answer must and
 * must not say. Questions are worded in many ways (French, English, capitals, typos, no dots).
 */

const seeds = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets'));
const odd = loadSheetKnowledge(join(__dirname, '../fixtures/sheets/odd'));
const index = SheetIndex.build(seeds.sheets);
/** The seeds plus a "schéma jeunesse" whose PA 2.3.2 shares its number with the SDSF's. */
const twoPlans = SheetIndex.build([...seeds.sheets, ...odd.sheets]);

interface Expect {
  outcome?: SheetTurn['outcome'];
  says?: Array<string | string[]>;
  never?: string[];
}

function check(turn: SheetTurn, expected: Expect): void {
  const text = fold(turn.text);
  if (expected.outcome) expect(turn.outcome).toBe(expected.outcome);
  for (const entry of expected.says ?? []) {
    const options = Array.isArray(entry) ? entry : [entry];
    expect(options.some((option) => text.includes(fold(option)))).toBe(true);
  }
  for (const unwanted of expected.never ?? []) expect(text).not.toContain(fold(unwanted));
  // Every turn's state must survive a trip through the database.
  expect(SheetConversationSchema.parse(JSON.parse(JSON.stringify(turn.conversation)))).toEqual(turn.conversation);
}

function ask(text: string, conversation: SheetConversation = {}, language: Language = 'fr', on: SheetIndex = index): SheetTurn {
  return answerSheetQuestion(on, readSheetQuestion(on, text), conversation, language);
}

/** Plays turns in one conversation, checking each. */
function transcript(turns: Array<[string, Expect]>, language: Language = 'fr', on: SheetIndex = index): SheetTurn[] {
  let conversation: SheetConversation = {};
  const played: SheetTurn[] = [];
  for (const [text, expected] of turns) {
    const turn = ask(text, conversation, language, on);
    check(turn, expected);
    conversation = turn.conversation;
    played.push(turn);
  }
  return played;
}

const PILOT_321 = 'Commission Parentalité du Comité des services aux familles (CDSF)';

describe('a field of a sheet named by its number', () => {
  it.each([
    ['Qui est le pilote de la fiche PA 3.2.1 ?'],
    ['QUI COORDONNE LA PA 3.2.1'],
    ['ki coordone la pa321 ?'],
    ['qui pilotte la pa 3.2.1'],
    ['la 3.2.1, qui l’anime ?'],
    ['fiche 321 pilotage'],
    ['pilote PA3.2.1'],
  ])('pilot: %s', (question) => {
    const turn = ask(question);
    check(turn, { outcome: 'answered', says: [PILOT_321, 'PA 3.2.1', 'Schéma départemental des services aux familles du Rhône'] });
    expect(turn.conversation.currentSheetIds).toEqual(['rhone-sdsf/3.2.1']);
  });

  it('names the pilot of the Tours sheet, called its "Animateur"', () => {
    check(ask("qui est l'animateur de la fiche 125 de Tours ?"), { says: ['CAF et Centres sociaux/EVS', 'CAF et Agglomération', 'FICHE 1.2.5'] });
    check(ask('Qui pilote la 2.3.3 ?'), { says: ['Caf du Rhône dans le cadre du suivi', 'Fédération des centres sociaux du Rhône'] });
  });

  it('reads a plan named without a number as its only sheet, and offers the sheets of a plan that has several', () => {
    check(ask('quel est le calendrier de la fiche de Tours ?'), { outcome: 'answered', says: ['promeneur du net sur le Sanitas en 2015', 'FICHE 1.2.5'] });
    const several = ask('qui pilote la fiche du SDSF ?');
    check(several, { outcome: 'clarify' });
    expect(several.suggestions.join(' ')).toMatch(/2\.3\.2|3\.2\.1/);
    expect(several.suggestions.join(' ')).not.toMatch(/1\.2\.5|3\.1\.2|2\.3\.3/);
  });

  it('lists the partners, funding, deadlines, indicators, diagnosis, audience and objectives', () => {
    check(ask('Avec quels partenaires travaille la PA 2.3.2 ?'), { says: ["L'Udaf 69", 'ACEPP', 'MSA Ain-Rhône', 'Associations de médiation familiale'] });
    check(ask('qui finance la fiche 2.3.2'), { says: ['Fonds national parentalité (FNP) de la Caf du Rhône'] });
    check(ask('pa 2.3.2 : quelles ressources ?'), { says: ['Fonds national parentalité'] });
    check(ask("jusqu'à quand court la PA 3.1.2 ?"), { says: ['Actions 1 et 2 : 2022 à 2026', 'Actions 3 et 4 : 2023 à 2026'] });
    check(ask('calendrier 1.2.5'), { says: ['promeneur du net sur le Sanitas en 2015'] });
    check(ask('comment mesure-t-on les résultats de la FICHE 1.2.5'), {
      says: ["nombre de réunions d'échange mises en place", 'développement des partenariats'],
    });
    check(ask('quel est le contexte de la PA 3.2.1 ?'), { says: ['15 territoires', '27%'] });
    check(ask("À qui s'adresse la PA 2.3.2 ?"), { says: ['territoires ruraux et semi-ruraux', 'QPV'] });
    check(ask('objectifs de la fiche 1.2.5'), { says: ['projet social de territoire (PST)', 'dynamiques de soutien à la parentalité'] });
    check(ask('liens de la fiche 1.2.5 avec les autres fiches'), { says: ['1.1.1, 1.1.5, 1.1.6'] });
  });

  it('answers several fields at once', () => {
    check(ask('pilote et partenaires de la PA 3.2.1'), { says: [PILOT_321, 'Les différents territoires étant impliqués'] });
  });

  it('quotes an action alone, with the deadline that applies to it', () => {
    check(ask("quelle est l'action 2 de la PA 2.3.3 ?"), { says: ['liens entre les familles et les institutions', '2021 à 2026'] });
    check(ask('PA 3.1.2, action n°3'), { says: ['Faire du projet social un document reconnu', 'Actions 3 et 4 : 2023 à 2026'], never: ['Actions 1 et 2'] });
    check(ask('la deuxième action de la 3.2.1'), { says: ['synergie partenariale'] });
    check(ask('action 9 de la PA 2.3.3'), { says: ['2 actions', "pas d'action 9"] });
    check(ask('les actions de la PA 2.3.2'), { says: ['groupes de parole', 'familles monoparentales', 'réseaux de solidarité'] });
  });

  it('sums a sheet up when asked about it, and keeps it for what follows', () => {
    transcript([
      ['parle-moi de la PA 3.2.1', { outcome: 'answered', says: ['PA 3.2.1', 'Conseils locaux de la parentalité', PILOT_321, '2021-2026', 'Action 4'] }],
      ['et les indicateurs ?', { says: ['Taux de couverture territoriale', 'Convention Territoriale Globale'] }],
      ["et l'action 3 ?", { says: ['Renforcer la participation des parents'] }],
      ['qui finance ?', { says: ['Volet Animation'] }],
      ['et pour la 2.3.2 ?', { says: ['Fonds national parentalité (FNP) de la Caf du Rhône', 'PA 2.3.2'], never: ['Volet Animation'] }],
      ['et son pilote', { says: ['Les membres de la Commission Parentalité'] }],
    ]);
  });

  it('answers in English with English framing and the sheet’s French words', () => {
    const turn = ask('Who leads PA 3.2.1?', {}, 'en');
    check(turn, { says: ['Quoted from the sheet, in French', PILOT_321] });
    check(ask('what are the partners of sheet 2.3.2', {}, 'en'), { says: ["L'Udaf 69"] });
    check(ask('when does PA 3.1.2 end?', {}, 'en'), { says: ['2023 à 2026'] });
    check(ask('and its indicators?', turn.conversation, 'en'), { says: ['Taux de couverture'] });
    expect(turn.suggestions.every((suggestion) => /^And its/.test(suggestion))).toBe(true);
  });

  it('says plainly when the number does not exist, and never names a pilot or a partner', () => {
    for (const question of ['qui pilote la PA 9.9.9 ?', 'partenaires de la fiche 7.7.7', 'PA 999 indicateurs']) {
      const turn = ask(question);
      check(turn, { outcome: 'not-found', says: ['pas trouvé la fiche'], never: ['commission parentalite', 'caf du rhone', 'udaf', 'fiche fiche'] });
      expect(turn.suggestions.length).toBeGreaterThan(0);
    }
    check(ask('pilote de la PA 2.3.9'), { outcome: 'not-found', says: ['PA 2.3.9', 'PA 2.3.2', 'PA 2.3.3'], never: ['Commission Parentalité'] });
  });
});

describe('a sheet found by its topic', () => {
  it('answers the field of the best-matching sheet, and names it', () => {
    check(ask("qui pilote la fiche sur l'entraide entre parents ?"), {
      says: ['correspond le mieux', 'PA 2.3.2', 'Les membres de la Commission Parentalité'],
    });
    check(ask('que prévoit-on pour développer les conseils locaux de la parentalité ?'), {
      says: ['PA 3.2.1', ['Conventions Territoriales Globales', 'participation des parents', 'communes']],
    });
  });

  it('finds the passage that holds a figure', () => {
    check(ask('Quel pourcentage des familles souhaite plus d’échange avec d’autres parents ?'), { says: ['48%', 'PA 2.3.2', 'Diagnostic'] });
  });

  it('finds the passages of a named plan', () => {
    check(ask("qu'est-ce que le projet promeneur du net à Tours ?"), { says: ['FICHE 1.2.5', ['Sanitas', 'Artefact']] });
  });

  it('tolerates typos in topic words', () => {
    check(ask('qui pilote la fiche sur les consels locaux de la parentalitee'), { says: ['PA 3.2.1', PILOT_321] });
  });

  it('says so when nothing matches well enough, without inventing', () => {
    for (const question of ['qui pilote la fiche sur le jardinage partagé ?', 'les indicateurs de la fiche sur la pêche en mer']) {
      const turn = ask(question);
      check(turn, { outcome: 'not-found', never: ['commission parentalite', 'caf du rhone'] });
      expect(turn.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('asks which sheet when a field is asked with no sheet in view', () => {
    const turn = ask('qui pilote ?');
    check(turn, { outcome: 'clarify', says: ['quelle fiche'] });
    expect(turn.suggestions[0]).toMatch(/^Qui pilote la /);
    check(ask('PA 3.2.1', turn.conversation), { outcome: 'answered', says: [PILOT_321] });
  });
});

describe('questions across sheets', () => {
  it('lists the sheets that involve a partner, with the passage that says so', () => {
    check(ask("dans quelles fiches l'Udaf est-elle impliquée ?"), { outcome: 'listed', says: ['PA 2.3.2', "L'Udaf 69"], never: ['3.1.2', '2.3.3'] });
    check(ask('which sheets involve the Udaf 69?', {}, 'en'), { outcome: 'listed', says: ['PA 2.3.2'], never: ['3.1.2'] });
  });

  it('understands English topic words against the French sheets', () => {
    check(ask('Which sheets are about single-parent families?', {}, 'en'), { outcome: 'listed', says: ['PA 2.3.2', 'FICHE 1.2.5'] });
    check(ask('who leads the sheet on peer support between parents?', {}, 'en'), { says: ['PA 2.3.2', 'Les membres de la Commission Parentalité'] });
  });

  it('lists the sheets about an audience, each with why', () => {
    const turn = ask('quelles sont les fiches qui traitent des familles monoparentales');
    check(turn, { outcome: 'listed', says: ['PA 2.3.2', 'FICHE 1.2.5', 'Soutenir les familles monoparentales', 'pour les familles monoparentales'] });
    expect(turn.cards).toHaveLength(1);
  });

  it('lists the sheets that mention an abbreviation, or under an axis, or all of them', () => {
    check(ask('quelles fiches parlent des LAEP'), { outcome: 'listed', says: ['FICHE 1.2.5', 'LAEP'] });
    // PA 3.2.1 writes "Fonds National Parentalité" without its abbreviation.
    check(ask('quelles fiches mobilisent le FNP ?'), { outcome: 'listed', says: ['PA 2.3.2', 'PA 3.2.1', 'Volet Animation'] });
    check(ask("les fiches de l'axe 2.3"), { outcome: 'listed', says: ['PA 2.3.2', 'PA 2.3.3'], never: ['3.2.1'] });
    check(ask('quelles fiches connais-tu ?'), { outcome: 'listed', says: ['5 fiches', 'PA 2.3.3', 'FICHE 1.2.5'] });
    check(ask('quelles fiches parlent de spéléologie ?'), { outcome: 'not-found', says: ['Aucune fiche'] });
  });
});

describe('the glossary', () => {
  it.each([
    ['que veut dire CTG ?', 'convention territoriale globale'],
    ['CTG, ça veut dire quoi ?', 'convention territoriale globale'],
    ["c'est quoi un LAEP", "lieu d'accueil enfants-parents"],
    ['Que signifie REAAP', "réseau d'écoute, d'appui et d'accompagnement des parents"],
    ['udaf ?', 'union départementale des associations familiales'],
    ['sigle PST', 'projet social de territoire'],
  ])('%s', (question, expansion) => {
    check(ask(question), { outcome: 'glossary', says: [expansion] });
  });

  it('explains in English too', () => {
    check(ask('what does CLP mean?', {}, 'en'), { outcome: 'glossary', says: ['conseil local de la parentalité', 'local parenting council'] });
  });

  it('explains an abbreviation a loaded sheet defines itself, citing it', () => {
    check(ask('que veut dire PAEJ ?', {}, 'fr', twoPlans), { outcome: 'glossary', says: ["points d'accueil et d'écoute jeunes", "D'après la PA 2.3.2"] });
  });

  it('says when a term is unknown', () => {
    check(ask('que veut dire ZQX ?'), { outcome: 'not-found', says: ['zqx'] });
  });

  it('keeps the sheet being discussed', () => {
    const [first] = transcript([['qui pilote la PA 3.2.1', {}]]);
    const glossary = ask('que veut dire CDSF ?', first.conversation);
    check(glossary, { outcome: 'glossary', says: ['comité départemental des services aux familles'] });
    check(ask('et ses échéances ?', glossary.conversation), { says: ['2021-2026'] });
  });
});

describe('one number in two plans', () => {
  it('shows both answers, each named with its plan, until a plan is named', () => {
    transcript(
      [
        ['qui pilote la PA 2.3.2 ?', { outcome: 'answered', says: ['2 plans', 'Les membres de la Commission Parentalité', 'Schéma départemental des services aux familles du Rhône', 'Direction de la jeunesse du Département de la Loire', 'Schéma jeunesse de la Loire'] }],
        ['et ses indicateurs ?', { says: ["Nombre de groupes de parole d'entraide repérés", 'Nombre de jeunes accueillis'] }],
        ['celle du schéma jeunesse', { says: ['Nombre de jeunes accueillis'], never: ['groupes de parole'] }],
      ],
      'fr',
      twoPlans,
    );
  });

  it('lets the plan named in the question settle it', () => {
    check(ask('qui pilote la PA 2.3.2 du schéma jeunesse ?', {}, 'fr', twoPlans), { says: ['Direction de la jeunesse'], never: ['Commission Parentalité'] });
    check(ask('qui pilote la PA 2.3.2 du SDSF ?', {}, 'fr', twoPlans), { says: ['Commission Parentalité'], never: ['Direction de la jeunesse'] });
    check(ask('partenaires de la 2.3.2 de la Loire', {}, 'fr', twoPlans), { says: ['Maisons des adolescents'], never: ["L'Udaf 69"] });
  });

  it('suggests questions that name the plan, and they are understood', () => {
    const listed = ask("les fiches de l'axe 2.3", {}, 'fr', twoPlans);
    const jeunesse = listed.suggestions.find((suggestion) => suggestion.includes('Schéma jeunesse de la Loire'));
    expect(jeunesse).toBeDefined();
    check(ask(jeunesse as string, {}, 'fr', twoPlans), { says: ['Direction de la jeunesse'], never: ['Commission Parentalité'] });
  });

  it('asks which plan when a number exists in many plans', () => {
    const many = SheetIndex.build(
      ['a', 'b', 'c', 'd'].map((letter, position) => ({
        ...seeds.sheets[0],
        id: `plan-${letter}/2.3.3`,
        plan: { id: `plan-${letter}`, title: `Plan ${letter.toUpperCase()} numéro ${position}` },
      })),
    );
    const turn = answerSheetQuestion(many, readSheetQuestion(many, 'qui pilote la PA 2.3.3'), {}, 'fr');
    check(turn, { outcome: 'clarify', says: ['plusieurs plans'] });
    expect(turn.suggestions).toHaveLength(4);
    expect(turn.conversation.currentSheetIds).toHaveLength(4);
  });
});

describe('what the answer is made of', () => {
  it('comes with an Adaptive Card 1.5 that names the sheet in a TextBlock', () => {
    const turn = ask('qui pilote la PA 3.2.1');
    expect(turn.cards).toHaveLength(1);
    const card = JSON.parse(JSON.stringify(turn.cards[0]));
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    const texts: string[] = card.body.filter((element: { type: string }) => element.type === 'TextBlock').map((element: { text: string }) => element.text);
    expect(texts[0]).toContain('PA 3.2.1');
    expect(texts.some((text) => text.includes('Schéma départemental des services aux familles du Rhône'))).toBe(true);
    expect(texts.some((text) => text.includes(PILOT_321))).toBe(true);
  });

  it('gives follow-up suggestions that the engine understands', () => {
    const first = ask('qui pilote la PA 2.3.3');
    for (const suggestion of first.suggestions) {
      const next = ask(suggestion, first.conversation);
      expect(next.outcome).toBe('answered');
      expect(next.conversation.currentSheetIds).toEqual(['rhone-avs/2.3.3']);
    }
  });

  it('starts fresh from an empty or unreadable state, and ignores sheets no longer loaded', () => {
    check(ask('et ses indicateurs ?', { currentSheetIds: ['gone/1.1.1'] }), { outcome: 'clarify' });
    // Stored state is read through readSheetConversation (as the main dialog's memory does) before it is used.
    const stale = readSheetConversation(JSON.parse('{"currentSheetIds": 42}'));
    expect(stale).toEqual({});
    check(answerSheetQuestion(index, readSheetQuestion(index, 'qui pilote la PA 3.2.1'), stale, 'fr'), { says: [PILOT_321] });
  });
});

describe('hostile input', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['emoji only', '😀😀😀'],
    ['10,000 letters', 'x'.repeat(10_000)],
    ['10,000 characters of one question word', 'qui pilote '.repeat(1_000)],
    ['a script tag', '<script>alert("x")</script>'],
    ['HTML around a number', '<b>PA</b> <i>3.2.1</i> <img src=x onerror=alert(1)>'],
    ['SQL injection', "'; DROP TABLE sheets; --"],
    ['SQL query', 'SELECT * FROM fiches WHERE 1=1'],
    ['a path', '../../../etc/passwd'],
    ['control characters', '\u0000\u0001\u0002'],
    ['a huge number', 'PA 99999999999999999999.1'],
    ['a huge action number', 'action 99999999999'],
    ['a template injection', '{{constructor.constructor("return process")()}}'],
    ['words of object prototypes', '__proto__ constructor toString la prototype action hasOwnProperty valueOf'],
  ])('%s gets a calm answer', (_label, text) => {
    const turn = ask(text);
    expect(['not-found', 'clarify', 'answered', 'listed']).toContain(turn.outcome);
    expect(turn.text.length).toBeGreaterThan(0);
    expect(turn.text.length).toBeLessThan(5_000);
    expect(turn.text).not.toContain('<script');
    expect(turn.text).not.toMatch(/\berror\b|undefined|NaN|\[object/);
    expect(SheetConversationSchema.safeParse(turn.conversation).success).toBe(true);
  });

  it('answers a real question buried in a very long message from its beginning', () => {
    check(ask(`qui pilote la PA 3.2.1 ${'blabla '.repeat(2_000)}`), { says: [PILOT_321] });
  });
});

describe('help', () => {
  it('says what one can ask, with examples taken from the loaded sheets that work', () => {
    for (const language of ['fr', 'en'] as const) {
      const help = sheetHelpText(language, index);
      expect(help).toContain('5');
      const examples = help.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
      expect(examples.length).toBeGreaterThanOrEqual(2);
      for (const example of examples) {
        expect(examples.join(' ')).toMatch(/PA |FICHE /);
        expect(['answered', 'listed', 'glossary']).toContain(ask(example, {}, language).outcome);
      }
    }
  });

  it('says so when no sheet is loaded', () => {
    expect(sheetHelpText('fr', SheetIndex.build([]))).toMatch(/Aucune fiche/);
    check(answerSheetQuestion(SheetIndex.build([]), readSheetQuestion(SheetIndex.build([]), 'qui pilote la PA 3.2.1'), {}, 'fr'), { outcome: 'not-found' });
  });
});
