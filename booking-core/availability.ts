// Availability is a pure function of the restaurant's rules, its tables, the bookings and
// holds that exist, and `now`. No store, no clock: the booking service feeds it.
import { largestSeating, tableOptions } from './assignment';
import { blockRange } from './claims';
import {
  addDays,
  daysBetween,
  formatMinutes,
  isValidDate,
  isValidTime,
  localDateOf,
  localInstantsOfDay,
  localToInstant,
  minutesOfDay,
  weekdayOf,
} from './clock';
import type { ErrorCode } from './errors';
import { ACTIVE_STATUSES, turnMinutes, type Reservation, type Restaurant, type Table } from './model';

export type Occupancy = Pick<
  Reservation,
  'id' | 'tableIds' | 'startAt' | 'endAt' | 'partySize' | 'status' | 'holdExpiresAt'
>;

export interface AvailabilityInput {
  restaurant: Restaurant;
  tables: readonly Table[];
  /** Reservations and holds that may overlap the day (others are ignored). */
  occupancies: readonly Occupancy[];
  date: string;
  partySize: number;
  now: Date;
  /** A reservation being modified does not stand in its own way. */
  ignoreReservationId?: string;
}

export interface Slot {
  time: string;
  startAt: Date;
  endAt: Date;
  /** The best tables for the party. */
  tableIds: string[];
  /** Every way to seat the party at that time, best first (tableIds is the first). */
  options: string[][];
}

export interface Availability {
  slots: Slot[];
  /** Why the day offers nothing for this party, before any table is looked at. */
  refusal: ErrorCode | null;
}

/** Whether `occ` still holds its tables at `now`. */
export function isLive(occ: Pick<Occupancy, 'status' | 'holdExpiresAt'>, now: Date): boolean {
  if (!ACTIVE_STATUSES.includes(occ.status)) return false;
  if (occ.status === 'held') return occ.holdExpiresAt !== null && Date.parse(occ.holdExpiresAt) > now.getTime();
  return true;
}

/** Reasons a date and party can be refused whatever the tables: checked before looking at slots. */
export function refusalFor(
  restaurant: Restaurant,
  tables: readonly Table[],
  date: string,
  partySize: number,
  now: Date,
): ErrorCode | null {
  if (!isValidDate(date)) return 'invalid_date';
  const party = partyRefusal(restaurant, tables, partySize);
  if (party) return party;
  const today = localDateOf(now, restaurant.timezone);
  if (date < today) return 'past_time';
  if (daysBetween(today, date) > restaurant.rules.horizonDays) return 'too_far';
  if (servicesOn(restaurant, date).length === 0) return 'closed';
  return null;
}

/**
 * The one party-size rule: more guests than the restaurant takes online, or than its largest
 * table or joined tables seat, is refused whatever the day.
 */
export function partyRefusal(restaurant: Restaurant, tables: readonly Table[], partySize: number): ErrorCode | null {
  if (!Number.isInteger(partySize) || partySize < 1) return 'invalid_input';
  if (partySize > restaurant.rules.maxPartySize || partySize > largestSeating(tables, restaurant.tableCombinations))
    return 'party_too_large';
  return null;
}

/** Why a request breaks the restaurant's rules: the error code, the field at fault, a message. */
export interface RuleRefusal {
  code: ErrorCode;
  field: 'partySize' | 'date' | 'time';
  message?: string;
}

/**
 * Why a party cannot be seated at `time` on `date` under the restaurant's rules, whatever is
 * booked (a taken table is for the claims to say): the day (see refusalFor), then the time
 * (a time the clocks skip, past, too soon, outside the services). Null when the rules allow it.
 * The booking service refuses with these; the dialogs ask it why a time is not free.
 */
export function refusalAt(
  restaurant: Restaurant,
  tables: readonly Table[],
  request: { date: string; time: string; partySize: number },
  now: Date,
): RuleRefusal | null {
  const { date, time, partySize } = request;
  const day = refusalFor(restaurant, tables, date, partySize, now);
  if (day) return { code: day, field: day === 'party_too_large' ? 'partySize' : 'date' };
  if (!isValidTime(time)) return { code: 'invalid_input', field: 'time', message: `"${time}" is not a time (HH:mm).` };
  const start = localToInstant(date, minutesOfDay(time), restaurant.timezone);
  if (!start)
    return { code: 'invalid_input', field: 'time', message: `${time} does not exist on ${date} (the clocks change).` };
  if (start.getTime() <= now.getTime())
    return { code: 'past_time', field: 'time', message: `${date} ${time} has already passed.` };
  const notice = restaurant.rules.minNoticeMinutes;
  if (start.getTime() < now.getTime() + notice * 60_000)
    return { code: 'too_soon', field: 'time', message: `Bookings are taken at least ${notice} minutes ahead.` };
  if (!withinService(restaurant, date, time))
    return { code: 'closed', field: 'time', message: `The restaurant does not seat guests at ${time} on ${date}.` };
  return null;
}

/** Whether guests may be seated at `time` by one of the day's services (one ending after midnight included). */
export function withinService(restaurant: Restaurant, date: string, time: string): boolean {
  const m = minutesOfDay(time);
  return (restaurant.services[String(weekdayOf(date))] ?? []).some((s) => {
    const open = minutesOfDay(s.open);
    let close = minutesOfDay(s.close);
    if (close <= open) close += 1440;
    const last = close - s.lastSeatingMinutes;
    return (m >= open && m <= last) || (m + 1440 >= open && m + 1440 <= last);
  });
}

export function servicesOn(restaurant: Restaurant, date: string) {
  if (restaurant.closures.some((c) => c.date === date)) return [];
  return restaurant.services[String(weekdayOf(date))] ?? [];
}

/** Candidate start minutes of the day (local), service by service, in order. */
export function candidateMinutes(restaurant: Restaurant, date: string): number[] {
  const step = restaurant.rules.slotStepMinutes;
  const out: number[] = [];
  for (const s of servicesOn(restaurant, date)) {
    const open = minutesOfDay(s.open);
    let close = minutesOfDay(s.close);
    if (close <= open) close += 1440; // a service that ends after midnight
    for (let m = open; m <= close - s.lastSeatingMinutes; m += step) out.push(m);
  }
  return out;
}

export function computeAvailability(input: AvailabilityInput): Availability {
  const { restaurant, tables, date, partySize, now } = input;
  const refusal = refusalFor(restaurant, tables, date, partySize, now);
  if (refusal) return { slots: [], refusal };

  const { rules, timezone } = restaurant;
  const turnMs = turnMinutes(rules, partySize) * 60_000;
  const bufferMs = rules.bufferMinutes * 60_000;
  const earliest = now.getTime() + rules.minNoticeMinutes * 60_000;
  const live = input.occupancies.filter((o) => o.id !== input.ignoreReservationId && isLive(o, now));
  const busy = busyBlocksByTable(live, bufferMs);
  // Every way to seat the party, best first, whatever is booked; each time keeps the free ones.
  const fitting = tableOptions(tables, restaurant.tableCombinations, partySize);

  const slots: Slot[] = [];
  const seen = new Set<number>();
  const minutes = candidateMinutes(restaurant, date);
  const instants = localInstantsOfDay(date, minutes, timezone);
  for (let i = 0; i < minutes.length; i++) {
    const start = instants[i];
    const minute = minutes[i];
    if (!start || start.getTime() < earliest || seen.has(start.getTime())) continue;
    seen.add(start.getTime());
    if (!pacingAllows(live, start, rules.slotStepMinutes, rules.maxCoversPerSlot, partySize)) continue;
    const [from, to] = blockRange(start, new Date(start.getTime() + turnMs + bufferMs));
    const freeness = new Map<string, boolean>();
    const isFree = (id: string): boolean => {
      let free = freeness.get(id);
      if (free === undefined) {
        free = !(busy.get(id) ?? []).some(([a, b]) => a < to && from < b);
        freeness.set(id, free);
      }
      return free;
    };
    const options = fitting.filter((ids) => ids.every(isFree));
    if (!options.length) continue;
    slots.push({
      time: formatMinutes(minute),
      startAt: start,
      endAt: new Date(start.getTime() + turnMs),
      tableIds: options[0],
      options,
    });
  }
  return { slots, refusal: null };
}

function busyBlocksByTable(live: readonly Occupancy[], bufferMs: number): Map<string, Array<[number, number]>> {
  const busy = new Map<string, Array<[number, number]>>();
  for (const o of live) {
    const range = blockRange(new Date(o.startAt), new Date(Date.parse(o.endAt) + bufferMs));
    for (const id of o.tableIds) {
      const list = busy.get(id);
      if (list) list.push(range);
      else busy.set(id, [range]);
    }
  }
  return busy;
}

function pacingAllows(
  live: readonly Occupancy[],
  start: Date,
  stepMinutes: number,
  maxCovers: number | null,
  partySize: number,
): boolean {
  if (maxCovers === null) return true;
  const from = start.getTime();
  const to = from + stepMinutes * 60_000;
  let covers = 0;
  for (const o of live) {
    const t = Date.parse(o.startAt);
    if (t >= from && t < to) covers += o.partySize;
  }
  return covers + partySize <= maxCovers;
}

/** The free times nearest to `time` on one day, nearest first (earlier first on a tie). */
export function nearestTimes(slots: readonly Slot[], time: string, count: number): string[] {
  const target = minutesOfDay(time);
  return slots
    .map((s) => ({ time: s.time, d: Math.abs(minutesOfDay(s.time) - target), before: minutesOfDay(s.time) < target }))
    .filter((s) => s.d !== 0)
    .sort((a, b) => a.d - b.d || (a.before === b.before ? 0 : a.before ? -1 : 1))
    .slice(0, count)
    .map((s) => s.time);
}

export { addDays };
