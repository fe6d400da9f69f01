// The first design's calls (Express + MongoDB + Electron clients), translated at the edge to
// today's routes: its field names are read as ours, its staff calls are routed to the staff
// API, and its answers get the few fields its clients read. Bookings go through the same routes
// and booking service as every other caller.
import type { Next, Request, Response } from 'restify';
import { z } from 'zod';
import { CHANNELS, type PublicReservation, type Restaurant } from '../../booking-core';
import type { AppContext } from '../context';
import { bearerIsStaffToken, renameFields } from './rename';

const RESERVATION_FIELDS = { numberOfPeople: 'partySize', customerPhone: 'phoneNumber' };
/** Its statuses, as its list filter and its clients spelled them. */
const STATUS_NAMES: Record<string, string> = { pending: 'confirmed', canceled: 'cancelled', 'no-show': 'no_show' };

export const availabilityBody = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm'),
    numberOfPeople: z.number({ error: 'must be a number' }).int().min(1).max(500),
  })
  .strict();

/** Its desktop client listened for `new-reservation`; it is emitted beside today's event. */
export const FIRST_DESIGN_EVENT_NAMES = { 'reservation:created': ['new-reservation'] } as const;

type CompatRequest = Request & { firstDesign?: boolean };

/** Its `source` is our channel when it names one ("website", "sms"...); anything else is the website. */
function sourceAsChannel(body: Record<string, unknown>): void {
  const source = body.source;
  if (typeof source === 'string' && !(CHANNELS as readonly string[]).includes(source) && source !== 'dashboard')
    body.source = 'website';
}

export function registerFirstDesign(ctx: AppContext): void {
  const { server, bookings, config, log } = ctx;
  const { route, parseBody, rateLimit, sendError } = ctx.http;

  // Routes it had and we name otherwise; its staff edits of a booking go to the staff API.
  server.pre((req: Request, _res: Response, next: Next) => {
    const path = (req.url ?? '').split('?')[0];
    const compat = req as CompatRequest;
    if (req.method === 'GET' && path === '/api/reservations') {
      req.url = req.url!.replace('/api/reservations', '/api/admin/reservations');
      compat.firstDesign = true;
    } else if (
      (req.method === 'PUT' || req.method === 'DELETE') &&
      /^\/api\/reservations\/[^/]+$/.test(path) &&
      bearerIsStaffToken(req.headers.authorization)
    ) {
      req.url = req.url!.replace('/api/reservations/', '/api/admin/reservations/');
      (req as Request & { firstDesignMethod?: string }).firstDesignMethod = req.method;
      req.method = 'PATCH';
      compat.firstDesign = true;
    }
    next();
  });

  server.use((req: Request, res: Response, next: Next) => {
    const compat = req as CompatRequest & { firstDesignMethod?: string };
    const path = req.getRoute()?.path;
    try {
      if (path === '/api/reservations' && req.method === 'POST') {
        const { body, usedOld } = renameFields(req.body, RESERVATION_FIELDS);
        if (usedOld && body && typeof body === 'object') sourceAsChannel(body as Record<string, unknown>);
        req.body = body;
        compat.firstDesign ||= usedOld;
      } else if (compat.firstDesign && path === '/api/admin/reservations' && req.method === 'GET') {
        const status = (req.query as Record<string, unknown>)?.status;
        if (typeof status === 'string')
          (req.query as Record<string, unknown>).status = status
            .split(',')
            .map((s) => STATUS_NAMES[s.trim().toLowerCase()] ?? s.trim().toLowerCase())
            .join(',');
      } else if (compat.firstDesign && path === '/api/admin/reservations/:id') {
        if (compat.firstDesignMethod === 'DELETE') {
          req.body = { status: 'cancelled' };
          req.headers['content-type'] = 'application/json';
        } else if (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)) {
          const { body } = renameFields(req.body, { numberOfPeople: 'partySize' });
          const b = body as Record<string, unknown>;
          for (const dropped of ['phoneNumber', 'customerPhone', 'source', 'email']) delete b[dropped];
          if (typeof b.status === 'string') b.status = STATUS_NAMES[b.status] ?? b.status;
          req.body = b;
        }
      }
    } catch (err) {
      sendError(res, err, log);
      return next(false);
    }
    if (!compat.firstDesign) return next();
    bookings.restaurant().then(
      (restaurant) => {
        answerWithOldFields(restaurant, bookings, res);
        next();
      },
      (err: unknown) => {
        sendError(res, err, log);
        next(false);
      },
    );
  });

  server.post(
    '/api/settings/availability',
    rateLimit(config.rateLimitPerMinute),
    route(async (req, res) => {
      const body = parseBody(req, availabilityBody);
      const refusal = await bookings.refusalAt(body.date, body.time, body.numberOfPeople);
      const avail = await bookings.availability(body.date, body.numberOfPeople);
      const available = !refusal && avail.slots.some((s) => s.time === body.time);
      const alternatives = available ? [] : await bookings.alternatives(body.date, body.time, body.numberOfPeople);
      res.json({
        available,
        date: body.date,
        time: body.time,
        numberOfPeople: body.numberOfPeople,
        ...(refusal ? { reason: refusal } : {}),
        alternatives,
      });
    }, log),
  );
}

/** Adds `_id`, `numberOfPeople`, `date`, `time` (local to the restaurant) to the reservations it answers. */
function answerWithOldFields(restaurant: Restaurant, bookings: AppContext['bookings'], res: Response): void {
  const json = res.json.bind(res);
  const isReservation = (x: unknown): x is PublicReservation =>
    typeof x === 'object' && x !== null && 'startAt' in x && 'partySize' in x;
  const convert = (r: unknown) => {
    if (!isReservation(r)) return r;
    const { date, time } = bookings.localOf(restaurant, r);
    return { ...r, _id: r.id, numberOfPeople: r.partySize, date, time };
  };
  (res as unknown as { json: (body: unknown) => unknown }).json = (body: unknown) =>
    json(Array.isArray(body) ? body.map(convert) : convert(body));
}
