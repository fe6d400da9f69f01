// Runs the turns of one conversation one after another: two messages of the same guest that
// arrive together never race on the conversation's state. Different conversations run freely.
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Conversations with a turn running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
