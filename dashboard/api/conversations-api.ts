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
      // Filtering happens after the read, so read more than asked when a filter is on.
      let list = await store.listConversations(q.channel || q.outcome ? 2000 : q.limit);
      if (q.channel) list = list.filter((c) => c.channel === q.channel);
      if (q.outcome) list = list.filter((c) => (c.outcome ?? '').startsWith(q.outcome ?? ''));
      res.json(list.slice(0, q.limit));
    }, log),
  );

  server.get(
    '/api/admin/conversations/:id',
    staff,
    route(async (req, res) => {
      const id = String(req.params.id);
      const transcript = await store.getTranscript(id);
      if (!transcript.length) throw new BookingError('not_found', `No conversation ${id}.`);
      const summary = (await store.listConversations(2000)).find((c) => c.id === id) ?? null;
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
        const summaries = await store.listConversations(2000);
        conversationId = summaries.find((c) => c.reservationIds.includes(r.id))?.id ?? null;
      }
      if (!conversationId) {
        res.json({ id: null, channel: r.channel, transcript: [] });
        return;
      }
      res.json({ id: conversationId, channel: r.channel, transcript: await store.getTranscript(conversationId) });
    }, log),
  );
}
