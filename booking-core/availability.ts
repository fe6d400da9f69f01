// Availability is a pure function of the restaurant's rules, its tables, the bookings and
// holds that exist, and `now`. No store, no clock: the booking service feeds it.
import { largestSeating, tableOptions } from './assignment';
import { blockRange } from './claims';
import {
  addDays,
  daysBetween,
  formatMinutes,
  isValidDate,
  localDateOf,
  localInstantsOfDay,
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
  if (!Number.isInteger(partySize) || partySize < 1) return 'invalid_input';
  if (partySize > restaurant.rules.maxPartySize || partySize > largestSeating(tables, restaurant.tableCombinations))
    return 'party_too_large';
  const today = localDateOf(now, restaurant.timezone);
  if (date < today) return 'past_time';
  if (daysBetween(today, date) > restaurant.rules.horizonDays) return 'too_far';
  if (servicesOn(restaurant, date).length === 0) return 'closed';
  return null;
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
