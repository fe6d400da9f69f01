// The booking a guest is putting together, fact by fact. Typed, merged from each utterance's
// understanding; the booking core checks every fact again when it holds the table.
import type { Alternative } from '../booking-core';
import type { Understanding } from './understanding';

export interface BookingDraft {
  partySize?: number;
  /** Local date YYYY-MM-DD in the restaurant's timezone. */
  date?: string;
  /** Local time HH:mm. */
  time?: string;
  partOfDay?: 'lunch' | 'dinner';
  name?: string;
  phone?: string;
  email?: string;
}

/** The facts that decide which table: changing one of them voids a check or a hold. */
export type SlotFacts = Pick<BookingDraft, 'partySize' | 'date' | 'time'>;

export interface MergeResult {
  /** Facts that changed value. */
  changed: Array<keyof BookingDraft>;
  /** Whether party, day or time changed (the table must be looked at again). */
  slotChanged: boolean;
}

const FIELDS: Array<keyof BookingDraft> = ['partySize', 'date', 'time', 'partOfDay', 'name', 'phone', 'email'];

/** Copies into `draft` every fact the utterance carries; says what changed. */
export function mergeInto(draft: BookingDraft, u: Partial<Understanding>): MergeResult {
  const changed: Array<keyof BookingDraft> = [];
  const set = <K extends keyof BookingDraft>(key: K, value: BookingDraft[K] | undefined) => {
    if (value === undefined || value === null || value === '') return;
    if (draft[key] !== value) {
      draft[key] = value;
      changed.push(key);
    }
  };
  set('partySize', u.partySize);
  set('date', u.date);
  set('time', u.time);
  set('partOfDay', u.partOfDay);
  set('name', u.name);
  set('phone', u.phone);
  set('email', u.email);
  // A new part of the day without a time makes an old time doubtful only if it contradicts it.
  if (changed.includes('partOfDay') && !changed.includes('time') && draft.time) {
    const hour = Number(draft.time.slice(0, 2));
    if ((draft.partOfDay === 'dinner' && hour < 17) || (draft.partOfDay === 'lunch' && hour >= 17)) {
      delete draft.time;
      changed.push('time');
    }
  }
  return { changed, slotChanged: changed.some((k) => k === 'partySize' || k === 'date' || k === 'time') };
}

export function hasAnyFact(u: Partial<Understanding>): boolean {
  return FIELDS.some((k) => u[k] !== undefined && u[k] !== null && u[k] !== '');
}

/** Picks among offered alternatives from "the first", "21h", "yes", "vendredi à 20h". */
export function pickAlternative(
  offered: Alternative[],
  u: Partial<Understanding>,
  requestedDate: string | undefined,
): Alternative | null {
  if (!offered.length) return null;
  if (u.choice !== undefined && u.choice >= 1 && u.choice <= offered.length) return offered[u.choice - 1];
  if (u.time) {
    const date = u.date ?? requestedDate;
    const exact = offered.find((a) => a.time === u.time && (!u.date || a.date === date));
    if (exact) return exact;
    return offered.find((a) => a.time === u.time) ?? null;
  }
  if (u.date) return offered.find((a) => a.date === u.date) ?? null;
  if (u.yesNo === 'yes' || u.intent === 'yes') return offered[0];
  return null;
}
