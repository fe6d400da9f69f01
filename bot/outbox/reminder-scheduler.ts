// Queues reminders when their time comes. Driven by an injected clock: production ticks
// every minute, tests call tick() after moving the clock. Several instances may tick: the
// outbox's dedupe key keeps each reminder single.
import { toPublic, type Clock, type OutboxEntry, type Store } from '../../booking-core';
import { dueReminder, reminderLookaheadMs } from '../../booking-core/notifications';
import type { Notifier } from './notifier';

export interface ReminderSchedulerOptions {
  store: Store;
  restaurantId: string;
  clock: Clock;
  notifier: Notifier;
  log?: (line: string) => void;
}

export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  /** Queues every reminder due at the clock's now; returns the new outbox entries. */
  async tick(): Promise<OutboxEntry[]> {
    const { store, restaurantId, clock, notifier } = this.options;
    const restaurant = await notifier.restaurant();
    const now = clock();
    const upcoming = await store.findReservations({
      restaurantId,
      statuses: ['confirmed'],
      from: now.toISOString(),
      to: new Date(now.getTime() + reminderLookaheadMs(restaurant)).toISOString(),
    });
    const queued: OutboxEntry[] = [];
    for (const r of upcoming) {
      const slot = dueReminder(restaurant, r, now);
      if (slot) queued.push(...(await notifier.queueReminder(toPublic(r), slot.key)));
    }
    return queued;
  }

  start(everyMs = 60_000): void {
    if (this.timer) clearInterval(this.timer);
    const run = () => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: Error) => {
          this.options.log?.(`[reminders] tick failed: ${err.message}`);
        })
        .then(() => {
          this.running = null;
        });
    };
    run();
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
  }

  /** Stops ticking; resolves when a tick under way is over. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
