import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { InProcessAdapter } from './adapter';

/** How in-process channels talk to the bot: one activity in, the bot's replies out, as plain JSON. */
export interface BotGateway {
  deliver(activity: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** The fields a channel must give; everything else passes through as the channel sent it. */
const InProcessActivitySchema = z
  .object({
    type: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: z.object({ id: z.string().min(1) }).passthrough(),
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
  })
  .passthrough();

/** `runTurn` is the bot's turn as the runtime wraps it (one turn at a time per conversation). */
export function createBotGateway(adapter: InProcessAdapter, runTurn: (context: TurnContext) => Promise<void>): BotGateway {
  return {
    async deliver(activity) {
      const checked = InProcessActivitySchema.parse({
        id: `${Date.now()}`,
        timestamp: new Date().toISOString(),
        recipient: { id: 'maillage', name: 'Maillage' },
        ...activity,
      });
      const replies = await adapter.deliver(checked as unknown as Partial<Activity>, runTurn);
      return replies.map((reply) => JSON.parse(JSON.stringify(reply)) as Record<string, unknown>);
    },
  };
}
