// The Messages page's pure rules: what a row says, which rows may be sent again, which
// booking may get a reminder, and when to look again. No DOM here, so the tests run them bare.
import { localOf, shortDate } from './time';
import type { Language as Lang, OutboxItem, OutboxStatus, Reservation } from './types';

export const OUTBOX_STATUSES: OutboxStatus[] = [
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

/** What the message is about, on one line: the subject, else the body's first non-empty line. */
export function summaryOf(e: Pick<OutboxItem, 'subject' | 'body'>, max = 90): string {
  const line = (
    e.subject?.trim() ||
    e.body
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ||
    ''
  ).replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The server takes back failed and not-configured messages (once SMTP or Twilio is fixed). */
export function canRetry(status: OutboxStatus): boolean {
  return status === 'failed' || status === 'not_configured';
}

/** Still moving: the list is looked at again shortly so the host sees it settle. */
export function isInFlight(status: OutboxStatus): boolean {
  return status === 'pending' || status === 'sending';
}

/** How long after a text is sent its delivery receipt is still worth waiting for on screen. */
export const RECEIPT_WAIT_MS = 10 * 60_000;

/** A text Twilio accepted a short while ago: its "delivered" or "undelivered" is on its way. */
export function awaitsReceipt(e: Pick<OutboxItem, 'kind' | 'status' | 'sentAt'>, now: Date): boolean {
  if (e.kind === 'email' || e.status !== 'sent' || !e.sentAt) return false;
  return now.getTime() - new Date(e.sentAt).getTime() < RECEIPT_WAIT_MS;
}

/** Newest first whatever order the server used; ties keep their order. */
export function newestFirst<T extends { createdAt: string }>(items: T[]): T[] {
  return items
    .map((e, i) => [e, i] as const)
    .sort((a, b) => b[0].createdAt.localeCompare(a[0].createdAt) || a[1] - b[1])
    .map(([e]) => e);
}

/** A staff member may send a reminder now for a confirmed booking that has not started. */
export function reminderAllowed(r: Pick<Reservation, 'status' | 'startAt'>, now: Date): boolean {
  return r.status === 'confirmed' && new Date(r.startAt).getTime() > now.getTime();
}

/** "21:04" today, "lun. 23 nov. 21:04" another day, in the restaurant's timezone. */
export function whenText(instant: string | null, zone: string, lang: Lang, now: Date): string {
  if (!instant) return '—';
  const at = localOf(instant, zone);
  return at.date === localOf(now, zone).date ? at.time : `${shortDate(at.date, lang)} ${at.time}`;
}

/** An address as typed is plausible for the channel: the server says the same, in English. */
export function addressProblem(kind: 'email' | 'sms' | 'whatsapp', to: string): 'email' | 'phone' | null {
  const v = to.trim().replace(/^whatsapp:/, '');
  if (!v) return null;
  if (kind === 'email') return /^[^\s@]+@[^\s@]+$/.test(v) ? null : 'email';
  return /^\+[1-9]\d{6,14}$/.test(v) ? null : 'phone';
}
