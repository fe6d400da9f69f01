// Conversations the bot had, with their transcripts; and the one that made a booking.
import { z } from 'zod';
import { BookingError, toPublic } from '../../booking-core';
import type { DashboardContext } from '../context';

const listQuery = z.object({
  channel: z.enum(['voice', 'sms', 'whatsapp', 'webchat']).optional(),
  outcome: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function registerConversationsApi(ctx: DashboardContext): void {
  const { server, store, bookings, auth, log } = ctx;
  const { route, parseQuery } = ctx.http;
  const staff = auth.require();

  server.get(
    '/api/admin/conversations',
    staff,
    route(async (req, res) => {
      const q = parseQuery(req, listQuery);
      const list = await store.listConversations(q.limit, {
        channel: q.channel || undefined,
        outcomePrefix: q.outcome || undefined,
      });
      res.json(list);
    }, log),
  );

  server.get(
    '/api/admin/conversations/:id',
    staff,
    route(async (req, res) => {
      const id = String(req.params.id);
      const transcript = await store.getTranscript(id);
      if (!transcript.length) throw new BookingError('not_found', `No conversation ${id}.`);
      const summary = await store.getConversation(id);
      const ids = new Set([
        ...(summary?.reservationIds ?? []),
        ...transcript.map((e) => e.reservationId).filter((x): x is string => !!x),
      ]);
      const reservations = [];
      for (const rid of ids) {
        const r = await store.getReservation(rid);
        if (r) reservations.push(toPublic(r));
      }
      res.json({ id, channel: transcript[0].channel, summary, transcript, reservations });
    }, log),
  );

  // The conversation that made (or changed) a booking, for the booking's detail panel.
  server.get(
    '/api/admin/reservations/:id/conversation',
    staff,
    route(async (req, res) => {
      const r = await bookings.mustGet(String(req.params.id));
      let conversationId = r.conversationId;
      if (!conversationId) {
        const [made] = await store.listConversations(1, { reservationId: r.id });
        conversationId = made?.id ?? null;
      }
      if (!conversationId) {
        res.json({ id: null, channel: r.channel, transcript: [] });
        return;
      }
      res.json({ id: conversationId, channel: r.channel, transcript: await store.getTranscript(conversationId) });
    }, log),
  );
}
