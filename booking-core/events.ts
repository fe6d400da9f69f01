import { EventEmitter } from 'node:events';
import type { CallbackTask } from './callbacks';
import type { PublicReservation } from './model';
import type { WaitlistEntry } from './waitlist';

/** A guest's confirmation or reminder that Twilio could not deliver: staff should call. */
export interface UndeliveredMessage {
  reservationId: string;
  customerName: string;
  /** 'guest_confirmation' | 'reminder'. */
  purpose: string;
  kind: 'sms' | 'whatsapp' | 'email';
  errorCode: string | null;
}

export interface BookingEvents {
  'reservation:created': PublicReservation;
  'reservation:updated': PublicReservation;
  'reservation:cancelled': PublicReservation;
  /** A waitlist entry added or changed (notified, answered, seated, gone). */
  'waitlist:changed': WaitlistEntry;
  /** A caller to ring back: a task opened, its message arrived, or staff marked it done or not. */
  'callback:changed': CallbackTask;
  /** A guest's confirmation or reminder was not delivered. */
  'message:undelivered': UndeliveredMessage;
}
export type BookingEventName = keyof BookingEvents;
/** The reservation events (payload: the booking). */
export const BOOKING_EVENT_NAMES: readonly Exclude<
  BookingEventName,
  'waitlist:changed' | 'callback:changed' | 'message:undelivered'
>[] = ['reservation:created', 'reservation:updated', 'reservation:cancelled'];

/** Every event staff screens follow live: the bookings', the waitlist's, the calls to return and lost messages. */
export const LIVE_EVENT_NAMES: readonly BookingEventName[] = [
  ...BOOKING_EVENT_NAMES,
  'waitlist:changed',
  'callback:changed',
  'message:undelivered',
];

/** The booking core's events, typed; the server forwards them to sockets and notifications. */
export class BookingEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  on<K extends BookingEventName>(name: K, listener: (payload: BookingEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  emit<K extends BookingEventName>(name: K, payload: BookingEvents[K]): void {
    // A listener's failure (a socket, a mailer) must never undo or break a booking.
    for (const listener of this.emitter.listeners(name)) {
      try {
        (listener as (p: BookingEvents[K]) => void)(payload);
      } catch (err) {
        console.error(`[events] listener for ${name} failed: ${(err as Error).message}`);
      }
    }
  }
}
