// Dates and times in the restaurant's timezone, whatever the device's own timezone is.
import type { Language as Lang } from './types';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(zone, f);
  }
  return f;
}

/** Local date "YYYY-MM-DD", time "HH:mm" and minutes since local midnight of an instant. */
export function localOf(instant: string | Date, zone: string): { date: string; time: string; minutes: number } {
  const parts = Object.fromEntries(
    fmt(zone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, time, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function todayIn(zone: string): string {
  return localOf(new Date(), zone).date;
}

// The calendar arithmetic is the booking core's own (pure functions, bundled for the browser).
export { addDays, formatMinutes as hhmm, minutesOfDay as minutesOf, weekdayOf } from '../../booking-core/clock';

/** "samedi 22 novembre" / "Saturday 22 November". */
export function longDate(date: string, lang: Lang): string {
  const s = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "lun. 23 nov." / "Mon 23 Nov". */
export function shortDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
