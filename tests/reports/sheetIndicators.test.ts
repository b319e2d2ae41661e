import { join } from 'node:path';
import { loadSheetKnowledge } from '../../src/sheets';
import type { Sheet } from '../../src/sheets/model';
import { indicatorMeasure, sheetIndicators } from '../../src/reports/sheetIndicators';

/** The indicators of the shipped sheets, read from the files as the project's owner supplied them. */

const shipped = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets'));
/** The five seed files, with no plan.json beside them: the same sheets under a plan named after the folder. */
const seeds = loadSheetKnowledge(join(__dirname, '../../../shared/seeds'));

function sheet(id: string): Sheet {
  const found = shipped.sheets.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no sheet ${id}`);
  return found;
}

describe("a sheet's own indicators", () => {
  it('PA 2.3.2 lists its two counts, not the group head above them', () => {
    expect(sheetIndicators(sheet('rhone-sdsf/2.3.2'))).toEqual([
      { label: "Nombre de parents ayant participé à des actions d'entraide entre parents (avec focus sur les QPV)", numeric: true, measure: 'count' },
      { label: "Nombre de groupes de parole d'entraide repérés", numeric: true, measure: 'count' },
    ]);
  });

  it('PA 3.2.1 tells counts, rates and what is said in words apart', () => {
    expect(sheetIndicators(sheet('rhone-sdsf/3.2.1')).map(({ label, measure }) => [label.slice(0, 30), measure])).toEqual([
      ['Augmentation du nombre de nouv', 'qualitative'],
      ['Nombre de nouveaux conseils lo', 'count'],
      ['Développement des Conseils Loc', 'qualitative'],
      ['Taux de couverture territorial', 'rate'],
      ["Mesure de l'implication des fa", 'count'],
      ["Résultat d'une enquête par que", 'qualitative'],
      ['Taux de couverture des habitan', 'rate'],
    ]);
  });

  it('PA 3.1.2 reads « Part des structures… » as rates and a question as words', () => {
    expect(sheetIndicators(sheet('rhone-avs/3.1.2')).map((indicator) => indicator.measure)).toEqual(['qualitative', 'rate', 'rate', 'rate']);
  });

  it('PA 2.3.3 keeps its expected results as qualitative and its counts as numbers', () => {
    expect(sheetIndicators(sheet('rhone-avs/2.3.3')).map((indicator) => indicator.numeric)).toEqual([false, false, true, true]);
  });

  it("the Tours sheet takes its two « indicateurs » sections, not its « Effets attendus »", () => {
    expect(sheetIndicators(sheet('tours-cdv/1.2.5'))).toEqual([
      { label: "nombre de réunions d'échange mises en place par type de regroupement", numeric: true, measure: 'count' },
      { label: 'outils permettant de partager la connaissance', numeric: false, measure: 'qualitative' },
      { label: 'développement des partenariats', numeric: false, measure: 'qualitative' },
      { label: 'évolution de la présence éducative sur les nouveaux moyens de communication des jeunes', numeric: false, measure: 'qualitative' },
    ]);
  });

  it('reads the raw seed files the same way as the shipped sheets', () => {
    expect(seeds.sheets).toHaveLength(5);
    for (const seed of seeds.sheets) {
      const same = shipped.sheets.find((candidate) => candidate.number === seed.number && candidate.prefix === seed.prefix && candidate.title === seed.title);
      expect(same).toBeDefined();
      expect(sheetIndicators(seed)).toEqual(sheetIndicators(same!));
    }
  });

  it.each([
    ['Nb de familles accueillies', 'count'],
    ['Nbre de séances', 'count'],
    ['% de parents en QPV', 'rate'],
    ['Pourcentage de familles monoparentales', 'rate'],
    ['Part des parents revenus', 'rate'],
    ['Proportion de pères', 'rate'],
    ['Number of parents reached', 'count'],
    ['➔ Nombre de LAEP', 'count'],
    ['Satisfaction des familles', 'qualitative'],
  ])('« %s » is a %s', (label, measure) => {
    expect(indicatorMeasure(label)).toBe(measure);
  });
});
