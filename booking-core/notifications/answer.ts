// A guest's answer to a reminder: 1 confirms, 9 cancels (CANCEL and STOP are Twilio's own
// opt-out words, so they are not used). Called by the dialog tree's root when the guest's
// phone has a pending reminder, so the answer goes through the conversation like any turn.
import type { BookingService } from '../booking-service';
import { toPublic, type Language } from '../model';
import { bookingFacts } from './facts';
import type { Store } from '../store';
import {
  markGuestInformed,
  pendingReminderFor,
  phoneKey,
  putLatest,
  PENDING_REMINDER_COLLECTION,
  REMINDER_ANSWER_COLLECTION,
  type DocumentStore,
  type PendingReminder,
} from './documents';
import { textsFor } from './texts';

export type ReminderAction = 'confirmed' | 'cancelled' | 'already_cancelled' | 'cancel_failed';

export type ReminderAnswer =
  | { handled: false }
  | { handled: true; action: ReminderAction; reservationId: string; language: Language; reply: string };

export type ReminderBookings = Pick<BookingService, 'get' | 'cancel' | 'restaurant' | 'now'>;
/** The documents, and the transcripts that tell whether the conversation moved on since the reminder. */
export type ReminderStore = DocumentStore & Pick<Store, 'getTranscript'>;

/**
 * True when the bot has said something in that conversation since the reminder went out: the
 * guest is in another exchange (a "9" may be a party size), so the reminder no longer waits.
 */
async function conversationMovedOn(store: ReminderStore, pending: PendingReminder, phone: string): Promise<boolean> {
  const lines = await store.getTranscript(`${pending.channel}:${phoneKey(phone)}`);
  const sent = new Date(pending.sentAt).getTime();
  return lines.some((l) => l.from === 'bot' && new Date(l.at).getTime() > sent);
}

/** "1" or "9", alone (a stray dot or space allowed); anything else is an ordinary turn. */
export function readReminderAnswer(text: string): '1' | '9' | null {
  const m = /^\s*([19])\s*[.!]?\s*$/.exec(text.normalize('NFKC'));
  return m ? (m[1] as '1' | '9') : null;
}

/**
 * `channel`: where the answer came from; a reminder sent by SMS is answered by SMS, so a "9"
 * said in a phone call (a party size) never cancels a booking. Without it, any channel.
 */
export async function answerReminder(
  bookings: ReminderBookings,
  store: ReminderStore,
  phone: string,
  text: string,
  channel?: string,
): Promise<ReminderAnswer> {
  const answer = readReminderAnswer(text);
  if (!answer) return { handled: false };
  const pending = await pendingReminderFor(store, phone);
  if (!pending || (channel !== undefined && channel !== pending.channel)) return { handled: false };
  const reservation = await bookings.get(pending.reservationId);
  const now = bookings.now();
  if (
    !reservation ||
    new Date(reservation.startAt).getTime() <= now.getTime() ||
    (await conversationMovedOn(store, pending, phone))
  ) {
    await store.deleteDocument(PENDING_REMINDER_COLLECTION, phoneKey(phone));
    return { handled: false };
  }
  const restaurant = await bookings.restaurant();
  const language = reservation.language;
  const t = textsFor(language);
  const facts = bookingFacts(restaurant, toPublic(reservation), language, '');
  const done = async (action: ReminderAction, reply: string): Promise<ReminderAnswer> => {
    await store.deleteDocument(PENDING_REMINDER_COLLECTION, phoneKey(phone));
    await putLatest(store, REMINDER_ANSWER_COLLECTION, reservation.id, { answer: action, at: now.toISOString() });
    return { handled: true, action, reservationId: reservation.id, language, reply };
  };
  if (reservation.status === 'cancelled') return done('already_cancelled', t.reminderAlreadyCancelled(facts));
  if (answer === '1') return done('confirmed', t.reminderConfirmed(facts));
  try {
    // The reply below tells the guest; the outbox need not say it again.
    await markGuestInformed(store, reservation.id, 'cancelled', now);
    await bookings.cancel(reservation.id);
    return done('cancelled', t.reminderCancelled(facts));
  } catch {
    return {
      handled: true,
      action: 'cancel_failed',
      reservationId: reservation.id,
      language,
      reply: t.reminderCancelFailed(facts),
    };
  }
}

/**
 * The reminder answer as one function for the dialog tree's deps: bot/ builds it with the
 * booking service and the store, the dialog root calls it with the guest's phone and text
 * before anything else, and says `reply` when `handled`.
 */
export type ReminderAnswerer = (phone: string, text: string, channel?: string) => Promise<ReminderAnswer>;

export function reminderAnswerer(bookings: ReminderBookings, store: ReminderStore): ReminderAnswerer {
  return (phone, text, channel) => answerReminder(bookings, store, phone, text, channel);
}
