// Builds the notification machinery from settings: senders, the notifier on the booking
// events, the outbox worker and the reminder scheduler. The server module and the tests
// both start it here, so they run the same thing.
import { MESSAGING_STATUS_PATH } from '../../adapters/twilio-messaging';
import { publicUrl } from '../../adapters/twilio-signature';
import type { BookingEventBus, Clock, OutboxEntry, Store } from '../../booking-core';
import { smsBudgetAlertMessages, type BackoffPolicy } from '../../booking-core/notifications';
import type { Config } from '../config';
import { SendCaps, type SendLimits } from './caps';
import { Notifier } from './notifier';
import { alertOnUndelivered, DeliveryReceipts } from './receipts';
import { ReminderScheduler } from './reminder-scheduler';
import { SmtpEmailSender } from './senders/email-smtp';
import { TwilioMessagingSender } from './senders/sms-twilio';
import { OutboxWorker, type Senders } from './worker';

export type NotificationsConfig = Pick<
  Config,
  'smtpUrl' | 'mailFrom' | 'managerEmails' | 'managerPhones' | 'publicBaseUrl' | 'twilio'
> & {
  /** Messages per number a day and SMS an hour; unset: nothing capped. */
  caps?: SendLimits;
  /** Approved WhatsApp templates by purpose ("reminder:fr" → "HX…"). */
  whatsappTemplates?: Record<string, string>;
  /** Countries guests are texted in; unset: the restaurant's and its neighbours. */
  smsCountries?: string[] | null;
};

/** The SMS budget's alert, remembered while it holds. */
const SMS_BUDGET_ALERT = 'smsBudgetAlert';

export interface NotificationsDeps {
  store: Store;
  restaurantId: string;
  events: BookingEventBus;
  clock: Clock;
  config: NotificationsConfig;
  log?: (line: string) => void;
  policy?: BackoffPolicy;
  owner?: string;
}

export interface Notifications {
  notifier: Notifier;
  worker: OutboxWorker;
  scheduler: ReminderScheduler;
  senders: Senders;
  receipts: DeliveryReceipts;
  /** One line per channel: what will happen to its messages. */
  describe(): string;
  /** Starts the worker's polling and the scheduler's ticking (the server does; tests drive them). */
  start(options?: { pollMs?: number; reminderEveryMs?: number }): void;
  close(): Promise<void>;
}

/** When the guest last wrote on WhatsApp: the latest guest line of the "whatsapp:<phone>" conversation. */
export function lastInboundFrom(store: Store, channel: 'whatsapp' | 'sms') {
  return async (phone: string): Promise<Date | null> => {
    const lines = await store.getTranscript(`${channel}:${phone}`);
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i].from === 'guest') return new Date(lines[i].at);
    return null;
  };
}

export function createNotifications(deps: NotificationsDeps): Notifications {
  const { store, config, clock } = deps;
  const log = deps.log ?? (() => undefined);
  const email = new SmtpEmailSender({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom });
  const twilio = new TwilioMessagingSender({
    ...config.twilio,
    whatsappTemplates: config.whatsappTemplates ?? {},
    lastWhatsappInbound: lastInboundFrom(store, 'whatsapp'),
    statusCallbackUrl: () => (config.publicBaseUrl ? publicUrl(config.publicBaseUrl, MESSAGING_STATUS_PATH) : null),
  });
  const senders: Senders = { email, sms: twilio.sms(), whatsapp: twilio.whatsapp() };
  // Set below: the alert of an undelivered message goes through the notifier.
  let alertUndelivered: (entry: OutboxEntry) => Promise<void> = async () => undefined;
  const receipts = new DeliveryReceipts({ store, clock, log, onUndelivered: (e) => alertUndelivered(e) });
  // Set below: the budget alert goes through the notifier, which wakes the worker.
  let alertBudgetSpent: () => Promise<void> = async () => undefined;
  const caps = config.caps
    ? new SendCaps({
        store,
        limits: config.caps,
        hasWritten: async (to) =>
          (await lastInboundFrom(store, 'sms')(to)) !== null || (await lastInboundFrom(store, 'whatsapp')(to)) !== null,
        onBudgetSpent: () => alertBudgetSpent(),
        log,
      })
    : undefined;
  const worker = new OutboxWorker({
    store,
    senders,
    clock,
    log,
    policy: deps.policy,
    owner: deps.owner,
    receipts,
    caps,
  });
  const notifier = new Notifier({
    store,
    restaurantId: deps.restaurantId,
    clock,
    log,
    onQueued: () => worker.kick(),
    // Read at each message, so a base URL settled after start-up is the one linked.
    settings: {
      get managerEmails() {
        return config.managerEmails;
      },
      get managerPhones() {
        return config.managerPhones;
      },
      get dashboardBaseUrl() {
        return config.publicBaseUrl;
      },
      get smsCountries() {
        return config.smsCountries ?? null;
      },
      get oneWaySms() {
        return Boolean(config.twilio.smsSenderId);
      },
      get organizerEmail() {
        return /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
      },
    },
  });
  const alert = alertOnUndelivered(store, deps.restaurantId, notifier.settings, clock, deps.events);
  alertUndelivered = async (entry) => {
    await alert(entry);
    worker.kick();
  };
  alertBudgetSpent = async () => {
    const budget = config.caps?.smsPerHour ?? 0;
    const now = clock();
    // One alert while the budget is spent: remembered an hour, the budget's own window.
    const window = now.toISOString().slice(0, 13);
    const first = await store
      .records()
      .putNew(SMS_BUDGET_ALERT, 'alert', window, new Date(now.getTime() + 3600_000), now);
    if (!first) return;
    log(`[outbox] the ${budget} SMS of the last hour are used up: the next ones wait; staff alerted`);
    await notifier.queue(smsBudgetAlertMessages(await notifier.restaurant(), budget, notifier.settings, window));
  };
  const unsubscribe = notifier.subscribe(deps.events);
  const scheduler = new ReminderScheduler({ store, restaurantId: deps.restaurantId, clock, notifier, log });
  let catchingUp: Promise<void> = Promise.resolve();
  return {
    notifier,
    worker,
    scheduler,
    senders,
    receipts,
    describe: () =>
      (['email', 'sms', 'whatsapp'] as const)
        .map((k) => `${k}: ${senders[k]?.notConfigured ? `not configured (${senders[k]?.notConfigured})` : 'ready'}`)
        .join('; '),
    start: (options = {}) => {
      // Bookings of the last day whose messages were never queued (a crash in between) get them now.
      catchingUp = notifier.catchUp(new Date(clock().getTime() - 24 * 3600_000)).then(
        (queued) => {
          if (queued.length) log(`[outbox] queued ${queued.length} message(s) missed before the last stop`);
        },
        (err: Error) => log(`[outbox] catch-up failed: ${err.message}`),
      );
      worker.start(options.pollMs ?? 1000);
      scheduler.start(options.reminderEveryMs ?? 60_000);
    },
    close: async () => {
      unsubscribe();
      await catchingUp;
      await scheduler.stop();
      await notifier.settled();
      await worker.stop();
      email.close();
    },
  };
}
