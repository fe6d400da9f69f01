// Insights for managers, computed from reservations and conversation summaries (pure: tested
// without a server). Holds (kept or expired) never count: they were never bookings; cancelled
// ones count only as cancellations.
import {
  localDateOf,
  localTimeOf,
  minutesOfDay,
  PUBLIC_STATUSES,
  weekdayOf,
  type ConversationSummary,
  type Reservation,
  type Restaurant,
} from '../booking-core';

export interface ServiceCovers {
  date: string;
  service: string;
  covers: number;
  bookings: number;
}

export interface Insights {
  from: string;
  to: string;
  totals: { bookings: number; covers: number; cancelled: number; noShows: number; walkIns: number };
  coversByServiceAndDay: ServiceCovers[];
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  /** No-shows among past bookings that were due to arrive (seated, completed or no-show). */
  noShowRate: number | null;
  conversations: {
    total: number;
    handoff: number;
    handoffRate: number | null;
    byChannel: Record<string, { total: number; handoff: number }>;
  };
}

/** A conversation "ended in handoff" when the bot gave it to a person. */
export function isHandoff(c: ConversationSummary): boolean {
  return typeof c.outcome === 'string' && c.outcome.toLowerCase().startsWith('handoff');
}

/** The service (by name) a local time falls in; "other" outside every service. */
export function serviceOf(restaurant: Restaurant, date: string, time: string): string {
  const m = minutesOfDay(time);
  const day = restaurant.services[String(weekdayOf(date))] ?? [];
  const hit = day.find((s) => m >= minutesOfDay(s.open) && m < minutesOfDay(s.close));
  return hit ? hit.name : 'other';
}

export function computeInsights(
  restaurant: Restaurant,
  reservations: Reservation[],
  conversations: ConversationSummary[],
  range: { from: string; to: string },
  now: Date,
): Insights {
  const zone = restaurant.timezone;
  const counted = reservations.filter((r) => PUBLIC_STATUSES.includes(r.status));
  const live = counted.filter((r) => r.status !== 'cancelled');
  const perService = new Map<string, ServiceCovers>();
  const byChannel: Record<string, number> = {};
  const byLanguage: Record<string, number> = {};
  let covers = 0;
  for (const r of live) {
    const start = new Date(r.startAt);
    const date = localDateOf(start, zone);
    const service = serviceOf(restaurant, date, localTimeOf(start, zone));
    const key = `${date}|${service}`;
    const row = perService.get(key) ?? { date, service, covers: 0, bookings: 0 };
    if (r.status !== 'no_show') row.covers += r.partySize;
    row.bookings += 1;
    perService.set(key, row);
    if (r.status !== 'no_show') covers += r.partySize;
  }
  for (const r of counted) {
    byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
    byLanguage[r.language] = (byLanguage[r.language] ?? 0) + 1;
  }
  const due = live.filter((r) => new Date(r.startAt) < now && ['seated', 'completed', 'no_show'].includes(r.status));
  const noShows = live.filter((r) => r.status === 'no_show').length;
  const convs = conversations.filter(
    (c) =>
      localDateOf(new Date(c.startedAt), zone) >= range.from && localDateOf(new Date(c.startedAt), zone) <= range.to,
  );
  const convByChannel: Record<string, { total: number; handoff: number }> = {};
  for (const c of convs) {
    const row = convByChannel[c.channel] ?? { total: 0, handoff: 0 };
    row.total += 1;
    if (isHandoff(c)) row.handoff += 1;
    convByChannel[c.channel] = row;
  }
  const handoff = convs.filter(isHandoff).length;
  return {
    from: range.from,
    to: range.to,
    totals: {
      bookings: live.length,
      covers,
      cancelled: counted.length - live.length,
      noShows,
      walkIns: live.filter((r) => r.channel === 'dashboard' && /walk-in/i.test(r.notes)).length,
    },
    coversByServiceAndDay: [...perService.values()].sort((a, b) =>
      (a.date + a.service).localeCompare(b.date + b.service),
    ),
    byChannel,
    byLanguage,
    noShowRate: due.length
      ? Math.round((due.filter((r) => r.status === 'no_show').length / due.length) * 1000) / 1000
      : null,
    conversations: {
      total: convs.length,
      handoff,
      handoffRate: convs.length ? Math.round((handoff / convs.length) * 1000) / 1000 : null,
      byChannel: convByChannel,
    },
  };
}
