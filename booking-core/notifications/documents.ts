// The documents notifications share with the channels (adapters record opt-outs, the dialog
// tree answers reminders). Collection names and keys are a contract: change them together.
import { normalisePhone } from '../booking-service';
import type { Language } from '../model';
import type { Store } from '../store';

export type DocumentStore = Pick<Store, 'getDocument' | 'putDocument' | 'deleteDocument'>;

/**
 * Opt-outs (STOP, ARRET…), written by the messaging adapter. Key: "sms:+33612345678" or
 * "whatsapp:+33612345678" for one channel, or the bare "+33612345678" for every channel.
 */
export const OPT_OUT_COLLECTION = 'optOut';
/** The reminder a guest may answer with 1 or 9. Key: the guest's E.164 phone. */
export const PENDING_REMINDER_COLLECTION = 'pendingReminder';
/** A change the guest was already told about in conversation. Key: "<reservationId>:<change>". */
export const GUEST_INFORMED_COLLECTION = 'guestInformed';
/** A guest's answer to a reminder. Key: the reservation id. */
export const REMINDER_ANSWER_COLLECTION = 'reminderAnswer';

export interface OptOutRecord {
  at: string;
  word?: string;
}

export interface PendingReminder {
  reservationId: string;
  language: Language;
  sentAt: string;
  channel: 'sms' | 'whatsapp';
}

export function phoneKey(phone: string): string {
  return normalisePhone(phone);
}

export async function isOptedOut(store: DocumentStore, channel: 'sms' | 'whatsapp', phone: string): Promise<boolean> {
  const p = phoneKey(phone);
  const [one, all] = await Promise.all([
    store.getDocument<OptOutRecord>(OPT_OUT_COLLECTION, `${channel}:${p}`),
    store.getDocument<OptOutRecord>(OPT_OUT_COLLECTION, p),
  ]);
  return Boolean(one || all);
}

/** A guest's opt-outs, per channel ("all" for the bare-number record), as staff see them. */
export async function optOutsOf(
  store: DocumentStore,
  phone: string,
): Promise<Array<{ channel: 'sms' | 'whatsapp' | 'all'; at: string; word: string | null }>> {
  const p = phoneKey(phone);
  const keys = [
    ['sms', `sms:${p}`],
    ['whatsapp', `whatsapp:${p}`],
    ['all', p],
  ] as const;
  const found = await Promise.all(keys.map(([, key]) => store.getDocument<OptOutRecord>(OPT_OUT_COLLECTION, key)));
  return keys.flatMap(([channel], i) => {
    const doc = found[i]?.value;
    return doc ? [{ channel, at: doc.at, word: doc.word ?? null }] : [];
  });
}

/** Records an opt-out (also used when Twilio reports the number unsubscribed). */
export async function recordOptOut(
  store: DocumentStore,
  channel: 'sms' | 'whatsapp',
  phone: string,
  at: Date,
  word?: string,
): Promise<void> {
  await store.putDocument<OptOutRecord>(
    OPT_OUT_COLLECTION,
    `${channel}:${phoneKey(phone)}`,
    { at: at.toISOString(), word },
    null,
  );
}

/** Overwrites a document whatever its etag (last writer wins, for simple markers). */
export async function putLatest<T>(store: DocumentStore, collection: string, key: string, value: T): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const current = await store.getDocument<T>(collection, key);
    if (await store.putDocument(collection, key, value, current?.etag ?? null)) return;
  }
}

export async function rememberPendingReminder(
  store: DocumentStore,
  phone: string,
  value: PendingReminder,
): Promise<void> {
  await putLatest(store, PENDING_REMINDER_COLLECTION, phoneKey(phone), value);
}

export async function pendingReminderFor(store: DocumentStore, phone: string): Promise<PendingReminder | null> {
  return (await store.getDocument<PendingReminder>(PENDING_REMINDER_COLLECTION, phoneKey(phone)))?.value ?? null;
}

/**
 * Says that the guest already heard of this change in conversation (e.g. "your booking is
 * cancelled"), so no confirmation message repeats it. Managers are still alerted.
 */
export async function markGuestInformed(
  store: DocumentStore,
  reservationId: string,
  change: 'cancelled' | 'changed' | 'created',
  at: Date,
): Promise<void> {
  await store.putDocument(GUEST_INFORMED_COLLECTION, `${reservationId}:${change}`, { at: at.toISOString() }, null);
}

export async function wasGuestInformed(store: DocumentStore, reservationId: string, change: string): Promise<boolean> {
  return (await store.getDocument(GUEST_INFORMED_COLLECTION, `${reservationId}:${change}`)) !== null;
}

/**
 * The store-backed opt-out registry for the messaging adapter (its OptOutRegistry interface):
 * STOP / ARRET record an opt-out here, START removes it, and the outbox reads the same records.
 */
export class StoreOptOuts {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: () => Date,
  ) {}

  isOptedOut(channel: 'sms' | 'whatsapp', phone: string): Promise<boolean> {
    return isOptedOut(this.store, channel, phone);
  }

  async record(channel: 'sms' | 'whatsapp', phone: string, optedOut: boolean, keyword: string): Promise<void> {
    const key = `${channel}:${phoneKey(phone)}`;
    if (optedOut)
      await putLatest<OptOutRecord>(this.store, OPT_OUT_COLLECTION, key, {
        at: this.clock().toISOString(),
        word: keyword,
      });
    else await this.store.deleteDocument(OPT_OUT_COLLECTION, key);
  }
}
