import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { folded, readable, SHIPPED_KNOWLEDGE } from '../helpers/transcript';

/**
 * The real application (dialogs, state in SQLite) spoken to as Teams speaks in a team's channel: @mentions in the
 * text and in the entities, a conversation update when the bot is added to the team.
 */

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: '28:maillage-bot', name: 'Maillage' };
const TEAM = '19:team-general@thread.tacv2';

function inChannel(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    recipient: BOT,
    from: { id: '29:camille', name: 'Camille', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { id: TEAM, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: 'Parentalité Rhône' }, channel: { id: TEAM } },
    locale: 'fr-FR',
    ...extra,
  };
}

const botAdded = () => inChannel({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], channelData: { tenant: { id: TENANT }, team: { id: TEAM }, eventType: 'teamMemberAdded' } });

describe('Maillage in a Teams channel', () => {
  let dataDir: string;
  let databaseUrl: string;
  let app: App;

  const start = async () => {
    const config = parseConfig({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
    app = await createApp(config, createLogger('silent'));
    await app.ready;
  };
  const says = async (activity: Record<string, unknown>) => (await app.gateway.deliver(activity)).map(readable).join('\n');

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-teams-channel-'));
    databaseUrl = `sqlite:${path.join(dataDir, 'bot.sqlite')}`;
    await start();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('welcomes the team when added, once, even after a restart', async () => {
    const welcome = await says(botAdded());
    expect(folded(welcome)).toContain('je suis maillage');
    // The same event again (a retry), and a colleague joining the team later: no second welcome.
    expect(await says(botAdded())).toBe('');
    expect(await says(inChannel({ type: 'conversationUpdate', membersAdded: [{ id: '29:dominique' }], channelData: { tenant: { id: TENANT }, team: { id: TEAM }, eventType: 'teamMemberAdded' } }))).toBe('');
    await app.close();
    await start();
    expect(await says(botAdded())).toBe('');
  });

  it('answers a message that @mentions it, the mention taken out of what it understands', async () => {
    const answer = await says(
      inChannel({
        type: 'message',
        text: '<at>Maillage</at> qui pilote la PA 3.2.1 ?',
        entities: [{ type: 'mention', text: '<at>Maillage</at>', mentioned: BOT }],
      }),
    );
    expect(folded(answer)).toContain('commission parentalite');
    expect(folded(answer)).not.toContain('<at>');
  });

  it('keeps quiet when the message is not for it', async () => {
    expect(await says(inChannel({ type: 'message', text: 'qui pilote la PA 3.2.1 ?' }))).toBe('');
    expect(
      await says(inChannel({ type: 'message', text: '<at>Camille</at> tu regardes la PA 3.2.1 ?', entities: [{ type: 'mention', text: '<at>Camille</at>', mentioned: { id: '29:camille' } }] })),
    ).toBe('');
  });

  it('answers every message in a personal chat, without a mention', async () => {
    const answer = await says({
      ...inChannel({ type: 'message', text: 'qui pilote la PA 3.2.1 ?' }),
      conversation: { id: 'a:personal-camille', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
    expect(folded(answer)).toContain('commission parentalite');
  });
});
