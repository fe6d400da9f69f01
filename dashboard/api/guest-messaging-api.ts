// What became of the messages to a booking's guest, for the booking's detail panel: whether the
// guest opted out (a keyword, or Twilio refusing a send with 21610), and which confirmation or
// reminder did not reach them, with Twilio's error code and its meaning.
import type { OutboxEntry } from '../../booking-core';
import { deliverySteps, isDeliveryFailure, optOutsOf, TWILIO_MESSAGE_ERRORS } from '../../booking-core/notifications';
import type { DashboardContext } from '../context';

/** The guest messages whose loss staff must know about. */
const WATCHED_PURPOSES = new Set(['guest_confirmation', 'reminder']);

function undelivered(e: OutboxEntry) {
  const steps = deliverySteps(e);
  const code = e.meta.errorCode ?? null;
  return {
    id: e.id,
    kind: e.kind,
    purpose: e.meta.purpose ?? null,
    status: e.status,
    errorCode: code,
    errorMeaning: code ? (TWILIO_MESSAGE_ERRORS[code] ?? null) : null,
    /** When it was known: the failing receipt, else the last attempt. */
    at: steps.at(-1)?.at ?? e.sentAt ?? e.createdAt,
  };
}

export function registerGuestMessagingApi(ctx: DashboardContext): void {
  const { server, store, bookings, auth, log } = ctx;
  const { route } = ctx.http;

  server.get(
    '/api/admin/reservations/:id/messaging',
    auth.require(),
    route(async (req, res) => {
      const r = await bookings.mustGet(String(req.params.id));
      const entries = (await store.listOutbox(Number.MAX_SAFE_INTEGER, { reservationId: r.id })).filter(
        (e) => WATCHED_PURPOSES.has(e.meta.purpose ?? '') && isDeliveryFailure(e.status),
      );
      res.json({
        optOuts: r.customerPhone ? await optOutsOf(store, r.customerPhone) : [],
        undelivered: entries.map(undelivered),
      });
    }, log),
  );
}
