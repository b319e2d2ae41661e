import { join } from 'node:path';
import { loadSheetKnowledge, parseSheetText, type Plan, type Sheet } from '../../src/sheets';
import { sectionsOf } from '../../src/sheets/model';

const SEEDS = join(__dirname, '../../knowledge/sheets');
const PLAN: Plan = { id: 'test-plan', title: 'Plan de test' };

const seeds = loadSheetKnowledge(SEEDS);

function seed(planId: string, number: string): Sheet {
  const sheet = seeds.sheets.find((candidate) => candidate.plan.id === planId && candidate.number === number);
  if (!sheet) throw new Error(`seed ${planId}/${number} not loaded`);
  return sheet;
}

function texts(sheet: Sheet, field: Parameters<typeof sectionsOf>[1]): string[] {
  return sectionsOf(sheet, field).flatMap((section) => section.items.map((item) => item.text));
}

function parse(text: string): Sheet {
  const outcome = parseSheetText(text, { file: 'inline.txt', plan: PLAN });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.sheet;
}

describe('the five seed sheets', () => {
  it('all load, without a problem, each with the plan of its folder', () => {
    expect(seeds.problems).toEqual([]);
    expect(seeds.sheets.map((sheet) => sheet.id).sort()).toEqual([
      'rhone-avs/2.3.3',
      'rhone-avs/3.1.2',
      'rhone-sdsf/2.3.2',
      'rhone-sdsf/3.2.1',
      'tours-cdv/1.2.5',
    ]);
    expect(seeds.plans.map((plan) => plan.id).sort()).toEqual(['rhone-avs', 'rhone-sdsf', 'tours-cdv']);
    expect(seed('rhone-sdsf', '3.2.1').plan).toEqual({
      id: 'rhone-sdsf',
      title: 'Schéma départemental des services aux familles du Rhône',
      territory: 'Rhône (69) et Métropole de Lyon',
      period: '2022-2026',
    });
  });

  it('reads the pilot of PA 3.2.1', () => {
    const sheet = seed('rhone-sdsf', '3.2.1');
    expect(sheet.code).toBe('PA 3.2.1');
    expect(sheet.title).toBe('POURSUIVRE LE DÉVELOPPEMENT ET LA STRUCTURATION DES CONSEILS LOCAUX DE LA PARENTALITÉ (CLP)');
    expect(texts(sheet, 'pilot')).toEqual(['Commission Parentalité du Comité des services aux familles (CDSF)']);
    expect(sectionsOf(sheet, 'pilot')[0].heading).toBe('PILOTAGE / COORDINATION');
  });

  it('reads the deadlines of PA 3.1.2 per action: 2022 to 2026 for actions 1 and 2, 2023 to 2026 for 3 and 4', () => {
    const sheet = seed('rhone-avs', '3.1.2');
    // The sheet has two deadline lines; together they name three dates (two starts, one end).
    expect(sheet.deadlines).toEqual([
      { text: 'Actions 1 et 2 : 2022 à 2026', actions: [1, 2], years: [2022, 2026] },
      { text: 'Actions 3 et 4 : 2023 à 2026', actions: [3, 4], years: [2023, 2026] },
    ]);
    expect([...new Set(sheet.deadlines.flatMap((deadline) => deadline.years))].sort()).toEqual([2022, 2023, 2026]);
    expect(sheet.actions.map((action) => action.number)).toEqual([1, 2, 3, 4]);
  });

  it('reads the seven "Réalisations attendues" of FICHE 1.2.5, the third with its continuation line', () => {
    const sheet = seed('tours-cdv', '1.2.5');
    expect(sheet.code).toBe('FICHE 1.2.5');
    expect(sheet.version).toBe('version 2017');
    expect(sheet.title).toBe('SOUTENIR LA VIE FAMILIALE ET LA PARENTALITE');
    const section = sheet.sections.find((candidate) => candidate.heading === 'Réalisations attendues');
    expect(section?.field).toBe('actions');
    expect(section?.items.map((item) => [item.number, item.text])).toEqual([
      ['1', 'Constituer un réseau formel d’acteurs éducatifs (type REAAP) par territoire et faire connaitre l’offre éducative existante'],
      ['2', 'Animation de réseaux d’acteurs locaux, quartier par quartier avec des échanges de pratiques, notamment dans le cadre des réseaux des centres sociaux/EVS (agglomération / villes).'],
      ['3', 'Innovation numérique portée à l’échelle de l’agglomération. Favoriser l’émergence, à l’échelle de l’agglomération, à partir d’expériences, un projet type "promeneur du net".'],
      ['4', 'Développer les groupes de paroles ou de soutien entre pairs (café des parents, LAEP, …..)'],
      ['5', 'Développer les prises en charge individuelle de soutien éducatif et psychologique (point écoute parents, espace rencontre ….)'],
      ['6', 'Favoriser l’accès anticipé à la garde d’enfant pour les familles monoparentales de manière à correctement préparer la séparation avant toute nécessité professionnelle'],
      ['7', 'Mettre en œuvre des formations aux savoirs de base'],
    ]);
    expect(sheet.actions).toHaveLength(7);
    expect(sheet.actions[2].items).toEqual([section?.items[2].text]);
  });

  it('reads the seven partners of PA 2.3.2 in the sheet’s words', () => {
    expect(texts(seed('rhone-sdsf', '2.3.2'), 'partners')).toEqual([
      'Associations familiales',
      "L'Udaf 69",
      'ACEPP (Association des Collectifs Enfants Parents Professionnels) 69',
      'Caf du Rhône',
      'MSA Ain-Rhône',
      'Les collectivités locales et les centres sociaux pour les actions 1 et 3 au titre de leur projet Famille.',
      'Associations de médiation familiale',
    ]);
  });

  it('reads the axis path above each sheet', () => {
    expect(seed('rhone-sdsf', '3.2.1').axis).toEqual([
      { number: '3', title: "COORDONNER L'OFFRE ET APPUYER LES ACTEURS" },
      { number: '3.2', title: 'Renforcer la gouvernance, la coordination et la mise en réseau des actions au niveau local et départemental' },
    ]);
    expect(seed('rhone-avs', '3.1.2').axis[1]).toEqual({
      number: '3.1',
      title: "Consolider l'expertise des structures dans la veille sur les évolutions sociales de leurs territoires",
    });
    expect(seed('rhone-avs', '2.3.3').axis[1].title).toBe('Favoriser les solidarités dans une société en mouvement');
    expect(seed('rhone-sdsf', '2.3.2').axis[1].title).toBe('Favoriser le soutien par les pairs');
    expect(seed('tours-cdv', '1.2.5').axis).toEqual([
      { kind: 'Pilier', number: '1' },
      { kind: 'Axe', number: '2' },
    ]);
  });

  it('maps the Tours vocabulary onto the model', () => {
    const sheet = seed('tours-cdv', '1.2.5');
    const fieldOf = (heading: string) => sheet.sections.find((section) => section.heading === heading)?.field;
    expect(fieldOf('Enjeu')).toBe('objectives');
    expect(fieldOf('Contexte')).toBe('context');
    expect(fieldOf('Objectifs et dynamiques')).toBe('objectives');
    expect(fieldOf('Effets attendus')).toBe('results');
    expect(fieldOf('Echelle Territoriale')).toBe('audience');
    expect(fieldOf('Animateur')).toBe('pilot');
    expect(fieldOf('Partenaires mobilisables (dont habitants) / Dispositifs mobilisables')).toBe('partners');
    expect(fieldOf('Financements mobilisables')).toBe('funding');
    expect(fieldOf('Calendrier')).toBe('deadlines');
    expect(fieldOf('indicateurs de réalisation')).toBe('results');
    expect(fieldOf('Indicateurs d’effets')).toBe('results');
    expect(fieldOf('Liens autres enjeux / fiches « orientations opérationnelles »')).toBe('links');
    expect(texts(sheet, 'pilot')).toEqual(['CAF et Centres sociaux/EVS', 'CAF et Agglomération']);
    expect(texts(sheet, 'audience')).toEqual(["Ville à l'échelle du quartier", 'Tour(s)plus pour la thématique numérique']);
    expect(texts(sheet, 'objectives')[0]).toBe('Développer les dynamiques de soutien à la parentalité et renforcer le lien avec les familles');
  });

  it('keeps sub-items under their group head', () => {
    const results = sectionsOf(seed('rhone-sdsf', '2.3.2'), 'results')[0].items;
    expect(results.map((item) => [item.level, item.text])).toEqual([
      [0, "Développement de différentes formes d'entraide entre parents"],
      [1, "Nombre de parents ayant participé à des actions d'entraide entre parents (avec focus sur les QPV)"],
      [1, "Nombre de groupes de parole d'entraide repérés"],
    ]);
    const partners = sectionsOf(seed('tours-cdv', '1.2.5'), 'partners')[0].items;
    expect(partners[0]).toEqual({ text: 'les partenaires :', level: 0 });
    expect(partners[1].level).toBe(1);
  });

  it('reads ACTION n headings as numbered actions', () => {
    expect(seed('rhone-avs', '2.3.3').actions).toEqual([
      { number: 1, items: ["Appuyer les actions d'échanges entre pairs et de co-éducation."] },
      { number: 2, items: ['Soutenir les actions et projets visant à faciliter les liens entre les familles et les institutions.'] },
    ]);
  });
});

describe('odd sheets', () => {
  it('reads the Rhône layout written as Markdown', () => {
    const sheet = parse(
      [
        '# 1 - Informer les familles',
        '## 1.4 - Rendre l’offre lisible',
        '### PA 1.4.2 — Créer un guide des services aux familles',
        '#### Diagnostic',
        '- Les familles ne connaissent pas l’offre.',
        '#### Pilotage / coordination',
        '* **Caf**',
        '#### Action 1 : Rédiger le guide',
        '#### Action 2',
        '1. Le diffuser dans les écoles.',
        '2. Le mettre en ligne.',
        '#### Échéances',
        '- Action 1 : 2024',
        '- Action 2 : 2025 à 2026',
      ].join('\n'),
    );
    expect(sheet.code).toBe('PA 1.4.2');
    expect(sheet.title).toBe('Créer un guide des services aux familles');
    expect(sheet.axis).toEqual([
      { number: '1', title: 'Informer les familles' },
      { number: '1.4', title: 'Rendre l’offre lisible' },
    ]);
    expect(texts(sheet, 'context')).toEqual(['Les familles ne connaissent pas l’offre.']);
    expect(texts(sheet, 'pilot')).toEqual(['Caf']);
    expect(sheet.actions).toEqual([
      { number: 1, title: 'Rédiger le guide', items: ['Rédiger le guide'] },
      { number: 2, items: ['Le diffuser dans les écoles.', 'Le mettre en ligne.'] },
    ]);
    expect(sheet.deadlines.map((deadline) => deadline.actions)).toEqual([[1], [2]]);
  });

  it('reads CRLF, tabs, non-breaking spaces, curly apostrophes and trailing spaces', () => {
    const sheet = parse(
      '\r\n\r\nFICHE 2.2.4 (version 2021)  \r\nL’ÉCOUTE DES PARENTS \r\n\r\n\tPilier\u00a02\r\nAxe 2\r\n\r\n\tContexte \t\r\n\r\n\t· Des parents isolés.   \r\n· Peu d’offre\u00a0le soir.\r\n\r\n\tAnimateur\r\n\r\n\tCentre social des Fontaines \r\n\r\n\tCalendrier\r\n\r\n\t2022 – 2024\r\n',
    );
    expect(sheet.code).toBe('FICHE 2.2.4');
    expect(sheet.version).toBe('version 2021');
    expect(sheet.title).toBe('L’ÉCOUTE DES PARENTS');
    expect(sheet.axis).toEqual([
      { kind: 'Pilier', number: '2' },
      { kind: 'Axe', number: '2' },
    ]);
    expect(texts(sheet, 'context')).toEqual(['Des parents isolés.', 'Peu d’offre le soir.']);
    expect(texts(sheet, 'pilot')).toEqual(['Centre social des Fontaines']);
    expect(sheet.deadlines).toEqual([{ text: '2022 – 2024', actions: [], years: [2022, 2024] }]);
  });

  it('keeps a heading it does not know as a section of its own, never dropped', () => {
    const sheet = parse(
      'PA 7.1.1 - SOUTENIR LES PARENTS EN DEUIL\n\nDIAGNOSTIC\n\n- Peu de lieux d’écoute.\n\nPOINTS DE VIGILANCE\n\n- Respecter le rythme des familles.\n- Former les bénévoles.\n\nPILOTAGE / COORDINATION\n\n- Udaf\n',
    );
    expect(sheet.sections.map((section) => [section.field, section.heading])).toEqual([
      ['context', 'DIAGNOSTIC'],
      ['other', 'POINTS DE VIGILANCE'],
      ['pilot', 'PILOTAGE / COORDINATION'],
    ]);
    expect(sheet.sections[1].items.map((item) => item.text)).toEqual(['Respecter le rythme des familles.', 'Former les bénévoles.']);
  });

  it('does not take the first line under an empty heading for another heading', () => {
    const sheet = parse('PA 7.1.2 - TITRE\n\nPILOTAGE / COORDINATION\n\nCAF DU RHÔNE\n\nÉCHÉANCES\n\n2024\n');
    expect(texts(sheet, 'pilot')).toEqual(['CAF DU RHÔNE']);
    expect(texts(sheet, 'deadlines')).toEqual(['2024']);
  });

  it('reads a deadline line per action without mistaking it for an action heading', () => {
    const sheet = parse('PA 7.2.1 - TITRE\n\nACTION 1\n\n- Un.\n\nACTION 2\n\n- Deux.\n\nÉCHÉANCES\n\nActions 1 à 2 : 2023 à 2025\n');
    expect(sheet.actions.map((action) => action.number)).toEqual([1, 2]);
    expect(sheet.deadlines).toEqual([{ text: 'Actions 1 à 2 : 2023 à 2025', actions: [1, 2], years: [2023, 2025] }]);
  });

  it('refuses what is not a sheet, with a reason', () => {
    expect(parseSheetText('', { file: 'a.txt', plan: PLAN })).toEqual({ ok: false, reason: 'empty file' });
    expect(parseSheetText(' \n\t\r\n ', { file: 'a.txt', plan: PLAN })).toEqual({ ok: false, reason: 'empty file' });
    const notes = parseSheetText('Compte rendu de réunion\n\nPrésents : Caf, Ville.', { file: 'a.txt', plan: PLAN });
    expect(notes.ok).toBe(false);
    expect(!notes.ok && notes.reason).toMatch(/no sheet number/);
    const untitled = parseSheetText('PA 4.4.4\n\nDIAGNOSTIC\n\n- Texte.', { file: 'a.txt', plan: PLAN });
    expect(!untitled.ok && untitled.reason).toMatch(/no title/);
    const binary = parseSheetText('PA 1.1.1 - X\u0000\u0001', { file: 'a.txt', plan: PLAN });
    expect(!binary.ok && binary.reason).toMatch(/binary/);
  });
});
