import { DateTime } from 'luxon';
import { readReportKind, readReportStatement } from '../../../src/reports/reading';

const now = DateTime.fromISO('2026-03-20T10:30:00', { zone: 'Europe/Paris' });

describe('the kind of action named', () => {
  test.each([
    ['cafe des parents', 'cafe-des-parents'],
    ['Café-parents', 'cafe-des-parents'],
    ['un cafe des parnts', 'cafe-des-parents'],
    ['groupe de parole', 'groupe-de-parole'],
    ['grp de parole', 'groupe-de-parole'],
    ['groupe de parolle', 'groupe-de-parole'],
    ['atelier parent-enfant', 'atelier-parents-enfants'],
    ['atelier cuisine parents-enfants', 'atelier-parents-enfants'],
    ['conf', 'conference-debat'],
    ['une conférence débat sur les écrans', 'conference-debat'],
    ['sortie', 'sortie-familiale'],
    ['sortie familiale au zoo', 'sortie-familiale'],
    ['LAEP', 'laep'],
    ["lieu d'accueil enfants-parents", 'laep'],
    ['médiation', 'mediation-familiale'],
    ['mediation familiale', 'mediation-familiale'],
    ['entretiens individuels', 'accueil-individuel'],
    ['une permanence', 'accueil-individuel'],
    ['formation des bénévoles', 'formation'],
    ['parents café', 'cafe-des-parents'],
    ['support group', 'groupe-de-parole'],
    ['parent-child workshop', 'atelier-parents-enfants'],
    ['family outing', 'sortie-familiale'],
    ['autre', 'autre'],
    ['Autre chose', 'autre'],
    ['un café des parents suivi d’une sortie', 'cafe-des-parents'],
    ['une sorte de méditation', null],
    ['la CAF', null],
    ['bonjour', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readReportKind(text)).toBe(expected);
  });
});

describe('everything a first message says', () => {
  test.each([
    [
      'on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents dont 6 du quartier prioritaire',
      { kind: 'cafe-des-parents', startDate: '2026-03-12', endDate: '2026-03-12', parents: 14, qpvParents: 6 },
    ],
    [
      'Nous avons organisé un atelier parents-enfants du 3 au 5 mars : douze familles dont 4 familles monoparentales, 15 enfants, 3 séances',
      { kind: 'atelier-parents-enfants', startDate: '2026-03-03', endDate: '2026-03-05', families: 12, singleParentFamilies: 4, children: 15, sessions: 3 },
    ],
    ['groupe de parole hier. Parents : 8, enfants : 0, parents QPV : 3', { kind: 'groupe-de-parole', startDate: '2026-03-19', endDate: '2026-03-19', parents: 8, children: 0, qpvParents: 3 }],
    ['sortie au zoo samedi dernier avec vingt-cinq parents et trente enfants, dont 10 en QPV', { kind: 'sortie-familiale', startDate: '2026-03-14', endDate: '2026-03-14', parents: 25, children: 30, qpvParents: 10 }],
    ['conf le 3 mars, une séance, 40 parents, aucun enfant', { kind: 'conference-debat', startDate: '2026-03-03', endDate: '2026-03-03', sessions: 1, parents: 40, children: 0 }],
    ['We ran a parents café last Tuesday with 14 parents including 6 from priority neighbourhoods', { kind: 'cafe-des-parents', startDate: '2026-03-17', endDate: '2026-03-17', parents: 14, qpvParents: 6 }],
    ['12 mamans et leurs 20 enfants', { parents: 12, children: 20 }],
    ['une vingtaine de parents', {}],
    ['plus de 20 parents', {}],
    ['café des parents demain', { kind: 'cafe-des-parents', dateProblem: 'future' }],
    ['enfants de 3 à 6 ans', {}],
    ['14 parents dont 6 mamans', { parents: 14 }],
    ['pas de parents QPV', { qpvParents: 0 }],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(readReportStatement(text, now)).toEqual(expected);
  });
});
