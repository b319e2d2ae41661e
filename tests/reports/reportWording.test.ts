import { datesText, ofStructure } from '../../src/messages/reports';

/** QA « reports », defect 10: dates and structures said as French says them. */
test.each([
  ['2026-12-01', '2026-12-01', 'fr', 'le 1er décembre 2026'],
  ['2026-12-07', '2026-12-07', 'fr', 'le 7 décembre 2026'],
  ['2026-11-03', '2026-11-05', 'fr', 'du 3 au 5 novembre 2026'],
  ['2026-11-01', '2026-11-05', 'fr', 'du 1er au 5 novembre 2026'],
  ['2026-11-28', '2026-12-03', 'fr', 'du 28 novembre au 3 décembre 2026'],
  ['2025-12-28', '2026-01-03', 'fr', 'du 28 décembre 2025 au 3 janvier 2026'],
  ['2026-12-01', '2026-12-01', 'en', 'on 1 December 2026'],
  ['2026-11-03', '2026-11-05', 'en', 'from 3 to 5 November 2026'],
] as const)('%s → %s (%s): « %s »', (start, end, language, expected) => {
  expect(datesText(start, end, language)).toBe(expected);
});

test.each([
  ['Centre social Les Tisserands', 'du Centre social Les Tisserands'],
  ['Association Les Petites Mains', 'de l’Association Les Petites Mains'],
  ['Maison des familles', 'de la Maison des familles'],
  ['Espace de vie sociale du Bourg', 'de l’Espace de vie sociale du Bourg'],
  ['EVS Arc-en-ciel', 'de l’EVS Arc-en-ciel'],
  ['Les Petites Mains', 'des Petites Mains'],
  ['Le Relais', 'du Relais'],
  ['La Maison bleue', 'de la Maison bleue'],
  ['L’Escale', 'de l’Escale'],
  ['Givors Solidaire', 'de Givors Solidaire'],
  ['Arc-en-ciel', 'd’Arc-en-ciel'],
  ['Caf du Rhône', 'de la Caf du Rhône'],
  ['Centre *social* [x](y)', 'du Centre \\*social\\* \\[x\\](y)'],
])('« de » + « %s » → « %s »', (name, expected) => {
  expect(ofStructure(name)).toBe(expected);
});
