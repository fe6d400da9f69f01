// Limits on what the restaurant sends, decided by the outbox worker just before a send, for
// every message whichever part of the product queued it:
// - a number that has never written to the restaurant gets at most so many messages a day
//   (SMS and WhatsApp together); the rest are withheld with the reason. Someone typing a
//   stranger's number into a booking form cannot make the restaurant text them all day.
// - all SMS together stay within an hourly budget; past it they wait (nothing is lost) and
//   staff are alerted once.
// Counts are expiring records in the store: every instance reads the same ones.
import type { OutboxEntry, Store } from '../../booking-core';
import { STAFF_PURPOSES } from '../../booking-core/notifications';

export interface SendLimits {
  messagesPerNumberPerDay: number;
  smsPerHour: number;
}

export type CapVerdict =
  | { kind: 'send' }
  | { kind: 'withhold'; reason: string }
  | { kind: 'wait'; until: Date; reason: string };

export interface SendCapsOptions {
  store: Store;
  limits: SendLimits;
  /** Whether the guest at this number has written to the restaurant (SMS or WhatsApp). */
  hasWritten: (to: string) => Promise<boolean>;
  /** Called when an SMS must wait for the budget (the caller keeps it to one alert). */
  onBudgetSpent: () => Promise<void>;
  log?: (line: string) => void;
}

const MESSAGES_TO_NUMBER = 'messagesToNumber';
const SMS_SENT = 'smsSent';
const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
/** How soon a message held by the budget is looked at again. */
const BUDGET_RETRY_MS = 60_000;

const numberKey = (to: string) => to.replace(/\D/g, '');

export class SendCaps {
  /** Decisions are taken one at a time in this instance, so a batch cannot overshoot a cap. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SendCapsOptions) {}

  /** Whether `entry` may go now; when it may, it is counted against the caps. */
  take(entry: OutboxEntry, now: Date): Promise<CapVerdict> {
    const decided = this.turn.then(() => this.decide(entry, now));
    this.turn = decided.catch(() => undefined);
    return decided;
  }

  private async decide(entry: OutboxEntry, now: Date): Promise<CapVerdict> {
    if (entry.kind === 'email') return { kind: 'send' };
    const records = this.options.store.records();
    const { messagesPerNumberPerDay, smsPerHour } = this.options.limits;
    const purpose = entry.meta.purpose ?? '';
    const capped = !STAFF_PURPOSES.has(purpose) && !(await this.options.hasWritten(entry.to));
    if (capped && (await records.count(MESSAGES_TO_NUMBER, numberKey(entry.to), now)) >= messagesPerNumberPerDay)
      return {
        kind: 'withhold',
        reason:
          `${messagesPerNumberPerDay} messages were already sent to this number in the last 24 hours, ` +
          'and it has never written to the restaurant (MESSAGES_PER_NUMBER_PER_DAY)',
      };
    const budgeted = entry.kind === 'sms' && purpose !== 'sms_budget_alert';
    if (budgeted && (await records.count(SMS_SENT, 'all', now)) >= smsPerHour) {
      await this.options
        .onBudgetSpent()
        .catch((err: Error) => this.options.log?.(`[outbox] budget alert: ${err.message}`));
      return {
        kind: 'wait',
        until: new Date(now.getTime() + BUDGET_RETRY_MS),
        reason: `waiting: the ${smsPerHour} SMS of the last hour are used up (SMS_PER_HOUR)`,
      };
    }
    if (capped) await records.increment(MESSAGES_TO_NUMBER, numberKey(entry.to), new Date(now.getTime() + DAY_MS), now);
    if (budgeted) await records.increment(SMS_SENT, 'all', new Date(now.getTime() + HOUR_MS), now);
    return { kind: 'send' };
  }
}
