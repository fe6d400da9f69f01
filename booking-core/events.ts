import { EventEmitter } from 'node:events';
import type { PublicReservation } from './model';

export interface BookingEvents {
  'reservation:created': PublicReservation;
  'reservation:updated': PublicReservation;
  'reservation:cancelled': PublicReservation;
}
export type BookingEventName = keyof BookingEvents;
export const BOOKING_EVENT_NAMES: readonly BookingEventName[] = [
  'reservation:created',
  'reservation:updated',
  'reservation:cancelled',
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
