import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { commonMessages } from '../../src/messages/common';
import { postTeamsInvoke, startTeamsApp, type TeamsApp } from '../helpers/teamsInvokes';
import { conversation, folded } from '../helpers/transcript';

/**
 * A card's button that no journey knows — an old card, a verb renamed since, a malformed action — pressed in Teams
 * (`adaptiveCard/action` over HTTP, on the real application) or in the widget (an Action.Submit): the person is told
 * the button is no longer valid, in their language, never « I received no question ».
 */

let teams: TeamsApp;

beforeAll(async () => {
  teams = await startTeamsApp();
});
afterAll(async () => {
  await teams?.stop();
});

const AnswerSchema = z.object({ statusCode: z.literal(200), type: z.string(), value: z.unknown() });

/** One Action.Execute invoke, as Teams sends it; the answer is the HTTP body. */
async function clicks(value: unknown, locale = 'fr-FR') {
  const { status, body } = await postTeamsInvoke(teams, 'adaptiveCard/action', value, {
    conversation: { id: `a:stale-${randomUUID()}`, conversationType: 'personal' },
    from: { id: `29:stale-${randomUUID()}`, aadObjectId: `aad-stale-${randomUUID()}` },
    locale,
  });
  expect(status).toBe(200);
  return AnswerSchema.parse(body);
}

describe('a button no journey knows', () => {
  test.each([
    ['an unknown verb', { action: { type: 'Action.Execute', verb: 'nope.verb', data: { what: 'nope' } }, trigger: 'manual' }],
    ['a number for a verb and no data', { action: { type: 'Action.Execute', verb: 42 }, trigger: 'manual' }],
    ['no verb at all', { action: { type: 'Action.Execute', data: {} }, trigger: 'manual' }],
    ['a report button whose command is gone', { action: { type: 'Action.Execute', verb: 'report.publish', data: { maillage: 'report', draft: 'x', command: 'publish' } }, trigger: 'manual' }],
  ])('%s: the refreshed card says the button is no longer valid', async (_name, value) => {
    const answer = await clicks(value);
    const shown = folded(JSON.stringify(answer.value));
    expect(shown).toContain(folded(commonMessages.staleButton.fr.split('.')[0] ?? ''));
    expect(shown).not.toContain(folded('reçu de question'));
  });

  test('in English, in English', async () => {
    const shown = JSON.stringify((await clicks({ action: { type: 'Action.Execute', verb: 'nope.verb', data: {} }, trigger: 'manual' }, 'en-GB')).value);
    expect(shown).toContain('This button is no longer valid');
  });

  test('a button that asks a question still gets its answer', async () => {
    const shown = folded(JSON.stringify((await clicks({ action: { type: 'Action.Execute', verb: 'ask', data: { ask: 'qui pilote la PA 3.2.1 ?' } }, trigger: 'manual' })).value));
    expect(shown).toContain('commission parentalite');
    expect(shown).not.toContain(folded('plus valable'));
  });

  test('in the widget, an unknown Action.Submit says the same', async () => {
    const chat = conversation(teams.bot, { channelId: 'webchat' });
    const turn = await chat.submits({ maillage: 'something-old', id: 3 });
    expect(folded(turn.text)).toContain(folded('plus valable'));
    expect(folded(turn.text)).not.toContain(folded('reçu de question'));
  });
});
