// Which of a guest's bookings they mean by what they say of it: "my Saturday booking", "the one
// on the 12th", "the 8 pm one", "the one for six". Every detail given must hold; none given
// matches them all. Read on the restaurant's wall clock, as guests speak of their bookings.
import { localDateOf, localTimeOf, weekdayOf, type Reservation } from '../booking-core';

export interface BookingReference {
  /** Local day YYYY-MM-DD. */
  date?: string;
  /** Local time HH:mm. */
  time?: string;
  partySize?: number;
  /** 0 = Sunday … 6 = Saturday: "my Saturday booking", whichever Saturday it is. */
  weekday?: number;
  /** "celle du 12": the 12th of whichever month. */
  dayOfMonth?: number;
  /** Lunch or dinner, told apart at 17:00 ("my dinner booking"). */
  partOfDay?: 'lunch' | 'dinner';
}

/** Whether the reference says anything at all about which booking. */
export function describesBooking(ref: BookingReference): boolean {
  return (
    ref.date !== undefined ||
    ref.time !== undefined ||
    ref.partySize !== undefined ||
    ref.weekday !== undefined ||
    ref.dayOfMonth !== undefined ||
    ref.partOfDay !== undefined
  );
}

/** The bookings every given detail of the reference holds for, in the list's order. */
export function matchingBookings<R extends Pick<Reservation, 'startAt' | 'partySize'>>(
  list: readonly R[],
  ref: BookingReference,
  timezone: string,
): R[] {
  return list.filter((r) => {
    const start = new Date(r.startAt);
    const date = localDateOf(start, timezone);
    const time = localTimeOf(start, timezone);
    if (ref.date !== undefined && date !== ref.date) return false;
    if (ref.time !== undefined && time !== ref.time) return false;
    if (ref.partySize !== undefined && r.partySize !== ref.partySize) return false;
    if (ref.weekday !== undefined && weekdayOf(date) !== ref.weekday) return false;
    if (ref.dayOfMonth !== undefined && Number(date.slice(8, 10)) !== ref.dayOfMonth) return false;
    if (ref.partOfDay !== undefined && Number(time.slice(0, 2)) < 17 !== (ref.partOfDay === 'lunch')) return false;
    return true;
  });
}
