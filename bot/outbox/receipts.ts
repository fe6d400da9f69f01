// Delivery receipts: Twilio's status callbacks move an outbox entry from "sent" to "delivered",
// "undelivered" or "failed" with Twilio's error code. A receipt may arrive before the worker has
// recorded the send (Twilio is quick), so each receipt is first kept in a document under the
// message's SID, and the entry is brought up to date from it by whichever comes second.
import { randomUUID } from 'node:crypto';
import { toPublic, type BookingEventBus, type Clock, type OutboxEntry, type Store } from '../../booking-core';
import {
  deliverySteps,
  isDeliveryFailure,
  isKnownMessageStatus,
  recordOptOut,
  toOutboxEntry,
  undeliveredAlertMessages,
  withSteps,
  type DeliveryStep,
  type NotificationSettings,
} from '../../booking-core/notifications';

/** Receipts by Twilio message SID. Key: the SID ("SM…"). */
export const MESSAGE_RECEIPT_COLLECTION = 'messageReceipt';

interface ReceiptDoc {
  outboxId: string | null;
  steps: DeliveryStep[];
}

/** Twilio: "Attempt to send to unsubscribed recipient". */
const TWILIO_UNSUBSCRIBED = '21610';

export interface ReceiptInput {
  messageSid: string;
  status: string;
  errorCode: string | null;
}

export interface DeliveryReceiptsOptions {
  store: Store;
  clock: Clock;
  /** An entry that mattered to a guest was not delivered (the staff alert). */
  onUndelivered?: (entry: OutboxEntry) => Promise<void>;
  log?: (line: string) => void;
}

export class DeliveryReceipts {
  private readonly log: (line: string) => void;

  constructor(private readonly options: DeliveryReceiptsOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** The worker sent `entry` as `messageSid`: links them, then applies any receipt already in. */
  async linked(entry: OutboxEntry, messageSid: string): Promise<void> {
    await this.update(messageSid, (doc) => ({ outboxId: entry.id, steps: doc?.steps ?? [] }));
    await this.reconcile(messageSid);
  }

  /** A status callback. Unknown statuses are kept but move nothing. */
  async record(receipt: ReceiptInput): Promise<void> {
    const step: DeliveryStep = { status: receipt.status, at: this.options.clock().toISOString() };
    if (receipt.errorCode) step.errorCode = receipt.errorCode;
    if (!isKnownMessageStatus(receipt.status)) this.log(`[outbox] receipt with unknown status ${receipt.status}`);
    await this.update(receipt.messageSid, (doc) => {
      const steps = doc?.steps ?? [];
      const seen = steps.some((s) => s.status === step.status && (s.errorCode ?? '') === (step.errorCode ?? ''));
      return { outboxId: doc?.outboxId ?? null, steps: seen ? steps : [...steps, step] };
    });
    await this.reconcile(receipt.messageSid);
  }

  private async update(sid: string, change: (doc: ReceiptDoc | null) => ReceiptDoc): Promise<void> {
    const { store } = this.options;
    for (let i = 0; i < 5; i++) {
      const current = await store.getDocument<ReceiptDoc>(MESSAGE_RECEIPT_COLLECTION, sid);
      if (
        await store.putDocument(MESSAGE_RECEIPT_COLLECTION, sid, change(current?.value ?? null), current?.etag ?? null)
      )
        return;
    }
    throw new Error(`receipt for ${sid} could not be written (too many concurrent writers)`);
  }

  private async reconcile(sid: string): Promise<void> {
    const { store } = this.options;
    const doc = (await store.getDocument<ReceiptDoc>(MESSAGE_RECEIPT_COLLECTION, sid))?.value;
    if (!doc?.outboxId || !doc.steps.length) return;
    const entry = await store.getOutbox(doc.outboxId);
    // Not yet recorded as sent by the worker: it will reconcile when it does.
    if (!entry || entry.meta.providerId !== sid) return;
    const known = deliverySteps(entry);
    const merged = [...known];
    for (const s of doc.steps)
      if (!merged.some((k) => k.status === s.status && (k.errorCode ?? '') === (s.errorCode ?? ''))) merged.push(s);
    if (merged.length === known.length) return;
    merged.sort((a, b) => a.at.localeCompare(b.at));
    const next = withSteps(entry, merged);
    await store.updateOutbox(next);
    if (next.status !== entry.status)
      this.log(
        `[outbox] ${entry.kind} ${entry.id} ${next.status}${next.meta.errorCode ? ` (${next.meta.errorCode})` : ''}`,
      );
    if (next.meta.errorCode === TWILIO_UNSUBSCRIBED && entry.kind !== 'email')
      await recordOptOut(store, entry.kind, entry.to, this.options.clock(), 'provider');
    if (isDeliveryFailure(next.status) && !isDeliveryFailure(entry.status)) await this.options.onUndelivered?.(next);
  }
}

/**
 * The staff alert of an undelivered guest confirmation or reminder: queued for the managers
 * (the worker sends it on its next round), once per undelivered message.
 */
export function alertOnUndelivered(
  store: Store,
  restaurantId: string,
  settings: NotificationSettings,
  clock: Clock,
  /** Where the dashboards hear of it at once (a toast on every staff screen). */
  events?: BookingEventBus,
): (entry: OutboxEntry) => Promise<void> {
  return async (entry) => {
    const purpose = entry.meta.purpose;
    if ((purpose !== 'reminder' && purpose !== 'guest_confirmation') || !entry.reservationId) return;
    const [r, restaurant] = await Promise.all([
      store.getReservation(entry.reservationId),
      store.getRestaurant(restaurantId),
    ]);
    if (!r || !restaurant) return;
    const now = clock();
    for (const p of undeliveredAlertMessages(restaurant, toPublic(r), entry, settings))
      await store.enqueueOutbox(toOutboxEntry(p, randomUUID(), now));
    events?.emit('message:undelivered', {
      reservationId: r.id,
      customerName: r.customerName,
      purpose,
      kind: entry.kind,
      errorCode: entry.meta.errorCode ?? null,
    });
  };
}
