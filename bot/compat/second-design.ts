// The second design's calls (Express + Passport + React admin), translated at the edge to
// today's routes: its /auth routes, its reservation fields (startAt, customerPhone, upper-case
// statuses), its table and restaurant fields. The staff API and booking service do the work.
import type { Next, Request, Response } from 'restify';
import { BookingError, type Restaurant } from '../../booking-core';
import type { AppContext } from '../context';
import { renameFields } from './rename';

/** Its routes and ours. */
const ROUTES: Array<[method: string, old: string, current: string]> = [
  ['POST', '/auth/login', '/api/auth/login'],
  ['GET', '/auth/me', '/api/auth/me'],
  ['POST', '/auth/register', '/api/admin/users'],
];

/** Its upper-case statuses; it had no status between booked and confirmed. */
const STATUSES: Record<string, string> = {
  PENDING: 'confirmed',
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled',
  SEATED: 'seated',
  COMPLETED: 'completed',
  NO_SHOW: 'no_show',
};

type CompatRequest = Request & { secondDesign?: boolean };
type Body = Record<string, unknown>;

const ownStatus = (s: unknown) => (typeof s === 'string' ? (STATUSES[s.trim()] ?? s) : s);
const isUpperStatus = (s: unknown) => typeof s === 'string' && s.trim() in STATUSES;

/** Its startAt (an instant) as our local date and time; refused when it disagrees with date/time sent too. */
function startAtAsLocal(body: Body, restaurant: Restaurant, bookings: AppContext['bookings']): Body {
  if (!('startAt' in body)) return body;
  const { startAt, ...rest } = body;
  const instant = new Date(String(startAt));
  if (typeof startAt !== 'string' || Number.isNaN(instant.getTime()))
    throw new BookingError('invalid_input', 'startAt: must be an ISO 8601 date and time.', { field: 'startAt' });
  const local = bookings.localOf(restaurant, { startAt: instant.toISOString() });
  for (const key of ['date', 'time'] as const)
    if (key in rest && rest[key] !== local[key])
      throw new BookingError('invalid_input', `startAt and ${key} disagree; send one.`, { field: key });
  return { ...rest, ...local };
}

function tableBody(body: Body): Body {
  const { isJoinable: _joinable, ...rest } = renameFields(body, { capacity: 'seatsMax' }).body as Body;
  // Joining tables is a restaurant setting here (tableCombinations), not a flag on one table.
  return { seatsMin: 1, ...rest };
}

function restaurantBody(body: Body, current: Restaurant): Body {
  const { slotMinutes, avgDurationMin, bufferMin, ...rest } = renameFields(body, { phoneNumber: 'phone' }).body as Body;
  if (slotMinutes === undefined && avgDurationMin === undefined && bufferMin === undefined) return rest;
  const rules = { ...current.rules, ...((rest.rules as Body | undefined) ?? {}) } as Body;
  if (slotMinutes !== undefined) rules.slotStepMinutes = slotMinutes;
  if (bufferMin !== undefined) rules.bufferMinutes = bufferMin;
  if (avgDurationMin !== undefined) rules.turnTimes = [{ maxParty: null, minutes: avgDurationMin }];
  return { ...rest, rules };
}

/** Its clients read `username` and an upper-case `role` on the user. */
function answerWithOldUser(res: Response): void {
  const json = res.json.bind(res);
  const convert = (u: unknown) =>
    u && typeof u === 'object' && 'email' in u && 'role' in u
      ? { ...u, username: (u as Body).email, role: String((u as Body).role).toUpperCase() }
      : u;
  (res as unknown as { json: (body: unknown) => unknown }).json = (body: unknown) => {
    if (body && typeof body === 'object' && 'user' in body)
      return json({ ...body, user: convert((body as Body).user) });
    return json(convert(body));
  };
}

async function translate(ctx: AppContext, req: CompatRequest, res: Response): Promise<void> {
  const path = req.getRoute()?.path;
  // Anything but a JSON object is left to the route, which refuses it by name.
  const body = (isObject(req.body) ? req.body : {}) as Body;
  const query = (isObject(req.query) ? req.query : {}) as Body;
  if (req.body !== undefined && !isObject(req.body)) return;
  if (req.secondDesign && path === '/api/auth/login') req.body = renameFields(body, { username: 'email' }).body;
  else if (req.secondDesign && path === '/api/admin/users') {
    const { username, role, ...rest } = renameFields(body, {}).body as Body;
    const email = rest.email ?? username;
    req.body = { name: String(email ?? '').split('@')[0] || 'staff', ...rest, email, role: ownRole(role) };
  } else if (path === '/api/admin/reservations' && req.method === 'GET') {
    const renamed = renameFields(query, { startDate: 'from', endDate: 'to' });
    const q = renamed.body as Body;
    if (typeof q.status === 'string' && q.status.split(',').some(isUpperStatus)) req.secondDesign = true;
    if (typeof q.status === 'string') q.status = q.status.split(',').map(ownStatus).join(',');
    req.query = q;
    req.secondDesign ||= renamed.usedOld;
  } else if (path === '/api/admin/reservations' && req.method === 'POST') {
    const renamed = renameFields(body, { customerPhone: 'phoneNumber' });
    if (renamed.usedOld || 'startAt' in body) {
      req.body = startAtAsLocal(renamed.body as Body, await ctx.bookings.restaurant(), ctx.bookings);
      req.secondDesign = true;
    }
  } else if (path === '/api/admin/reservations/:id' && req.method === 'PATCH') {
    if (isUpperStatus(body.status)) req.body = { ...body, status: ownStatus(body.status) };
  } else if (path === '/api/admin/tables' || path === '/api/admin/tables/:id') {
    if ('capacity' in body || 'isJoinable' in body) req.body = tableBody(body);
  } else if (path === '/api/admin/restaurant' && req.method === 'PUT') {
    if (['phoneNumber', 'slotMinutes', 'avgDurationMin', 'bufferMin'].some((k) => k in body))
      req.body = restaurantBody(body, await ctx.bookings.restaurant());
  }
  if (req.secondDesign && (path === '/api/auth/login' || path === '/api/auth/me' || path === '/api/admin/users'))
    answerWithOldUser(res);
}

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

function ownRole(role: unknown): unknown {
  return typeof role === 'string' && /^(ADMIN|STAFF)$/.test(role) ? role.toLowerCase() : role;
}

export function registerSecondDesign(ctx: AppContext): void {
  const { server, log } = ctx;
  server.pre((req: Request, _res: Response, next: Next) => {
    const path = (req.url ?? '').split('?')[0];
    const match = ROUTES.find(([method, old]) => method === req.method && old === path);
    if (match) {
      req.url = match[2] + (req.url ?? '').slice(path.length);
      (req as CompatRequest).secondDesign = true;
    }
    next();
  });
  server.use((req: Request, res: Response, next: Next) => {
    translate(ctx, req as CompatRequest, res).then(
      () => next(),
      (err: unknown) => {
        ctx.http.sendError(res, err, log);
        next(false);
      },
    );
  });
}
