/**
 * The turns of one conversation, one after another in this process, so the bot never sees two at once for it
 * from here (across instances, the bot runtime takes its own per-conversation lock). A conversation's queue
 * is forgotten as soon as it is empty, so memory follows the turns in flight, not the conversations.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  enqueue<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const result = previous.then(turn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }

  /** Resolves once the turns queued so far have all ended. */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
