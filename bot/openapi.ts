// GET /api/openapi.json: an OpenAPI 3.1 description of every route this server registers,
// built from the router itself (so a new route cannot be left out) and, where a route checks
// its body or query with a zod schema, from that schema (zod's JSON Schema output).
import type { Request, Response } from 'restify';
import { z } from 'zod';
import * as staff from '../dashboard/api/staff-api';
import * as waitlist from '../dashboard/api/waitlist-api';
import { availabilityBody } from './compat/first-design';
import type { AppContext } from './context';
import { availabilityQuery, bookingBody, changeBody } from './public-api';

interface Described {
  body?: z.ZodType;
  query?: z.ZodType;
  summary?: string;
}

/** The routes whose input a schema checks (METHOD path, restify's spelling). */
const DESCRIBED: Record<string, Described> = {
  'GET /api/availability': { query: availabilityQuery, summary: 'Free start times of a day' },
  'POST /api/reservations': { body: bookingBody, summary: 'Book a table (201, or 409 with alternatives)' },
  'PUT /api/reservations/:id': { body: changeBody, summary: "Change the guest's own booking (manage token)" },
  'POST /api/auth/login': { body: staff.loginBody, summary: 'Staff login' },
  'GET /api/admin/reservations': { query: staff.listQuery, summary: 'Reservations (staff)' },
  'POST /api/admin/reservations': { body: staff.staffBooking, summary: 'Book for a guest (staff)' },
  'PATCH /api/admin/reservations/:id': { body: staff.staffChange, summary: 'Change a reservation (staff)' },
  'POST /api/admin/tables': { body: staff.tableBody, summary: 'Add a table (admin)' },
  'PUT /api/admin/tables/:id': { body: staff.tableBody, summary: 'Change a table (admin)' },
  'PUT /api/admin/restaurant': { body: staff.restaurantBody, summary: 'Restaurant settings (admin)' },
  'GET /api/admin/waitlist': {
    query: waitlist.waitlistListQuery,
    summary: "Tonight's waitlist with waiting time and soonest seatings (staff)",
  },
  'POST /api/admin/waitlist': {
    body: waitlist.waitlistAddBody,
    summary: 'Add a walk-in party to the waitlist (staff)',
  },
  'POST /api/admin/waitlist/:id/notify': { summary: '"Table ready" text to the party, through the outbox (staff)' },
  'POST /api/admin/waitlist/:id/seat': {
    body: waitlist.waitlistSeatBody,
    summary: 'Seat the party: creates the walk-in booking (staff)',
  },
  'POST /api/admin/waitlist/:id/cancel': { summary: 'Take the party off the waitlist (staff)' },
  'POST /api/admin/waitlist/:id/restore': { summary: 'Put a cancelled party back on the waitlist (staff)' },
  'POST /api/settings/availability': { body: availabilityBody, summary: 'First design: is this time free' },
};

/** Calls of the earlier designs, translated before routing (README, "Migrating from ..."). */
const TRANSLATED: Array<[method: string, path: string, to: string]> = [
  ['GET', '/api/reservations', 'GET /api/admin/reservations'],
  ['POST', '/auth/login', 'POST /api/auth/login'],
  ['GET', '/auth/me', 'GET /api/auth/me'],
  ['POST', '/auth/register', 'POST /api/admin/users'],
];

const ERROR = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
};

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

function tagOf(path: string): string {
  if (path.startsWith('/twilio')) return 'twilio';
  if (path.startsWith('/api/admin') || path.startsWith('/api/auth') || path.startsWith('/api/notifications'))
    return 'staff';
  if (path.startsWith('/auth') || path === '/api/settings/availability') return 'compatibility';
  if (path.startsWith('/api')) return 'public';
  return 'server';
}

function operation(method: string, path: string, d: Described | undefined, note?: string) {
  const params = [...path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = d?.query
    ? (jsonSchema(d.query) as { properties?: Record<string, unknown>; required?: string[] })
    : null;
  for (const [name, schema] of Object.entries(query?.properties ?? {}))
    params.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema: schema as never });
  return {
    tags: [tagOf(path)],
    summary: d?.summary ?? note ?? `${method} ${path}`,
    ...(note ? { description: note } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(d?.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(d.body) } } } }
      : {}),
    responses: {
      '2XX': { description: 'Success' },
      default: { description: 'Error', content: { 'application/json': { schema: ERROR } } },
    },
  };
}

export function buildOpenApi(ctx: AppContext): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (method: string, path: string, d?: Described, note?: string) => {
    const key = path.replace(/:(\w+)/g, '{$1}');
    paths[key] ??= {};
    paths[key][method.toLowerCase()] = operation(method, path, d, note);
  };
  const routes = ctx.server.router.getRoutes() as unknown as Record<string, { method: string; path: string }>;
  for (const r of Object.values(routes)) add(r.method, String(r.path), DESCRIBED[`${r.method} ${r.path}`]);
  for (const [method, path, to] of TRANSLATED) add(method, path, undefined, `Earlier design's call, served as ${to}.`);
  return {
    openapi: '3.1.0',
    info: { title: 'Maître', version: '1', description: 'Restaurant reservations: public, staff and Twilio routes.' },
    servers: [{ url: ctx.config.publicBaseUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

export function registerOpenApi(ctx: AppContext): void {
  ctx.server.get('/api/openapi.json', (_req: Request, res: Response, next: () => void) => {
    res.json(buildOpenApi(ctx));
    next();
  });
}
