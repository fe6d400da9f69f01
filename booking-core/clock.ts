import { DateTime } from 'luxon';

/** The core never reads the system clock itself: time is injected, so tests and reminders can move it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  return DateTime.fromObject({ year: +m[1], month: +m[2], day: +m[3] }, { zone: 'UTC' }).isValid;
}

export function isValidTime(time: string): boolean {
  return TIME_RE.test(time);
}

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function formatMinutes(total: number): string {
  const m = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The instant at which a local wall-clock time happens in `zone`, or null when that local
 * time does not exist (the hour skipped when clocks go forward). Of an hour that happens
 * twice (clocks going back), the first is taken.
 */
export function localToInstant(date: string, minutes: number, zone: string): Date | null {
  const [y, mo, d] = date.split('-').map(Number);
  const dayOffset = Math.floor(minutes / 1440);
  const inDay = minutes - dayOffset * 1440;
  const base = DateTime.fromObject({ year: y, month: mo, day: d }, { zone }).plus({ days: dayOffset });
  const dt = DateTime.fromObject(
    { year: base.year, month: base.month, day: base.day, hour: Math.floor(inDay / 60), minute: inDay % 60 },
    { zone },
  );
  if (!dt.isValid || dt.hour !== Math.floor(inDay / 60) || dt.minute !== inDay % 60) return null;
  // Of a wall-clock time that happens twice, luxon picks the later; guests mean the first.
  const hourEarlier = dt.minus({ hours: 1 });
  if (hourEarlier.hour === dt.hour && hourEarlier.minute === dt.minute) return hourEarlier.toJSDate();
  return dt.toJSDate();
}

export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

export function localTimeOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

export function weekdayOf(date: string): number {
  // luxon: 1 = Monday … 7 = Sunday; the model uses 0 = Sunday.
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday % 7;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
