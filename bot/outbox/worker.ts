// The outbox worker: leases due entries from the store (so that with several app instances
// each entry is sent by one of them), sends them, and records the outcome: sent, retried
// later with backoff, failed, not configured, or suppressed (opted out, booking cancelled).
import { randomUUID } from 'node:crypto';
import type { Clock, Language, OutboxEntry, Store } from '../../booking-core';
import {
  afterFailure,
  DEFAULT_BACKOFF,
  isOptedOut,
  recordOptOut,
  rememberPendingReminder,
  type BackoffPolicy,
} from '../../booking-core/notifications';
import type { SendCaps } from './caps';
import type { DeliveryReceipts } from './receipts';
import { NotConfiguredError, OptedOutError, SendError, type Sender } from './senders/types';

export type Senders = Partial<Record<OutboxEntry['kind'], Sender>>;

export interface OutboxWorkerOptions {
  store: Store;
  senders: Senders;
  clock: Clock;
  /** This instance's name on its leases. */
  owner?: string;
  policy?: BackoffPolicy;
  /** How long a lease keeps other workers off an entry; longer than any send can take. */
  leaseMs?: number;
  batchSize?: number;
  /** Links each sent SMS / WhatsApp message to its delivery receipts. */
  receipts?: DeliveryReceipts;
  /** Messages per number and SMS per hour; without it nothing is capped. */
  caps?: SendCaps;
  log?: (line: string) => void;
}

export class OutboxWorker {
  readonly owner: string;
  private readonly policy: BackoffPolicy;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = true;
  private pollMs = 1000;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.owner = options.owner ?? `worker-${randomUUID().slice(0, 8)}`;
    this.policy = options.policy ?? DEFAULT_BACKOFF;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.batchSize = options.batchSize ?? 10;
    this.log = options.log ?? (() => undefined);
  }

  /** Leases and sends one batch of due entries; returns how many were handled. */
  async runOnce(): Promise<number> {
    const now = this.options.clock();
    const leased = await this.options.store.leaseOutbox(
      this.owner,
      now,
      new Date(now.getTime() + this.leaseMs),
      this.batchSize,
    );
    await Promise.all(leased.map((e) => this.deliver(e)));
    return leased.length;
  }

  /** Sends until nothing is due (tests, shutdown). */
  async drain(maxRounds = 20): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      total += n;
      if (!n) break;
    }
    return total;
  }

  /** Polls every `pollMs`; `kick()` runs a round at once (a message was just queued). */
  start(pollMs = 1000): void {
    this.pollMs = pollMs;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    this.again = false;
    this.running = this.drain(5).catch((err: Error) => {
      this.log(`[outbox] round failed: ${err.message}`);
      return 0;
    });
    void this.running.then(() => {
      this.running = null;
      this.schedule(this.again ? 0 : this.pollMs);
    });
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const { store, clock } = this.options;
    let done: OutboxEntry;
    try {
      done = await this.attempt(entry);
    } catch (err) {
      // Not the provider: the store or our own code. Retry like any failure; never lose it.
      done = this.failed(entry, new SendError((err as Error).message), clock());
    }
    try {
      await store.updateOutbox({ ...done, leaseOwner: null, leaseUntil: null });
    } catch (err) {
      this.log(
        `[outbox] could not record ${entry.id}: ${(err as Error).message} ` +
          '(the lease will lapse and it will be tried again)',
      );
      return;
    }
    const sid = done.meta.providerId;
    if (done.status === 'sent' && sid && done.kind !== 'email' && this.options.receipts) {
      await this.options.receipts
        .linked({ ...done, leaseOwner: null, leaseUntil: null }, sid)
        .catch((err: Error) => this.log(`[outbox] receipts of ${entry.id}: ${err.message}`));
    }
  }

  private async attempt(entry: OutboxEntry): Promise<OutboxEntry> {
    const { store, clock } = this.options;
    const now = clock();
    if (entry.kind !== 'email' && (await isOptedOut(store, entry.kind, entry.to))) {
      return { ...entry, status: 'suppressed', lastError: `${entry.to} opted out of ${entry.kind}` };
    }
    if (entry.meta.purpose === 'reminder' && entry.reservationId) {
      const r = await store.getReservation(entry.reservationId);
      if (r?.status !== 'confirmed' || new Date(r.startAt).getTime() <= now.getTime()) {
        return { ...entry, status: 'suppressed', lastError: `the booking is ${r ? r.status : 'gone'}; no reminder` };
      }
    }
    const sender = this.options.senders[entry.kind];
    const notConfigured = sender ? sender.notConfigured : `no ${entry.kind} sender`;
    if (!sender || notConfigured) return { ...entry, status: 'not_configured', lastError: notConfigured };
    const verdict = this.options.caps ? await this.options.caps.take(entry, now) : { kind: 'send' as const };
    if (verdict.kind === 'withhold') {
      this.log(`[outbox] ${entry.kind} ${entry.id} withheld: ${verdict.reason}`);
      return { ...entry, status: 'withheld', lastError: verdict.reason };
    }
    if (verdict.kind === 'wait')
      return { ...entry, status: 'pending', lastError: verdict.reason, nextAttemptAt: verdict.until.toISOString() };
    const attempts = entry.attempts + 1;
    try {
      const result = await sender.send(entry, now);
      const sentAt = clock();
      if (entry.meta.purpose === 'reminder' && entry.reservationId && entry.kind !== 'email') {
        await rememberPendingReminder(store, entry.to, {
          reservationId: entry.reservationId,
          language: (entry.meta.language ?? 'fr') as Language,
          sentAt: sentAt.toISOString(),
          channel: entry.kind,
        });
        // The reminder belongs to the guest's conversation on that channel: staff see it there.
        await store.appendTranscript({
          conversationId: `${entry.kind}:${entry.to}`,
          channel: entry.kind,
          from: 'bot',
          text: entry.body,
          at: sentAt.toISOString(),
          reservationId: entry.reservationId,
          address: entry.to,
          language: entry.meta.language,
        });
      }
      this.log(`[outbox] sent ${entry.kind} to ${entry.to} (${entry.meta.purpose ?? 'message'})`);
      return {
        ...entry,
        status: 'sent',
        attempts,
        lastError: null,
        sentAt: sentAt.toISOString(),
        meta: result.providerId ? { ...entry.meta, providerId: result.providerId } : entry.meta,
      };
    } catch (err) {
      if (err instanceof NotConfiguredError) return { ...entry, status: 'not_configured', lastError: err.message };
      if (err instanceof OptedOutError && entry.kind !== 'email') {
        await recordOptOut(store, entry.kind, entry.to, now, 'provider');
        return { ...entry, status: 'suppressed', attempts, lastError: err.message };
      }
      const failure = err instanceof SendError ? err : new SendError((err as Error).message);
      return this.failed({ ...entry, attempts }, failure, clock());
    }
  }

  private failed(entry: OutboxEntry, err: SendError, now: Date): OutboxEntry {
    const outcome = afterFailure(this.policy, entry.attempts, now, err.permanent);
    if (outcome.status === 'failed') {
      this.log(`[outbox] ${entry.kind} to ${entry.to} failed after ${entry.attempts} attempt(s): ${err.message}`);
      return { ...entry, status: 'failed', lastError: err.message };
    }
    return { ...entry, status: 'pending', lastError: err.message, nextAttemptAt: outcome.nextAttemptAt.toISOString() };
  }
}
