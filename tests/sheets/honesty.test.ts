import fc from 'fast-check';
import { fold, type Language } from '../../src/language/text';
import { SheetIndex, SheetSchema, answerSheetQuestion, readSheetQuestion, type Plan, type Sheet, type SheetField, type SheetTurn } from '../../src/sheets';
import { detailsMissing } from '../../src/sheets/details';
import { PlanNamer } from '../../src/sheets/planNames';
import { questionTokens } from '../../src/sheets/phrases';

/**
 * Answers say what a sheet does not say: no amount, no contact, no date, a plan that is not loaded, a sheet that is
 * another plan's. And they find a sentence anywhere in a sheet (a figure in the diagnosis, an organisation in an
 * action). The sheets are built here, in the model, so that these answers do not depend on any layout's parsing.
 */

const RHONE: Plan = { id: 'rhone-sdsf', title: 'Schéma départemental des services aux familles du Rhône', territory: 'Rhône (69)' };
const VAUCLUSE: Plan = { id: 'vaucluse-avs', title: "Schéma de l'animation de la vie sociale de Vaucluse", territory: 'Vaucluse (84)' };
const METZ: Plan = { id: 'metz-cdv', title: 'Contrat de ville de Metz Métropole', territory: 'Metz Métropole (Moselle)' };

function sheet(plan: Plan, prefix: string, number: string, title: string, sections: Array<[heading: string, field: SheetField, items: string[]]>): Sheet {
  return SheetSchema.parse({
    id: `${plan.id}/${number}`,
    plan,
    file: `${plan.id}/${number}.txt`,
    prefix,
    number,
    code: `${prefix} ${number}`,
    title,
    axis: [],
    sections: sections.map(([heading, field, items]) => ({ heading, field, items: items.map((text) => ({ text, level: 0 })) })),
    actions: [],
    deadlines: sections.filter(([, field]) => field === 'deadlines').flatMap(([, , items]) => items.map((text) => ({ text, actions: [], years: [] }))),
  });
}

const sheets = [
  sheet(RHONE, 'PA', '1.2.1', 'Développer les lieux d’accueil enfants-parents', [
    ['DIAGNOSTIC', 'context', ['Le département compte 31 LAEP, dont 12 dans la Métropole de Lyon.', 'Les familles rurales en sont éloignées.']],
    ['PUBLICS ET TERRITOIRES', 'audience', ['L’ensemble du territoire du Rhône']],
    ['PILOTAGE', 'pilot', ['Caf du Rhône']],
    ['PARTENAIRES', 'partners', ['Udaf 69', 'Mutualité française']],
  ]),
  sheet(RHONE, 'PA', '3.1.2', 'Valoriser les projets sociaux des centres sociaux', [
    ['PILOTAGE', 'pilot', ['Caf du Rhône dans le cadre du schéma']],
    ['FINANCEMENTS', 'funding', ['Financements Caf, communes, politique de la ville, MSA']],
    ['ÉCHÉANCES', 'deadlines', ['2022 à 2026']],
  ]),
  sheet(VAUCLUSE, 'FICHE', '3.1.2', 'Former et fidéliser les bénévoles', [
    ['Resp.', 'pilot', ['Fédération des centres sociaux de Vaucluse']],
    ['Part.', 'partners', ['MSA Alpes-Vaucluse', 'France Bénévolat Vaucluse']],
    ['Diag.', 'context', ['1 150 bénévoles actifs en 2022 dans les 38 centres sociaux.', 'Un bénévole sur quatre a quitté sa structure.']],
    ['Fin.', 'funding', ['Aide au démarrage de 15 000 € par nouvel EVS (Caf de Vaucluse)']],
    ['Éch.', 'deadlines', ['Obj. 1 : 2023-2024', 'Obj. 2 : 2024-2025']],
  ]),
  sheet(METZ, 'ACTION', '3.4', 'Faire garder les enfants des parents seuls en horaires décalés', [
    ['Porteurs de projet', 'pilot', ['Ville de Metz – pôle Petite enfance', 'Caf de la Moselle']],
    ['Acteurs associés', 'partners', ['Mission locale du Pays messin', 'France Travail']],
    ['Co-financeurs', 'funding', ['Caf de la Moselle (prestation de service unique)', 'État – crédits de la politique de la ville']],
    ['Étapes', 'actions', ['Ouvrir un accueil le samedi au multi-accueil de Bellecroix.']],
    ['Calendrier', 'deadlines', ['Étapes 2 et 3 : 2025']],
    // Both words, far apart: not the Mission locale.
    ['Contexte', 'context', ['Sa mission est d’animer un réseau local de parents.']],
  ]),
];
const index = SheetIndex.build(sheets);

function ask(text: string, language: Language = 'fr'): SheetTurn {
  return answerSheetQuestion(index, readSheetQuestion(index, text), {}, language);
}

function expectSays(turn: SheetTurn, says: string[], never: string[] = []): void {
  const text = fold(turn.text);
  for (const words of says) expect(text).toContain(fold(words));
  for (const words of never) expect(text).not.toContain(fold(words));
}

describe('the answer says plainly what the sheet does not give, then quotes what it does', () => {
  test.each<[question: string, says: string[], never: string[]]>([
    ['Quel est le montant du budget de la PA 3.1.2 du Rhône ?', ['ne donne pas de montant', 'Financements Caf, communes'], ['€']],
    ['Quel est le montant du financement de la fiche 3.1.2 du Vaucluse ?', ['15 000 €'], ['ne donne pas de montant']],
    ['Quel est le mail ou le téléphone du contact de la fiche 3.1.2 du Vaucluse ?', ['ne donne pas de contact', 'Fédération des centres sociaux de Vaucluse'], ['@']],
    ['Qui cofinance l’action 3.4 de Metz, pour quel montant ?', ['ne donne pas de montant', 'Caf de la Moselle', 'crédits de la politique de la ville'], ['€']],
    [
      'Quand se réunit le prochain comité de pilotage de la fiche 3.1.2 du Vaucluse ?',
      ['pas de date precise', 'Obj. 1 : 2023-2024'],
      ['janvier', 'juin', 'septembre'],
    ],
  ])('« %s »', (question, says, never) => {
    expectSays(ask(question), says, never);
  });

  test('the card says it too', () => {
    const card = JSON.stringify(ask('Quel est le montant du budget de la PA 3.1.2 du Rhône ?').cards[0]);
    expect(fold(card)).toContain('ne donne pas de montant');
  });

  test('a deadline given in years answers « jusqu’à quand » without a word of excuse', () => {
    expectSays(ask('jusqu’à quand court la PA 3.1.2 du Rhône ?'), ['2022 à 2026'], ['ne donne pas de date']);
  });

  test('in English too', () => {
    expectSays(ask('How much money does PA 3.1.2 of the Rhône get?', 'en'), ['gives no amount', 'Financements Caf'], []);
  });
});

describe('a figure inside a sheet is answered by quoting its sentence, with its section', () => {
  test('« combien de LAEP » quotes the diagnosis, not the audience', () => {
    const turn = ask('combien de LAEP compte le territoire selon la PA 1.2.1 ?');
    expectSays(turn, ['31 LAEP', 'Diagnostic'], ['L’ensemble du territoire du Rhône']);
  });

  test('in English', () => {
    expectSays(ask('How many LAEP are there according to PA 1.2.1?', 'en'), ['31 LAEP'], []);
  });

  test('a figure asked with no number given finds its sheet', () => {
    expectSays(ask('combien de bénévoles actifs dans le Vaucluse ?'), ['1 150 bénévoles', '3.1.2'], []);
  });

  test('a figure the sheets do not hold is not made up', () => {
    const turn = ask('combien de crèches compte la PA 1.2.1 ?');
    expect(fold(turn.text)).not.toMatch(/\b(?:[02-9]|1[02-9]|[4-9]\d)\s+creches/);
  });
});

describe('a plan or territory that is not loaded is named as such', () => {
  test.each([
    ['qui pilote la PA 2.3.2 du Gard ?', 'Gard'],
    ['fiche 1.2.5 de la Gironde', 'Gironde'],
    ['Qui pilote la PA 1.2.1 des Bouches-du-Rhône ?', 'Bouches-du-Rhône'],
  ])('« %s »', (question, place) => {
    const turn = ask(question);
    expectSays(turn, [place, 'Plans chargés', RHONE.title, METZ.title], ['Caf du Rhône']);
    expect(turn.outcome).toBe('not-found');
  });

  test('the sheets of that number in other plans are offered, not given', () => {
    const turn = ask('qui pilote la fiche 3.1.2 de la Drôme ?');
    expectSays(turn, ['Drôme', 'existe dans d’autres plans'.replace('’', "'")], ['Fédération des centres sociaux de Vaucluse', 'Caf du Rhône dans le cadre']);
    expect(turn.suggestions.length).toBeGreaterThan(0);
  });

  test('a loaded territory is not unknown', () => {
    expectSays(ask('Qui pilote la fiche 3.1.2 du Vaucluse ?'), ['Fédération des centres sociaux de Vaucluse'], ['Caf du Rhône', 'Aucun plan']);
  });

  test('another plan’s sheet is never given as the one asked without saying so', () => {
    const turn = ask('Qui pilote la PA 1.2.1 du Vaucluse ?');
    expectSays(turn, ['n’a pas de fiche'.replace('’', "'"), 'autre plan', 'Caf du Rhône'], []);
  });

  test('two plans with one number: both are shown, each named', () => {
    expectSays(ask('Qui pilote la fiche 3.1.2 ?'), ['Rhône', 'Vaucluse', 'Caf du Rhône', 'Fédération des centres sociaux de Vaucluse'], []);
  });

  test('everyday words that are also names of places are places only with a capital', () => {
    const namer = new PlanNamer([RHONE]);
    const read = (text: string) => namer.unknownPlaces(questionTokens(text), text).map((place) => place.name);
    expect(read('quelle est la somme prévue ?')).toEqual([]);
    expect(read('le schéma de la Somme')).toEqual(['Somme']);
    expect(read('fiche du Rhône')).toEqual([]);
    expect(read('fiche des Bouches-du-Rhône')).toEqual(['Bouches-du-Rhône']);
  });
});

describe('an organisation is found across sheets, with its role in each', () => {
  test('« quelles fiches impliquent la MSA ? » finds the partner and the funder', () => {
    const turn = ask('quelles fiches impliquent la MSA ?');
    expectSays(turn, ['3.1.2', 'financeur', 'partenaire', 'Vaucluse', 'Rhône'], []);
  });

  test('a name of several words is found where its words stand together', () => {
    const turn = ask('Quelles fiches impliquent la mission locale ?');
    expectSays(turn, ['3.4', 'partenaire'], ['1.2.1', 'cité dans le diagnostic']);
  });

  test('« Which sheets involve the MSA? »', () => {
    expectSays(ask('Which sheets involve the MSA?', 'en'), ['3.1.2', 'funder', 'partner'], []);
  });
});

describe('details a section holds or not', () => {
  test.each<[texts: string[], missing: string[]]>([
    [['Caf, MSA'], ['amount', 'contact', 'person', 'date']],
    [['8 000 € par an'], ['contact', 'person', 'date']],
    [['contact : accueil@caf.fr'], ['amount', 'person', 'date']],
    [['Mme Dupont, 04 90 12 34 56'], ['amount', 'date']],
    [['rentrée 2024'], ['amount', 'contact', 'person']],
  ])('%j', (texts, missing) => {
    expect(detailsMissing(texts, ['amount', 'contact', 'person', 'date'], false)).toEqual(missing);
  });

  test('a next meeting needs a day or a month', () => {
    expect(detailsMissing(['2023-2024'], ['date'], true)).toEqual(['date']);
    expect(detailsMissing(['le 12 mars'], ['date'], true)).toEqual([]);
  });
});

describe('reading what a question asks for', () => {
  const read = (text: string) => readSheetQuestion(index, text);

  test('details asked, without making the message a field question', () => {
    expect(read('quel est le numéro de téléphone ?')).toMatchObject({ details: ['contact'], fields: [] });
    expect(read('quel montant pour la PA 3.1.2 ?').details).toEqual(['amount']);
    expect(read('quand se réunit le prochain comité ?')).toMatchObject({ details: ['date'], nextEvent: true });
  });

  test('« cofinance » asks for the funding, « prévoient » for the actions', () => {
    expect(read('qui cofinance l’action 3.4 ?').fields).toContain('funding');
    expect(read('qui co-pilote la PA 3.1.2 ?').fields).toContain('pilot');
    expect(read('quelles fiches prévoient du répit ?').fields).toContain('actions');
  });

  test('« quelle fiche porte sur les LAEP ? » asks for a sheet, not a definition', () => {
    const question = read('quelle fiche porte sur les LAEP ?');
    expect(question.bareGlossary).toBe(false);
    expect(question.topicWords).toEqual(['laep']);
  });

  test('English framing words are no topic', () => {
    expect(read('How many LAEP are there according to PA 1.2.1?').topicWords).toEqual(['laep']);
    expect(read('Which sheet is about fathers?').topicWords).toEqual(['peres']);
  });

  test('territories no loaded plan covers', () => {
    expect(read('qui pilote la PA 2.3.2 du Gard ?').unknownPlaces).toEqual(['Gard']);
    expect(read('la fiche 3.4 de Metz').unknownPlaces).toEqual([]);
    expect(read('afin d’allier travail et famille').unknownPlaces).toEqual([]);
    // Part of a compound name, not the département.
    expect(read('les familles de Metz-Nord').unknownPlaces).toEqual([]);
  });
});

describe('hostile questions', () => {
  test('any text gets an answer, never an error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<Language>('fr', 'en'), (text, language) => {
        const turn = answerSheetQuestion(index, readSheetQuestion(index, text), {}, language);
        expect(typeof turn.text).toBe('string');
        expect(turn.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  test('place names, amounts and contacts mixed at random never break an answer', () => {
    const words = ['Gard', 'somme', 'Somme', 'montant', 'téléphone', 'prochain', 'quand', 'MSA', 'fiche', '3.1.2', 'combien', 'de', 'la', '€', '@'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (picked) => {
        const turn = ask(picked.join(' '));
        expect(turn.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
