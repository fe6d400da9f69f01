// The Messages page's pure rules: what a row says, which rows may be sent again, which
// booking may get a reminder, and when to look again. No DOM here, so the tests run them bare.
import { twilioErrorMeaning } from '../../booking-core/notifications/delivery';
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

const STATUS_FR: Record<string, string> = {
  cancelled: 'annulée',
  completed: 'terminée',
  no_show: 'client absent',
  seated: 'à table',
  expired: 'option expirée',
  gone: 'supprimée',
};
const KIND_FR: Record<string, string> = { sms: 'SMS', whatsapp: 'WhatsApp', email: 'e-mail' };

/**
 * Why a message was not sent, in the staff member's language. The server records these reasons
 * in English (they are also log lines); the known ones are said here in French. Anything else
 * (a provider's own words) is shown as it came, after a French lead.
 */
export function errorInWords(lastError: string, lang: Lang): string {
  const twilio = lastError.match(/^Twilio (\d+|\?):/);
  if (twilio) {
    const code = twilio[1] === '?' ? null : twilio[1];
    return `Twilio ${code ?? '?'}${lang === 'fr' ? ' : ' : ': '}${twilioErrorMeaning(code, lang) ?? ''}`.trim();
  }
  if (lang === 'en') return lastError;
  const unset = lastError.match(/^([A-Z_]+)(?: (?:and|or) ([A-Z_]+))? (?:is|are) not set$/);
  if (unset) return `Non configuré sur le serveur : ${[unset[1], unset[2]].filter(Boolean).join(' / ')} manquant`;
  const noSender = lastError.match(/^no (sms|whatsapp|email) sender$/);
  if (noSender) return `Aucun envoi ${KIND_FR[noSender[1]]} configuré sur le serveur`;
  const optedOut = lastError.match(/ opted out of (sms|whatsapp|email)$/);
  if (optedOut) return `Le client ne reçoit plus nos messages (${KIND_FR[optedOut[1]]})`;
  const booking = lastError.match(/^the booking is (\w+); no reminder$/);
  if (booking) return `Réservation ${STATUS_FR[booking[1]] ?? booking[1]} : pas de rappel`;
  if (lastError === 'a landline: no SMS') return 'Ligne fixe : pas de SMS';
  if (lastError.startsWith('a VoIP line')) return 'Ligne VoIP : ne reçoit pas les SMS';
  const country = lastError.match(/^(.+) is not in SMS_COUNTRIES$/);
  if (country) {
    const where = country[1] === 'an international network' ? 'Réseau international' : country[1];
    return `${where} : pays hors SMS_COUNTRIES`;
  }
  if (lastError.endsWith(': no SMS')) return 'Numéro ne pouvant pas recevoir de SMS';
  if (/needs an approved template/.test(lastError))
    return 'WhatsApp hors de la fenêtre de 24 h : il faut un modèle approuvé (WHATSAPP_TEMPLATES)';
  return `Erreur du service d’envoi : ${lastError}`;
}
