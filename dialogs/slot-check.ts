// Is this party, day and time bookable? If not, why, and what is nearest: shared by booking
// and by moving a booking. The booking core has the last word when the table is held.
import { BookingError, weekdayOf, type Alternative, type BookingService, type ErrorCode } from '../booking-core';
import { seatingHoursOn } from './info-dialog';
import type { Refusal, Said } from './texts';
import type { Turn } from './turn';

export interface SlotRequest {
  partySize: number;
  date: string;
  time: string;
}

export type SlotVerdict =
  | { kind: 'free' }
  | { kind: 'too_large' }
  /** The day itself is impossible: ask for another day. */
  | { kind: 'bad_day'; said: Said }
  /** The time is not possible: offer the nearest ones (or ask for another time when there are none). */
  | {
      kind: 'offer';
      said: Said;
      offered: Alternative[];
      /** No table at that time (rather than a time the restaurant does not take). */
      full: boolean;
      /** Why not, alone (what `said` starts with before the alternatives). */
      first: Said;
    };

const MAX_SAME_DAY = 3;

export async function checkSlot(
  bookings: BookingService,
  turn: Turn,
  req: SlotRequest,
  ignoreId?: string,
): Promise<SlotVerdict> {
  const avail = await bookings.availability(req.date, req.partySize, ignoreId);
  // A closed day: say so, and offer the same time on the next open days.
  if (avail.refusal === 'closed') return offerVerdict(bookings, turn, req, 'closed', ignoreId);
  if (avail.refusal) return refusalVerdict(turn, avail.refusal, req);
  if (avail.slots.some((s) => s.time === req.time)) return { kind: 'free' };
  return offerVerdict(bookings, turn, req, await whyNot(bookings, req), ignoreId);
}

/** Turns an error of the core (on hold, confirm or modify) into what to say and do next. */
export async function verdictOfError(
  bookings: BookingService,
  turn: Turn,
  req: SlotRequest,
  err: unknown,
  ignoreId?: string,
): Promise<SlotVerdict | null> {
  if (!(err instanceof BookingError)) return null;
  switch (err.code) {
    case 'party_too_large':
    case 'closed':
    case 'past_time':
    case 'too_far':
    case 'invalid_date':
      if (err.code === 'past_time' && req.date >= turn.today)
        return offerVerdict(bookings, turn, req, 'past_time', ignoreId);
      if (err.code === 'closed' && err.details.field === 'time')
        return offerVerdict(bookings, turn, req, 'outside_hours', ignoreId);
      return refusalVerdict(turn, err.code, req);
    case 'too_soon':
      return offerVerdict(bookings, turn, req, 'too_soon', ignoreId);
    case 'unavailable':
    case 'hold_expired':
      return offerVerdict(bookings, turn, req, null, ignoreId);
    default:
      return null;
  }
}

function refusalVerdict(turn: Turn, code: ErrorCode, req: SlotRequest): SlotVerdict {
  if (code === 'party_too_large') return { kind: 'too_large' };
  const reason: Refusal =
    code === 'closed' || code === 'past_time' || code === 'too_far' || code === 'invalid_date'
      ? code
      : 'no_table_that_day';
  return { kind: 'bad_day', said: turn.texts.refused(reason, refusalContext(turn, req)) };
}

function refusalContext(turn: Turn, req: SlotRequest) {
  const r = turn.restaurant;
  return {
    date: req.date,
    time: req.time,
    today: turn.today,
    horizonDays: r.rules.horizonDays,
    minNotice: r.rules.minNoticeMinutes,
    hours: seatingHoursOn(r, weekdayOf(req.date), turn.texts, turn.voice),
  };
}

/**
 * Why a time the day offers is not free, as the booking core says it: past, too soon, outside
 * the services, or (null) taken. A time the clocks skip is said as past, as it has always been.
 */
async function whyNot(bookings: BookingService, req: SlotRequest): Promise<Refusal | null> {
  const refusal = await bookings.refusalAt(req.date, req.time, req.partySize);
  switch (refusal?.code) {
    case 'past_time':
    case 'invalid_input':
      return 'past_time';
    case 'too_soon':
      return 'too_soon';
    case 'closed':
      return 'outside_hours';
    default:
      return null;
  }
}

async function offerVerdict(
  bookings: BookingService,
  turn: Turn,
  req: SlotRequest,
  reason: Refusal | null,
  ignoreId?: string,
): Promise<SlotVerdict> {
  const t = turn.texts;
  const first: Said = reason ? t.refused(reason, refusalContext(turn, req)) : t.taken(req, turn.today);
  const all = await bookings.alternatives(req.date, req.time, req.partySize, ignoreId);
  const sameDay = all.filter((a) => a.date === req.date).slice(0, MAX_SAME_DAY);
  const otherDay = all.find((a) => a.date !== req.date);
  const offered = otherDay ? [...sameDay, otherDay] : sameDay;
  // Taken (not past, too soon or outside the hours): the day is full at that time.
  const full = reason === null;
  if (!offered.length) return { kind: 'offer', said: joinSaid(first, t.noAlternative), offered, full, first };
  const said = joinSaid(first, t.offer(offered, req.date, turn.today, turn.voice));
  return { kind: 'offer', said, offered, full, first };
}

export function joinSaid(a: Said, b: Said): Said {
  return { text: `${a.text} ${b.text}`, voice: `${a.voice ?? a.text} ${b.voice ?? b.text}` };
}
