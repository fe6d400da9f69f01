// Callers to ring back: a guest asked for a person on the phone and nobody answered. Staff see
// each task with the caller, their language, the message they left (recording and transcript)
// and mark it done once they have called back (or undone, if it was a mistake).
import { z } from 'zod';
import { BookingError } from '../../booking-core';
import type { DashboardContext } from '../context';
import { currentUser } from '../auth';

export const callbackListQuery = z.object({
  /** open: still to call back (default); done; all. */
  status: z.enum(['open', 'done', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const callbackChange = z.object({ done: z.boolean() }).strict();

export function registerCallbacksApi(ctx: DashboardContext): void {
  const { server, store, auth, log, bookings } = ctx;
  const { route, parseBody, parseQuery } = ctx.http;
  const staff = auth.require();

  server.get(
    '/api/admin/callbacks',
    staff,
    route(async (req, res) => {
      const q = parseQuery(req, callbackListQuery);
      const done = q.status === 'all' ? undefined : q.status === 'done';
      res.json(await store.listCallbackTasks({ done, limit: q.limit }));
    }, log),
  );

  server.patch(
    '/api/admin/callbacks/:id',
    staff,
    route(async (req, res) => {
      const id = String(req.params.id);
      const body = parseBody(req, callbackChange);
      const user = currentUser(req);
      const now = new Date();
      const task = await store.patchCallbackTask(
        id,
        body.done
          ? { done: true, doneAt: now.toISOString(), doneBy: user.id }
          : { done: false, doneAt: null, doneBy: null },
        now,
      );
      if (!task) throw new BookingError('not_found', `No callback task ${id}.`);
      bookings.events.emit('callback:changed', task);
      res.json(task);
    }, log),
  );
}
