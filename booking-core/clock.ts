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
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

// Calendar arithmetic on plain dates runs on UTC midnights: no zone, no DST.
const DAY_MS = 86_400_000;
const utcMidnight = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

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
 * twice (clocks going back), the first is taken. `minutes` may pass 1440 (after midnight).
 */
export function localToInstant(date: string, minutes: number, zone: string): Date | null {
  const [y, mo, d] = date.split('-').map(Number);
  const wallClockUtc = Date.UTC(y, mo - 1, d) + minutes * 60_000;
  const offset = steadyOffsetMinutes(y, mo, d, zone);
  if (offset !== null) return new Date(wallClockUtc - offset * 60_000);
  return localToInstantAcrossChange(y, mo, d, minutes, zone);
}

// Most days have one UTC offset from the evening before to the morning after; availability
// asks for many times of the same day, so that offset is computed once per zone and day.
const steadyOffsets = new Map<string, number | null>();

function steadyOffsetMinutes(y: number, mo: number, d: number, zone: string): number | null {
  const key = `${zone}|${y}-${mo}-${d}`;
  const cached = steadyOffsets.get(key);
  if (cached !== undefined) return cached;
  const midnight = Date.UTC(y, mo - 1, d);
  const before = DateTime.fromMillis(midnight - 14 * 3600_000, { zone }).offset;
  const after = DateTime.fromMillis(midnight + 50 * 3600_000, { zone }).offset;
  const steady = before === after ? before : null;
  if (steadyOffsets.size > 10_000) steadyOffsets.clear();
  steadyOffsets.set(key, steady);
  return steady;
}

function localToInstantAcrossChange(y: number, mo: number, d: number, minutes: number, zone: string): Date | null {
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

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(zone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(zone);
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
    dayFormats.set(zone, f);
  }
  return f;
}

function localParts(instant: Date, zone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of dayFormat(zone).formatToParts(instant)) parts[p.type] = p.value;
  return parts;
}

export function localDateOf(instant: Date, zone: string): string {
  const ms = instant.getTime();
  const utcDay = new Date(ms).toISOString().slice(0, 10);
  const [y, mo, d] = utcDay.split('-').map(Number);
  const offset = steadyOffsetMinutes(y, mo, d, zone);
  if (offset !== null) return isoDay(ms + offset * 60_000);
  const p = localParts(instant, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instants of many local times of one day (null where a time does not exist). */
export function localInstantsOfDay(date: string, minutes: readonly number[], zone: string): Array<Date | null> {
  const [y, mo, d] = date.split('-').map(Number);
  const offset = steadyOffsetMinutes(y, mo, d, zone);
  const midnight = Date.UTC(y, mo - 1, d);
  return minutes.map((m) =>
    offset !== null ? new Date(midnight + (m - offset) * 60_000) : localToInstantAcrossChange(y, mo, d, m, zone),
  );
}

export function localTimeOf(instant: Date, zone: string): string {
  const p = localParts(instant, zone);
  return `${p.hour}:${p.minute}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  return isoDay(utcMidnight(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
