import { startTestBot, type TestBot } from '../helpers/transcript';

/** The compose box's search is wired into the application itself, not only into the test's assembly. */
let bot: TestBot;
let base: string;
beforeAll(async () => {
  bot = await startTestBot(undefined, { PUBLIC_URL: 'https://maillage.example.org' });
  base = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await bot.stop();
});

/** A Teams invoke POSTed as Teams posts it; its answer is the response body. */
function invoke(name: string, id: string, value: unknown): Promise<Response> {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name,
      id,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: 'a:compose' },
      from: { id: '29:partner', aadObjectId: 'aad-partner' },
      recipient: { id: 'maillage', name: 'Maillage' },
      locale: 'fr-FR',
      value,
    }),
  });
}

test('composeExtension/query on /api/messages returns sheets for « PA 3.2.1 »', async () => {
  const response = await invoke('composeExtension/query', 'invoke-1', { commandId: 'searchSheets', parameters: [{ name: 'query', value: 'PA 3.2.1' }], queryOptions: { skip: 0, count: 10 } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { composeExtension: { type: string; attachments: Array<{ preview: { content: { title: string } } }> } };
  expect(body.composeExtension.type).toBe('result');
  expect(body.composeExtension.attachments[0]?.preview.content.title).toContain('3.2.1');
});

test('the shared sheet card opens the whole sheet, at an address the application serves', async () => {
  const response = await invoke('composeExtension/selectItem', 'invoke-2', { kind: 'sheet', id: 'rhone-sdsf/3.2.1' });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { composeExtension: { attachments: Array<{ content: { actions?: Array<{ type: string; title: string; url: string }> } }> } };
  // Local mode (no MicrosoftAppId): no Teams app to open a stage view, so the page itself, under PUBLIC_URL.
  expect(body.composeExtension.attachments[0]?.content.actions).toEqual([
    { type: 'Action.OpenUrl', title: 'Ouvrir la fiche complète', url: 'https://maillage.example.org/sheets/rhone-sdsf/3.2.1' },
  ]);
  const page = await fetch(`${base}${new URL(body.composeExtension.attachments[0].content.actions?.[0].url ?? '').pathname}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<h1>PA 3.2.1 — Poursuivre le développement et la structuration des conseils locaux de la parentalité (CLP)</h1>');
});
