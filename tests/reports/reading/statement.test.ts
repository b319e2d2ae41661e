import { DateTime } from 'luxon';
import fc from 'fast-check';
import { readReportKind, readReportStatement } from '../../../src/reports/reading';
import { englishWords, frenchWords } from './numberWords';

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

describe('counts tied to their nouns, in words or digits (QA, issue 10)', () => {
  const monday = DateTime.fromISO('2026-12-07T10:30:00', { zone: 'Europe/Paris' });
  test.each([
    [
      "Le 14 novembre on a organisé une conférence-débat sur les écrans pour la PA 2.3.2 action 3, une séance, trente-deux parents dont dix en QPV, pas d'enfants, 28 familles dont 9 monoparentales",
      { kind: 'conference-debat', startDate: '2026-11-14', endDate: '2026-11-14', sessions: 1, parents: 32, qpvParents: 10, children: 0, families: 28, singleParentFamilies: 9 },
    ],
    [
      "We ran a parents' coffee morning last Tuesday for PA 2.3.2, twelve parents and 5 kids",
      { kind: 'cafe-des-parents', startDate: '2026-12-01', endDate: '2026-12-01', parents: 12, children: 5 },
    ],
    ['We held a support group on Tuesday with 8 parents', { kind: 'groupe-de-parole', startDate: '2026-12-01', endDate: '2026-12-01', parents: 8 }],
    ['we ran a parent-child workshop 3 days ago, 6 parents and 9 children', { kind: 'atelier-parents-enfants', startDate: '2026-12-04', endDate: '2026-12-04', parents: 6, children: 9 }],
    ['family outing from 3 to 5 April, 20 families', { kind: 'sortie-familiale', startDate: '2026-04-03', endDate: '2026-04-05', families: 20 }],
    ['parents café on 12 March: 10 parents', { kind: 'cafe-des-parents', startDate: '2026-03-12', endDate: '2026-03-12', parents: 10 }],
    ['support group last week, 7 parents', { kind: 'groupe-de-parole', startDate: '2026-11-30', endDate: '2026-12-06', parents: 7 }],
    ['on a fait un groupe de parole la semaine dernière avec 7 parents', { kind: 'groupe-de-parole', startDate: '2026-11-30', endDate: '2026-12-06', parents: 7 }],
    ['conference yesterday, 40 parents', { kind: 'conference-debat', startDate: '2026-12-06', endDate: '2026-12-06', parents: 40 }],
    ['trente-deux parents dont 10 en QPV', { parents: 32, qpvParents: 10 }],
    ['32 parents dont dix en QPV', { parents: 32, qpvParents: 10 }],
    ['quatre-vingt-dix parents dont vingt et un du quartier prioritaire', { parents: 90, qpvParents: 21 }],
    ['quatre vingt dix parents dont vingt et un du quartier prioritaire', { parents: 90, qpvParents: 21 }],
    ['vingt-huit familles dont neuf monoparentales', { families: 28, singleParentFamilies: 9 }],
    ['vingt-huit familles dont neuf familles monoparentales', { families: 28, singleParentFamilies: 9 }],
    ['seize parents (dont quatre QPV)', { parents: 16, qpvParents: 4 }],
    ['dix-sept parents dont trois en QPV, douze enfants', { parents: 17, qpvParents: 3, children: 12 }],
    ['douze parents dont une en QPV', { parents: 12, qpvParents: 1 }],
    ['dix parents dont deux habitent en QPV', { parents: 10, qpvParents: 2 }],
    ['deux séances, vingt sept enfants', { sessions: 2, children: 27 }],
    ['twelve parents including three from priority neighbourhoods', { parents: 12, qpvParents: 3 }],
    ['fourteen families of which four single parent families', { families: 14, singleParentFamilies: 4 }],
  ])('%j', (text, expected) => {
    expect(readReportStatement(text, monday)).toEqual(expected);
  });
});

describe('properties of the one-sentence start', () => {
  const monday = DateTime.fromISO('2026-12-07T10:30:00', { zone: 'Europe/Paris' });
  /** A count as people type it: digits, or French words with hyphens or spaces. */
  const written = (n: number, style: 'digits' | 'hyphens' | 'spaces') =>
    style === 'digits' ? String(n) : style === 'hyphens' ? frenchWords(n).replace(/ /g, '-') : frenchWords(n).replace(/-/g, ' ');
  const style = fc.constantFrom<'digits' | 'hyphens' | 'spaces'>('digits', 'hyphens', 'spaces');
  const whole = fc.integer({ min: 2, max: 300 });

  test('each count goes to its own field, whatever the order and the way numbers are written', () => {
    fc.assert(
      fc.property(
        fc.record({
          parents: whole, qpv: fc.integer({ min: 2, max: 300 }), children: whole, families: whole, single: fc.integer({ min: 2, max: 300 }), sessions: whole,
          qpvPhrase: fc.constantFrom('en QPV', 'du quartier prioritaire', 'QPV', 'habitant en QPV'),
          styles: fc.array(style, { minLength: 6, maxLength: 6 }),
          order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
          noChildren: fc.boolean(),
        }),
        (r) => {
          const qpv = Math.min(r.qpv, r.parents);
          const single = Math.min(r.single, r.families);
          const [p, q, c, f, s, k] = r.styles;
          const parts = [
            `${written(r.parents, p)} parents dont ${written(qpv, q)} ${r.qpvPhrase}`,
            r.noChildren ? "pas d'enfants" : `${written(r.children, c)} enfants`,
            `${written(r.families, f)} familles dont ${written(single, s)} monoparentales`,
            `${written(r.sessions, k)} séances`,
          ];
          const text = `Le 14 novembre on a organisé une conférence-débat pour la PA 2.3.2 action 3, ${r.order.map((i) => parts[i]).join(', ')}`;
          expect(readReportStatement(text, monday)).toEqual({
            kind: 'conference-debat', startDate: '2026-11-14', endDate: '2026-11-14',
            parents: r.parents, qpvParents: qpv, children: r.noChildren ? 0 : r.children, families: r.families, singleParentFamilies: single, sessions: r.sessions,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a date and counts in one sentence, in French or English', () => {
  const monday = DateTime.fromISO('2026-12-07T10:30:00', { zone: 'Europe/Paris' });
  const dates: ReadonlyArray<readonly [string, string, string]> = [
    ['last Tuesday', '2026-12-01', '2026-12-01'],
    ['on Tuesday', '2026-12-01', '2026-12-01'],
    ['yesterday', '2026-12-06', '2026-12-06'],
    ['last week', '2026-11-30', '2026-12-06'],
    ['3 days ago', '2026-12-04', '2026-12-04'],
    ['on 12 March', '2026-03-12', '2026-03-12'],
    ['March 12', '2026-03-12', '2026-03-12'],
    ['from 3 to 5 April', '2026-04-03', '2026-04-05'],
    ['mardi dernier', '2026-12-01', '2026-12-01'],
    ['la semaine dernière', '2026-11-30', '2026-12-06'],
    ['le 12 mars', '2026-03-12', '2026-03-12'],
    ['du 3 au 5 avril', '2026-04-03', '2026-04-05'],
    ['hier', '2026-12-06', '2026-12-06'],
  ];
  test('the date is the date, and the counts after it are the counts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dates),
        fc.constantFrom("We ran a parents' coffee morning", 'Support group', 'on a fait un café des parents', 'atelier parents-enfants'),
        // Not « - »: « March 12 - 15 » is a range, and « March 12 - 2 parents » reads as one too.
        fc.constantFrom(', ', ': ', ' with ', ' avec ', '. '),
        fc.integer({ min: 2, max: 999 }),
        fc.integer({ min: 2, max: 999 }),
        fc.constantFrom('digits', 'english', 'french'),
        ([date, start, end], action, separator, parents, children, style) => {
          const n = (v: number) => (style === 'digits' ? String(v) : style === 'english' ? englishWords(v) : frenchWords(v));
          const [p, c] = style === 'french' ? ['parents', 'enfants'] : ['parents', 'kids'];
          const text = `${action} ${date}${separator}${n(parents)} ${p} and ${n(children)} ${c}`;
          expect(readReportStatement(text, monday)).toMatchObject({ startDate: start, endDate: end, parents, children });
        },
      ),
      { numRuns: 500 },
    );
  });
});
