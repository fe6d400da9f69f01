// How an SMS is billed: in segments. A text written only with the GSM-7 alphabet (its basic
// table, plus the extension table whose characters take two septets) fits 160 characters in
// one segment, 153 per segment when it needs several; one character outside GSM-7 makes the
// whole text UCS-2: 70 in one segment, 67 per segment. A character is never split between two
// segments (an escape pair, a surrogate pair). Pure.

/** GSM 03.38 basic table, one septet each. */
const GSM_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);
/** GSM 03.38 extension table: an escape septet and the character, two septets each. */
const GSM_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  units: number;
  /** The characters that forced UCS-2, once each (empty for GSM-7). */
  nonGsm: string[];
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

/** Fills segments greedily, never splitting one character's units across two. */
function pack(sizes: number[], single: number, multi: number): { segments: number; units: number } {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units === 0) return { segments: 1, units };
  if (units <= single) return { segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { segments, units };
}

/** The segments Twilio bills for `text` sent as one SMS. */
export function smsSegments(text: string): SmsSegments {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((ch) => !GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)))];
  if (!nonGsm.length) {
    const sizes = chars.map((ch) => (GSM_EXTENSION.has(ch) ? 2 : 1));
    return { encoding: 'GSM-7', nonGsm, ...pack(sizes, 160, 153) };
  }
  const sizes = chars.map((ch) => ch.length);
  return { encoding: 'UCS-2', nonGsm, ...pack(sizes, 70, 67) };
}

/**
 * Typography that has a plain GSM-7 form, replaced by it (the characters Twilio's Smart
 * Encoding replaces, and the French ligatures): curly quotes and apostrophes, guillemets and
 * the spaces French puts inside them, dashes, ellipsis, œ. Accented letters are left alone.
 */
const PLAIN: Array<[RegExp, string]> = [
  [/«[\s\u00a0\u202f]*/g, '"'],
  [/[\s\u00a0\u202f]*»/g, '"'],
  [/[\u201c\u201d\u201e\u201f\u2033\uff02]/g, '"'],
  [/[\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`\uff07]/g, "'"],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' '],
  [/[\u200b-\u200d\u2060\ufeff]/g, ''],
  [/œ/g, 'oe'],
  [/Œ/g, 'OE'],
];

export function plainTypography(text: string): string {
  let out = text;
  for (const [re, to] of PLAIN) out = out.replace(re, to);
  return out;
}

/**
 * Letters outside GSM-7 written as their nearest GSM-7 letter (ç → c, â → a, Ê → E…): for a
 * person's or a place's name in an SMS, where a single ç would triple the bill. Letters GSM-7
 * has (é è à ù ì ò ä ö ü ñ É Ç…) are kept. Anything else is returned unchanged.
 */
export function gsmLetters(text: string): string {
  return Array.from(plainTypography(text))
    .map((ch) => {
      if (GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch)) return ch;
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base !== ch && isGsm7(base) ? base : ch;
    })
    .join('');
}
