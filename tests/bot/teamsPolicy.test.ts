import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { ConversationStateStore } from '../../src/bot/conversationState';
import { MaillageBot, type MaillageBotOptions, type TurnHandler } from '../../src/bot/maillageBot';
import { addsTheBot, isAddressedToBot, isTenantRefused, tenantOf } from '../../src/bot/teamsPolicy';
import type { Scheduler } from '../../src/bot/typing';
import { ConfigError, parseConfig } from '../../src/config/config';
import { openStore, type Store } from '../../src/storage';
import { captureLog, silentLog } from '../helpers/logCapture';

const ALLOWED = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER = '0d2c1f6e-3b4a-4c5d-9e8f-a1b2c3d4e5f6';
const BOT = { id: '28:maillage-bot', name: 'Maillage' };
const USER = { id: '29:user-1', name: 'Camille', aadObjectId: '00000000-0000-0000-0000-000000000001' };

/** What the dialogs did with each turn the bot let through: the real bot's routing, seen from its collaborator. */
class AnsweringHandler implements TurnHandler {
  readonly understood: string[] = [];
  constructor(private readonly beforeAnswer: (context: TurnContext) => Promise<void> = async () => undefined) {}
  async run(context: TurnContext): Promise<void> {
    this.understood.push(context.activity.text ?? '');
    await this.beforeAnswer(context);
    await context.sendActivity(`réponse à « ${context.activity.text ?? ''} »`);
  }
  async greet(context: TurnContext): Promise<void> {
    await context.sendActivity('bonjour');
  }
}

function teamsActivity(tenant: string | undefined, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    text: 'qui pilote la PA 3.2.1 ?',
    locale: 'fr-FR',
    from: USER,
    recipient: BOT,
    conversation: { id: 'a:personal-1', conversationType: 'personal', isGroup: false, name: '', ...(tenant ? { tenantId: tenant } : {}) },
    ...(tenant ? { channelData: { tenant: { id: tenant } } } : {}),
    ...extra,
  };
}

describe('Teams policy', () => {
  let dataDir: string;
  let store: Store;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maillage-teams-'));
    store = await openStore(`sqlite:${path.join(dataDir, 'state.sqlite')}`, silentLog);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function harness(options: MaillageBotOptions = {}, handler = new AnsweringHandler()) {
    const bot = new MaillageBot(new ConversationStateStore(store, { ttlHours: 24 }), handler, options);
    const adapter = new TestAdapter(async (context) => bot.run(context));
    return {
      handler,
      sent: () => adapter.activeQueue.splice(0).map((activity) => activity),
      deliver: (activity: Partial<Activity>) => adapter.processActivity(activity),
    };
  }

  describe('tenant allow-list', () => {
    it('refuses a message from another tenant politely, without reaching the dialogs, and logs it without its words', async () => {
      const captured = captureLog();
      const bot = harness({ allowedTenants: [ALLOWED], log: captured.log });
      await bot.deliver(teamsActivity(OTHER, { text: 'mon numéro secret 0612345678' }));
      const sent = bot.sent();
      expect(bot.handler.understood).toEqual([]);
      expect(sent).toHaveLength(1);
      expect(sent[0].text).toMatch(/^Désolé, Maillage n'est pas ouvert à votre organisation/);
      const refusal = captured.lines().find((line) => line.msg === 'activity from a tenant not allowed refused');
      expect(refusal).toMatchObject({ tenantId: OTHER, activityType: 'message', channelId: 'msteams' });
      expect(JSON.stringify(captured.lines())).not.toContain('0612345678');
    });

    it('answers in English when the refused person writes in English', async () => {
      const bot = harness({ allowedTenants: [ALLOWED] });
      await bot.deliver(teamsActivity(OTHER, { text: 'who leads the sheet?', locale: 'en-US' }));
      expect(bot.sent()[0].text).toMatch(/^Sorry, Maillage is not open to your organisation/);
    });

    it('refuses a card button or a compose search from another tenant with the sentence Teams shows, other invokes with a 403', async () => {
      const bot = harness({ allowedTenants: [ALLOWED] });
      await bot.deliver(teamsActivity(OTHER, { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', data: { ask: 'PA 3.2.1' } } } }));
      await bot.deliver(teamsActivity(OTHER, { type: 'invoke', name: 'composeExtension/query', text: undefined, value: { commandId: 'searchSheets', parameters: [{ name: 'query', value: 'udaf' }] } }));
      await bot.deliver(teamsActivity(OTHER, { type: 'invoke', name: 'task/fetch', text: undefined, value: {} }));
      const sent = bot.sent();
      expect(bot.handler.understood).toEqual([]);
      expect(sent).toHaveLength(3);
      const refusal = expect.stringMatching(/^Désolé, Maillage n'est pas ouvert à votre organisation/);
      expect(sent[0]).toMatchObject({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: refusal } } });
      expect(sent[1]).toMatchObject({ type: 'invokeResponse', value: { status: 200, body: { composeExtension: { type: 'message', text: refusal } } } });
      expect(sent[2]).toMatchObject({ type: 'invokeResponse', value: { status: 403, body: { error: { code: 'tenant_not_allowed' } } } });
    });

    it('refuses a Teams activity that names no tenant when there is a list', async () => {
      const bot = harness({ allowedTenants: [ALLOWED] });
      await bot.deliver(teamsActivity(undefined));
      expect(bot.handler.understood).toEqual([]);
      expect(bot.sent()[0].text).toMatch(/^Désolé/);
    });

    it('lets an allowed tenant through, whatever the case of its id, from channelData or the conversation', async () => {
      const bot = harness({ allowedTenants: [ALLOWED] });
      await bot.deliver(teamsActivity(ALLOWED.toUpperCase()));
      await bot.deliver({ ...teamsActivity(undefined), conversation: { id: 'a:personal-2', conversationType: 'personal', isGroup: false, name: '', tenantId: ALLOWED } });
      expect(bot.handler.understood).toEqual(['qui pilote la PA 3.2.1 ?', 'qui pilote la PA 3.2.1 ?']);
    });

    it('lets every tenant through when the list is empty, and leaves non-Teams channels alone', async () => {
      const open = harness({});
      await open.deliver(teamsActivity(OTHER));
      expect(open.handler.understood).toHaveLength(1);
      const listed = harness({ allowedTenants: [ALLOWED] });
      await listed.deliver({ ...teamsActivity(undefined), channelId: 'webchat', conversation: { id: 'web-1', isGroup: false, name: '', conversationType: '' } });
      expect(listed.handler.understood).toHaveLength(1);
    });

    it('reads any channelData, conversation or entities a channel sends without throwing', () => {
      fc.assert(
        fc.property(fc.anything(), fc.anything(), fc.anything(), fc.option(fc.string()), (channelData, conversation, entities, text) => {
          const activity = { channelId: 'msteams', channelData, conversation, entities, text, recipient: BOT } as unknown as Partial<Activity>;
          expect(typeof isTenantRefused(activity, [ALLOWED])).toBe('boolean');
          expect(typeof isAddressedToBot(activity)).toBe('boolean');
          expect(typeof addsTheBot({ ...activity, membersAdded: entities } as unknown as Partial<Activity>)).toBe('boolean');
        }),
      );
    });

    it('reads the tenant from channelData first', () => {
      expect(tenantOf({ channelData: { tenant: { id: ALLOWED.toUpperCase() } }, conversation: { id: 'c', tenantId: OTHER, isGroup: false, name: '', conversationType: 'personal' } })).toBe(ALLOWED);
      expect(isTenantRefused({ channelId: 'msteams', channelData: { tenant: { id: 42 } } }, [ALLOWED])).toBe(true);
    });
  });

  describe('ALLOWED_TENANTS', () => {
    it('is any tenant when empty, a lower-case list otherwise', () => {
      expect(parseConfig({}).allowedTenants).toBeUndefined();
      expect(parseConfig({ ALLOWED_TENANTS: '  ' }).allowedTenants).toBeUndefined();
      expect(parseConfig({ ALLOWED_TENANTS: `${ALLOWED.toUpperCase()}, ${OTHER}` }).allowedTenants).toEqual([ALLOWED, OTHER]);
    });

    it('stops the start naming the variable when an entry is not a tenant id', () => {
      expect(() => parseConfig({ ALLOWED_TENANTS: `${ALLOWED},contoso.onmicrosoft.com` })).toThrow(ConfigError);
      expect(() => parseConfig({ ALLOWED_TENANTS: 'x' })).toThrow(/ALLOWED_TENANTS/);
    });
  });

  describe('channels and group chats', () => {
    const channel = { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'Général' };
    const mention = { type: 'mention', text: '<at>Maillage</at>', mentioned: BOT };

    it('answers only a message that @mentions the bot', async () => {
      const bot = harness();
      await bot.deliver(teamsActivity(ALLOWED, { conversation: channel, text: 'on se voit jeudi ?' }));
      await bot.deliver(teamsActivity(ALLOWED, { conversation: channel, text: '<at>Camille</at> tu as la fiche ?', entities: [{ type: 'mention', text: '<at>Camille</at>', mentioned: USER }] }));
      expect(bot.sent()).toEqual([]);
      await bot.deliver(teamsActivity(ALLOWED, { conversation: channel, text: '<at>Maillage</at> qui pilote la PA 3.2.1 ?', entities: [mention] }));
      expect(bot.handler.understood).toEqual(['<at>Maillage</at> qui pilote la PA 3.2.1 ?']);
      expect(bot.sent().map((activity) => activity.type)).toEqual(['message']);
    });

    it('takes a card submitted in a channel (no text, no mention) as for the bot', async () => {
      const bot = harness();
      await bot.deliver(teamsActivity(ALLOWED, { conversation: { ...channel, conversationType: 'groupChat' }, text: undefined, value: { ask: 'PA 3.2.1' } }));
      expect(bot.handler.understood).toHaveLength(1);
    });

    it('answers every message in a personal chat', () => {
      expect(isAddressedToBot(teamsActivity(ALLOWED, { text: 'bonjour' }))).toBe(true);
      expect(isAddressedToBot(teamsActivity(ALLOWED, { conversation: channel, text: 'bonjour' }))).toBe(false);
      // A team's channel named in channelData is shared even if the conversation type is left out.
      expect(isAddressedToBot(teamsActivity(ALLOWED, { channelData: { team: { id: '19:team' } }, text: 'bonjour' }))).toBe(false);
    });
  });

  describe('typing indicator', () => {
    /** A scheduler the test fires by hand: no clock is involved. */
    function manualScheduler() {
      const due: Array<() => void> = [];
      const schedule: Scheduler = (callback) => {
        let cancelled = false;
        due.push(() => {
          if (!cancelled) callback();
        });
        return () => {
          cancelled = true;
        };
      };
      return { schedule, fire: () => due.splice(0).forEach((run) => run()) };
    }

    it('sends a typing activity before the reply of a turn that has not answered yet', async () => {
      const clock = manualScheduler();
      const handler = new AnsweringHandler(async () => clock.fire());
      const bot = harness({ typing: { schedule: clock.schedule } }, handler);
      await bot.deliver(teamsActivity(ALLOWED));
      expect(bot.sent().map((activity) => activity.type)).toEqual(['typing', 'message']);
    });

    it('sends it again while a long turn goes on, and not after the reply', async () => {
      const clock = manualScheduler();
      const handler = new AnsweringHandler(async () => {
        clock.fire();
        clock.fire();
      });
      const bot = harness({ typing: { schedule: clock.schedule } }, handler);
      await bot.deliver(teamsActivity(ALLOWED));
      clock.fire();
      expect(bot.sent().map((activity) => activity.type)).toEqual(['typing', 'typing', 'message']);
    });

    it('sends none for a turn that answered before the delay', async () => {
      const clock = manualScheduler();
      const bot = harness({ typing: { schedule: clock.schedule } });
      await bot.deliver(teamsActivity(ALLOWED));
      clock.fire();
      expect(bot.sent().map((activity) => activity.type)).toEqual(['message']);
    });

    it('sends none when the replies come back in the response (expectReplies)', async () => {
      const clock = manualScheduler();
      const handler = new AnsweringHandler(async () => clock.fire());
      const bot = harness({ typing: { schedule: clock.schedule } }, handler);
      await bot.deliver(teamsActivity(ALLOWED, { deliveryMode: 'expectReplies' }));
      expect(bot.sent()).toEqual([]);
      expect(handler.understood).toHaveLength(1);
    });
  });
});
