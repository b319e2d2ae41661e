import type { TurnContext } from 'botbuilder';
import { sendReply } from '../src/bot/replies';
import type { TurnReading } from '../src/reading';
import { safetyReply } from '../src/messages/safety';
import type { Journey } from './journey';

/**
 * Someone says a child is in danger, violence at home, that they are at breaking point or think of suicide, that
 * a teenager ran away, or an emergency: the right national numbers come first, in one short, calm message, whatever
 * the conversation was doing. A journey in progress is kept; it simply is not pushed on the person now.
 */
export class Safety implements Journey {
  readonly id = 'safety';

  async answer(context: TurnContext, reading: TurnReading): Promise<void> {
    if (!reading.safety) return;
    const reply = safetyReply(reading.safety, reading.language);
    await sendReply(context, { text: reply.text, cards: reply.cards });
  }
}
