import fc from 'fast-check';
import { cleanAnswer, readFormCommand, readReportIntent, saysNone } from '../../../src/reports/reading';

describe('what a message asks of the report journey', () => {
  test.each([
    ['je veux déclarer une action', { kind: 'start', statement: false }],
    ['Déclarer une action', { kind: 'start', statement: false }],
    ["faire un bilan d'action", { kind: 'start', statement: false }],
    ['nouvelle déclaration', { kind: 'start', statement: false }],
    ['report an action', { kind: 'start', statement: false }],
    ['on a fait un café des parents le 12 mars, 14 parents', { kind: 'start', statement: true }],
    ['nous avons organisé un atelier parents-enfants', { kind: 'start', statement: true }],
    ["j'ai animé un groupe de parole hier", { kind: 'start', statement: true }],
    ['we ran a support group yesterday', { kind: 'start', statement: true }],
    ['reprendre ma déclaration', { kind: 'resume' }],
    ['continuer mon bilan', { kind: 'resume' }],
    ['reprendre', { kind: 'resume' }],
    ['mes déclarations', { kind: 'list' }],
    ['voir mes bilans', { kind: 'list' }],
    ['my reports', { kind: 'list' }],
    ['corriger RPT-2026-000123', { kind: 'correct', reference: 'RPT-2026-000123' }],
    ['modifier ma déclaration RPT-2026-000123', { kind: 'correct', reference: 'RPT-2026-000123' }],
    ['corriger rpt 2026 123', { kind: 'correct', reference: 'RPT-2026-000123' }],
    ['corriger ma déclaration', { kind: 'correct', reference: null }],
    ['combien de parents ont participé aux actions de la PA 2.3.2 cette année ?', null],
    ['combien de cafés des parents ont été organisés ?', null],
    ["qu'est-ce que la PA 2.3.2 ?", null],
    ['modifier le nombre de parents', null],
    ['on a fait la fête', null],
    ['bonjour', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readReportIntent(text)).toEqual(expected);
  });
});

describe('the words of the confirmation step and of a correction', () => {
  test.each([
    ['confirmer', { kind: 'confirm' }],
    ["oui c'est bon", { kind: 'confirm' }],
    ['Valider', { kind: 'confirm' }],
    ['ok', { kind: 'confirm' }],
    ['OK merci !', { kind: 'confirm' }],
    ['yes, looks good', { kind: 'confirm' }],
    ['annuler', { kind: 'cancel' }],
    ['laisse tomber', { kind: 'cancel' }],
    ['cancel', { kind: 'cancel' }],
    ['modifier le nombre de parents', { kind: 'edit', field: 'parents' }],
    ['changer la date', { kind: 'edit', field: 'dates' }],
    ['corriger les partenaires', { kind: 'edit', field: 'partners' }],
    ['modifier les parents QPV', { kind: 'edit', field: 'qpvParents' }],
    ['changer le nombre de familles monoparentales', { kind: 'edit', field: 'singleParentFamilies' }],
    ["modifier le nombre d'enfants", { kind: 'edit', field: 'children' }],
    ['changer le titre', { kind: 'edit', field: 'title' }],
    ["modifier le type d'action", { kind: 'edit', field: 'kind' }],
    ['corriger la fiche', { kind: 'edit', field: 'sheet' }],
    ['modifier le commentaire', { kind: 'edit', field: 'comment' }],
    ['changer les séances', { kind: 'edit', field: 'sessions' }],
    ['modifier', { kind: 'edit', field: null }],
    ["non", { kind: 'edit', field: null }],
    ["c'est faux", { kind: 'edit', field: null }],
    // A field only named is a change at the summary only (the runner's rule): it is marked bare.
    ['le nombre de parents', { kind: 'edit', field: 'parents', bare: true }],
    ['les partenaires', { kind: 'edit', field: 'partners', bare: true }],
    ['oui mais il y avait 15 parents', null],
    ['14', null],
    ['bonjour', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readFormCommand(text)).toEqual(expected);
  });
});

describe('an optional field left empty', () => {
  test.each([
    ['aucun', true],
    ['rien', true],
    ['non', true],
    ['pas de commentaire', true],
    ['aucun partenaire', true],
    ['rien à signaler', true],
    ['none', true],
    ['-', true],
    ['Néant.', true],
    ['la mairie', false],
    ['Non, la mairie et la CAF', false],
    ['rien ne va', false],
    ['', false],
  ])('%j → %j', (text, expected) => {
    expect(saysNone(text)).toBe(expected);
  });
});

describe('none is not an edit; an edit that gives the new value keeps its field (QA, issue 10)', () => {
  test.each([
    ['pas de commentaire', null],
    ['Pas de commentaire.', null],
    ['no comment', null],
    ['sans commentaire', null],
    ['aucun partenaire', null],
    ['rien à ajouter', null],
    ['non concerné', null],
    ['modifier le commentaire', { kind: 'edit', field: 'comment' }],
    ['changer le commentaire : aucun', { kind: 'edit', field: 'comment' }],
    ['non', { kind: 'edit', field: null }],
    ['no', { kind: 'edit', field: null }],
    ["non en fait c'était 17 parents", { kind: 'edit', field: 'parents' }],
    ['non, 17 parents', { kind: 'edit', field: 'parents' }],
    ['changer la date au 5 mars', { kind: 'edit', field: 'dates' }],
    ['changer au 5 mars', { kind: 'edit', field: 'dates' }],
    ["non c'était le 5 mars", { kind: 'edit', field: 'dates' }],
    ['non, mardi dernier', { kind: 'edit', field: 'dates' }],
    ["corriger le nombre d'enfants : 12", { kind: 'edit', field: 'children' }],
    ['modifier les parents QPV, 4 en fait', { kind: 'edit', field: 'qpvParents' }],
  ])('%j → %j', (text, expected) => {
    expect(readFormCommand(text)).toEqual(expected);
  });

  test('whatever « none » is said with, it is never an edit', () => {
    const nones = ['pas de commentaire', 'no comment', 'sans commentaire', 'rien à ajouter', 'non concerné', 'pas concerné', 'néant', 'RAS', 'n/a', 'not applicable', 'nothing', 'aucune'];
    fc.assert(
      fc.property(fc.constantFrom(...nones), fc.constantFrom('', '.', ' !', '…'), fc.boolean(), (none, end, upper) => {
        const text = `${upper ? none.toUpperCase() : none}${end}`;
        expect(saysNone(text)).toBe(true);
        expect(readFormCommand(text)).toBeNull();
      }),
    );
  });
});

describe('more ways to say none', () => {
  test.each([
    ['non concerné', true],
    ['Non concernée', true],
    ['pas concerné', true],
    ['nous ne sommes pas concernés', false],
    ['n/a', true],
    ['N/A', true],
    ['na', true],
    ['not applicable', true],
    ['none', true],
    ['nothing', true],
    ['nothing to add', true],
    ['rien à ajouter', true],
    ['rien a ajouter', true],
    ['néant', true],
    ['RAS', true],
    ['aucune', true],
    ['no', true],
    ['nope', true],
    ['sans objet', true],
    ['…', true],
    ['not', false],
    ['applicable', false],
    ['0', false],
    ['la CAF, pas concernée par le reste', false],
  ])('%j → %j', (text, expected) => {
    expect(saysNone(text)).toBe(expected);
  });
});

describe('an answer typed after a yes or a no', () => {
  test.each([
    ["oui la caf du rhone et l'udaf 69", "la caf du rhone et l'udaf 69"],
    ['Oui, la CAF du Rhône', 'la CAF du Rhône'],
    ['non, la mairie et la CAF', 'la mairie et la CAF'],
    ['euh... ben la mairie', 'la mairie'],
    ['Yes: the town hall', 'the town hall'],
    ['well, the CAF', 'the CAF'],
    ['ouais la PMI', 'la PMI'],
    ['la CAF', 'la CAF'],
    ['Nontron mairie', 'Nontron mairie'],
    ['Bennwihr', 'Bennwihr'],
    ['Wellness asso', 'Wellness asso'],
    ['non-lieu', 'non-lieu'],
    ['oui', ''],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(cleanAnswer(text)).toBe(expected);
  });

  test('the answer after any run of those words is kept as typed', () => {
    const leading = fc.array(fc.constantFrom('oui', 'Non', 'ben', 'euh', 'yes', 'Well', 'bah', 'ouais'), { minLength: 1, maxLength: 4 });
    const separator = fc.constantFrom(' ', ', ', '... ', ' - ', ': ', '! ');
    const answer = fc.constantFrom('la CAF du Rhône', "l'UDAF 69", 'Mairie de Lyon', 'the Town Hall', 'PMI & CCAS', 'Euro-Asso');
    fc.assert(
      fc.property(leading, separator, answer, (words, sep, typed) => {
        expect(cleanAnswer(`${words.join(sep)}${sep}${typed}`)).toBe(typed);
      }),
    );
  });

  test('hostile text is cut and never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2_000 }), (text) => expect(cleanAnswer(text).length).toBeLessThanOrEqual(text.length)));
    expect(cleanAnswer('oui '.repeat(20_000)).length).toBe(0);
  });
});
