// The waitlist: walk-in parties waiting for a table tonight. The host adds them (or a guest
// joins by text), tells them when a table is ready (SMS/WhatsApp through the outbox), and
// seats them, which makes the walk-in booking. Which tables free up soonest is worked out
// here, from the tables, the joinable combinations and the day's bookings.
import { tableOptions } from './assignment';
import type { Channel, Language, Reservation, Table, TableCombination } from './model';
import REPLIES from './waitlist-replies.json';

export type WaitlistStatus = 'waiting' | 'notified' | 'coming' | 'seated' | 'cancelled';
export const WAITLIST_STATUSES: readonly WaitlistStatus[] = ['waiting', 'notified', 'coming', 'seated', 'cancelled'];
/** Still on the list: not seated, not gone. */
export const WAITLIST_ACTIVE: readonly WaitlistStatus[] = ['waiting', 'notified', 'coming'];

export interface WaitlistEntry {
  id: string;
  restaurantId: string;
  name: string;
  /** E.164, or "" when the party left no number. */
  phone: string;
  partySize: number;
  /** The wait the host quoted, in minutes (null when none was given). */
  quotedMinutes: number | null;
  language: Language;
  /** Where the entry came from: the host's stand, or the guest's text. */
  channel: Extract<Channel, 'dashboard' | 'sms' | 'whatsapp'>;
  status: WaitlistStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
  notifiedAt: string | null;
  /** When the guest answered the "table ready" text. */
  repliedAt: string | null;
  /** The walk-in booking made when the party was seated. */
  reservationId: string | null;
}

/** The store's part for the waitlist; both stores implement it (see the contract test). */
export interface WaitlistStore {
  addWaitlistEntry(entry: WaitlistEntry): Promise<void>;
  getWaitlistEntry(id: string): Promise<WaitlistEntry | null>;
  /** Replaces the entry (same id). */
  updateWaitlistEntry(entry: WaitlistEntry): Promise<void>;
  /** Entries created at or after `since` (ISO), oldest first, optionally only in `statuses`. */
  listWaitlist(
    restaurantId: string,
    query: { since: string; statuses?: readonly WaitlistStatus[] },
  ): Promise<WaitlistEntry[]>;
}

/** The moves a host (or a guest's reply) may make from each status. */
const NEXT: Record<WaitlistStatus, readonly WaitlistStatus[]> = {
  waiting: ['notified', 'seated', 'cancelled'],
  notified: ['notified', 'coming', 'seated', 'cancelled'],
  coming: ['seated', 'cancelled', 'notified'],
  seated: [],
  cancelled: ['waiting'],
};

export function canMoveWaitlist(from: WaitlistStatus, to: WaitlistStatus): boolean {
  return NEXT[from].includes(to);
}

/** What a guest's text answering "your table is ready" means, or null when it is not an answer. */
export function readWaitlistReply(text: string): 'coming' | 'cancel' | null {
  const said = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[!.?,;:)(]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!said) return null;
  const has = (words: readonly string[]) => words.some((w) => said === w || said.startsWith(`${w} `));
  // "non merci on annule": any cancel word wins over a polite "ok".
  if (has(REPLIES.cancel) || REPLIES.cancel.some((w) => w.includes(' ') && said.includes(w))) return 'cancel';
  if (has(REPLIES.coming)) return 'coming';
  return null;
}

/**
 * A text asking to join tonight's waitlist ("liste d'attente pour 4", "waitlist for 2 please"):
 * the party size, or null when the text is not such a request. The size must be said.
 */
export function readWaitlistJoin(text: string): { partySize: number } | null {
  const said = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'");
  if (!REPLIES.join.some((w) => said.includes(w))) return null;
  const n = said.match(/\b(\d{1,2})\b/);
  const size = n ? Number(n[1]) : 0;
  return size >= 1 ? { partySize: size } : null;
}

export interface SoonestInput {
  tables: readonly Table[];
  combinations: readonly TableCombination[];
  /** The day's bookings (any status; only those holding tables count). */
  reservations: readonly Pick<Reservation, 'tableIds' | 'startAt' | 'endAt' | 'status'>[];
  partySize: number;
  now: Date;
  /** How long the party will stay: a table is free for them only if nobody is due in that time. */
  turnMinutes: number;
  /** How many seatings to give. */
  limit?: number;
}

export interface SoonestSeating {
  tableIds: string[];
  /** ISO instant the seating is free for the whole turn; `now` when free already. */
  freeAt: string;
  /** Minutes from now (0: free now). */
  inMinutes: number;
}

const HOLDING = new Set(['held', 'confirmed', 'seated']);
const MINUTE = 60_000;

/**
 * The seatings (a table, or joinable tables) that can take the party soonest for a whole turn,
 * soonest first, then smallest. A seated party still there after its booked end is taken to
 * leave now; a booking due within the turn keeps its table.
 */
export function soonestSeatings(input: SoonestInput): SoonestSeating[] {
  const now = input.now.getTime();
  const turn = input.turnMinutes * MINUTE;
  const busy = new Map<string, Array<[number, number]>>();
  for (const r of input.reservations) {
    if (!HOLDING.has(r.status)) continue;
    const start = Date.parse(r.startAt);
    let end = Date.parse(r.endAt);
    if (r.status === 'seated') end = Math.max(end, now);
    if (end <= now) continue;
    for (const id of r.tableIds) {
      const list = busy.get(id) ?? [];
      list.push([start, end]);
      busy.set(id, list);
    }
  }
  for (const list of busy.values()) list.sort((a, b) => a[0] - b[0]);
  /** The first instant at or after `from` when the table is free for a whole turn. */
  const freeFrom = (tableId: string, from: number): number => {
    let t = from;
    for (const [start, end] of busy.get(tableId) ?? []) {
      if (end <= t) continue;
      if (start >= t + turn) break;
      t = end;
    }
    return t;
  };
  const options = tableOptions(input.tables, input.combinations, input.partySize);
  const order = new Map(options.map((o, i) => [o.join('+'), i]));
  const seatings = options.map((ids) => {
    // Every table of a combination must be free together: move forward until they agree.
    let t = now;
    for (let guard = 0; guard < 50; guard++) {
      const next = Math.max(...ids.map((id) => freeFrom(id, t)));
      if (next === t) break;
      t = next;
    }
    return { tableIds: ids, freeAt: new Date(t).toISOString(), inMinutes: Math.ceil((t - now) / MINUTE) };
  });
  seatings.sort(
    (a, b) =>
      a.inMinutes - b.inMinutes || (order.get(a.tableIds.join('+')) ?? 0) - (order.get(b.tableIds.join('+')) ?? 0),
  );
  return seatings.slice(0, input.limit ?? 3);
}
