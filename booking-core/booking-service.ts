// The booking service: the one way a reservation is made, held, moved or ended, whatever
// the channel. It reads availability, lets the store's unique claims decide races, and
// emits an event for each change.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  computeAvailability,
  nearestTimes,
  partyRefusal,
  refusalAt,
  type Availability,
  type RuleRefusal,
  type Slot,
} from './availability';
import { claimsFor } from './claims';
import {
  addDays,
  isValidDate,
  isValidTime,
  localDateOf,
  localTimeOf,
  localToInstant,
  minutesOfDay,
  systemClock,
  weekdayOf,
  type Clock,
} from './clock';
import { BookingError, SlotTakenError, type Alternative, type ErrorCode } from './errors';
import { BookingEventBus } from './events';
import {
  ACTIVE_STATUSES,
  toPublic,
  turnMinutes,
  type Channel,
  type Language,
  type Reservation,
  type ReservationStatus,
  type Restaurant,
  type Table,
} from './model';
import { storedText } from './guest-text';
import { checkPhone, countryOf } from './phone';
import type { Store } from './store';

export interface BookingRequest {
  customerName: string;
  customerPhone: string;
  customerEmail?: string | null;
  partySize: number;
  date: string;
  time: string;
  channel: Channel;
  language: Language;
  notes?: string;
  conversationId?: string | null;
  /** The client's network address when the request came over HTTP (per-address limits; not stored). */
  clientAddress?: string | null;
}

/**
 * Limits on what one sender may book, asked before a guest's booking or hold is made (staff
 * bookings are not asked). `admit` refuses with a BookingError; `counted` is told of each
 * booking or hold that was made, so the next `admit` sees it.
 */
export interface BookingGate {
  admit(request: BookingRequest): Promise<void>;
  counted(request: BookingRequest): Promise<void>;
}

export interface GuestLimits {
  /** Bookings still to come (held or confirmed) one phone number, or one email, may have. */
  activeBookingsPerGuest: number;
}

/** What staff may do that guests may not: any time of the day, any party, chosen tables. */
export interface StaffOverrides {
  tableIds?: string[];
  ignoreRules?: boolean;
  /** A walk-in: created already seated, so nobody is sent a confirmation or a reminder. */
  seated?: boolean;
}

export interface ReservationChange {
  date?: string;
  time?: string;
  partySize?: number;
  tableIds?: string[];
  notes?: string;
  customerName?: string;
  customerEmail?: string | null;
}

export interface BookingResult {
  reservation: Reservation;
  /** Given once, at creation: lets the guest see, change or cancel the booking. */
  manageToken: string;
}

const ALLOWED_TRANSITIONS: Record<ReservationStatus, readonly ReservationStatus[]> = {
  held: ['confirmed', 'cancelled'],
  expired: [],
  confirmed: ['seated', 'cancelled', 'no_show', 'completed'],
  seated: ['completed', 'confirmed'],
  completed: [],
  cancelled: [],
  no_show: ['confirmed'],
};

const MAX_CLAIM_ATTEMPTS = 3;
/** How far ahead alternatives are looked for. */
const ALTERNATIVE_DAYS = 14;

/** Freezes parsed settings throughout, so that the shared copy cannot be changed by mistake. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normalisePhone(phone: string): string {
  const trimmed = phone.trim().replace(/^whatsapp:/i, '');
  const digits = trimmed.replace(/[^0-9]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
}

/** The settings a booking decision reads, frozen: shared between calls, never changed in place. */
interface Settings {
  restaurant: Restaurant;
  tables: Table[];
}

export class BookingService {
  readonly events: BookingEventBus;
  private readonly clock: Clock;
  private kept: (Settings & { version: string }) | null = null;

  private readonly limits: GuestLimits | null;
  private readonly gate: BookingGate | null;

  constructor(
    private readonly store: Store,
    readonly restaurantId: string,
    options: { clock?: Clock; events?: BookingEventBus; limits?: GuestLimits; gate?: BookingGate } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.events = options.events ?? new BookingEventBus();
    this.limits = options.limits ?? null;
    this.gate = options.gate ?? null;
  }

  now(): Date {
    return this.clock();
  }

  async restaurant(): Promise<Restaurant> {
    const r = await this.store.getRestaurant(this.restaurantId);
    if (!r) throw new BookingError('not_found', `Restaurant ${this.restaurantId} does not exist.`);
    return r;
  }

  tables(): Promise<Table[]> {
    return this.store.listTables(this.restaurantId);
  }

  /**
   * The restaurant and its tables for availability and claims. A guest's turn asks several
   * times (availability, then the hold); parsing the settings each time cost more than the
   * rest of the read. They are kept while the store's settingsVersion() is unchanged, which
   * every save of a restaurant or table (here or in another process) changes; a store
   * without a version is read every time.
   */
  private async settings(): Promise<Settings> {
    const version = this.store.settingsVersion?.();
    if (version !== undefined && this.kept?.version === version) return this.kept;
    const [restaurant, tables] = await Promise.all([this.restaurant(), this.tables()]);
    const read: Settings = { restaurant: deepFreeze(restaurant), tables: deepFreeze(tables) };
    // The version was taken before reading: a save in between changes it, so the next call reads again.
    if (version !== undefined) this.kept = { ...read, version };
    return read;
  }

  /** Free start times on a local date for a party. */
  async availability(date: string, partySize: number, ignoreReservationId?: string): Promise<Availability> {
    if (!isValidDate(date))
      throw new BookingError('invalid_date', `"${date}" is not a date (YYYY-MM-DD).`, { field: 'date' });
    const { restaurant, tables } = await this.settings();
    return this.availabilityWith(restaurant, tables, date, partySize, ignoreReservationId);
  }

  private async availabilityWith(
    restaurant: Restaurant,
    tables: Table[],
    date: string,
    partySize: number,
    ignoreReservationId?: string,
  ): Promise<Availability> {
    const occupancies = await this.occupancies(restaurant, date, 1);
    return computeAvailability({
      restaurant,
      tables,
      occupancies,
      date,
      partySize,
      now: this.now(),
      ignoreReservationId,
    });
  }

  /** Live bookings that may touch `days` local days from `date`, in one query. */
  private occupancies(restaurant: Restaurant, date: string, days: number): Promise<Reservation[]> {
    const dayStart = localToInstant(date, 0, restaurant.timezone) ?? new Date(`${date}T00:00:00Z`);
    return this.store.findReservations({
      restaurantId: restaurant.id,
      // A booking that began the evening before can still hold a table after midnight.
      from: new Date(dayStart.getTime() - 12 * 3600_000).toISOString(),
      to: new Date(dayStart.getTime() + (days * 24 + 12) * 3600_000).toISOString(),
      statuses: ACTIVE_STATUSES,
    });
  }

  /** The nearest free times that day, then the same time on the following days. */
  async alternatives(
    date: string,
    time: string,
    partySize: number,
    ignoreReservationId?: string,
    count = 3,
  ): Promise<Alternative[]> {
    const { restaurant, tables } = await this.settings();
    const firstDay = isValidDate(date) ? date : localDateOf(this.now(), restaurant.timezone);
    const occupancies = await this.occupancies(restaurant, firstDay, ALTERNATIVE_DAYS + 1);
    const dayOf = (day: string) =>
      computeAvailability({
        restaurant,
        tables,
        occupancies,
        date: day,
        partySize,
        now: this.now(),
        ignoreReservationId,
      });
    const out: Alternative[] = [];
    if (isValidDate(date)) {
      for (const t of nearestTimes(dayOf(date).slots, time, count)) out.push({ date, time: t });
    }
    for (let d = 1; d <= ALTERNATIVE_DAYS && out.length < count * 2; d++) {
      const day = addDays(firstDay, d);
      const avail = dayOf(day);
      if (avail.refusal === 'too_far' || avail.refusal === 'party_too_large') break;
      const same =
        avail.slots.find((s) => s.time === time) ??
        avail.slots.find((s) => s.time === nearestTimes(avail.slots, time, 1)[0]);
      if (same) out.push({ date: day, time: same.time });
    }
    return out;
  }

  /**
   * Why this party cannot be seated at that time under the restaurant's rules (past, too soon,
   * outside the services, beyond the horizon, too large...), or null: then only a free table
   * decides. The same refusals a booking gets.
   */
  async refusalAt(date: string, time: string, partySize: number): Promise<RuleRefusal | null> {
    const { restaurant, tables } = await this.settings();
    return refusalAt(restaurant, tables, { date, time, partySize }, this.now());
  }

  /** Whether a party of this size can be booked at all, asked before the day is known. */
  async partyRefusal(partySize: number): Promise<ErrorCode | null> {
    const { restaurant, tables } = await this.settings();
    return partyRefusal(restaurant, tables, partySize);
  }

  /** Books in one step (website, API, dashboard). */
  async book(request: BookingRequest, staff: StaffOverrides = {}): Promise<BookingResult> {
    const manageToken = randomBytes(24).toString('base64url');
    const reservation = await this.claim(request, staff.seated ? 'seated' : 'confirmed', staff, hashToken(manageToken));
    this.events.emit('reservation:created', toPublic(reservation));
    return { reservation, manageToken };
  }

  /** Keeps a table for a guest while they confirm; it lapses by itself after the hold time. */
  async hold(request: BookingRequest): Promise<Reservation> {
    return this.claim(request, 'held', {}, null);
  }

  /** Turns a hold into a booking, if it has not lapsed. */
  async confirm(holdId: string): Promise<BookingResult> {
    const held = await this.mustGet(holdId);
    if (held.status !== 'held') throw new BookingError('invalid_transition', 'That reservation is not on hold.');
    const { restaurant } = await this.settings();
    const manageToken = randomBytes(24).toString('base64url');
    const confirmed: Reservation = {
      ...held,
      status: 'confirmed',
      holdExpiresAt: null,
      manageTokenHash: hashToken(manageToken),
      updatedAt: this.now().toISOString(),
    };
    const claims = claimsFor(held, restaurant.rules.bufferMinutes);
    if (!(await this.store.confirmHold(confirmed, claims.length, this.now()))) {
      const local = this.localOf(restaurant, held);
      throw new BookingError('hold_expired', 'The table was held too long and is no longer kept.', {
        alternatives: await this.alternatives(local.date, local.time, held.partySize),
      });
    }
    this.events.emit('reservation:created', toPublic(confirmed));
    return { reservation: confirmed, manageToken };
  }

  /** Lets a hold go at once (the guest said no). */
  async release(holdId: string): Promise<void> {
    const held = await this.store.getReservation(holdId);
    if (held?.status !== 'held') return;
    await this.store.releaseReservation({
      ...held,
      status: 'expired',
      holdExpiresAt: null,
      updatedAt: this.now().toISOString(),
    });
  }

  /** Changes time, party, tables or details; a refused move keeps the booking as it was. */
  async modify(id: string, change: ReservationChange, staff: StaffOverrides = {}): Promise<Reservation> {
    const current = await this.mustGet(id);
    if (!['confirmed', 'held', 'seated'].includes(current.status))
      throw new BookingError('invalid_transition', `A ${current.status} reservation cannot be changed.`);
    const { restaurant } = await this.settings();
    const local = this.localOf(restaurant, current);
    const moves =
      change.date !== undefined ||
      change.time !== undefined ||
      change.partySize !== undefined ||
      change.tableIds !== undefined;
    const now = this.now().toISOString();
    let updated: Reservation = {
      ...current,
      notes: change.notes !== undefined ? storedText(change.notes) : current.notes,
      customerName: change.customerName !== undefined ? this.checkName(change.customerName) : current.customerName,
      customerEmail: change.customerEmail !== undefined ? change.customerEmail : current.customerEmail,
      updatedAt: now,
    };
    if (moves) {
      const request: BookingRequest = {
        customerName: updated.customerName,
        customerPhone: updated.customerPhone,
        customerEmail: updated.customerEmail,
        partySize: change.partySize ?? current.partySize,
        date: change.date ?? local.date,
        time: change.time ?? local.time,
        channel: current.channel,
        language: current.language,
        notes: updated.notes,
        conversationId: current.conversationId,
      };
      this.validate(request, restaurant);
      updated = await this.claimFor(
        request,
        staff,
        current.id,
        (slot, tables) => ({
          ...updated,
          partySize: request.partySize,
          startAt: slot.startAt.toISOString(),
          endAt: slot.endAt.toISOString(),
          tableIds: tables,
        }),
        async (next) => this.store.moveReservation(next, claimsFor(next, restaurant.rules.bufferMinutes), this.now()),
      );
    } else {
      await this.store.updateReservation(updated);
    }
    if (updated.status !== 'held') this.events.emit('reservation:updated', toPublic(updated));
    return updated;
  }

  async cancel(id: string): Promise<Reservation> {
    return this.transition(id, 'cancelled');
  }

  /** Seat, complete, no-show, or back to confirmed (a mistaken arrival). */
  async transition(id: string, status: ReservationStatus): Promise<Reservation> {
    const current = await this.mustGet(id);
    if (current.status === status) return current;
    if (!ALLOWED_TRANSITIONS[current.status].includes(status)) {
      throw new BookingError('invalid_transition', `A ${current.status} reservation cannot become ${status}.`);
    }
    const updated: Reservation = { ...current, status, updatedAt: this.now().toISOString() };
    if (!ACTIVE_STATUSES.includes(status)) await this.store.releaseReservation(updated);
    else if (ACTIVE_STATUSES.includes(current.status)) await this.store.updateReservation(updated);
    else await this.reclaim(updated);
    this.events.emit(status === 'cancelled' ? 'reservation:cancelled' : 'reservation:updated', toPublic(updated));
    return updated;
  }

  /** A booking coming back (a no-show who turns up) takes its tables again, if still free. */
  private async reclaim(r: Reservation): Promise<void> {
    const { restaurant } = await this.settings();
    try {
      await this.store.moveReservation(r, claimsFor(r, restaurant.rules.bufferMinutes), this.now());
    } catch (err) {
      if (!(err instanceof SlotTakenError)) throw err;
      throw new BookingError(
        'unavailable',
        `Table ${r.tableIds.join('+')} has been given to another booking since; move this one to a free table.`,
        { field: 'tableIds' },
      );
    }
  }

  async get(id: string): Promise<Reservation | null> {
    return this.store.getReservation(id);
  }

  async mustGet(id: string): Promise<Reservation> {
    const r = await this.store.getReservation(id);
    if (!r || r.restaurantId !== this.restaurantId) throw new BookingError('not_found', `No reservation ${id}.`);
    return r;
  }

  /** A guest's bookings still to come, found by phone number (for change and cancel). */
  async upcomingFor(phone: string): Promise<Reservation[]> {
    return this.store.findReservations({
      restaurantId: this.restaurantId,
      customerPhone: normalisePhone(phone),
      from: this.now().toISOString(),
      statuses: ['confirmed'],
    });
  }

  /** Local day and time of a reservation, in the restaurant's timezone. */
  localOf(restaurant: Restaurant, r: Pick<Reservation, 'startAt'>): { date: string; time: string } {
    const start = new Date(r.startAt);
    return { date: localDateOf(start, restaurant.timezone), time: localTimeOf(start, restaurant.timezone) };
  }

  async sweepExpiredHolds(): Promise<number> {
    return this.store.sweepExpiredHolds(this.now());
  }

  private async claim(
    request: BookingRequest,
    status: 'held' | 'confirmed' | 'seated',
    staff: StaffOverrides,
    manageTokenHash: string | null,
  ): Promise<Reservation> {
    const { restaurant } = await this.settings();
    const base = this.validate(request, restaurant);
    // Staff book for guests as they see fit; a guest's own booking (any channel) is limited.
    const guest = base.channel !== 'dashboard';
    if (guest) {
      await this.checkActiveBookings(base);
      await this.gate?.admit(base);
    }
    const created = this.now().toISOString();
    const holdExpiresAt =
      status === 'held' ? new Date(this.now().getTime() + restaurant.rules.holdMinutes * 60_000).toISOString() : null;
    const made = await this.claimFor(
      base,
      staff,
      undefined,
      (slot, tableIds) => ({
        id: randomUUID(),
        restaurantId: restaurant.id,
        customerName: base.customerName,
        customerPhone: base.customerPhone,
        customerEmail: base.customerEmail ?? null,
        partySize: base.partySize,
        startAt: slot.startAt.toISOString(),
        endAt: slot.endAt.toISOString(),
        tableIds,
        status,
        channel: base.channel,
        language: base.language,
        notes: storedText(base.notes ?? ''),
        createdAt: created,
        updatedAt: created,
        holdExpiresAt,
        manageTokenHash,
        conversationId: base.conversationId ?? null,
      }),
      async (r) => this.store.createReservation(r, claimsFor(r, restaurant.rules.bufferMinutes), this.now()),
    );
    if (guest) await this.gate?.counted(base);
    return made;
  }

  /**
   * Refuses a guest's booking when their phone number or email already has as many bookings
   * to come as the limit allows: nobody books out a day under one name.
   */
  private async checkActiveBookings(request: BookingRequest): Promise<void> {
    if (!this.limits) return;
    const max = this.limits.activeBookingsPerGuest;
    const now = this.now();
    const active = (r: Reservation) =>
      r.status === 'confirmed' || (r.holdExpiresAt !== null && new Date(r.holdExpiresAt) > now);
    const upcoming = (q: { customerPhone?: string; customerEmail?: string }) =>
      this.store.findReservations({
        restaurantId: this.restaurantId,
        from: now.toISOString(),
        statuses: ['confirmed', 'held'],
        ...q,
      });
    if ((await upcoming({ customerPhone: request.customerPhone })).filter(active).length >= max)
      throw new BookingError(
        'too_many',
        `This phone number already has ${max} bookings to come; change or cancel one of them first.`,
        { field: 'phoneNumber' },
      );
    if (
      request.customerEmail &&
      (await upcoming({ customerEmail: request.customerEmail })).filter(active).length >= max
    )
      throw new BookingError(
        'too_many',
        `This email address already has ${max} bookings to come; change or cancel one of them first.`,
        { field: 'email' },
      );
  }

  /**
   * Finds the slot, builds the reservation, lets the store claim it (`request` already validated).
   * A refused claim (another booking won the race) is retried on fresh availability, then
   * reported as unavailable.
   */
  private async claimFor(
    request: BookingRequest,
    staff: StaffOverrides,
    ignoreId: string | undefined,
    build: (slot: Slot, tableIds: string[]) => Reservation,
    write: (r: Reservation) => Promise<void>,
  ): Promise<Reservation> {
    const { restaurant, tables } = await this.settings();
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const slot = await this.findSlot(restaurant, tables, request, staff, ignoreId);
      if (!slot) break;
      for (const tableIds of slot.options) {
        const reservation = build(slot, tableIds);
        try {
          await write(reservation);
          return reservation;
        } catch (err) {
          if (!(err instanceof SlotTakenError)) throw err;
        }
      }
      if (staff.tableIds) break; // the chosen tables are taken; another table is not what staff asked
    }
    throw new BookingError('unavailable', `No table for ${request.partySize} on ${request.date} at ${request.time}.`, {
      alternatives: await this.alternatives(request.date, request.time, request.partySize, ignoreId),
    });
  }

  private async findSlot(
    restaurant: Restaurant,
    tables: Table[],
    request: BookingRequest,
    staff: StaffOverrides,
    ignoreId?: string,
  ): Promise<Slot | null> {
    if (staff.ignoreRules || staff.tableIds) return this.staffSlot(restaurant, tables, request, staff, ignoreId);
    const refusal = refusalAt(restaurant, tables, request, this.now());
    if (refusal) {
      const alternatives =
        refusal.code === 'closed' && refusal.field === 'time'
          ? await this.alternatives(request.date, request.time, request.partySize, ignoreId)
          : undefined;
      throw new BookingError(refusal.code, refusal.message, {
        field: refusal.field,
        ...(alternatives ? { alternatives } : {}),
      });
    }
    const avail = await this.availabilityWith(restaurant, tables, request.date, request.partySize, ignoreId);
    return avail.slots.find((s) => s.time === request.time) ?? null;
  }

  /** Staff may seat any party at any time on tables they pick; the claims still decide. */
  private async staffSlot(
    restaurant: Restaurant,
    tables: Table[],
    request: BookingRequest,
    staff: StaffOverrides,
    ignoreId?: string,
  ): Promise<Slot | null> {
    const start = localToInstant(request.date, minutesOfDay(request.time), restaurant.timezone);
    if (!start)
      throw new BookingError('invalid_input', `${request.time} does not exist on ${request.date}.`, { field: 'time' });
    const end = new Date(start.getTime() + turnMinutes(restaurant.rules, request.partySize) * 60_000);
    if (staff.tableIds) {
      const known = new Set(tables.map((t) => t.id));
      const unknown = staff.tableIds.find((id) => !known.has(id));
      if (unknown) throw new BookingError('invalid_input', `No table ${unknown}.`, { field: 'tableIds' });
      return {
        time: request.time,
        startAt: start,
        endAt: end,
        tableIds: [...staff.tableIds],
        options: [[...staff.tableIds]],
      };
    }
    const relaxed: Restaurant = {
      ...restaurant,
      services: {
        ...restaurant.services,
        [String(weekdayOf(request.date))]: [
          { name: 'staff', open: request.time, close: request.time, lastSeatingMinutes: 0 },
        ],
      },
      closures: [],
      rules: {
        ...restaurant.rules,
        minNoticeMinutes: -24 * 60,
        maxPartySize: Number.MAX_SAFE_INTEGER,
        maxCoversPerSlot: null,
      },
    };
    const avail = await this.availabilityWith(relaxed, tables, request.date, request.partySize, ignoreId);
    return avail.slots.find((s) => s.time === request.time) ?? null;
  }

  private validate(request: BookingRequest, restaurant: Restaurant): BookingRequest {
    if (!isValidDate(request.date))
      throw new BookingError('invalid_date', `"${request.date}" is not a real date (YYYY-MM-DD).`, { field: 'date' });
    if (!isValidTime(request.time))
      throw new BookingError('invalid_input', `"${request.time}" is not a time (HH:mm).`, { field: 'time' });
    if (!Number.isInteger(request.partySize) || request.partySize < 1)
      throw new BookingError('invalid_input', 'The party must be at least 1 guest.', { field: 'partySize' });
    // National numbers are read as the restaurant's country's; every kind of number that is
    // not a guest's own line (premium rate, satellite...) is refused here, whatever the channel.
    const phone = checkPhone(request.customerPhone, 'phoneNumber', countryOf(restaurant.phone)).e164;
    return { ...request, customerName: this.checkName(request.customerName), customerPhone: phone };
  }

  private checkName(name: string): string {
    const clean = storedText(name);
    if (clean.length < 1 || clean.length > 80)
      throw new BookingError('invalid_input', 'The name must be 1 to 80 characters.', { field: 'customerName' });
    return clean;
  }
}
