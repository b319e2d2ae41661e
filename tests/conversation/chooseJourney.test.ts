import { chooseJourney, type JourneySignals } from '../../dialogs/chooseJourney';

/** Which journey answers: each row is what the services measured, and where the turn must go. */
const base: JourneySignals = { hasText: true, hasPosition: false, sheetScore: 0, offerScore: 0 };

const rows: [label: string, signals: Partial<JourneySignals>, expected: string][] = [
  ['a sheet question', { sheetScore: 0.95, offerScore: 0 }, 'sheets'],
  ['a parent search', { sheetScore: 0, offerScore: 0.85 }, 'offer'],
  ['a shared position with no text', { hasText: false, hasPosition: true }, 'offer'],
  ['nothing at all', { hasText: false }, 'empty'],
  ['a greeting', { smallTalk: 'greeting', sheetScore: 0.9 }, 'small-talk'],
  ['words neither service knows', { sheetScore: 0.1, offerScore: 0.05 }, 'not-understood'],
  ['a position makes a vague text a search', { hasPosition: true, sheetScore: 0.1, offerScore: 0.1 }, 'offer'],
  ['a tie follows the last topic (sheets)', { sheetScore: 0.5, offerScore: 0.52, lastTopic: 'sheets' }, 'sheets'],
  ['a tie follows the last topic (offer)', { sheetScore: 0.52, offerScore: 0.5, lastTopic: 'offer' }, 'offer'],
  ['a clear winner beats the last topic', { sheetScore: 0.5, offerScore: 0.8, lastTopic: 'sheets' }, 'offer'],
];

test.each(rows)('%s', (_label, signals, expected) => {
  expect(chooseJourney({ ...base, ...signals }).kind).toBe(expected);
});
