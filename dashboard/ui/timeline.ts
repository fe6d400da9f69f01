// Pure geometry of the Today timeline: which stretches of the day to draw (one per service,
// widened to fit the bookings in it) and where a booking sits in them.
import { localOf, minutesOf } from './time';
import type { Reservation, Service } from './types';

export interface Segment {
  name: string;
  start: number;
  end: number;
}

/** One segment per service that day, stretched over its bookings; bookings outside any service get their own. */
export function segmentsFor(services: Service[], reservations: Reservation[], zone: string): Segment[] {
  const segs: Segment[] = services.map((s) => {
    const start = minutesOf(s.open);
    const close = minutesOf(s.close);
    // A service that ends after midnight (19:00–01:30) runs past 24:00 on the axis.
    return { name: s.name, start, end: close > start ? close : close + 1440 };
  });
  for (const r of reservations) {
    const start = localOf(r.startAt, zone).minutes;
    const end = start + Math.round((new Date(r.endAt).getTime() - new Date(r.startAt).getTime()) / 60000);
    const seg = segs.find((s) => start >= s.start - 60 && start < s.end);
    if (seg) {
      seg.start = Math.min(seg.start, start);
      seg.end = Math.max(seg.end, end);
    } else {
      segs.push({
        name: 'other',
        start: Math.floor(start / 60) * 60,
        end: Math.max(end, Math.floor(start / 60) * 60 + 120),
      });
    }
  }
  segs.sort((a, b) => a.start - b.start);
  // Round to the half hour for a clean axis; merge what overlaps.
  const out: Segment[] = [];
  for (const s of segs) {
    const seg = { ...s, start: Math.floor(s.start / 30) * 30, end: Math.ceil(s.end / 30) * 30 };
    const prev = out[out.length - 1];
    if (prev && seg.start < prev.end) {
      prev.end = Math.max(prev.end, seg.end);
      if (prev.name === 'other') prev.name = seg.name;
    } else out.push(seg);
  }
  return out;
}

/** The segment to show first: the one going on now, else the next one, else the last. */
export function currentSegment(segments: Segment[], nowMinutes: number | null): number {
  if (!segments.length) return 0;
  if (nowMinutes === null) return 0;
  const on = segments.findIndex((s) => nowMinutes >= s.start && nowMinutes < s.end);
  if (on >= 0) return on;
  const next = segments.findIndex((s) => s.start > nowMinutes);
  return next >= 0 ? next : segments.length - 1;
}

/** Left and width, in percent of the segment, clipped to it. */
export function placement(seg: Segment, start: number, duration: number): { left: number; width: number } | null {
  const a = Math.max(seg.start, start);
  const b = Math.min(seg.end, start + duration);
  if (b <= a) return null;
  const span = seg.end - seg.start;
  return { left: ((a - seg.start) / span) * 100, width: ((b - a) / span) * 100 };
}
