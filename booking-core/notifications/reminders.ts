// When reminders go out: the restaurant's `reminders` setting (default the day before at
// 10:00 local time and 2 hours before). Pure: `now` is given.
import { addDays, localDateOf, localToInstant, minutesOfDay } from '../clock';
import type { Reservation, Restaurant } from '../model';

export const DEFAULT_REMINDERS: NonNullable<Restaurant['reminders']> = { dayBeforeAt: '10:00', minutesBefore: [120] };

/** A reminder that is not sent this soon after the booking was made: the confirmation is still fresh. */
export const MIN_MINUTES_AFTER_BOOKING = 60;

export interface ReminderSlot {
  /** Stable name of the slot, part of the outbox dedupe key ("day-before", "120m"). */
  key: string;
  at: Date;
}

export function reminderSlots(restaurant: Restaurant, r: Pick<Reservation, 'startAt'>): ReminderSlot[] {
  const cfg = restaurant.reminders ?? DEFAULT_REMINDERS;
  const start = new Date(r.startAt);
  const slots: ReminderSlot[] = [];
  if (cfg.dayBeforeAt && /^([01]\d|2[0-3]):[0-5]\d$/.test(cfg.dayBeforeAt)) {
    const dayBefore = addDays(localDateOf(start, restaurant.timezone), -1);
    const at =
      localToInstant(dayBefore, minutesOfDay(cfg.dayBeforeAt), restaurant.timezone) ??
      // The hour skipped by a clock change: an hour later is the same wall-clock intent.
      localToInstant(dayBefore, minutesOfDay(cfg.dayBeforeAt) + 60, restaurant.timezone);
    if (at) slots.push({ key: 'day-before', at });
  }
  for (const m of cfg.minutesBefore) {
    if (Number.isFinite(m) && m > 0)
      slots.push({ key: `${Math.round(m)}m`, at: new Date(start.getTime() - m * 60_000) });
  }
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The reminder to send now, if any: the latest slot already reached, for a confirmed booking
 * still to come, made well before that slot. Earlier slots that were missed (the server was
 * down) are not sent late: the latest one says the same thing.
 */
export function dueReminder(
  restaurant: Restaurant,
  r: Pick<Reservation, 'startAt' | 'createdAt' | 'status'>,
  now: Date,
): ReminderSlot | null {
  if (r.status !== 'confirmed') return null;
  const start = new Date(r.startAt).getTime();
  if (start <= now.getTime()) return null;
  const madeAt = new Date(r.createdAt).getTime();
  const due = reminderSlots(restaurant, r).filter(
    (s) =>
      s.at.getTime() <= now.getTime() &&
      s.at.getTime() < start &&
      s.at.getTime() >= madeAt + MIN_MINUTES_AFTER_BOOKING * 60_000,
  );
  return due.length ? due[due.length - 1] : null;
}

/** How far ahead of a booking its earliest reminder can be, to bound the scheduler's query. */
export function reminderLookaheadMs(restaurant: Restaurant): number {
  const cfg = restaurant.reminders ?? DEFAULT_REMINDERS;
  const dayBefore = cfg.dayBeforeAt ? 50 * 3600_000 : 0;
  const most = Math.max(0, ...cfg.minutesBefore.filter((m) => Number.isFinite(m)).map((m) => m * 60_000));
  return Math.max(dayBefore, most) + 3600_000;
}
