// Guests' phone numbers, read once by libphonenumber-js: whether a number can be a guest's
// at all (refused: premium rate, shared cost, UAN, satellite, pagers, personal numbers, VoIP
// where the country's VoIP ranges are refused), whether it can receive an SMS (a landline or
// a VoIP line cannot), and whether the restaurant texts that country (SMS_COUNTRIES).
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import countries from './phone-countries.json';
import { BookingError } from './errors';

/** What kind of line a number is, as far as a restaurant cares. */
export type PhoneLine = 'mobile' | 'mobile_or_fixed' | 'fixed_line' | 'voip';

export interface PhoneInfo {
  /** +E.164. */
  e164: string;
  /** ISO 3166 country, or null for international networks. */
  country: string | null;
  line: PhoneLine;
  /** Whether an SMS can reach it at all (mobiles, and numbers that may be mobiles). */
  textable: boolean;
}

/** International networks (satellite, Inmarsat, global services): not a guest's number. */
const SATELLITE_CALLING_CODES = new Set(['870', '881', '882', '883', '979', '808', '800']);
const VOIP_REFUSED = new Set<string>(countries.voipRefused);
const NEIGHBOURS: Record<string, string[]> = countries.neighbours;

const LINES: Partial<Record<NumberType & string, PhoneLine>> = {
  MOBILE: 'mobile',
  FIXED_LINE_OR_MOBILE: 'mobile_or_fixed',
  FIXED_LINE: 'fixed_line',
  VOIP: 'voip',
};

/** Why a number cannot be a guest's, or the number read. */
export type PhoneReading = { ok: true; info: PhoneInfo } | { ok: false; reason: string };

export function readPhone(raw: string, defaultCountry?: string | null): PhoneReading {
  const text = raw.trim().replace(/^whatsapp:/i, '');
  // "00 33 6…" is how numbers are dialled abroad from most of Europe.
  const dialled = /^00[1-9]/.test(text.replace(/[\s.()-]/g, '')) ? `+${text.replace(/[\s.()-]/g, '').slice(2)}` : text;
  const country = defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(dialled, country);
  if (!parsed?.isValid()) return { ok: false, reason: 'not a valid phone number' };
  if (SATELLITE_CALLING_CODES.has(parsed.countryCallingCode))
    return { ok: false, reason: 'a satellite or international network number' };
  const type = parsed.getType();
  const line = type ? LINES[type] : undefined;
  if (!line) return { ok: false, reason: `a ${(type ?? 'unknown').toLowerCase().replace(/_/g, ' ')} number` };
  const iso = parsed.country ?? null;
  if (line === 'voip' && iso && VOIP_REFUSED.has(iso)) return { ok: false, reason: 'a VoIP number' };
  return {
    ok: true,
    info: { e164: parsed.number, country: iso, line, textable: line === 'mobile' || line === 'mobile_or_fixed' },
  };
}

/** The number read, or `400 invalid_phone` naming the field. */
export function checkPhone(raw: string, field: string, defaultCountry?: string | null): PhoneInfo {
  const reading = readPhone(raw, defaultCountry);
  if (!reading.ok)
    throw new BookingError('invalid_phone', `That phone number cannot be used: ${reading.reason}.`, { field });
  return reading.info;
}

/** The country of a number (the restaurant's own, to read national numbers and pick neighbours). */
export function countryOf(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return parsePhoneNumberFromString(phone.trim())?.country ?? null;
}

/** The countries texted by default: the restaurant's and its neighbours. */
export function defaultSmsCountries(restaurantCountry: string | null): string[] {
  if (!restaurantCountry) return [];
  return [restaurantCountry, ...(NEIGHBOURS[restaurantCountry] ?? [])];
}

/**
 * Why no SMS goes to this number (a landline, a VoIP line, a country the restaurant does not
 * text, not a number at all), or null when it may be texted. `smsCountries` empty: no limit.
 */
export function smsWithheldReason(phone: string, smsCountries: readonly string[]): string | null {
  const reading = readPhone(phone);
  if (!reading.ok) return `${reading.reason}: no SMS`;
  const { info } = reading;
  if (!info.textable) return info.line === 'voip' ? 'a VoIP line: it cannot receive SMS' : 'a landline: no SMS';
  if (smsCountries.length && (!info.country || !smsCountries.includes(info.country)))
    return `${info.country ?? 'an international network'} is not in SMS_COUNTRIES`;
  return null;
}

/**
 * A number as a reader in `readerCountry` writes it: nationally when it is a number of that
 * country ("01 23 45 67 89" for a French reader of a French number), else in international
 * form with the country's grouping ("+44 20 7946 0958"). Anything unreadable is left as given.
 */
export function phoneForReader(phone: string, readerCountry: string | null): string {
  const parsed = parsePhoneNumberFromString(phone.trim());
  if (!parsed) return phone;
  return readerCountry && parsed.country === readerCountry ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * A number as logs show it: the country code, the first digit and the last two, the rest
 * hidden in the national grouping ("+33 6 12 34 56 78" → "+33 6•• •• •• 78"). Enough to tell
 * two guests apart, not to call one.
 */
export function maskedPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  const parsed = raw.trim().startsWith('+') ? parsePhoneNumberFromString(`+${digits}`) : undefined;
  const code = parsed ? parsed.countryCallingCode : '';
  const national = parsed ? String(parsed.nationalNumber) : digits;
  if (national.length < 4) return `${code ? `+${code} ` : ''}${'•'.repeat(national.length)}`;
  const hidden = national.length - 3;
  const groups: string[] = [];
  // Pairs from the end; an odd bullet stays next to the first digit.
  let first = hidden % 2 === 0 ? 2 : 1;
  if (hidden === 0) first = 0;
  const head = `${national[0]}${'•'.repeat(first)}`;
  for (let left = hidden - first; left > 0; left -= 2) groups.push('••');
  return `${code ? `+${code} ` : ''}${[head, ...groups, national.slice(-2)].join(' ')}`;
}
