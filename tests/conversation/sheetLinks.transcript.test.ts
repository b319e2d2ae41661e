import { jailToLoopback } from '../helpers/networkJail';
import { conversation, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * A sheet's card opens the whole sheet: in Teams through the stage view (the app's id is known), in Web Chat as the
 * page itself; and the address in the card is served by the same application, with the sheet on it.
 * The real application, with Bot Framework credentials and a public URL, its turns delivered in-process.
 */

const APP_ID = '0d6a4f0e-8c1b-4c3e-9f5a-2b7d1e6c8a94';
const PUBLIC_URL = 'https://maillage.example.org';
const PAGE = `${PUBLIC_URL}/sheets/rhone-sdsf/3.2.1`;
const TITLE = 'PA 3.2.1 — Poursuivre le développement et la structuration des conseils locaux de la parentalité (CLP)';

type Action = { type: string; title: string; url?: string };
type Reply = { attachments?: Array<{ content: { actions?: Action[] } }> };

let unjail: () => void;
let bot: TestBot;
let base: string;
beforeAll(async () => {
  // Credentials turn channel authentication on; nothing may leave the machine to check them.
  unjail = jailToLoopback();
  bot = await startTestBot(undefined, { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-password-never-sent', PUBLIC_URL });
  base = `http://127.0.0.1:${await bot.app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await bot?.stop();
  unjail?.();
});

/** The card's buttons that open an address. */
function openUrls(replies: Record<string, unknown>[]): Action[] {
  return (replies as Reply[]).flatMap((reply) => reply.attachments ?? []).flatMap((attachment) => attachment.content.actions ?? []).filter((action) => action.type === 'Action.OpenUrl');
}

describe('« qui pilote la PA 3.2.1 ? » gets a card that opens the whole sheet', () => {
  test('in Teams: « Ouvrir la fiche complète » is the stage view of the sheet’s page', async () => {
    const chat = conversation(bot, { channelId: 'msteams', user: { id: '29:partner-links', aadObjectId: 'aad-partner-links' } });
    const turn = await chat.says('qui pilote la PA 3.2.1 ?');
    expect(turn.text).toContain('Commission Parentalité du Comité des services aux familles');
    const [open, ...others] = openUrls(turn.replies);
    expect(others).toEqual([]);
    expect(open?.title).toBe('Ouvrir la fiche complète');
    const link = new URL(open?.url ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/stage/${APP_ID}/0`);
    expect(JSON.parse(link.searchParams.get('context') ?? 'null')).toEqual({ contentUrl: PAGE, websiteUrl: PAGE, name: 'PA 3.2.1' });
  });

  test('in Web Chat: the button opens the page itself; in English it says so in English', async () => {
    const french = openUrls((await conversation(bot, { channelId: 'webchat' }).says('qui pilote la PA 3.2.1 ?')).replies);
    expect(french).toEqual([{ type: 'Action.OpenUrl', title: 'Ouvrir la fiche complète', url: PAGE }]);
    const english = openUrls((await conversation(bot, { channelId: 'webchat', locale: 'en-GB' }).says('who leads PA 3.2.1?')).replies);
    expect(english).toEqual([{ type: 'Action.OpenUrl', title: 'Open the whole sheet', url: PAGE }]);
  });

  test('a summary opens the page rather than unfolding the sheet in the chat', async () => {
    const turn = await conversation(bot, { channelId: 'webchat' }).says('parle-moi de la PA 3.2.1');
    const actions = (turn.replies as Reply[]).flatMap((reply) => reply.attachments ?? []).flatMap((attachment) => attachment.content.actions ?? []);
    expect(actions).toEqual([{ type: 'Action.OpenUrl', title: 'Ouvrir la fiche complète', url: PAGE }]);
  });

  test('the address in the card is served by the application: 200, the sheet’s title, in French', async () => {
    const [open] = openUrls((await conversation(bot, { channelId: 'webchat' }).says('qui pilote la PA 3.2.1 ?')).replies);
    const response = await fetch(`${base}${new URL(open?.url ?? '').pathname}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain('Commission Parentalité du Comité des services aux familles');
  });
});
