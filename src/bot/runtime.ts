import type { TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import { startStatePurge, type Store } from '../storage';
import { ChannelAdapter, InProcessAdapter } from './adapter';
import { conversationStateKey, ConversationStateStore, type CheckedProperty } from './conversationState';
import { createBotGateway, type BotGateway } from './gateway';
import { MaillageBot, type TurnHandler } from './maillageBot';
import type { TurnFailureListener } from './turnErrors';
import { ConversationTurnLock } from './turnLock';
import type { ComposeMessageExtension } from './messageExtension';

/** Everything botbuilder: the one module the rest of the application talks to, so the SDK stays swappable. */
export interface BotRuntime {
  /** Handles one checked POST /api/messages from a Bot Framework channel. */
  handleChannelRequest(req: Request, res: Response): Promise<void>;
  /** The same bot for channels in this process. */
  gateway: BotGateway;
}

/**
 * How the dialogs plug into the bot: the memory they keep per conversation (its name, how a stored value is checked
 * and what is kept of it), and the handler built on it. The composition root (src/app.ts) supplies it, so this
 * module does not depend on dialogs/.
 */
export interface DialogsPlug<Memory> {
  memoryProperty: string;
  readMemory(stored: unknown): Memory;
  keepMemory(memory: Memory): Memory;
  createHandler(memory: CheckedProperty<Memory>): TurnHandler;
}

export function createBotRuntime<Memory>(
  config: Config,
  log: Logger,
  store: Store,
  dialogs: DialogsPlug<Memory>,
  onTurnFailed?: TurnFailureListener,
  /** Teams' compose-box search (src/bot/messageExtension.ts). */
  messageExtension?: ComposeMessageExtension,
): BotRuntime {
  const conversationState = new ConversationStateStore(store, { ttlHours: config.stateTtlHours });
  const memory = conversationState.createCheckedProperty(dialogs.memoryProperty, dialogs.readMemory, dialogs.keepMemory);
  // In Teams, tenants outside ALLOWED_TENANTS are refused politely before any dialog runs.
  const bot = new MaillageBot(conversationState, dialogs.createHandler(memory), { allowedTenants: config.allowedTenants, log, ...(messageExtension ? { messageExtension } : {}) });
  // Both ways into the bot (channels over HTTP, the in-process gateway) run a conversation's turns one at a time.
  const turnLock = new ConversationTurnLock(store.turnLeases, log);
  const runTurn = (context: TurnContext) => turnLock.run(conversationStateKey(context), () => bot.run(context));
  const channelAdapter = new ChannelAdapter(config, log, conversationState, onTurnFailed);
  // Started with the bot that reads the state, so expired state is never read and soon never kept.
  startStatePurge(store, config.stateTtlHours, log);
  return {
    handleChannelRequest: (req, res) => channelAdapter.processChannelRequest(req, res, runTurn),
    gateway: createBotGateway(new InProcessAdapter(log, conversationState, onTurnFailed), runTurn),
  };
}
