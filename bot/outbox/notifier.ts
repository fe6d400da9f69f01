// Turns booking events into outbox entries, in the same step as the event: the listener
// queues them before anything is sent, and each entry's dedupe key keeps it single even when
// an event is handled twice.
import { randomUUID } from 'node:crypto';
import {
  toPublic,
  type BookingEventBus,
  type Clock,
  type OutboxEntry,
  type PublicReservation,
  type Restaurant,
  type Store,
} from '../../booking-core';
import {
  messagesForChange,
  PENDING_REMINDER_COLLECTION,
  pendingReminderFor,
  phoneKey,
  reminderMessage,
  smsCountriesOf,
  toOutboxEntry,
  withheldReason,
  wasGuestInformed,
  type ChangeKind,
  type NotificationSettings,
  type PlannedMessage,
} from '../../booking-core/notifications';

/** What a booking looked like when the guest was last told: a change is told only when these differ. */
const NOTIFIED_COLLECTION = 'notifiedBooking';
interface NotifiedBooking {
  startAt: string;
  partySize: number;
  /** How many changes the guest was told of: the SEQUENCE of the booking's calendar invite. */
  told?: number;
}

export interface NotifierOptions {
  store: Store;
  restaurantId: string;
  settings: NotificationSettings;
  clock: Clock;
  log?: (line: string) => void;
  /** Called when new entries are queued (wakes the worker). */
  onQueued?: () => void;
}

export class Notifier {
  private readonly log: (line: string) => void;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: NotifierOptions) {
    this.log = options.log ?? (() => undefined);
  }

  get settings(): NotificationSettings {
    return this.options.settings;
  }

  /** Listens to the booking events; returns the unsubscribe function. */
  subscribe(events: BookingEventBus): () => void {
    const run = (kind: 'created' | 'updated' | 'cancelled') => (r: PublicReservation) => {
      const p = this.onEvent(kind, r).catch((err: Error) =>
        this.log(`[outbox] could not queue ${kind} messages for ${r.id}: ${err.message}`),
      );
      this.inFlight.add(p);
      void p.finally(() => this.inFlight.delete(p));
    };
    const offs = [
      events.on('reservation:created', run('created')),
      events.on('reservation:updated', run('updated')),
      events.on('reservation:cancelled', run('cancelled')),
    ];
    return () => {
      for (const off of offs) off();
    };
  }

  /** Resolves when every event received so far has its entries in the outbox. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  async onEvent(event: 'created' | 'updated' | 'cancelled', r: PublicReservation): Promise<OutboxEntry[]> {
    const { store } = this.options;
    const restaurant = await this.restaurant();
    let kind: ChangeKind;
    let version = '';
    let sequence = 0;
    if (event === 'created') {
      if (r.status !== 'confirmed') return [];
      kind = 'created';
      await store.putDocument<NotifiedBooking>(
        NOTIFIED_COLLECTION,
        r.id,
        { startAt: r.startAt, partySize: r.partySize, told: 0 },
        null,
      );
    } else if (event === 'updated') {
      // Seated, completed, no-show, a note: nothing the guest or a manager needs a message for.
      if (r.status !== 'confirmed') return [];
      const seen = await store.getDocument<NotifiedBooking>(NOTIFIED_COLLECTION, r.id);
      if (seen && seen.value.startAt === r.startAt && seen.value.partySize === r.partySize) return [];
      sequence = (seen?.value.told ?? 0) + 1;
      const won = await store.putDocument<NotifiedBooking>(
        NOTIFIED_COLLECTION,
        r.id,
        { startAt: r.startAt, partySize: r.partySize, told: sequence },
        seen?.etag ?? null,
      );
      if (!won) return []; // another instance is telling this change
      kind = 'changed';
      version = r.updatedAt;
    } else {
      kind = 'cancelled';
      sequence = ((await store.getDocument<NotifiedBooking>(NOTIFIED_COLLECTION, r.id))?.value.told ?? 0) + 1;
      const pending = await pendingReminderFor(store, r.customerPhone);
      if (pending?.reservationId === r.id)
        await store.deleteDocument(PENDING_REMINDER_COLLECTION, phoneKey(r.customerPhone));
    }
    let planned = messagesForChange(kind, restaurant, r, this.options.settings, version, sequence);
    if (await wasGuestInformed(store, r.id, kind)) planned = planned.filter((m) => m.purpose !== 'guest_confirmation');
    return this.queue(planned);
  }

  /**
   * Queues the messages of bookings made since `since` that have none (the process died
   * between a booking and its listener). Already queued messages are refused by their
   * dedupe keys, so this is safe to run at every start.
   */
  async catchUp(since: Date): Promise<OutboxEntry[]> {
    const now = this.options.clock();
    const recent = (
      await this.options.store.findReservations({
        restaurantId: this.options.restaurantId,
        from: now.toISOString(),
        statuses: ['confirmed'],
      })
    ).filter((r) => new Date(r.createdAt).getTime() >= since.getTime());
    const queued: OutboxEntry[] = [];
    for (const r of recent) queued.push(...(await this.onEvent('created', toPublic(r))));
    return queued;
  }

  /** Queues a reminder for one slot of a booking (scheduler) or on demand (staff). */
  async queueReminder(r: PublicReservation, slotKey: string): Promise<OutboxEntry[]> {
    const message = reminderMessage(await this.restaurant(), r, slotKey);
    return message ? this.queue([message]) : [];
  }

  /** Writes planned messages to the outbox; returns the entries that were new. */
  async queue(planned: PlannedMessage[]): Promise<OutboxEntry[]> {
    const now = this.options.clock();
    const queued: OutboxEntry[] = [];
    const countries = planned.length ? smsCountriesOf(await this.restaurant(), this.options.settings.smsCountries) : [];
    for (const p of planned) {
      const withheld = withheldReason(p, countries);
      const entry = toOutboxEntry(p, randomUUID(), now, withheld);
      if (!(await this.options.store.enqueueOutbox(entry))) continue;
      queued.push(entry);
      if (withheld) this.log(`[outbox] ${p.kind} to ${p.to} withheld (${p.purpose}): ${withheld}`);
    }
    if (queued.some((e) => e.status === 'pending')) this.options.onQueued?.();
    return queued;
  }

  async restaurant(): Promise<Restaurant> {
    const r = await this.options.store.getRestaurant(this.options.restaurantId);
    if (!r) throw new Error(`restaurant ${this.options.restaurantId} not found`);
    return r;
  }
}
