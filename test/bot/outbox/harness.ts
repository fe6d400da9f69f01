// One restaurant with notifications wired as the server wires them, on loopback doubles.
import {
  BookingEventBus,
  BookingService,
  demoRestaurant,
  demoTables,
  type Clock,
  type Store,
} from '../../../booking-core';
import { SqliteStore } from '../../../booking-core/stores/sqlite-store';
import type { BackoffPolicy } from '../../../booking-core/notifications';
import { createNotifications, type Notifications, type NotificationsConfig } from '../../../bot/outbox/service';
import { ACCOUNT_SID } from './fakes';

export const MANAGER_EMAIL = 'manager@example.test';
export const MANAGER_PHONE = '+33600000001';
export const FAST_BACKOFF: BackoffPolicy = { baseMs: 1000, factor: 2, maxMs: 60_000, maxAttempts: 3 };

export function notificationsConfig(over: {
  smtpUrl?: string | null;
  twilioUrl?: string | null;
  templates?: Record<string, string>;
}): NotificationsConfig {
  return {
    smtpUrl: over.smtpUrl ?? null,
    mailFrom: 'Le Petit Bistro <booking@example.test>',
    managerEmails: [MANAGER_EMAIL],
    managerPhones: [MANAGER_PHONE],
    publicBaseUrl: 'http://maitre.example.test',
    twilio: over.twilioUrl
      ? {
          accountSid: ACCOUNT_SID,
          authToken: 'test-auth-token',
          phoneNumber: '+33900000000',
          whatsappNumber: '+33900000009',
          apiBaseUrl: over.twilioUrl,
        }
      : { accountSid: null, authToken: null, phoneNumber: null, whatsappNumber: null, apiBaseUrl: null },
    whatsappTemplates: over.templates ?? {},
  };
}

export interface Rig {
  store: Store;
  bookings: BookingService;
  n: Notifications;
  close(): Promise<void>;
}

export async function seededStore(file = ':memory:'): Promise<Store> {
  const store = new SqliteStore(file);
  await store.init();
  if (!(await store.firstRestaurant())) {
    const r = demoRestaurant();
    await store.saveRestaurant(r);
    for (const t of demoTables(r.id)) await store.saveTable(t);
  }
  return store;
}

export async function rig(
  clock: Clock,
  config: NotificationsConfig,
  options: { store?: Store; owner?: string } = {},
): Promise<Rig> {
  const store = options.store ?? (await seededStore());
  const restaurant = await store.firstRestaurant();
  if (!restaurant) throw new Error('no restaurant');
  const events = new BookingEventBus();
  const bookings = new BookingService(store, restaurant.id, { clock, events });
  const n = createNotifications({
    store,
    restaurantId: restaurant.id,
    events,
    clock,
    config,
    policy: FAST_BACKOFF,
    owner: options.owner,
  });
  return {
    store,
    bookings,
    n,
    close: async () => {
      await n.close();
      if (!options.store) await store.close();
    },
  };
}

/** Lets the event listeners queue, then sends everything due. */
export async function flush(r: Rig): Promise<void> {
  await r.n.notifier.settled();
  await r.n.worker.drain();
}
