// The waitlist's rules, in one place for the staff API and the conversations: who may be added,
// what "table ready" sends, what a guest's answer does, and seating (the walk-in booking).
import { randomUUID } from 'node:crypto';
import type { BookingService } from './booking-service';
import { type Clock, localDateOf, localTimeOf, localToInstant, minutesOfDay, systemClock, weekdayOf } from './clock';
import { BookingError } from './errors';
import type { BookingEventBus } from './events';
import { type Channel, type Language, type Reservation, turnMinutes } from './model';
import { smsBody, toOutboxEntry } from './notifications/plan';
import { textsFor } from './notifications/texts';
import { checkPhone, countryOf } from './phone';
import type { Store } from './store';
import {
  canMoveWaitlist,
  readWaitlistReply,
  soonestSeatings,
  WAITLIST_ACTIVE,
  type SoonestSeating,
  type WaitlistEntry,
  type WaitlistStatus,
} from './waitlist';

export interface WaitlistAdd {
  name: string;
  phone?: string;
  partySize: number;
  quotedMinutes?: number | null;
  language?: Language;
  channel?: WaitlistEntry['channel'];
  notes?: string;
}

/** An entry as the host's list shows it: how long they have waited, and where they could sit soonest. */
export interface WaitlistView extends WaitlistEntry {
  waitedMinutes: number;
  soonest: SoonestSeating[];
}

export interface WaitlistAnswer {
  entry: WaitlistEntry;
  answer: 'coming' | 'cancel';
  /** What to text back, in the guest's language. */
  reply: string;
}

/** What a conversation may ask of the waitlist: whether to offer it to a guest, and joining it. */
export interface WaitlistDesk {
  offerable(request: WaitlistOfferRequest): Promise<boolean>;
  join(input: { phone: string; partySize: number; language: Language; name?: string; channel: Channel }): Promise<{
    entry: WaitlistEntry;
    reply: string;
  }>;
}

export interface WaitlistOfferRequest {
  /** The day the guest asked for ("YYYY-MM-DD", restaurant time). */
  date: string;
  partySize: number;
  /** The number the guest writes from; null when the channel gives none. */
  phone: string | null;
  channel: string;
}

export class WaitlistService implements WaitlistDesk {
  private readonly clock: Clock;

  constructor(
    private readonly store: Store,
    private readonly bookings: BookingService,
    private readonly events: BookingEventBus,
    options: { clock?: Clock } = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** Midnight today in the restaurant's timezone: the list is tonight's. */
  private async dayStart(): Promise<string> {
    const { timezone } = await this.bookings.restaurant();
    const today = localDateOf(this.clock(), timezone);
    return (localToInstant(today, 0, timezone) ?? this.clock()).toISOString();
  }

  async list(options: { all?: boolean } = {}): Promise<WaitlistView[]> {
    const [restaurant, tables, since] = await Promise.all([
      this.bookings.restaurant(),
      this.bookings.tables(),
      this.dayStart(),
    ]);
    const entries = await this.store.listWaitlist(restaurant.id, {
      since,
      statuses: options.all ? undefined : WAITLIST_ACTIVE,
    });
    const now = this.clock();
    const reservations = entries.length
      ? await this.store.findReservations({
          restaurantId: restaurant.id,
          from: new Date(now.getTime() - 12 * 3600_000).toISOString(),
          to: new Date(now.getTime() + 12 * 3600_000).toISOString(),
        })
      : [];
    return entries.map((e) => ({
      ...e,
      waitedMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(e.createdAt)) / 60_000)),
      soonest: WAITLIST_ACTIVE.includes(e.status)
        ? soonestSeatings({
            tables,
            combinations: restaurant.tableCombinations,
            reservations,
            partySize: e.partySize,
            now,
            turnMinutes: turnMinutes(restaurant.rules, e.partySize),
          })
        : [],
    }));
  }

  async get(id: string): Promise<WaitlistEntry> {
    const entry = await this.store.getWaitlistEntry(id);
    const restaurant = await this.bookings.restaurant();
    if (!entry || entry.restaurantId !== restaurant.id)
      throw new BookingError('not_found', 'No such waitlist entry.', { field: 'id' });
    return entry;
  }

  async add(input: WaitlistAdd): Promise<WaitlistEntry> {
    const restaurant = await this.bookings.restaurant();
    const phone = input.phone?.trim() ? checkPhone(input.phone, 'phone', countryOf(restaurant.phone)).e164 : '';
    if (input.partySize > restaurant.rules.maxPartySize && input.channel !== 'dashboard' && input.channel)
      throw new BookingError(
        'party_too_large',
        `The waitlist takes parties of up to ${restaurant.rules.maxPartySize}.`,
        {
          field: 'partySize',
        },
      );
    if (phone) {
      const already = (
        await this.store.listWaitlist(restaurant.id, { since: await this.dayStart(), statuses: WAITLIST_ACTIVE })
      ).find((e) => e.phone === phone);
      if (already) throw new BookingError('conflict', `${phone} is already on tonight's waitlist.`, { field: 'phone' });
    }
    const at = this.clock().toISOString();
    const entry: WaitlistEntry = {
      id: randomUUID(),
      restaurantId: restaurant.id,
      name: input.name.trim(),
      phone,
      partySize: input.partySize,
      quotedMinutes: input.quotedMinutes ?? null,
      language: input.language ?? restaurant.defaultLanguage,
      channel: input.channel ?? 'dashboard',
      status: 'waiting',
      notes: input.notes ?? '',
      createdAt: at,
      updatedAt: at,
      notifiedAt: null,
      repliedAt: null,
      reservationId: null,
    };
    await this.store.addWaitlistEntry(entry);
    this.events.emit('waitlist:changed', entry);
    return entry;
  }

  /**
   * Whether a guest who found no table may be offered the waitlist: they asked for today, write
   * from a number the "table ready" text can reach (SMS or WhatsApp), the party is one the
   * restaurant seats, a service is still to come or going on today, and they are not on the list.
   */
  async offerable(request: WaitlistOfferRequest): Promise<boolean> {
    if ((request.channel !== 'sms' && request.channel !== 'whatsapp') || !request.phone) return false;
    const restaurant = await this.bookings.restaurant();
    const now = this.clock();
    const today = localDateOf(now, restaurant.timezone);
    if (request.date !== today || request.partySize > restaurant.rules.maxPartySize) return false;
    if (restaurant.closures.some((c) => c.date === today)) return false;
    const minutes = minutesOfDay(localTimeOf(now, restaurant.timezone));
    const serving = (restaurant.services[String(weekdayOf(today))] ?? []).some((s) => {
      const close = minutesOfDay(s.close);
      // A service that ends after midnight runs until then.
      return (close > minutesOfDay(s.open) ? close : close + 24 * 60) - s.lastSeatingMinutes > minutes;
    });
    if (!serving) return false;
    let phone: string;
    try {
      phone = checkPhone(request.phone, 'phone', countryOf(restaurant.phone)).e164;
    } catch {
      return false;
    }
    const waiting = await this.store.listWaitlist(restaurant.id, {
      since: await this.dayStart(),
      statuses: WAITLIST_ACTIVE,
    });
    return !waiting.some((e) => e.phone === phone);
  }

  /** A guest who texted joins tonight's list; answers the text to send back. */
  async join(input: { phone: string; partySize: number; language: Language; name?: string; channel: Channel }) {
    const channel = input.channel === 'whatsapp' ? 'whatsapp' : 'sms';
    const entry = await this.add({
      name: input.name?.trim() || input.phone,
      phone: input.phone,
      partySize: input.partySize,
      language: input.language,
      channel,
    });
    const restaurant = await this.bookings.restaurant();
    const position = (await this.list()).findIndex((e) => e.id === entry.id) + 1;
    return { entry, reply: textsFor(entry.language).waitlistJoined(restaurant.name, entry.partySize, position) };
  }

  private async move(entry: WaitlistEntry, to: WaitlistStatus, patch: Partial<WaitlistEntry> = {}) {
    if (!canMoveWaitlist(entry.status, to))
      throw new BookingError('invalid_transition', `A ${entry.status} party cannot become ${to}.`, { field: 'status' });
    const next: WaitlistEntry = { ...entry, ...patch, status: to, updatedAt: this.clock().toISOString() };
    await this.store.updateWaitlistEntry(next);
    this.events.emit('waitlist:changed', next);
    return next;
  }

  /** "Your table is ready", by SMS or WhatsApp (as the guest came) through the outbox. */
  async notify(id: string): Promise<{ entry: WaitlistEntry; outboxId: string }> {
    const entry = await this.get(id);
    if (!entry.phone) throw new BookingError('invalid_phone', 'This party left no number to text.', { field: 'phone' });
    const restaurant = await this.bookings.restaurant();
    const now = this.clock();
    const count = await this.notifiedCount(entry);
    const moved = await this.move(entry, 'notified', { notifiedAt: now.toISOString() });
    const kind = entry.channel === 'whatsapp' ? 'whatsapp' : 'sms';
    const text = textsFor(entry.language).waitlistReady(restaurant.name, entry.name);
    const outbox = toOutboxEntry(
      {
        kind,
        to: entry.phone,
        subject: null,
        // Plain quotes in an SMS keep it in GSM-7 (160 characters a segment); WhatsApp keeps « ».
        body: kind === 'sms' ? smsBody(text) : text,
        purpose: 'waitlist_ready',
        language: entry.language,
        reservationId: null,
        dedupeKey: `waitlist:${entry.id}:${count}`,
        templateVariables: null,
      },
      randomUUID(),
      now,
    );
    await this.store.enqueueOutbox(outbox);
    return { entry: moved, outboxId: outbox.id };
  }

  private async notifiedCount(entry: WaitlistEntry): Promise<number> {
    return (await this.store.listOutbox(Number.MAX_SAFE_INTEGER, { dedupePrefix: `waitlist:${entry.id}:` })).length;
  }

  /**
   * A text from `phone`: when it answers a "table ready" tonight ("OK", "j'arrive", "on annule"),
   * the entry follows and the reply to send is given; otherwise null (the conversation goes on).
   */
  async answer(phone: string, text: string): Promise<WaitlistAnswer | null> {
    const meaning = readWaitlistReply(text);
    if (!meaning) return null;
    const restaurant = await this.bookings.restaurant();
    const entries = await this.store.listWaitlist(restaurant.id, {
      since: await this.dayStart(),
      statuses: ['notified', 'coming'],
    });
    const entry = entries.reverse().find((e) => e.phone === phone);
    if (!entry) return null;
    const texts = textsFor(entry.language);
    const repliedAt = this.clock().toISOString();
    if (meaning === 'cancel') {
      const gone = await this.move(entry, 'cancelled', { repliedAt });
      return { entry: gone, answer: 'cancel', reply: texts.waitlistCancelled(restaurant.name) };
    }
    const coming = entry.status === 'coming' ? entry : await this.move(entry, 'coming', { repliedAt });
    return { entry: coming, answer: 'coming', reply: texts.waitlistComing(restaurant.name) };
  }

  /** Seats the party: the walk-in booking, now, on the given tables (or the soonest free ones). */
  async seat(id: string, tableIds?: string[]): Promise<{ entry: WaitlistEntry; reservation: Reservation }> {
    const entry = await this.get(id);
    if (!canMoveWaitlist(entry.status, 'seated'))
      throw new BookingError('invalid_transition', `A ${entry.status} party cannot be seated.`, { field: 'status' });
    const restaurant = await this.bookings.restaurant();
    const now = this.clock();
    const local = localDateOf(now, restaurant.timezone);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: restaurant.timezone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    let tables = tableIds;
    if (!tables?.length) {
      const view = (await this.list()).find((e) => e.id === id);
      const free = view?.soonest.find((s) => s.inMinutes === 0);
      if (!free)
        throw new BookingError('unavailable', 'No table is free for this party right now.', { field: 'tableIds' });
      tables = free.tableIds;
    }
    const { reservation } = await this.bookings.book(
      {
        customerName: entry.name,
        customerPhone: entry.phone,
        partySize: entry.partySize,
        date: local,
        time,
        channel: 'dashboard',
        language: entry.language,
        notes: entry.notes,
      },
      { ignoreRules: true, tableIds: tables, seated: true },
    );
    const seated = await this.move(entry, 'seated', { reservationId: reservation.id });
    return { entry: seated, reservation };
  }

  async cancel(id: string): Promise<WaitlistEntry> {
    return this.move(await this.get(id), 'cancelled');
  }

  /** Back on the list (a cancellation by mistake). */
  async restore(id: string): Promise<WaitlistEntry> {
    return this.move(await this.get(id), 'waiting');
  }
}
