// Small readings of a guest's answer that the understanding layer may leave to the dialog:
// a bare name after "what name?", a phone number typed in a web chat.
import { normalisePhone } from '../booking-core';
import type { Understanding } from './understanding';

const NOT_A_NAME = /^(oui|non|yes|no|ok|okay|d'accord|merci|thanks|bonjour|hello|hi|help|aide|annuler|cancel)$/i;

/** "dupont" → "Dupont"; null when the answer does not look like a name. */
export function nameFrom(text: string): string | null {
  const clean = text
    .replace(/[.!?,;]+$/g, '')
    .replace(/^(c[’']est|it[’']s|je suis|i am|i'm|moi c[’']est)\s+/i, '')
    .trim();
  if (!clean || clean.length > 40 || NOT_A_NAME.test(clean)) return null;
  if (!/^[\p{L}][\p{L}’' .-]*$/u.test(clean) || clean.split(/\s+/).length > 4) return null;
  return clean
    .split(/(\s+|-)/)
    .map((w) => (/^\p{L}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w))
    .join('');
}

/** A phone number in E.164 when it can be told (French national numbers become +33). */
export function phoneFrom(text: string): string | null {
  const raw = text.replace(/[^\d+]/g, '');
  if (raw.replace('+', '').length < 8 || raw.replace('+', '').length > 15) return null;
  if (/^0[1-9]\d{8}$/.test(raw)) return `+33${raw.slice(1)}`;
  return normalisePhone(raw);
}

export function toE164(phone: string): string {
  return phoneFrom(phone) ?? normalisePhone(phone);
}

/** A yes or a no, whether said as an answer ("oui") or read as the whole intent. */
export function isYes(u: Partial<Understanding>): boolean {
  return u.yesNo === 'yes' || (u.yesNo === undefined && u.intent === 'yes');
}

export function isNo(u: Partial<Understanding>): boolean {
  return u.yesNo === 'no' || (u.yesNo === undefined && u.intent === 'no');
}

const CANCEL_WORD = /(?<![\p{L}])(?:annul\p{L}*|cancel\p{L}*)(?![\p{L}])/iu;

/** Whether the words ask to cancel ("annulez", "cancel it"), as opposed to "forget it" or "stop". */
export function saysCancel(text: string): boolean {
  return CANCEL_WORD.test(text);
}

const DAY_OF_MONTH = /(?<![\p{L}\d])(?:du|le|celle\s+du|the|on\s+the)\s+(\d{1,2})(?:er|st|nd|rd|th)?(?![\p{L}\d:h])/iu;

/** "celle du 12", "the one on the 3rd": a day of the month said alone, naming a booking. */
export function dayOfMonthIn(text: string): number | undefined {
  const m = DAY_OF_MONTH.exec(text);
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 31 ? n : undefined;
}
