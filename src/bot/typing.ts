import type { TurnContext } from 'botbuilder';

/** How long a turn may go without answering before the user sees the bot typing. */
export const TYPING_DELAY_MS = 300;
/** Teams shows a typing indicator for about three seconds: a longer turn sends it again. */
export const TYPING_REPEAT_MS = 2_500;

/** Runs `callback` after `ms`; the returned function cancels it. Tests pass a scheduler they fire by hand. */
export type Scheduler = (callback: () => void, ms: number) => () => void;

export interface TypingOptions {
  delayMs?: number;
  repeatMs?: number;
  schedule?: Scheduler;
  /** A typing indicator the channel refused: reported, never a reason to fail the turn it decorates. */
  onFailure?: (error: unknown) => void;
}

const timerScheduler: Scheduler = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * Runs the turn's work, and sends a `typing` activity if it has not replied after `delayMs` (then every `repeatMs`
 * until it replies). Not for "expectReplies" deliveries, whose replies all come back at once in the response.
 * The indicator in flight is awaited before the turn ends, so nothing is sent on a finished turn.
 */
export async function withTypingIndicator(context: TurnContext, work: () => Promise<void>, options: TypingOptions = {}): Promise<void> {
  if (context.activity.deliveryMode === 'expectReplies') {
    await work();
    return;
  }
  const schedule = options.schedule ?? timerScheduler;
  const delayMs = options.delayMs ?? TYPING_DELAY_MS;
  const repeatMs = options.repeatMs ?? TYPING_REPEAT_MS;
  let replied = false;
  let finished = false;
  let cancel: (() => void) | undefined;
  const sent: Array<Promise<void>> = [];

  context.onSendActivities(async (_context, activities, next) => {
    if (activities.some((activity) => activity.type !== 'typing')) replied = true;
    return next();
  });

  const tick = () => {
    cancel = undefined;
    if (replied || finished) return;
    sent.push(
      context.sendActivity({ type: 'typing' }).then(
        () => undefined,
        (error: unknown) => options.onFailure?.(error),
      ),
    );
    cancel = schedule(tick, repeatMs);
  };
  cancel = schedule(tick, delayMs);
  try {
    await work();
  } finally {
    finished = true;
    cancel?.();
    await Promise.all(sent);
  }
}
