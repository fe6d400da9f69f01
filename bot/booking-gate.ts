// Bookings per client address per hour, over the public API and the web chat together: one
// address cannot book out a day, whichever door it uses. Counted in the store's expiring
// records, so every instance sees the same count. Other channels come from a phone number,
// which the booking core limits by itself.
import { BookingError, type BookingGate, type BookingRequest, type Clock, type Store } from '../booking-core';

/** Bookings (or holds) counted per client address. Key: the address. */
const BOOKINGS_BY_ADDRESS = 'bookingsByAddress';
/** The address that opened a web chat conversation. Key: "webchat:<uuid>". */
const WEBCHAT_CLIENT = 'webchatClient';
const HOUR_MS = 3600_000;
/** How long a web chat conversation's address is remembered: a guest may come back to it days later. */
const WEBCHAT_CLIENT_MS = 7 * 24 * HOUR_MS;

/** Remembers which address opened a web chat conversation, for the limit on its bookings. */
export function rememberWebchatClient(store: Store, clock: Clock, conversationId: string, address: string) {
  const now = clock();
  return store.records().put(WEBCHAT_CLIENT, conversationId, address, new Date(now.getTime() + WEBCHAT_CLIENT_MS));
}

export function bookingsPerAddress(store: Store, clock: Clock, perHour: number): BookingGate {
  const records = store.records();
  const addressOf = async (request: BookingRequest): Promise<string | null> => {
    if (request.clientAddress) return request.clientAddress;
    const conversation = request.conversationId;
    if (!conversation?.startsWith('webchat:')) return null;
    // A conversation whose address is forgotten is still limited, by itself.
    return (await records.get<string>(WEBCHAT_CLIENT, conversation, clock())) ?? conversation;
  };
  return {
    async admit(request) {
      const address = await addressOf(request);
      if (address === null) return;
      if ((await records.count(BOOKINGS_BY_ADDRESS, address, clock())) >= perHour)
        throw new BookingError('too_many', `At most ${perHour} bookings an hour can be made from one address.`);
    },
    async counted(request) {
      const address = await addressOf(request);
      if (address === null) return;
      const now = clock();
      await records.increment(BOOKINGS_BY_ADDRESS, address, new Date(now.getTime() + HOUR_MS), now);
    },
  };
}
