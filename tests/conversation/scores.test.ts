import { chooseByScores, type Scores } from '../../dialogs/scores';

/** The last step of the route table: each row is what the two services measured, and who answers. */
const rows: [label: string, scores: Scores, expected: string | null][] = [
  ['a sheet question', { sheets: 0.95, offer: 0 }, 'sheets'],
  ['a parent search', { sheets: 0, offer: 0.85 }, 'offer'],
  ['words neither service knows', { sheets: 0.1, offer: 0.05 }, null],
  ['a tie follows the last topic (sheets)', { sheets: 0.5, offer: 0.52, lastTopic: 'sheets' }, 'sheets'],
  ['a tie follows the last topic (offer)', { sheets: 0.52, offer: 0.5, lastTopic: 'offer' }, 'offer'],
  ['a clear winner beats the last topic', { sheets: 0.5, offer: 0.8, lastTopic: 'sheets' }, 'offer'],
];

test.each(rows)('%s', (_label, scores, expected) => {
  expect(chooseByScores(scores)).toBe(expected);
});
