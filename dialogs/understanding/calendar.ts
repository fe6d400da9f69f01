// Calendar arithmetic on local dates (YYYY-MM-DD) with the future bias a booking needs.
import { DateTime } from 'luxon';
import { addDays, isValidDate, weekdayOf } from '../../booking-core/clock';

/** The restaurant's wall clock at `now`. */
export interface LocalNow {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localNow(now: Date, timezone: string): LocalNow {
  const dt = DateTime.fromJSDate(now, { zone: timezone });
  const valid = dt.isValid ? dt : DateTime.fromJSDate(now, { zone: 'UTC' });
  const date = valid.toISODate() as string;
  return {
    date,
    weekday: weekdayOf(date),
    year: valid.year,
    month: valid.month,
    day: valid.day,
    hour: valid.hour,
    minute: valid.minute,
  };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
export const ymd = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;

/**
 * A weekday by name. Rule (documented in README.md of this folder):
 * - plain ("samedi", "ce samedi", "on Saturday", "this Saturday"): the nearest one, today included;
 * - "prochain" / "next": the nearest one strictly after today;
 * - "de la semaine prochaine" / "next week": that day in the next Monday-to-Sunday week;
 * - "en huit": a week after the nearest one strictly after today.
 */
export function weekdayDate(today: LocalNow, target: number, mode: 'plain' | 'next' | 'nextWeek' | 'inEight'): string {
  const delta = (target - today.weekday + 7) % 7;
  switch (mode) {
    case 'plain':
      return addDays(today.date, delta);
    case 'next':
      return addDays(today.date, delta === 0 ? 7 : delta);
    case 'inEight':
      return addDays(today.date, (delta === 0 ? 7 : delta) + 7);
    case 'nextWeek': {
      const toNextMonday = (8 - today.weekday) % 7 || 7;
      return addDays(today.date, toNextMonday + ((target + 6) % 7));
    }
  }
}

/** Day and month without a year: this year if not past, else next year. Null if no such date. */
export function dayMonthDate(today: LocalNow, day: number, month: number, year?: number): string | null {
  if (year !== undefined) {
    const y = year < 100 ? 2000 + year : year;
    const d = ymd(y, month, day);
    return isValidDate(d) ? d : null;
  }
  for (const y of [today.year, today.year + 1]) {
    const d = ymd(y, month, day);
    if (isValidDate(d) && d >= today.date) return d;
  }
  // 29 February of a year that has none: the next one that does, within four years.
  for (let y = today.year + 2; y <= today.year + 4; y++) {
    const d = ymd(y, month, day);
    if (isValidDate(d)) return d;
  }
  return null;
}

/** A day of the month alone ("le 3", "the 3rd"): this month if not past, else the next month that has it. */
export function dayOfMonthDate(today: LocalNow, day: number): string | null {
  if (day < 1 || day > 31) return null;
  let y = today.year;
  let m = today.month;
  for (let i = 0; i < 4; i++) {
    const d = ymd(y, m, day);
    if (isValidDate(d) && d >= today.date) return d;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return null;
}

/** "samedi 12": the next 12th that is a Saturday (within a year), else the next 12th. */
export function weekdayDayDate(today: LocalNow, weekday: number, day: number): string | null {
  let candidate = dayOfMonthDate(today, day);
  const firstFound = candidate;
  for (let i = 0; i < 12 && candidate; i++) {
    if (weekdayOf(candidate) === weekday) return candidate;
    candidate = dayOfMonthDate({ ...today, ...nextMonthStart(candidate) }, day);
  }
  return firstFound;
}

function nextMonthStart(date: string): Pick<LocalNow, 'date' | 'year' | 'month' | 'day'> {
  const [y, m] = date.split('-').map(Number);
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  return { date: ymd(year, month, 1), year, month, day: 1 };
}

export { addDays };
