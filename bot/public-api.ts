// The public booking API (README, "API"), for websites and apps: availability, book, and the
// guest's own booking (authorised by the manage token given at creation). Rate-limited.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import {
  BookingError,
  CHANNELS,
  LANGUAGES,
  hashToken,
  toPublic,
  type Reservation,
  type Restaurant,
} from '../booking-core';
import type { AppContext } from './context';
import { clientKey, parseBody, parseQuery, rateLimit, route } from './http';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm');
const partySize = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(500, 'is too large');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const availabilityQuery = z.object({
  date,
  partySize: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'is too large'),
});

export const bookingBody = z
  .object({
    customerName: text(80).min(1, 'is required'),
    phoneNumber: z.string().trim().min(6, 'is not a phone number').max(25, 'is not a phone number'),
    partySize,
    date,
    time,
    source: z.enum(CHANNELS.filter((c) => c !== 'dashboard') as [string, ...string[]]).optional(),
    language: z.enum(LANGUAGES as [string, ...string[]]).optional(),
    notes: text(500).optional(),
    email: z.email('is not an email address').max(200).optional(),
  })
  .strict();

export const changeBody = z
  .object({
    date: date.optional(),
    time: time.optional(),
    partySize: partySize.optional(),
    customerName: text(80).min(1).optional(),
    notes: text(500).optional(),
    email: z.email('is not an email address').max(200).optional(),
  })
  .strict();

export function publicSettings(r: Restaurant) {
  return {
    id: r.id,
    name: r.name,
    timezone: r.timezone,
    address: r.address,
    phone: r.phone,
    email: r.email ?? null,
    languages: r.languages,
    defaultLanguage: r.defaultLanguage,
    hours: r.services,
    closures: r.closures,
    booking: {
      slotStepMinutes: r.rules.slotStepMinutes,
      maxPartySize: r.rules.maxPartySize,
      minNoticeMinutes: r.rules.minNoticeMinutes,
      horizonDays: r.rules.horizonDays,
    },
  };
}

export function registerPublicApi(ctx: AppContext): void {
  const { server, bookings, config, log } = ctx;
  const limit = rateLimit(
    config.rateLimitPerMinute,
    clientKey,
    ctx.limiters('public-api', config.rateLimitPerMinute, 60),
  );

  server.get(
    '/api/availability',
    limit,
    route(async (req, res) => {
      const q = parseQuery(req, availabilityQuery);
      const avail = await bookings.availability(q.date, q.partySize);
      if (avail.refusal && avail.refusal !== 'closed')
        throw new BookingError(avail.refusal, undefined, {
          field: avail.refusal === 'party_too_large' ? 'partySize' : 'date',
        });
      res.json({
        date: q.date,
        partySize: q.partySize,
        slots: avail.slots.map((s) => ({ time: s.time })),
        ...(avail.refusal === 'closed' ? { closed: true, message: 'The restaurant is closed that day.' } : {}),
      });
    }, log),
  );

  server.post(
    '/api/reservations',
    limit,
    route(async (req, res) => {
      const body = parseBody(req, bookingBody);
      const restaurant = await bookings.restaurant();
      const { reservation, manageToken } = await bookings.book({
        customerName: body.customerName,
        customerPhone: body.phoneNumber,
        customerEmail: body.email ?? null,
        partySize: body.partySize,
        date: body.date,
        time: body.time,
        channel: (body.source ?? 'website') as Reservation['channel'],
        language: (body.language ?? restaurant.defaultLanguage) as Reservation['language'],
        notes: body.notes ?? '',
        clientAddress: clientKey(req),
      });
      res.status(201);
      res.json({ ...toPublic(reservation), manageToken });
    }, log),
  );

  server.get(
    '/api/reservations/:id',
    limit,
    route(async (req, res) => {
      res.json(toPublic(await ownReservation(ctx, req)));
    }, log),
  );

  server.put(
    '/api/reservations/:id',
    limit,
    route(async (req, res) => {
      const current = await ownReservation(ctx, req);
      const body = parseBody(req, changeBody);
      const updated = await bookings.modify(current.id, {
        date: body.date,
        time: body.time,
        partySize: body.partySize,
        notes: body.notes,
        customerName: body.customerName,
        customerEmail: body.email,
      });
      res.json(toPublic(updated));
    }, log),
  );

  server.del(
    '/api/reservations/:id',
    limit,
    route(async (req, res) => {
      const current = await ownReservation(ctx, req);
      res.json(toPublic(await bookings.cancel(current.id)));
    }, log),
  );

  server.get(
    '/api/menu',
    limit,
    route(async (_req, res) => {
      const r = await bookings.restaurant();
      res.json({ restaurant: r.name, currency: 'EUR', sections: r.menu });
    }, log),
  );

  server.get(
    '/api/settings',
    limit,
    route(async (_req, res) => {
      res.json(publicSettings(await bookings.restaurant()));
    }, log),
  );
}

/** The reservation the manage token opens; any other id or token is refused alike. */
async function ownReservation(ctx: AppContext, req: Request): Promise<Reservation> {
  const token = manageToken(req);
  if (!token)
    throw new BookingError('unauthorized', 'The manage token is required (Authorization: Bearer <manageToken>).');
  const r = await ctx.bookings.get(String(req.params.id ?? ''));
  if (!r || r.status === 'held' || !r.manageTokenHash || !sameHash(r.manageTokenHash, hashToken(token))) {
    throw new BookingError('not_found', 'No reservation with that id and token.');
  }
  return r;
}

/**
 * The manage token, from a header only: in a URL it would stay in browser histories, proxy
 * logs and Referer headers.
 */
function manageToken(req: Request): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  const header = req.headers['x-manage-token'];
  const token = bearer ?? (typeof header === 'string' ? header : null);
  return token && token.length <= 200 ? token : null;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type { Response };
