// The waitlist for staff: tonight's walk-in parties, "table ready" texts, seating.
import { z } from 'zod';
import { LANGUAGES, toPublic, WaitlistService } from '../../booking-core';
import type { DashboardContext } from '../context';

export const waitlistAddBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    phone: z.string().trim().max(25).optional(),
    partySize: z.number().int().min(1).max(100),
    quotedMinutes: z.number().int().min(0).max(600).nullable().optional(),
    language: z.enum(LANGUAGES as [string, ...string[]]).optional(),
    notes: z.string().max(500).optional(),
  })
  .strict();

export const waitlistSeatBody = z
  .object({ tableIds: z.array(z.string().min(1).max(40)).min(1).max(10).optional() })
  .strict();

export const waitlistListQuery = z.object({ all: z.enum(['0', '1']).optional() });

export function registerWaitlistApi(ctx: DashboardContext): void {
  const { server, bookings, store, auth, log } = ctx;
  const { route, parseBody, parseQuery } = ctx.http;
  const staff = auth.require();
  // The booking core's clock, as the conversations' waitlist uses: both see the same "tonight".
  const waitlist = new WaitlistService(store, bookings, bookings.events, { clock: () => bookings.now() });

  server.get(
    '/api/admin/waitlist',
    staff,
    route(async (req, res) => {
      const q = parseQuery(req, waitlistListQuery);
      res.json(await waitlist.list({ all: q.all === '1' }));
    }, log),
  );

  server.post(
    '/api/admin/waitlist',
    staff,
    route(async (req, res) => {
      const body = parseBody(req, waitlistAddBody);
      const entry = await waitlist.add({ ...body, language: body.language as 'fr' | 'en' | undefined });
      res.status(201);
      res.json(entry);
    }, log),
  );

  server.post(
    '/api/admin/waitlist/:id/notify',
    staff,
    route(async (req, res) => {
      res.json(await waitlist.notify(String(req.params.id)));
    }, log),
  );

  server.post(
    '/api/admin/waitlist/:id/seat',
    staff,
    route(async (req, res) => {
      const body = parseBody(req, waitlistSeatBody);
      const { entry, reservation } = await waitlist.seat(String(req.params.id), body.tableIds);
      res.json({ entry, reservation: toPublic(reservation) });
    }, log),
  );

  server.post(
    '/api/admin/waitlist/:id/cancel',
    staff,
    route(async (req, res) => {
      res.json(await waitlist.cancel(String(req.params.id)));
    }, log),
  );

  server.post(
    '/api/admin/waitlist/:id/restore',
    staff,
    route(async (req, res) => {
      res.json(await waitlist.restore(String(req.params.id)));
    }, log),
  );
}
