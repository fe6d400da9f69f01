// Insights over a date range (default: the last 30 days up to today).
import { z } from 'zod';
import { BookingError, addDays, daysBetween, isValidDate, localDateOf, localToInstant } from '../../booking-core';
import type { DashboardContext } from '../context';
import { computeInsights } from '../insights';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isValidDate, 'is not a real date');
const query = z.object({ from: date.optional(), to: date.optional() });

export function registerInsightsApi(ctx: DashboardContext): void {
  const { server, store, bookings, auth, log } = ctx;
  const { route, parseQuery } = ctx.http;
  server.get(
    '/api/admin/insights',
    auth.require('admin'),
    route(async (req, res) => {
      const q = parseQuery(req, query);
      const restaurant = await bookings.restaurant();
      const today = localDateOf(bookings.now(), restaurant.timezone);
      const to = q.to ?? today;
      const from = q.from ?? addDays(to, -29);
      if (from > to) throw new BookingError('invalid_input', 'from must not be after to.', { field: 'from' });
      if (daysBetween(from, to) > 366)
        throw new BookingError('invalid_input', 'At most one year at a time.', { field: 'from' });
      const at = (d: string) => (localToInstant(d, 0, restaurant.timezone) ?? new Date(`${d}T00:00:00Z`)).toISOString();
      const reservations = await store.findReservations({
        restaurantId: restaurant.id,
        from: at(from),
        to: at(addDays(to, 1)),
      });
      // Every conversation that began in the range (the local days' bounds, as for the bookings).
      const conversations = await store.listConversations(Number.MAX_SAFE_INTEGER, {
        startedFrom: at(from),
        startedBefore: at(addDays(to, 1)),
      });
      res.json(computeInsights(restaurant, reservations, conversations, { from, to }, bookings.now()));
    }, log),
  );
}
