// What a provider's delivery receipt means for an outbox entry: Twilio's message statuses, in
// the order a message goes through them, and its error codes in the staff's words. Pure (the
// dashboard reads the same table).
import type { OutboxEntry, OutboxStatus } from '../store';

/** One status Twilio reported for a message, with the time it arrived. */
export interface DeliveryStep {
  status: string;
  at: string;
  errorCode?: string;
}

/** Twilio's MessageStatus values, by how far along they are (a later callback may arrive first). */
const STEP_RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  partially_delivered: 4,
  read: 5,
  canceled: 5,
};

export const isKnownMessageStatus = (s: string): boolean => s in STEP_RANK;

/** Twilio error codes staff meet on messages, with what they mean and what to do. */
export const TWILIO_MESSAGE_ERRORS: Record<string, { fr: string; en: string }> = {
  '21211': { fr: 'Numéro de destinataire invalide', en: "Invalid 'To' number" },
  '21408': {
    fr: "L'envoi de SMS vers ce pays n'est pas activé sur le compte Twilio",
    en: 'Sending to this country is not enabled on the Twilio account',
  },
  '21610': {
    fr: 'Le client a demandé à ne plus recevoir de messages (STOP)',
    en: 'The guest opted out of messages (STOP)',
  },
  '21612': { fr: 'Ce numéro ne peut pas recevoir ce message', en: 'This number cannot be reached by this route' },
  '21614': { fr: "Ce numéro n'est pas un mobile", en: 'Not a mobile number' },
  '21635': { fr: 'Ce numéro est une ligne fixe', en: 'This number is a landline' },
  '30001': { fr: "File d'attente Twilio pleine", en: 'Twilio queue overflow' },
  '30002': { fr: 'Compte Twilio suspendu', en: 'Twilio account suspended' },
  '30003': {
    fr: 'Téléphone injoignable (éteint ou hors réseau)',
    en: 'Unreachable handset (switched off or out of coverage)',
  },
  '30004': { fr: 'Message bloqué par le destinataire ou son opérateur', en: 'Message blocked' },
  '30005': { fr: 'Numéro inconnu ou qui n’existe plus', en: 'Unknown number, or no longer in service' },
  '30006': { fr: 'Ligne fixe ou opérateur injoignable', en: 'Landline or unreachable carrier' },
  '30007': {
    fr: "Message filtré par l'opérateur (contenu ou expéditeur)",
    en: 'Filtered by the carrier (content or sender)',
  },
  '30008': { fr: "Erreur inconnue de l'opérateur", en: 'Unknown carrier error' },
  '30034': { fr: 'Numéro américain non enregistré (A2P 10DLC)', en: 'US number not registered for A2P 10DLC' },
  '63003': { fr: "Ce numéro n'a pas WhatsApp", en: 'This number is not on WhatsApp' },
  '63016': {
    fr: 'WhatsApp : hors de la fenêtre de 24 heures, un modèle approuvé est nécessaire',
    en: 'WhatsApp: outside the 24-hour window, an approved template is needed',
  },
  '63024': { fr: 'Destinataire WhatsApp invalide', en: 'Invalid WhatsApp recipient' },
};

export function twilioErrorMeaning(code: string | null | undefined, language: 'fr' | 'en'): string | null {
  if (!code) return null;
  const known = TWILIO_MESSAGE_ERRORS[code];
  if (known) return known[language];
  return language === 'fr' ? `Erreur Twilio ${code}` : `Twilio error ${code}`;
}

/** The steps recorded on an entry, oldest first. */
export function deliverySteps(entry: Pick<OutboxEntry, 'meta'>): DeliveryStep[] {
  try {
    const steps = JSON.parse(entry.meta.deliverySteps ?? '[]') as DeliveryStep[];
    return Array.isArray(steps) ? steps : [];
  } catch {
    return [];
  }
}

/** The entry's status once `steps` are known: the furthest step wins, whatever order they came in. */
function statusAfter(current: OutboxStatus, steps: DeliveryStep[]): OutboxStatus {
  let best: DeliveryStep | null = null;
  for (const s of steps) if (!best || (STEP_RANK[s.status] ?? -1) >= (STEP_RANK[best.status] ?? -1)) best = s;
  if (!best) return current;
  if (best.status === 'delivered' || best.status === 'read') return 'delivered';
  if (best.status === 'undelivered' || best.status === 'partially_delivered') return 'undelivered';
  if (best.status === 'failed') return 'failed';
  return current === 'pending' || current === 'sending' ? current : 'sent';
}

/**
 * The entry with a receipt applied: the step added (once), the status moved on, the error code
 * and its meaning kept. An entry not yet recorded as sent keeps its send status; the worker
 * applies the steps when it records the send.
 */
export function applyDeliveryStep(entry: OutboxEntry, step: DeliveryStep): OutboxEntry {
  const steps = deliverySteps(entry);
  if (!steps.some((s) => s.status === step.status && (s.errorCode ?? '') === (step.errorCode ?? ''))) steps.push(step);
  steps.sort((a, b) => a.at.localeCompare(b.at));
  return withSteps(entry, steps);
}

/** Recomputes status, error code and last error from the steps. */
export function withSteps(entry: OutboxEntry, steps: DeliveryStep[]): OutboxEntry {
  const meta: Record<string, string> = { ...entry.meta, deliverySteps: JSON.stringify(steps) };
  const sentish = entry.status !== 'pending' && entry.status !== 'sending';
  const status = sentish ? statusAfter(entry.status, steps) : entry.status;
  const code = [...steps].reverse().find((s) => s.errorCode)?.errorCode;
  if (code) meta.errorCode = code;
  const deliveredAt = steps.find((s) => s.status === 'delivered' || s.status === 'read')?.at;
  if (deliveredAt) meta.deliveredAt = deliveredAt;
  const lastError =
    status === 'undelivered' || status === 'failed'
      ? `Twilio ${code ?? '?'}: ${twilioErrorMeaning(code, 'en') ?? 'not delivered'}`
      : entry.lastError;
  return { ...entry, meta, status, lastError };
}

/** Not delivered after it was sent: staff should know when it mattered to the guest. */
export function isDeliveryFailure(status: OutboxStatus): boolean {
  return status === 'undelivered' || status === 'failed';
}
