// The adapters' first guess at a guest's language, before they have said a word: the country code
// of their phone number, or the web page's / browser's language. The dialog corrects the guess
// from what the guest says; the adapter only picks the language of the greeting and of the
// speech recogniser.

export type ChannelLocale = 'fr-FR' | 'en-US';

// French-speaking countries and territories by calling code. Belgium and Switzerland are
// multilingual; French is the likelier first language for a call to a French restaurant.
const FRENCH_CODES = [
  '33',
  '32',
  '41',
  '352',
  '377', // France, Belgium, Switzerland, Luxembourg, Monaco
  '262',
  '590',
  '594',
  '596',
  '508',
  '681',
  '687',
  '689', // overseas France
  '212',
  '213',
  '216',
  '221',
  '225',
  '226',
  '227',
  '228',
  '229',
  '223',
  '224',
  '235',
  '237',
  '241',
  '242',
  '243',
  '509', // Maghreb, West/Central Africa, Haiti
];
// North American area codes of Quebec and French-speaking New Brunswick (the NANP shares +1).
const FRENCH_NANP_AREAS = ['418', '438', '450', '506', '514', '579', '581', '819', '873', '367', '354', '263', '468'];

/** E.164 of a Twilio address: "whatsapp:+33 6…" → "+336…"; null when it is no phone number. */
export function e164(address: string | undefined | null): string | null {
  if (!address) return null;
  const bare = address.replace(/^[a-z]+:/i, '').replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{5,14}$/.test(bare) ? bare : null;
}

export function localeFromPhone(phone: string | null | undefined, fallback: ChannelLocale): ChannelLocale {
  const number = e164(phone);
  if (!number) return fallback;
  const digits = number.slice(1);
  if (digits.startsWith('1')) return FRENCH_NANP_AREAS.includes(digits.slice(1, 4)) ? 'fr-FR' : 'en-US';
  if (FRENCH_CODES.some((code) => digits.startsWith(code))) return 'fr-FR';
  // Any other country: English is the guest's likelier common language with the staff.
  return 'en-US';
}

/** "fr", "fr-BE", "FR_ca" → fr-FR; "en", "en-GB" → en-US; anything else → null. */
export function normaliseLocale(tag: string | null | undefined): ChannelLocale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('fr')) return 'fr-FR';
  if (lower.startsWith('en')) return 'en-US';
  return null;
}
