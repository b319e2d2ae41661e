import fc from 'fast-check';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import { CommuneIndex } from '../../src/geo';
import { readFigureQuestion, type FigureQuestion } from '../../src/reports/figureQuestion';
import type { Centre } from '../../src/reports/model';
import { SheetIndex, loadSheetKnowledge } from '../../src/sheets';

const seeds = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets'));
const odd = loadSheetKnowledge(join(__dirname, '../fixtures/sheets/odd'));
const sheets = SheetIndex.build(seeds.sheets);
/** The seeds plus a « schéma jeunesse » whose PA 2.3.2 shares its number with the SDSF's. */
const twoPlans = SheetIndex.build([...seeds.sheets, ...odd.sheets]);

const centres: Centre[] = [
  { structureId: 'cs-tisserands', structureName: 'Centre social Les Tisserands', communeCode: '69259', communeName: 'Vénissieux' },
  { structureId: 'evs-passerelle', structureName: 'EVS La Passerelle', communeCode: '69290', communeName: 'Saint-Priest' },
  { structureId: 'cs-gerland', structureName: 'Centre social de Gerland', communeCode: '69387', communeName: 'Lyon 7e Arrondissement' },
  { structureId: 'cs-minguettes', structureName: 'Centre social des Minguettes', communeCode: '69259', communeName: 'Vénissieux' },
];
const NOW = DateTime.fromISO('2026-12-07T10:00:00', { zone: 'Europe/Paris' });

function read(text: string, index = sheets): FigureQuestion | null {
  return readFigureQuestion(text, NOW, { sheets: index, centres });
}

describe('reading a question about reported figures', () => {
  it.each<[string, Partial<FigureQuestion> & { codes?: string[]; centreIds?: string[]; from?: string; to?: string }]>([
    ['combien de parents ont participé aux actions de la PA 2.3.2 cette année ?', { measures: ['parents'], codes: ['rhone-sdsf PA 2.3.2'], from: '2026-01-01', to: '2026-12-07' }],
    ['combien de familles touchées par la fiche 1.2.5 en 2026 ?', { measures: ['families'], codes: ['tours-cdv FICHE 1.2.5'], from: '2026-01-01', to: '2026-12-31' }],
    ['quels indicateurs déclarés pour la PA 2.3.2 ?', { measures: ['indicators'], codes: ['rhone-sdsf PA 2.3.2'], aboutReports: true }],
    ['bilan des déclarations du centre social Les Tisserands depuis janvier', { all: true, codes: [], centreIds: ['cs-tisserands'], from: '2026-01-01' }],
    ["combien d'enfants à Vénissieux au premier trimestre ?", { measures: ['children'], commune: { name: 'Vénissieux', code: '69259' }, from: '2026-01-01', to: '2026-03-31' }],
    ['how many parents took part in PA 2.3.2 actions this year?', { measures: ['parents'], codes: ['rhone-sdsf PA 2.3.2'], from: '2026-01-01' }],
    ['combien de parents en QPV accueillis sur la PA 2.3.2 ?', { measures: ['qpvParents', 'parents'] }],
    ['combien de familles monoparentales accueillies en 2025 ?', { measures: ['singleParentFamilies'], from: '2025-01-01', to: '2025-12-31' }],
    ["combien d'actions déclarées pour la PA 2.3.2 l'an dernier ?", { measures: ['reports'], from: '2025-01-01' }],
    ["combien de séances réalisées par l'EVS La Passerelle ?", { measures: ['sessions'], centreIds: ['evs-passerelle'] }],
    ['où en sont les bilans de la PA 2.3.2 ?', { all: true, codes: ['rhone-sdsf PA 2.3.2'] }],
    ['les chiffres de la PA 2.3.2 en 2026', { all: true }],
    ["combien de parents ont participé à l'action 2 de la PA 2.3.2 ?", { actionNumbers: [2] }],
    ['COMBIEN DE PARENTS ONT PARTICIPE EN 2026', { measures: ['parents'], codes: [] }],
    // A centre named without its kind, a review word alone, a dated range, sessions and actions counted.
    ['bilan des Minguettes', { all: true, codes: [], centreIds: ['cs-minguettes'] }],
    ['stats de La Passerelle en 2026', { all: true, centreIds: ['evs-passerelle'], from: '2026-01-01' }],
    ['combien de séances de la PA 2.3.2 entre le 1er novembre et le 5 décembre ?', { measures: ['sessions'], codes: ['rhone-sdsf PA 2.3.2'], from: '2026-11-01', to: '2026-12-05' }],
    ['chiffres de la PA 2.3.3', { all: true, codes: ['rhone-avs PA 2.3.3'], period: null, centre: null }],
    ['statistiques de la PA 2.3.2', { all: true, codes: ['rhone-sdsf PA 2.3.2'] }],
    ['résultats des déclarations pour la PA 3.2.1', { all: true, codes: ['rhone-sdsf PA 3.2.1'], centre: null }],
    ["combien d'ateliers pour la PA 2.3.2 ?", { measures: ['sessions'], codes: ['rhone-sdsf PA 2.3.2'] }],
    ["combien d'actions sur la PA 2.3.2 depuis janvier ?", { measures: ['reports'], codes: ['rhone-sdsf PA 2.3.2'], from: '2026-01-01' }],
    ['combien de séances à Vénissieux ?', { measures: ['sessions'], commune: { name: 'Vénissieux', code: '69259' } }],
    ['how many sessions for PA 2.3.2 from 1 November to 5 December?', { measures: ['sessions'], from: '2026-11-01', to: '2026-12-05' }],
  ])('%s', (text, expected) => {
    const question = read(text);
    expect(question).not.toBeNull();
    const { codes, centreIds, from, to, ...rest } = expected;
    expect(question).toMatchObject(rest);
    if (codes) expect(question!.sheets.map((sheet) => `${sheet.planId} ${sheet.sheetCode}`)).toEqual(codes);
    if (centreIds) expect(question!.centre?.matches.map((centre) => centre.structureId)).toEqual(centreIds);
    if (from) expect(question!.period?.from).toBe(from);
    if (to) expect(question!.period?.to).toBe(to);
  });

  it('keeps every plan that has the code, so that the answer gives each its figures', () => {
    expect(read('combien de parents ont participé à la PA 2.3.2 ?', twoPlans)?.sheets.map((sheet) => sheet.planId)).toEqual(['rhone-sdsf', 'loire-jeunesse']);
  });

  it('keeps the plan named with the code', () => {
    expect(read('combien de parents ont participé à la PA 2.3.2 du schéma jeunesse ?', twoPlans)?.sheets.map((sheet) => sheet.planId)).toEqual(['loire-jeunesse']);
  });

  it('reads a centre named without its kind before the centres are known, as the route does', () => {
    expect(readFigureQuestion('bilan des Minguettes', NOW, { sheets, centres: [] })).toMatchObject({ all: true, centre: { typed: 'minguettes', matches: [] } });
    expect(readFigureQuestion('bilan de La Passerelle depuis janvier', NOW, { sheets, centres: [] })?.centre).toEqual({ typed: 'passerelle', matches: [] });
  });

  it.each(['bilan du premier trimestre', "bilan de l'année dernière", 'bilan des familles monoparentales en 2026', 'bilan du territoire en 2026', 'bilan des actions de la PA 2.3.2'])(
    'reads no centre in « %s »',
    (text) => {
      const question = readFigureQuestion(text, NOW, { sheets, centres: [] });
      expect(question).not.toBeNull();
      expect(question?.centre).toBeNull();
    },
  );

  it('takes a commune the turn named as a place, Lyon included, whose arrondissements the filters then cover', () => {
    const lyon = CommuneIndex.load().resolve('Lyon');
    expect(lyon?.commune.code).toBe('69123');
    for (const text of ["combien d'enfants à Lyon au premier trimestre ?", 'combien de parents à Lyon en 2026 ?', 'bilan de Lyon']) {
      expect(readFigureQuestion(text, NOW, { sheets, centres, place: lyon })).toMatchObject({ commune: { name: 'Lyon', code: '69123' }, centre: null });
    }
  });

  it('never filters on a commune when a département or the plan was named, only when a commune was (QA partners 2, N6)', () => {
    const communes = CommuneIndex.load();
    const fromTurn = (text: string) => readFigureQuestion(text, NOW, { sheets, centres, place: communes.findInSentence(text) });
    for (const text of [
      'combien de familles aidées en Isère par la PA 2.3.2 ?',
      'how many families were helped by PA 2.3.2 in Isère last year?',
      'combien de parents dans le Rhône en 2026 ?',
      'how many parents in the Gironde this year?',
      'combien de parents accueillis en Loire-Atlantique sur la PA 2.3.2 ?',
    ]) {
      const question = fromTurn(text);
      expect({ text, read: question !== null }).toEqual({ text, read: true });
      expect({ text, commune: question?.commune }).toEqual({ text, commune: null });
    }
    expect(fromTurn('combien de familles aidées à Grenoble par la PA 2.3.2 ?')?.commune).toMatchObject({ name: 'Grenoble' });
    expect(fromTurn("combien d'enfants à Vénissieux en 2026 ?")?.commune).toMatchObject({ name: 'Vénissieux' });
  });

  it('says a centre it does not know was named, rather than counting every centre', () => {
    expect(read('bilan du centre social Les Marronniers en 2026')?.centre).toEqual({ typed: 'les marronniers', matches: [] });
  });

  it.each([
    'combien de LAEP compte le territoire selon la PA 1.2.1 ?',
    // The same with a sheet the index has: still a question on what the sheet says.
    'combien de LAEP compte le territoire selon la PA 2.3.2 ?',
    'combien de parents sont visés par la PA 2.3.2 ?',
    'le diagnostic est-il réalisé dans la PA 3.2.1 ?',
    'qui pilote la PA 3.2.1 ?',
    'et ses indicateurs ?',
    'quels indicateurs pour l’entraide entre parents ?',
    'comment renforcer la participation des parents dans la PA 3.2.1 ?',
    'combien de familles monoparentales selon la PA 2.3.2 ?',
    'PA 999 indicateurs',
    'quels résultats attendus pour la PA 2.3.2 ?',
    'quels chiffres cite le diagnostic de la PA 3.2.1 ?',
    'quels sont les résultats attendus de la PA 2.3.2 ?',
    'les chiffres du diagnostic de la PA 3.2.1',
    'statistiques selon la PA 2.3.2',
    "combien d'actions compte la PA 2.3.2 ?",
    'combien de séances prévoit la PA 2.3.2 ?',
    'combien d’ateliers sont prévus dans la PA 2.3.3 ?',
    'combien de familles à Vénissieux selon le diagnostic de la PA 2.3.2 ?',
    // The sheet's own list of indicators, and a figure « selon la fiche » (found by QA on a coordinator's plans).
    'quels indicateurs pour la PA 2.3.2 ?',
    'quels sont les indicateurs de la PA 3.2.1 ?',
    'combien de jeunes ont été reçus en 2022 selon la PA 2.3.2 ?',
    'bilan de santé',
    'bilan de la fiche',
    'les chiffres',
    'un groupe de parole pour parents à Vénissieux',
    'bonjour',
    '',
    '<script>alert(1)</script>',
    "'; DROP TABLE reports; --",
    '🙂🙂🙂',
  ])('« %s » is not a question about reported figures', (text) => {
    expect(read(text)).toBeNull();
  });

  it('never throws, whatever is typed, and reads a 10 000-character message', () => {
    const words = fc.constantFrom('combien', 'de', 'parents', 'participé', 'PA', '2.3.2', 'bilan', 'centre social', 'à', 'Vénissieux', 'en', '2026', 'indicateurs', '?', 'fiche', 'action', '2');
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 15 }).map((parts) => parts.join(' ')));
    fc.assert(
      fc.property(text, (typed) => {
        const question = read(typed);
        if (question !== null) expect(question.measures.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    expect(read(`${'combien de parents ont participé '.repeat(400)} centre social ${'x'.repeat(5000)}`)).not.toBeNull();
  });
});
