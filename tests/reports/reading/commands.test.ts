import { readFormCommand, readReportIntent, saysNone } from '../../../src/reports/reading';

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
    ['le nombre de parents', { kind: 'edit', field: 'parents' }],
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
