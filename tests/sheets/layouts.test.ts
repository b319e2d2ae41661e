import fc from 'fast-check';
import { parseSheets, parseSheetText } from '../../src/sheets/parser';
import { sectionsOf, type Plan, type Sheet, type SheetField } from '../../src/sheets/model';
import { SheetIndex } from '../../src/sheets/sheetIndex';
import { readSheetQuestion } from '../../src/sheets/understand';

/** One small sheet per layout plans use, written here, each read into the same model. */

const PLAN: Plan = { id: 'plan-test', title: 'Plan de test' };

function parse(text: string, file = 'fiche.txt'): Sheet {
  const outcome = parseSheetText(text, { file, plan: PLAN });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.sheet;
}

/** The items of a field, joined, to assert on. */
function field(sheet: Sheet, name: SheetField): string {
  return sectionsOf(sheet, name)
    .flatMap((section) => section.items.map((item) => item.text))
    .join(' | ');
}

function fields(sheet: Sheet): SheetField[] {
  return [...new Set(sheet.sections.filter((section) => section.items.length > 0).map((section) => section.field))];
}

describe('sheet layouts', () => {
  it('reads headings in capitals', () => {
    const sheet = parse(
      'PA 3.2.1 - SOUTENIR LES CONSEILS LOCAUX\n\nDIAGNOSTIC\n\n- 15 territoires ont un CLP.\n\nPILOTAGE / COORDINATION\n\n➔ Caf du Rhône\n\nACTION 1\n\nFormer les animateurs.\n\nÉCHÉANCES\n\n2022-2026\n',
    );
    expect(sheet.code).toBe('PA 3.2.1');
    expect(fields(sheet)).toEqual(['context', 'pilot', 'actions', 'deadlines']);
    expect(field(sheet, 'pilot')).toBe('Caf du Rhône');
    expect(sheet.actions).toEqual([{ number: 1, items: ['Former les animateurs.'] }]);
    expect(sheet.deadlines[0].years).toEqual([2022, 2026]);
  });

  it('reads headings underlined with « ---- » in plain words (« Qui fait quoi », « Argent mobilisé », « Quand »)', () => {
    const sheet = parse(
      [
        'Fiche n° 9',
        'Accueillir les grands-parents dans les centres sociaux',
        '======================================================',
        '',
        'Pourquoi cette fiche ?',
        '----------------------',
        'Un tiers des familles accueillies vivent avec un grand-parent.',
        '',
        'Qui fait quoi',
        '-------------',
        'Chef de file : Caf du Gard.',
        'Avec : MSA Languedoc, Département du Gard.',
        '',
        'Argent mobilisé',
        '---------------',
        'Fonds publics et territoires.',
        '',
        'Quand',
        '-----',
        '2025',
        '',
        'Comment on saura que ça marche',
        '------------------------------',
        'Nombre de grands-parents accueillis.',
      ].join('\n'),
    );
    expect(sheet.code).toBe('FICHE 9');
    expect(sheet.title).toBe('Accueillir les grands-parents dans les centres sociaux');
    expect(field(sheet, 'context')).toContain('Un tiers des familles');
    expect(field(sheet, 'pilot')).toContain('Caf du Gard');
    expect(field(sheet, 'partners')).toContain('MSA Languedoc');
    expect(field(sheet, 'funding')).toContain('Fonds publics');
    expect(field(sheet, 'deadlines')).toContain('2025');
    expect(field(sheet, 'results')).toContain('Nombre de grands-parents');
  });

  it('reads numbered headings and sub-headings, letters and Word bullets', () => {
    const sheet = parse(
      [
        'Orientation stratégique B – Soutenir les parents',
        '',
        'Fiche-action 7 – Accompagner les 1 000 premiers jours',
        '',
        '1.\tContexte',
        '',
        '1.1\tConstats chiffrés',
        'En 2022, 31 % des mères se sont senties seules.',
        '',
        '2.\tObjectifs',
        'a)\tGénéraliser l\'entretien prénatal.',
        'b)\tProposer une visite à domicile.',
        '',
        '3.\tPilotage et partenariat',
        '',
        '3.1\tPilote',
        'Conseil départemental (PMI)',
        '',
        '3.2\tPartenaires',
        '\uf0b7\tCaf du Finistère',
        '\uf0b7\tMaternités :',
        'o\tCHU de Brest',
        '\uf0b7\tSages-femmes libérales',
        '',
        '4.\tMise en œuvre',
        'Action 7.1 – Proposer l\'entretien prénatal à toutes les femmes enceintes. Échéance : fin 2024.',
        'Action 7.2 – Ouvrir deux LAEP. Échéance : 2026.',
        '',
        '5.2\tModalités',
        'Bilan annuel au comité de suivi.',
      ].join('\n'),
    );
    expect(sheet.code).toBe('FICHE-ACTION 7');
    expect(sheet.number).toBe('7');
    expect(sheet.axis).toEqual([{ kind: 'Orientation', number: 'B', title: 'Soutenir les parents' }]);
    expect(field(sheet, 'context')).toContain('31 %');
    expect(sectionsOf(sheet, 'objectives')[0].items.map((item) => item.number)).toEqual(['a', 'b']);
    expect(field(sheet, 'pilot')).toBe('Conseil départemental (PMI)');
    const partners = sectionsOf(sheet, 'partners')[0].items;
    expect(partners.map((item) => [item.text, item.level])).toEqual([
      ['Caf du Finistère', 0],
      ['Maternités :', 0],
      ['CHU de Brest', 1],
      ['Sages-femmes libérales', 0],
    ]);
    expect(sheet.actions.map((action) => action.number)).toEqual([1, 2]);
    expect(sheet.deadlines).toEqual([
      { text: 'Action 1 : fin 2024', actions: [1], years: [2024] },
      { text: 'Action 2 : 2026', actions: [2], years: [2026] },
    ]);
    expect(sheet.sections.find((section) => section.heading === 'Modalités')?.field).toBe('other');
  });

  it('reads "Label :" lines with the plan\'s own words, and « Action n° 3.4 » as the sheet\'s code', () => {
    const sheet = parse(
      [
        'CONTRAT DE VILLE DE METZ 2024-2030',
        'Pilier Cohésion sociale – Axe 3 : Les familles au cœur des quartiers',
        '',
        'Action n° 3.4 – Faire garder les enfants en horaires décalés',
        '',
        'Éléments de Contexte :',
        '38 % des familles sont monoparentales.',
        '',
        'Porteurs de Projet :',
        'Ville de Metz',
        'Caf de la Moselle',
        '',
        'Co-Financeurs :',
        'État – crédits de la politique de la ville',
        '',
        'Zone d\'Intervention :',
        'Quartiers de Borny et Bellecroix.',
        '',
        'Étapes de Réalisation :',
        '1) Réserver des places en horaires élargis.',
        '2) Ouvrir un accueil le samedi.',
        '',
        'Calendrier de Réalisation :',
        'Étape 1 : rentrée 2024',
        'Étape 2 : 2025',
      ].join('\n'),
    );
    expect(sheet.code).toBe('ACTION 3.4');
    expect(sheet.axis).toEqual([
      { kind: 'Pilier', number: 'Cohésion sociale' },
      { kind: 'Axe', number: '3', title: 'Les familles au cœur des quartiers' },
    ]);
    // The plan's title above the code is no part of the sheet.
    expect(fields(sheet)).toEqual(['context', 'pilot', 'funding', 'audience', 'actions', 'deadlines']);
    expect(field(sheet, 'pilot')).toBe('Ville de Metz | Caf de la Moselle');
    expect(sheet.actions.map((action) => action.number)).toEqual([1, 2]);
    expect(sheet.deadlines.map((deadline) => deadline.years)).toEqual([[2024], [2025]]);
  });

  it('reads inline « Label : valeur » lines and bold labels', () => {
    const sheet = parse(
      'Fiche action n°4 : Créer un café des parents\n\nPilote : Centre social des Sources\nPartenaires : Caf, Udaf, école Jules Ferry\n**Budget** : 8 000 € par an\n**Échéance :** 2025\nPoints forts : un lieu déjà connu des familles\n',
    );
    expect(sheet.code).toBe('FICHE ACTION 4');
    expect(sheet.number).toBe('4');
    expect(field(sheet, 'pilot')).toBe('Centre social des Sources');
    expect(field(sheet, 'partners')).toBe('Caf, Udaf, école Jules Ferry');
    expect(field(sheet, 'funding')).toBe('8 000 € par an');
    expect(sheet.deadlines).toEqual([{ text: '2025', actions: [], years: [2025] }]);
    expect(sheet.sections.find((section) => section.heading === 'Points forts')?.items[0].text).toBe('un lieu déjà connu des familles');
  });

  it('reads Markdown headings, known or not', () => {
    const sheet = parse('# FA 3 — Soutenir les pères\n\n## Contexte\n\nPeu de pères viennent.\n\n## Points de vigilance\n\n- Horaires\n\n## Indicateurs\n\n- Nombre de pères\n', 'fa-3.md');
    expect(sheet.code).toBe('FA 3');
    expect(sheet.sections.map((section) => [section.heading, section.field])).toEqual([
      ['Contexte', 'context'],
      ['Points de vigilance', 'other'],
      ['Indicateurs', 'results'],
    ]);
  });

  it('reads abbreviated labels standing alone ("Diag.", "Resp. (lead)", "Obj. 1 – …")', () => {
    const sheet = parse(
      [
        'SDAVS 84 | Orientation 2 – La vie sociale partout | Fiche 2.1.4',
        '',
        'Accompagner les espaces de vie sociale ruraux',
        '',
        'Diag.',
        '• 97 communes n\'ont pas de centre social.',
        '',
        'Obj. 1 – Repérer les communes prêtes. Éch. 2023',
        'Obj. 2 – Accompagner chaque porteur. Éch. 2024-2026',
        '',
        'Resp. (lead)',
        'Caf de Vaucluse',
        '',
        'Part.',
        'MSA Alpes-Vaucluse · Département de Vaucluse · associations rurales',
        '',
        'Points de vigilance',
        '• Ne pas confier aux bénévoles des postes salariés.',
        '',
        'KPI',
        '• Nb d\'EVS créés',
      ].join('\n'),
    );
    expect(sheet.code).toBe('FICHE 2.1.4');
    expect(sheet.title).toBe('Accompagner les espaces de vie sociale ruraux');
    expect(sheet.axis).toEqual([{ kind: 'Orientation', number: '2', title: 'La vie sociale partout' }]);
    expect(field(sheet, 'context')).toContain('97 communes');
    expect(sectionsOf(sheet, 'objectives')[0].items.map((item) => item.number)).toEqual(['1', '2']);
    expect(field(sheet, 'pilot')).toBe('Caf de Vaucluse');
    expect(field(sheet, 'partners')).toBe('MSA Alpes-Vaucluse | Département de Vaucluse | associations rurales');
    expect(sheet.sections.find((section) => section.heading === 'Points de vigilance')?.field).toBe('other');
    expect(field(sheet, 'results')).toBe("Nb d'EVS créés");
    expect(sheet.deadlines.map((deadline) => deadline.text)).toEqual(['Obj. 1 : 2023', 'Obj. 2 : 2024-2026']);
  });

  it('keeps a bar inside a title written after the sheet code on its line', () => {
    const sheet = parse(['PA 9.8.7 - Ribambelle | Farandole', '', 'PILOTAGE', '- Caf du Rhône', ''].join('\n'));
    expect(sheet.code).toBe('PA 9.8.7');
    expect(sheet.title).toBe('Ribambelle | Farandole');
    expect(field(sheet, 'pilot')).toBe('Caf du Rhône');
  });

  it.each([
    ['the code first, then the title', 'Fiche 2.1.4 | Accompagner les EVS ruraux', 'Accompagner les EVS ruraux'],
    ['the code in the middle', 'SDAVS 84 | Fiche 2.1.4 | Accompagner les EVS ruraux', 'Accompagner les EVS ruraux'],
    ['the code last, the title on the next line', 'SDAVS 84 | Orientation 2 – La vie sociale | Fiche 2.1.4\n\nAccompagner les EVS ruraux', 'Accompagner les EVS ruraux'],
  ])('reads a breadcrumb with %s', (_where, head, title) => {
    const sheet = parse([head, '', 'Pilote', 'Caf de Vaucluse', ''].join('\n'));
    expect(sheet.code).toBe('FICHE 2.1.4');
    expect(sheet.title).toBe(title);
    expect(field(sheet, 'pilot')).toBe('Caf de Vaucluse');
  });

  it('reads a Markdown pipe table with continuation rows and <br> in cells', () => {
    const sheet = parse(
      [
        'Convention territoriale globale – export du classeur',
        '',
        '| Fiche action | B2 |',
        '|:--|:--|',
        '| Thématique CTG | B – Parentalité |',
        '| Intitulé | Mieux associer les pères |',
        '| Constat | 11 % des participants sont des pères. |',
        '|  | Les actions ont lieu en semaine. |',
        '| Pilote | Grand Dax – service Enfance-Jeunesse |',
        '| Partenaires | Caf des Landes<br>MSA Sud Aquitaine |',
        '|  | Mission locale |',
        '| Actions | 1. Ateliers papas-enfants. |',
        '|  | 2. Soirées-débats. |',
        '| Échéances | Action 1 : septembre 2023 |',
        '|  | Action 2 : 2024 |',
        '| Suivi | Comité de pilotage annuel |',
      ].join('\n'),
      'fiche-B2.md',
    );
    expect(sheet.code).toBe('FICHE ACTION B2');
    expect(sheet.number).toBe('B2');
    expect(sheet.title).toBe('Mieux associer les pères');
    expect(sheet.axis).toEqual([{ kind: 'Thématique', number: 'B', title: 'Parentalité' }]);
    expect(field(sheet, 'context')).toBe('11 % des participants sont des pères. | Les actions ont lieu en semaine.');
    expect(field(sheet, 'partners')).toBe('Caf des Landes | MSA Sud Aquitaine | Mission locale');
    expect(sheet.actions.map((action) => action.number)).toEqual([1, 2]);
    expect(sheet.deadlines.map((deadline) => deadline.actions)).toEqual([[1], [2]]);
    expect(sheet.sections.find((section) => section.heading === 'Suivi')?.field).toBe('other');
  });

  it('reads a table with a generic header row (« Rubrique | Contenu »), and one with a missing cell', () => {
    const sheet = parse('| Rubrique | Contenu |\n|---|---|\n| Fiche | 6 |\n| Titre | Un relais parents |\n| Pilotage | Caf |\n| Partenaires |\n| Budget | 2 000 € |\n');
    expect(sheet.code).toBe('FICHE 6');
    expect(sheet.title).toBe('Un relais parents');
    expect(field(sheet, 'pilot')).toBe('Caf');
    expect(sectionsOf(sheet, 'partners')[0].items).toEqual([]);
    expect(field(sheet, 'funding')).toBe('2 000 €');
  });

  it('reads an HTML table, with paragraphs and lists in cells', () => {
    const sheet = parse(
      '<h1>Fiche n° 6 – Un relais parents</h1><table><tr><th>Pilote</th><td>Ville de Tours</td></tr>' +
        '<tr><td>Partenaires</td><td><ul><li>Caf</li><li>Udaf</li></ul></td></tr>' +
        '<tr><td>Objectifs</td><td><p>Informer les parents.</p><p>Les orienter.</p></td></tr></table>',
    );
    expect(sheet.code).toBe('FICHE 6');
    expect(field(sheet, 'pilot')).toBe('Ville de Tours');
    expect(field(sheet, 'partners')).toBe('Caf | Udaf');
    expect(field(sheet, 'objectives')).toBe('Informer les parents. | Les orienter.');
  });

  it('reads tab-separated label/value rows, a tab-led line continuing the row above', () => {
    const sheet = parse('Fiche 2.1 – Un guide des parents\n\nContexte\tPeu d\'information en ligne.\nPilote\tCaf du Gard\nPartenaires\tUdaf\n\tMSA\nÉchéance\t2025\n');
    expect(fields(sheet)).toEqual(['context', 'pilot', 'partners', 'deadlines']);
    expect(field(sheet, 'partners')).toBe('Udaf | MSA');
    expect(sheet.deadlines[0].years).toEqual([2025]);
  });

  it('reads per-action parts: "Action 1" then its own pilot, deadline and description', () => {
    const sheet = parse(
      [
        'Fiche 5 – Des vacances pour tous',
        '',
        'Pilotage',
        'Caf',
        '',
        'Action 1 – Départs en famille',
        'Description de l\'action : accompagner 50 familles.',
        'Pilote : centre social',
        'Échéance : été 2025',
        '',
        'Action 2 – Séjours de répit',
        'Pilote : Département',
        'Échéance : 2026',
      ].join('\n'),
    );
    expect(sheet.actions).toEqual([
      { number: 1, title: 'Départs en famille', items: ['accompagner 50 familles.', 'Pilote : centre social', 'Échéance : été 2025'] },
      { number: 2, title: 'Séjours de répit', items: ['Pilote : Département', 'Échéance : 2026'] },
    ]);
    expect(sheet.deadlines).toEqual([
      { text: 'été 2025', actions: [1], years: [2025] },
      { text: '2026', actions: [2], years: [2026] },
    ]);
    // The sheet's own pilot stays first; the actions' pilots say which action they lead.
    expect(sectionsOf(sheet, 'pilot').map((section) => [section.items[0].text, section.actionNumber])).toEqual([
      ['Caf', undefined],
      ['centre social', 1],
      ['Département', 2],
    ]);
  });

  it('splits a whole plan into its sheets, each under its axis path', () => {
    const outcome = parseSheets(
      [
        'Axe 1 : Informer les familles',
        '',
        'Fiche 1.1 – Un site des parents',
        '',
        'PILOTE',
        '',
        'Caf',
        '',
        'Fiche 1.2 – Des permanences',
        '',
        'PILOTE',
        '',
        'Ville',
        '',
        'Axe 2 : Soutenir les pairs',
        '',
        'Fiche 2.1 – Des cafés des parents',
        '',
        'PILOTE',
        '',
        'Centres sociaux',
      ].join('\n'),
      { file: 'plan.txt', plan: PLAN },
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.sheets.map((sheet) => [sheet.code, sheet.axis.map((step) => step.number).join('>'), field(sheet, 'pilot')])).toEqual([
      ['FICHE 1.1', '1', 'Caf'],
      ['FICHE 1.2', '1', 'Ville'],
      ['FICHE 2.1', '2', 'Centres sociaux'],
    ]);
  });
});

describe('a sheet with no number, and odd files', () => {
  it('takes the number of the file name when the text has a title but no number', () => {
    const sheet = parse('Accueillir les pères\n\nPilote : Caf\n', 'plan/metz-action-3.5.txt');
    expect([sheet.code, sheet.title]).toEqual(['ACTION 3.5', 'Accueillir les pères']);
  });

  it('reports a file with neither, empty files, binary junk and a lone title', () => {
    const outcomes = [
      parseSheets('Accueillir les pères\n\nPilote : Caf\n', { file: 'notes.txt', plan: PLAN }),
      parseSheets(' \n\n', { file: 'vide.txt', plan: PLAN }),
      parseSheets('PK\u0003\u0004\u0000\u0000junk', { file: 'x.txt', plan: PLAN }),
      parseSheets('FICHE 4.4\n', { file: 'y.txt', plan: PLAN }),
    ];
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.reason))).toEqual([
      expect.stringMatching(/no sheet number/),
      'empty file',
      'binary file, not text',
      expect.stringMatching(/no title/),
    ]);
  });

  it('keeps a sheet whose sections are empty', () => {
    const sheet = parse('PA 1.1 - Titre\n\nDIAGNOSTIC\n\nPILOTAGE\n\n');
    expect(sheet.sections.map((section) => [section.field, section.items.length])).toEqual([
      ['context', 0],
      ['pilot', 0],
    ]);
  });

  it('never throws, whatever the text', () => {
    const pieces = fc.constantFrom('| a | b |', '|--|--|', '\t', 'Fiche 1.2', 'Action 3.4 –', '<table><tr><td>', '**', '1.', ' : ', '\n', 'Obj. 1 –', 'Éch. 2024');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), pieces), { maxLength: 40 }), (parts) => {
        const outcome = parseSheets(parts.join(''), { file: 'fuzz-1.2.txt', plan: PLAN });
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });
});

describe('sheet numbers in questions', () => {
  const sheets = [
    parse('Fiche-action 7 – Les 1 000 premiers jours\n\nAction 7.3 – Ouvrir deux LAEP.\n', 'fa7.txt'),
    parse('| Fiche action | B2 |\n|--|--|\n| Intitulé | Associer les pères |\n', 'b2.md'),
    parse('Action n° 3.4 – Garde en horaires décalés\n\nPilote : Ville\n', 'a34.txt'),
    parse('PA 2.3.3 - ENTRAIDE\n\nACTION 2\n\nSoutenir les liens.\n', 'pa.txt'),
  ];
  const index = SheetIndex.build(sheets);
  const read = (text: string) => {
    const question = readSheetQuestion(index, text);
    return { codes: question.codes.map((code) => index.findByNumber(code)[0]?.number ?? `?${code.shown}`), actions: question.actionNumbers };
  };

  it.each([
    ['qui pilote la fiche action 7 ?', ['7'], []],
    ['qui pilote la fiche-action 7 ?', ['7'], []],
    ["pour quand est prévue l'action 7.3 ?", ['7'], [3]],
    ['qui pilote la fiche B2 ?', ['B2'], []],
    ['partenaires de la B2', ['B2'], []],
    ["qui pilote l'action n° 3.4 ?", ['3.4'], []],
    ['PA 2.3.3 action 2', ['2.3.3'], [2]],
  ])('%s', (text, codes, actions) => {
    expect(read(text)).toEqual({ codes, actions });
  });
});
