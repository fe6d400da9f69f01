// The staff API: login, reservations, tables and restaurant settings.
// Staff see and run the service; only admins change tables and settings.
import type { Request } from 'restify';
import { z } from 'zod';
import {
  BookingError,
  CHANNELS,
  LANGUAGES,
  PUBLIC_STATUSES,
  addDays,
  isValidDate,
  isKnownCurrency,
  isValidZone,
  localToInstant,
  toPublic,
  type Reservation,
  type ReservationStatus,
  type Restaurant,
  type Table,
} from '../../booking-core';
import type { DashboardContext } from '../context';
import { currentUser, publicUser } from '../auth';
import { LoginGuard } from '../login-guard';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isValidDate, 'is not a real date');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm');
const statusEnum = z.enum(PUBLIC_STATUSES as [ReservationStatus, ...ReservationStatus[]]);

export const loginBody = z
  .object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) })
  .strict();

export const listQuery = z.object({
  date: date.optional(),
  from: date.optional(),
  to: date.optional(),
  status: z.string().max(200).optional(),
  channel: z.enum(CHANNELS as [string, ...string[]]).optional(),
  q: z.string().max(100).optional(),
});

export const staffBooking = z
  .object({
    customerName: z.string().trim().min(1).max(80),
    phoneNumber: z.string().trim().min(6).max(25),
    partySize: z.number().int().min(1).max(100),
    date,
    time,
    tableIds: z.array(z.string().min(1).max(40)).min(1).max(10).optional(),
    notes: z.string().max(500).optional(),
    email: z.email().max(200).optional(),
    language: z.enum(LANGUAGES as [string, ...string[]]).optional(),
    walkIn: z.boolean().optional(),
  })
  .strict();

/** One status of a list filter ("confirmed,seated"), refused by name when unknown. */
function statusFilter(raw: string): ReservationStatus {
  const parsed = statusEnum.safeParse(raw.trim());
  if (!parsed.success)
    throw new BookingError(
      'invalid_input',
      `status must be among ${PUBLIC_STATUSES.join(', ')} (comma-separated); "${raw.trim().slice(0, 30)}" is not one.`,
      { field: 'status' },
    );
  return parsed.data;
}

export const staffChange = z
  .object({
    status: statusEnum.optional(),
    date: date.optional(),
    time: time.optional(),
    partySize: z.number().int().min(1).max(100).optional(),
    tableIds: z.array(z.string().min(1).max(40)).min(1).max(10).optional(),
    notes: z.string().max(500).optional(),
    customerName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

export const tableBody = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, - and _ only')
      .optional(),
    name: z.string().trim().min(1).max(40),
    seatsMin: z.number().int().min(1).max(50),
    seatsMax: z.number().int().min(1).max(50),
    zone: z.string().trim().max(40).default('main'),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((t) => t.seatsMin <= t.seatsMax, { message: 'seatsMin must not exceed seatsMax', path: ['seatsMin'] });

/** A service may run past midnight (19:00–01:00), but not round the clock. */
const LATEST_CLOSE_AFTER_MIDNIGHT = '06:00';
const service = z
  .object({
    name: z.string().min(1).max(40),
    label: z
      .object({ fr: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(40) })
      .strict()
      .optional(),
    open: time,
    close: time,
    lastSeatingMinutes: z.number().int().min(0).max(600),
  })
  .strict()
  .refine((s) => s.close > s.open || (s.close < s.open && s.close <= LATEST_CLOSE_AFTER_MIDNIGHT), {
    message: `must be after open, or at most ${LATEST_CLOSE_AFTER_MIDNIGHT} for a service that ends after midnight`,
    path: ['close'],
  });
export const restaurantBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    timezone: z.string().refine(isValidZone, 'is not a known timezone'),
    languages: z.array(z.enum(LANGUAGES as [string, ...string[]])).min(1),
    defaultLanguage: z.enum(LANGUAGES as [string, ...string[]]),
    address: z.string().max(300),
    phone: z.string().max(30),
    currency: z.string().refine(isKnownCurrency, 'is not an ISO 4217 currency code').optional(),
    email: z.string().max(200).optional(),
    services: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(service).max(6)),
    closures: z
      .array(
        z
          .object({ date: date.refine(isValidDate, 'is not a real date'), reason: z.string().max(200).optional() })
          .strict(),
      )
      .max(400),
    rules: z
      .object({
        slotStepMinutes: z
          .number()
          .int()
          .refine((n) => [5, 10, 15, 20, 30, 60].includes(n), 'must be 5, 10, 15, 20, 30 or 60'),
        turnTimes: z
          .array(
            z
              .object({ maxParty: z.number().int().min(1).nullable(), minutes: z.number().int().min(15).max(600) })
              .strict(),
          )
          .min(1),
        bufferMinutes: z.number().int().min(0).max(120),
        minNoticeMinutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60),
        horizonDays: z.number().int().min(1).max(730),
        maxPartySize: z.number().int().min(1).max(100),
        maxCoversPerSlot: z.number().int().min(1).max(1000).nullable(),
        holdMinutes: z.number().int().min(1).max(60),
      })
      .strict(),
    tableCombinations: z.array(
      z
        .object({
          tableIds: z.array(z.string()).min(2),
          seatsMin: z.number().int().min(1),
          seatsMax: z.number().int().min(1),
        })
        .strict(),
    ),
    reminders: z
      .object({
        dayBeforeAt: time.nullable(),
        minutesBefore: z
          .array(
            z
              .number()
              .int()
              .min(5)
              .max(7 * 24 * 60),
          )
          .max(5),
      })
      .strict()
      .optional(),
  })
  .partial()
  .strict();

export function registerStaffApi(ctx: DashboardContext): void {
  const { server, bookings, store, auth, config, log } = ctx;
  const { route, parseBody, parseQuery, clientKey } = ctx.http;
  const staff = auth.require();
  const admin = auth.require('admin');
  const guard = new LoginGuard(() => store.records(), config.loginRateLimitPerMinute, ctx.clock);

  server.post(
    '/api/auth/login',
    route(async (req, res) => {
      const body = parseBody(req, loginBody);
      const address = clientKey(req);
      const refusal = await guard.refusal(body.email, address);
      if (refusal) {
        res.header('Retry-After', String(refusal.retryAfterSeconds));
        throw new BookingError(
          'rate_limited',
          refusal.scope === 'address'
            ? 'Too many failed logins from this address; try again in a minute.'
            : `Too many failed logins for this account; try again in ${refusal.retryAfterSeconds} s.`,
        );
      }
      const result = await auth.login(body.email, body.password);
      if (!result) {
        await guard.failed(body.email, address);
        throw new BookingError('unauthorized', 'Wrong email or password.');
      }
      await guard.succeeded(body.email);
      res.json(result);
    }, log),
  );

  server.get(
    '/api/auth/me',
    staff,
    route(async (req, res) => {
      res.json({ user: publicUser(currentUser(req)) });
    }, log),
  );

  server.get(
    '/api/admin/reservations',
    staff,
    route(async (req, res) => {
      const q = parseQuery(req, listQuery);
      const restaurant = await bookings.restaurant();
      const from = q.date ?? q.from;
      const to = q.date ? addDays(q.date, 1) : q.to ? addDays(q.to, 1) : undefined;
      const statuses = q.status ? q.status.split(',').map(statusFilter) : PUBLIC_STATUSES;
      let list = await store.findReservations({
        restaurantId: restaurant.id,
        from: from ? instantOf(restaurant, from) : undefined,
        to: to ? instantOf(restaurant, to) : undefined,
        statuses,
      });
      if (q.channel) list = list.filter((r) => r.channel === q.channel);
      if (q.q) {
        const needle = q.q.toLowerCase();
        list = list.filter((r) => r.customerName.toLowerCase().includes(needle) || r.customerPhone.includes(needle));
      }
      res.json(list.map(toPublic));
    }, log),
  );

  server.get(
    '/api/admin/reservations/:id',
    staff,
    route(async (req, res) => {
      res.json(toPublic(await bookings.mustGet(String(req.params.id))));
    }, log),
  );

  server.post(
    '/api/admin/reservations',
    staff,
    route(async (req, res) => {
      const body = parseBody(req, staffBooking);
      const restaurant = await bookings.restaurant();
      const { reservation } = await bookings.book(
        {
          customerName: body.customerName,
          customerPhone: body.phoneNumber,
          customerEmail: body.email ?? null,
          partySize: body.partySize,
          date: body.date,
          time: body.time,
          channel: 'dashboard',
          language: (body.language ?? restaurant.defaultLanguage) as Reservation['language'],
          notes: body.notes ?? '',
        },
        { ignoreRules: true, tableIds: body.tableIds, seated: body.walkIn },
      );
      res.status(201);
      res.json(toPublic(reservation));
    }, log),
  );

  server.patch(
    '/api/admin/reservations/:id',
    staff,
    route(async (req, res) => {
      const id = String(req.params.id);
      const body = parseBody(req, staffChange);
      let r = await bookings.mustGet(id);
      const { status, ...change } = body;
      if (Object.values(change).some((v) => v !== undefined))
        r = await bookings.modify(id, change, { ignoreRules: true, tableIds: change.tableIds });
      if (status) r = await bookings.transition(id, status);
      res.json(toPublic(r));
    }, log),
  );

  server.get(
    '/api/admin/tables',
    staff,
    route(async (_req, res) => {
      res.json(await bookings.tables());
    }, log),
  );

  server.post(
    '/api/admin/tables',
    admin,
    route(async (req, res) => {
      const body = parseBody(req, tableBody);
      const id = body.id ?? body.name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 20);
      if (!id) throw new BookingError('invalid_input', 'The table needs an id of letters and digits.', { field: 'id' });
      if ((await bookings.tables()).some((t) => t.id === id))
        throw new BookingError('conflict', `Table ${id} already exists.`, { field: 'id' });
      const table: Table = {
        id,
        restaurantId: ctx.restaurantId,
        name: body.name,
        seatsMin: body.seatsMin,
        seatsMax: body.seatsMax,
        zone: body.zone,
        active: body.active,
      };
      await store.saveTable(table);
      res.status(201);
      res.json(table);
    }, log),
  );

  server.put(
    '/api/admin/tables/:id',
    admin,
    route(async (req, res) => {
      const existing = (await bookings.tables()).find((t) => t.id === String(req.params.id));
      if (!existing) throw new BookingError('not_found', `No table ${String(req.params.id)}.`);
      const body = parseBody(req, tableBody);
      const table: Table = {
        ...existing,
        name: body.name,
        seatsMin: body.seatsMin,
        seatsMax: body.seatsMax,
        zone: body.zone,
        active: body.active,
      };
      await store.saveTable(table);
      res.json(table);
    }, log),
  );

  server.del(
    '/api/admin/tables/:id',
    admin,
    route(async (req, res) => {
      const id = String(req.params.id);
      const upcoming = await store.findReservations({
        restaurantId: ctx.restaurantId,
        from: bookings.now().toISOString(),
        statuses: ['held', 'confirmed', 'seated'],
      });
      const holding = upcoming.filter((r) => r.tableIds.includes(id));
      if (holding.length)
        throw new BookingError(
          'conflict',
          `Table ${id} has ${holding.length} upcoming booking(s); move them first or deactivate the table.`,
        );
      if (!(await store.deleteTable(ctx.restaurantId, id))) throw new BookingError('not_found', `No table ${id}.`);
      res.json({ deleted: id });
    }, log),
  );

  server.get(
    '/api/admin/restaurant',
    staff,
    route(async (_req, res) => {
      res.json(await bookings.restaurant());
    }, log),
  );

  server.put(
    '/api/admin/restaurant',
    admin,
    route(async (req, res) => {
      const body = parseBody(req, restaurantBody);
      const current = await bookings.restaurant();
      const next = { ...current, ...body } as Restaurant;
      if (!next.languages.includes(next.defaultLanguage))
        throw new BookingError('invalid_input', 'defaultLanguage must be one of languages.', {
          field: 'defaultLanguage',
        });
      const tableIds = new Set((await bookings.tables()).map((t) => t.id));
      const unknown = next.tableCombinations.flatMap((c) => c.tableIds).find((id) => !tableIds.has(id));
      if (unknown)
        throw new BookingError('invalid_input', `tableCombinations names an unknown table ${unknown}.`, {
          field: 'tableCombinations',
        });
      await store.saveRestaurant(next);
      res.json(next);
    }, log),
  );
}

/** Start of a local date as an ISO instant. */
function instantOf(restaurant: Restaurant, day: string): string {
  return (localToInstant(day, 0, restaurant.timezone) ?? new Date(`${day}T00:00:00Z`)).toISOString();
}

export type { Request };
