// Staff routes of the outbox: the list with status and attempts, a test message, and
// a reminder sent on demand. Staff JWT on each.
import { z } from 'zod';
import { BookingError, toPublic, type OutboxEntry, type OutboxStatus } from '../../booking-core';
import {
  deliverySteps,
  isE164,
  testMessage,
  TWILIO_MESSAGE_ERRORS,
  type MessageKind,
  type PlannedMessage,
} from '../../booking-core/notifications';
import { currentUser } from '../../dashboard/auth';
import type { AppContext } from '../context';
import { parseBody, parseQuery, route } from '../http';
import type { Notifications } from './service';

const STATUSES: readonly OutboxStatus[] = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'not_configured',
  'suppressed',
  'withheld',
];

const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    status: z.enum(STATUSES as [OutboxStatus, ...OutboxStatus[]]).optional(),
    reservationId: z.string().max(100).optional(),
  })
  .strict();

const testBody = z
  .object({
    channel: z.enum(['email', 'sms', 'whatsapp']).optional(),
    to: z.string().trim().min(3).max(200).optional(),
    language: z.enum(['fr', 'en']).optional(),
  })
  .strict();

/** An address or number as compared: emails in lower case, numbers as their digits. */
const recipientKey = (to: string) => (to.includes('@') ? to.trim().toLowerCase() : to.replace(/\D/g, ''));

/** The restaurant's own numbers and addresses: its settings' phone and email, and the managers'. */
function ownRecipients(
  restaurant: { phone: string; email?: string | null },
  config: { managerEmails: string[]; managerPhones: string[] },
): Set<string> {
  const own = [restaurant.phone, restaurant.email ?? '', ...config.managerEmails, ...config.managerPhones];
  return new Set(own.filter((v) => v.trim()).map(recipientKey));
}

/** An outbox entry as staff see it. */
export function publicOutboxEntry(e: OutboxEntry) {
  return {
    id: e.id,
    kind: e.kind,
    to: e.to,
    subject: e.subject,
    body: e.body,
    purpose: e.meta.purpose ?? null,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    nextAttemptAt: e.nextAttemptAt,
    reservationId: e.reservationId,
    createdAt: e.createdAt,
    sentAt: e.sentAt,
    providerId: e.meta.providerId ?? null,
    /** Twilio's delivery receipts, oldest first: {status, at, errorCode?}. */
    steps: deliverySteps(e),
    deliveredAt: e.meta.deliveredAt ?? null,
    errorCode: e.meta.errorCode ?? null,
    errorMeaning: e.meta.errorCode ? (TWILIO_MESSAGE_ERRORS[e.meta.errorCode] ?? null) : null,
  };
}

export function registerNotificationRoutes(ctx: AppContext, n: Notifications): void {
  const { server, auth, log, config, bookings, clock } = ctx;
  const staff = auth.require();

  server.get(
    '/api/admin/outbox',
    staff,
    route(async (req, res) => {
      const q = parseQuery(req, listQuery);
      const limit = q.limit ?? 200;
      const entries = await ctx.store.listOutbox(limit, {
        status: q.status || undefined,
        reservationId: q.reservationId || undefined,
      });
      res.json(entries.map(publicOutboxEntry));
    }, log),
  );

  // A failed or not-configured message sent again once the cause is fixed (SMTP back, credentials set).
  server.post(
    '/api/admin/outbox/:id/retry',
    staff,
    route(async (req, res) => {
      const id = String(req.params.id ?? '');
      const entry = await ctx.store.getOutbox(id);
      if (!entry) throw new BookingError('not_found', `No outbox entry ${id}.`);
      if (entry.status !== 'failed' && entry.status !== 'not_configured')
        throw new BookingError('conflict', `A ${entry.status} message is not retried.`);
      const again: OutboxEntry = {
        ...entry,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: clock().toISOString(),
        leaseOwner: null,
        leaseUntil: null,
      };
      await ctx.store.updateOutbox(again);
      n.worker.kick();
      res.status(202);
      res.json(publicOutboxEntry(again));
    }, log),
  );

  server.post(
    '/api/notifications/test',
    staff,
    route(async (req, res) => {
      const body = parseBody(req, testBody);
      const restaurant = await n.notifier.restaurant();
      const language = body.language ?? restaurant.defaultLanguage;
      const now = clock();
      const targets: Array<{ kind: MessageKind; to: string }> = [];
      if (body.to) {
        const kind: MessageKind = body.channel ?? (body.to.includes('@') ? 'email' : 'sms');
        const ok = kind === 'email' ? /^[^\s@]+@[^\s@]+$/.test(body.to) : isE164(body.to.replace(/^whatsapp:/, ''));
        if (!ok)
          throw new BookingError(
            'invalid_input',
            kind === 'email' ? 'to: not an email address.' : 'to: not a phone number in +E.164 form.',
            { field: 'to' },
          );
        const to = body.to.replace(/^whatsapp:/, '');
        // Staff test what the restaurant receives; texting anyone else is for admins.
        if (currentUser(req).role !== 'admin' && !ownRecipients(restaurant, config).has(recipientKey(to)))
          throw new BookingError(
            'forbidden',
            "Staff send test messages only to the restaurant's own numbers and addresses (settings, " +
              'MANAGER_EMAILS, MANAGER_PHONES); an admin can send one anywhere.',
            { field: 'to' },
          );
        targets.push({ kind, to });
      } else {
        if (!body.channel || body.channel === 'email')
          for (const to of config.managerEmails) targets.push({ kind: 'email', to });
        if (!body.channel || body.channel === 'sms')
          for (const to of config.managerPhones) targets.push({ kind: 'sms', to });
      }
      if (!targets.length)
        throw new BookingError('invalid_input', 'No recipient: give "to", or set MANAGER_EMAILS / MANAGER_PHONES.', {
          field: 'to',
        });
      const planned: PlannedMessage[] = targets.map((t) => testMessage(restaurant, t.kind, t.to, now, language));
      const queued = await n.notifier.queue(planned);
      res.status(202);
      res.json({ queued: queued.map(publicOutboxEntry) });
    }, log),
  );

  server.post(
    '/api/notifications/reminder/:id',
    staff,
    route(async (req, res) => {
      const r = await bookings.mustGet(String(req.params.id ?? ''));
      if (r.status !== 'confirmed')
        throw new BookingError('invalid_transition', `A ${r.status} booking gets no reminder.`);
      if (new Date(r.startAt).getTime() <= clock().getTime())
        throw new BookingError('invalid_transition', 'That booking has already started.');
      const queued = await n.notifier.queueReminder(toPublic(r), `manual:${clock().toISOString()}`);
      if (!queued.length)
        throw new BookingError('invalid_input', 'The guest has no phone number that can receive a text.', {
          field: 'customerPhone',
        });
      res.status(202);
      res.json({ queued: queued.map(publicOutboxEntry) });
    }, log),
  );
}
