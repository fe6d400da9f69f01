// Runs the turns of one conversation one after another: two messages of the same guest that
// arrive together never race on the conversation's state. Different conversations run freely.
// With several instances on one store, a lease on the conversation makes the instances take
// turns too (a guest's two quick texts may reach two instances).
import { keepRenewing, type TurnLeases } from '../adapters/replay-guard';

/** A turn's lease lasts this long unless renewed (it is, every quarter, while the turn runs). */
const LEASE_MS = 4_000;
const POLL_MS = 20;
/** Past this, a turn runs even without the lease: its holder is alive but far too slow for any channel. */
const MAX_WAIT_MS = 15_000;

export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly leases: TurnLeases | null = null,
    private readonly log: (line: string) => void = () => {},
  ) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => this.exclusive(key, work));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
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

  private async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const leases = this.leases;
    if (!leases) return work();
    const deadline = Date.now() + MAX_WAIT_MS;
    let token = await leases.acquire(key, LEASE_MS);
    while (token === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      token = await leases.acquire(key, LEASE_MS);
    }
    if (token === null) {
      this.log(
        `[bot] ${key}: another instance has held this conversation for ${MAX_WAIT_MS / 1000} s; ` +
          'running the turn anyway',
      );
      return work();
    }
    const renewal = keepRenewing(leases, key, token, LEASE_MS, this.log);
    try {
      return await work();
    } finally {
      renewal.stop();
      await leases.release(key).catch((err: Error) => this.log(`[bot] releasing ${key} failed: ${err.message}`));
    }
  }
}
