// What the staff API returns, as the dashboard uses it: the booking core's own shapes, imported
// as types only (nothing of the core's code reaches the browser bundle), minus what the API
// never sends.
import type {
  Channel,
  Diet,
  Language,
  MenuDish,
  MenuSection,
  PublicReservation,
  ReservationStatus,
  Restaurant as CoreRestaurant,
  Service,
  Table as CoreTable,
} from '../../booking-core/model';
import type { SoonestSeating, WaitlistEntry } from '../../booking-core/waitlist';
import type { CallbackTask } from '../../booking-core/callbacks';
import type {
  ConversationSummary,
  OutboxEntry,
  OutboxStatus,
  TranscriptEntry,
  User as CoreUser,
} from '../../booking-core/store';
import type { UndeliveredMessage } from '../../booking-core/events';

export type { UndeliveredMessage };
export type {
  CallbackTask,
  Channel,
  ConversationSummary,
  Diet,
  Language,
  MenuSection,
  OutboxStatus,
  Service,
  TranscriptEntry,
};
export type Status = ReservationStatus;
export type Reservation = PublicReservation;
export type Table = Omit<CoreTable, 'restaurantId'>;
/** The restaurant as the staff API gives it; combinations and reminders are only edited in Settings. */
export type Restaurant = Omit<CoreRestaurant, 'tableCombinations' | 'reminders'> &
  Partial<Pick<CoreRestaurant, 'tableCombinations' | 'reminders'>>;
export type Rules = CoreRestaurant['rules'];
export type Dish = MenuDish;
export type User = Omit<CoreUser, 'passwordHash'>;
export type MessageKind = OutboxEntry['kind'];

/** The statuses staff filter by, in the order the filter shows them. */
export const STATUSES: Status[] = ['confirmed', 'seated', 'completed', 'no_show', 'cancelled'];
export const CHANNELS: Channel[] = ['voice', 'sms', 'whatsapp', 'webchat', 'website', 'dashboard'];

/** GET /api/admin/reservations/:id/messaging: the guest's opt-outs and lost confirmations or reminders. */
export interface GuestMessaging {
  optOuts: Array<{ channel: 'sms' | 'whatsapp' | 'all'; at: string; word: string | null }>;
  undelivered: Array<{
    id: string;
    kind: MessageKind;
    purpose: string | null;
    status: OutboxStatus;
    errorCode: string | null;
    errorMeaning: { fr: string; en: string } | null;
    at: string;
  }>;
}

/** An outbox entry as GET /api/admin/outbox gives it (the server's public view of an OutboxEntry). */
export interface OutboxItem
  extends Pick<
    OutboxEntry,
    | 'id'
    | 'kind'
    | 'to'
    | 'subject'
    | 'body'
    | 'status'
    | 'attempts'
    | 'lastError'
    | 'nextAttemptAt'
    | 'reservationId'
    | 'createdAt'
    | 'sentAt'
  > {
  purpose: string | null;
  providerId: string | null;
  /** Twilio's delivery receipts, oldest first. */
  steps: Array<{ status: string; at: string; errorCode?: string }>;
  deliveredAt: string | null;
  errorCode: string | null;
  errorMeaning: { fr: string; en: string } | null;
}

/** A waitlist entry as GET /api/admin/waitlist gives it: how long they have waited, where they could sit soonest. */
export interface WaitlistItem extends WaitlistEntry {
  waitedMinutes: number;
  soonest: SoonestSeating[];
}
