import { postTeamsInvoke, startTeamsApp, type TeamsApp } from '../helpers/teamsInvokes';

/** The compose box's search is wired into the application itself, not only into the test's assembly. */
let teams: TeamsApp;
beforeAll(async () => {
  teams = await startTeamsApp({ PUBLIC_URL: 'https://maillage.example.org' });
});
afterAll(async () => {
  await teams?.stop();
});

/** A Teams invoke POSTed as Teams posts it; its answer is the response body. */
function invoke(name: string, id: string, value: unknown) {
  return postTeamsInvoke(teams, name, value, { id, conversation: { id: 'a:compose' }, from: { id: '29:partner', aadObjectId: 'aad-partner' } });
}

test('composeExtension/query on /api/messages returns sheets for « PA 3.2.1 »', async () => {
  const response = await invoke('composeExtension/query', 'invoke-1', { commandId: 'searchSheets', parameters: [{ name: 'query', value: 'PA 3.2.1' }], queryOptions: { skip: 0, count: 10 } });
  expect(response.status).toBe(200);
  const body = response.body as { composeExtension: { type: string; attachments: Array<{ preview: { content: { title: string } } }> } };
  expect(body.composeExtension.type).toBe('result');
  expect(body.composeExtension.attachments[0]?.preview.content.title).toContain('3.2.1');
});

test('the shared sheet card opens the whole sheet, at an address the application serves', async () => {
  const response = await invoke('composeExtension/selectItem', 'invoke-2', { kind: 'sheet', id: 'rhone-sdsf/3.2.1' });
  expect(response.status).toBe(200);
  const body = response.body as { composeExtension: { attachments: Array<{ content: { actions?: Array<{ type: string; title: string; url: string }> } }> } };
  // Local mode (no MicrosoftAppId): no Teams app to open a stage view, so the page itself, under PUBLIC_URL.
  expect(body.composeExtension.attachments[0]?.content.actions).toEqual([
    { type: 'Action.OpenUrl', title: 'Ouvrir la fiche complète', url: 'https://maillage.example.org/sheets/rhone-sdsf/3.2.1' },
  ]);
  const page = await fetch(`${teams.baseUrl}${new URL(body.composeExtension.attachments[0].content.actions?.[0].url ?? '').pathname}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<h1>PA 3.2.1 — Poursuivre le développement et la structuration des conseils locaux de la parentalité (CLP)</h1>');
});
