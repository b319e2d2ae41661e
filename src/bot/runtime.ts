import type { Request, Response } from 'restify';
import { CONVERSATION_MEMORY_PROPERTY, readConversationMemory } from '../../dialogs/conversationMemory';
import { MainDialog, type MainDialogServices } from '../../dialogs/mainDialog';
import type { Config } from '../config/config';
import type { Logger } from '../log/logger';
import type { Store } from '../storage';
import { ChannelAdapter, InProcessAdapter } from './adapter';
import { ConversationStateStore } from './conversationState';
import { createBotGateway, type BotGateway } from './gateway';
import { MaillageBot } from './maillageBot';

/** Everything botbuilder: the one module the rest of the application talks to, so the SDK stays swappable. */
export interface BotRuntime {
  /** Handles one checked POST /api/messages from a Bot Framework channel. */
  handleChannelRequest(req: Request, res: Response): Promise<void>;
  /** The same bot for channels in this process. */
  gateway: BotGateway;
}

export function createBotRuntime(
  config: Config,
  log: Logger,
  store: Store,
  services: MainDialogServices,
): BotRuntime {
  const conversationState = new ConversationStateStore(store);
  const memory = conversationState.createCheckedProperty(CONVERSATION_MEMORY_PROPERTY, readConversationMemory);
  const bot = new MaillageBot(conversationState, new MainDialog(services, memory));
  const channelAdapter = new ChannelAdapter(config, log, conversationState);
  return {
    handleChannelRequest: (req, res) => channelAdapter.processChannelRequest(req, res, (context) => bot.run(context)),
    gateway: createBotGateway(new InProcessAdapter(log, conversationState), bot),
  };
}
