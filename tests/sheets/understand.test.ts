import { join } from 'node:path';
import { SheetIndex, loadSheetKnowledge } from '../../src/sheets';
import { readSheetQuestion } from '../../src/sheets/understand';
import { isExplicitSheetQuestion } from '../../src/sheets/questionScore';

const seeds = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets'));
const odd = loadSheetKnowledge(join(__dirname, '../fixtures/sheets/odd'));
const index = SheetIndex.build(seeds.sheets);
const twoPlans = SheetIndex.build([...seeds.sheets, ...odd.sheets]);
const read = (text: string, on: SheetIndex = index) => readSheetQuestion(on, text);

describe('sheet numbers', () => {
  it.each([
    ['PA 3.2.1', '3.2.1', '321'],
    ['pa321', undefined, '321'],
    ['la pa 321', undefined, '321'],
    ['fiche 1.2.5', '1.2.5', '125'],
    ['la 3.2.1', '3.2.1', '321'],
    ['fiche n° 2.3.2', '2.3.2', '232'],
    ['sheet 3.1.2', '3.1.2', '312'],
    ['fiche action 2.3.3', '2.3.3', '233'],
    ['PA 9.9.9', '9.9.9', '999'],
  ])('%s', (text, number, digits) => {
    const question = read(`qui pilote ${text} ?`);
    expect(question.codes).toHaveLength(1);
    expect(question.codes[0].digits).toBe(digits);
    expect(question.codes[0].number).toBe(number);
    expect(question.fields).toEqual(['pilot']);
    expect(question.topicWords).toEqual([]);
  });

  it('does not read ordinary numbers as sheet numbers', () => {
    expect(read('de 2022 à 2026').codes).toEqual([]);
    expect(read("l'Udaf 69").codes).toEqual([]);
    expect(read('48% des familles').codes).toEqual([]);
    expect(read('action 2').codes).toEqual([]);
  });

  it('names an unknown number back as typed (« FA 99 » is not « FA 9.9 »)', () => {
    expect(read('pa 999').codes[0].shown).toBe('PA 999');
    expect(read('FA 99').codes[0].shown).toBe('FA 99');
    expect(read('fiche 7.7.7').codes[0].shown).toBe('7.7.7');
  });

  it('reads an axis', () => {
    expect(read("les fiches de l'axe 2.3").axis).toBe('2.3');
    expect(read('les fiches 2.3').axis).toBe('2.3');
  });
});

describe('fields, actions and cues', () => {
  it.each([
    ['qui coordonne', ['pilot']],
    ['qui anime', ['pilot']],
    ['who leads', ['pilot']],
    ['quels partenaires', ['partners']],
    ['qui est impliqué', ['pilot', 'partners']],
    ['qui finance', ['funding']],
    ['quelles ressources', ['funding']],
    ["jusqu'à quand", ['deadlines']],
    ['calendrier', ['deadlines']],
    ['comment mesure-t-on', ['results']],
    ['résultats attendus', ['results']],
    ['indicatuers', ['results']],
    ['diagnostic', ['context']],
    ['public visé', ['audience']],
    ['objectifs', ['objectives']],
    ['funding', ['funding']],
  ])('%s', (text, fields) => {
    expect(read(`${text} de la PA 3.2.1`).fields.sort()).toEqual([...fields].sort());
  });

  it('does not take a word the sheets use for a misspelt trigger', () => {
    // "échanges" is one edit from nothing and two from "échéances": it is a topic word.
    const question = read("quelle part des familles veut plus d'échanges avec d'autres parents ?");
    expect(question.fields).toEqual([]);
    expect(question.topicWords).toEqual(expect.arrayContaining(['echanges', 'familles', 'parents']));
  });

  it('reads action numbers, ordinals and "the last one"', () => {
    expect(read('action 2').actionNumbers).toEqual([2]);
    expect(read('les actions 1 et 3').actionNumbers).toEqual([1, 3]);
    expect(read('actions 2 à 4').actionNumbers).toEqual([2, 3, 4]);
    expect(read("l'action n°3").actionNumbers).toEqual([3]);
    expect(read('la deuxième action').actionNumbers).toEqual([2]);
    expect(read('la dernière action').lastAction).toBe(true);
    expect(read('les actions').actionNumbers).toEqual([]);
    expect(read('les actions').fields).toEqual(['actions']);
  });

  it('tells lists, definitions, summaries and follow-ups apart', () => {
    expect(read('quelles fiches parlent des LAEP').listing).toBe(true);
    expect(read('la fiche sur les LAEP').listing).toBe(false);
    expect(read('que veut dire CTG ?')).toMatchObject({ glossaryCue: true, glossaryWord: 'ctg' });
    expect(read('CTG ?')).toMatchObject({ glossaryCue: false, bareGlossary: true });
    expect(read('un LAEP à Givors')).toMatchObject({ glossaryWord: 'laep', bareGlossary: false });
    expect(read('parle-moi de la PA 3.2.1').summary).toBe(true);
    expect(read('et ses indicateurs ?').followUp).toBe(true);
    expect(read('and its partners?').followUp).toBe(true);
    expect(read('qui pilote la PA 3.2.1').followUp).toBe(false);
  });

  it('tells an explicit sheet question from a topic alone', () => {
    expect(isExplicitSheetQuestion(read('qui pilote la PA 3.2.1'), {})).toBe(true);
    expect(isExplicitSheetQuestion(read('quelles fiches parlent des LAEP ?'), {})).toBe(true);
    expect(isExplicitSheetQuestion(read('que veut dire CTG ?'), {})).toBe(true);
    expect(isExplicitSheetQuestion(read("quelle part des familles veut plus d'échanges ?"), {})).toBe(true);
    expect(isExplicitSheetQuestion(read('aide pour parents à Paris'), {})).toBe(false);
    expect(isExplicitSheetQuestion(read('soutien à la parentalité'), {})).toBe(false);
  });
});

describe('plans named in the question', () => {
  it('recognises a plan by its id, its abbreviation, its title or its territory', () => {
    expect(read('la fiche 1.2.5 de Tours').planHint).toMatchObject({ planIds: ['tours-cdv'], strong: true });
    expect(read('les fiches du SDSF').planHint).toMatchObject({ planIds: ['rhone-sdsf'], strong: true });
    expect(read("les fiches de l'AVS").planHint).toMatchObject({ planIds: ['rhone-avs'], strong: true });
    expect(read('la PA 2.3.2 du schéma jeunesse', twoPlans).planHint?.planIds).toEqual(['loire-jeunesse']);
    expect(read('la PA 2.3.2 de la Loire', twoPlans).planHint?.planIds).toEqual(['loire-jeunesse']);
  });

  it('does not take topic words for a plan name', () => {
    expect(read('quelles fiches concernent les familles monoparentales ?').planHint).toBeUndefined();
    expect(read("la fiche sur l'entraide entre parents").planHint).toBeUndefined();
  });
});
