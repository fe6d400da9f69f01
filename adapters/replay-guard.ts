// Twilio retries a webhook when it does not get an answer in time (or the network drops it), with
// the same MessageSid, or the same CallSid at the same point of the call. Running the bot twice
// for one guest message would book twice or skip a question, so each webhook is keyed and its
// answer remembered: a retry gets the first answer back. Retries that arrive while the first
// request is still running share its in-flight promise; with several instances behind one
// number, a lease in the shared store makes the others wait for the first one's answer.

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

/**
 * Who is computing a webhook's answer, across instances (bot/channels.ts keeps leases in the
 * store). A lease is short and renewed while the turn runs, so the retry of a turn whose
 * instance was killed runs elsewhere within seconds, well inside Twilio's 15 s.
 */
export interface TurnLeases {
  /** Takes `key` for `ms` and returns the lease's token; null while another process holds it. */
  acquire(key: string, ms: number): Promise<string | null>;
  /** Extends a lease still held with `token`; returns the new token, or null if it was lost. */
  renew(key: string, token: string, ms: number): Promise<string | null>;
  /** Whether some process holds an unexpired lease on `key`. */
  held(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
}

/** How long a lease lasts without renewal (renewed every quarter): what a killed instance's retry waits at most. */
const LEASE_MS = 4_000;
/** How often an instance waiting on another's answer looks for it. */
const POLL_MS = 50;

export class ReplayGuard {
  private readonly inFlight = new Map<string, Promise<WebhookReply>>();

  constructor(
    private readonly cache: ReplyCache,
    private readonly leases: TurnLeases | null = null,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Answers `key` once: computes it the first time, replays the stored answer afterwards. */
  once(key: string, compute: () => Promise<WebhookReply>): Promise<WebhookReply> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.leases
      ? this.computeLeased(key, compute, this.leases)
      : (async () => {
          const stored = await this.cache.get(key);
          return stored ?? this.computeAndStore(key, compute);
        })();
    this.inFlight.set(key, promise);
    const forget = () => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** Whether `key` is being computed, here or (with leases) by another instance. */
  async isRunning(key: string): Promise<boolean> {
    if (this.inFlight.has(key)) return true;
    return this.leases ? this.leases.held(key) : false;
  }

  private async computeAndStore(key: string, compute: () => Promise<WebhookReply>): Promise<WebhookReply> {
    const reply = await compute();
    await this.cache.put(key, reply);
    return reply;
  }

  /** One instance computes; the others wait for its stored answer, or take over if its lease lapses. */
  private async computeLeased(
    key: string,
    compute: () => Promise<WebhookReply>,
    leases: TurnLeases,
  ): Promise<WebhookReply> {
    for (;;) {
      const token = await leases.acquire(key, LEASE_MS);
      if (token !== null) {
        const renewal = keepRenewing(leases, key, token, LEASE_MS, this.log);
        try {
          // Read once we hold the lease: a retry of a finished turn, or a holder that stored its
          // answer and released just before, finds the answer here.
          const stored = await this.cache.get(key);
          if (stored) return stored;
          return await this.computeAndStore(key, compute);
        } finally {
          renewal.stop();
          // The answer is stored (or the turn failed and a retry may run it again): nothing waits on this.
          void leases.release(key).catch((err: Error) => this.log(`[replay] releasing ${key} failed: ${err.message}`));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const theirs = await this.cache.get(key);
      if (theirs) return theirs;
    }
  }

  /** The answer for `key` if it is being computed here or was stored, without computing it. */
  peek(key: string): Promise<WebhookReply | null> {
    return this.inFlight.get(key) ?? this.cache.get(key);
  }
}

/**
 * Renews a lease every `ms / 4` until stopped. A renewal that finds the lease gone (this process
 * stalled past it) is logged: another process may be running the same work.
 */
export function keepRenewing(
  leases: TurnLeases,
  key: string,
  first: string,
  ms: number,
  log: (line: string) => void,
): { stop(): void } {
  let token: string | null = first;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      if (token === null) return;
      leases.renew(key, token, ms).then(
        (next) => {
          if (next === null) log(`[lease] ${key} lapsed while its work was running`);
          else if (token !== null) {
            token = next;
            schedule();
          }
        },
        (err: Error) => {
          log(`[lease] renewing ${key} failed: ${err.message}`);
          if (token !== null) schedule();
        },
      );
    }, ms / 4);
    timer.unref();
  };
  schedule();
  return {
    stop: () => {
      token = null;
      clearTimeout(timer);
    },
  };
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
