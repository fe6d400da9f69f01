// Twilio retries a webhook when it does not get an answer in time (or the network drops it), with
// the same MessageSid, or the same CallSid at the same point of the call. Running the bot twice
// for one guest message would book twice or skip a question, so each webhook is keyed and its
// answer remembered: a retry gets the first answer back. Retries that arrive while the first
// request is still running share its in-flight promise.

/** A finished webhook answer, small and serialisable so it can be stored. */
export interface WebhookReply {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Durable memory of answers (bot/channels.ts backs it with the store's documents). Keys read
 * "<conversation>:<id>" — the part after the last colon names one webhook of that conversation.
 */
export interface ReplyCache {
  get(key: string): Promise<WebhookReply | null>;
  put(key: string, reply: WebhookReply): Promise<void>;
}

/** An in-process cache for tests and for running without a store. */
export class MemoryReplyCache implements ReplyCache {
  private readonly entries = new Map<string, WebhookReply>();
  constructor(private readonly maxEntries = 5000) {}

  async get(key: string): Promise<WebhookReply | null> {
    return this.entries.get(key) ?? null;
  }

  async put(key: string, reply: WebhookReply): Promise<void> {
    this.entries.set(key, reply);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

export class ReplayGuard {
  private readonly inFlight = new Map<string, Promise<WebhookReply>>();

  constructor(private readonly cache: ReplyCache) {}

  /** Answers `key` once: computes it the first time, replays the stored answer afterwards. */
  once(key: string, compute: () => Promise<WebhookReply>): Promise<WebhookReply> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = (async () => {
      const stored = await this.cache.get(key);
      if (stored) return stored;
      const reply = await compute();
      await this.cache.put(key, reply);
      return reply;
    })();
    this.inFlight.set(key, promise);
    const forget = () => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  isRunning(key: string): boolean {
    return this.inFlight.has(key);
  }

  /** The answer for `key` if it is being computed here or was stored, without computing it. */
  peek(key: string): Promise<WebhookReply | null> {
    return this.inFlight.get(key) ?? this.cache.get(key);
  }
}

/** The promise's value if it settles within `ms`, else null (the promise keeps running). */
export async function withinBudget<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
