// Numbers said in words, French and English, 0–99: enough for party sizes, hours, minutes and
// days of the month. The recognizers' number model misses some of them in context (it finds
// nothing in "pour trois personnes") and costs milliseconds per call, so the common words are
// read here and the number recognizer is only a fallback (see recognizers.ts).

const FR_UNITS: Record<string, number> = {
  zéro: 0,
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
};
const FR_TENS: Record<string, number> = { vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60 };

const EN_UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };

const alt = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');

const FR_UNIT_ALT = alt(Object.keys(FR_UNITS).filter((w) => FR_UNITS[w] < 10 && FR_UNITS[w] > 0));
/** French number words up to 69 ("vingt et un", "trente-deux", "dix-huit"). */
export const FR_NUMBER = `(?:(?:${alt(Object.keys(FR_TENS))})(?:(?:-et-|\\s+et\\s+|-|\\s+)(?:${FR_UNIT_ALT}|onze))?|dix[-\\s](?:sept|huit|neuf)|${alt(Object.keys(FR_UNITS))})`;
const EN_UNIT_ALT = alt(Object.keys(EN_UNITS).filter((w) => EN_UNITS[w] < 10 && EN_UNITS[w] > 0));
/** English number words up to 69 ("twenty-one", "forty five"). */
export const EN_NUMBER = `(?:(?:${alt(Object.keys(EN_TENS))})(?:[-\\s](?:${EN_UNIT_ALT}))?|${alt(Object.keys(EN_UNITS))})`;

/** A number in digits (1–3 of them) or words of either language. */
export const ANY_NUMBER = `(?:\\d{1,3}|${FR_NUMBER}|${EN_NUMBER}|a\\s+couple(?:\\s+of)?)`;

/** The value of a number written in digits or words (either language), or null. */
export function wordToNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (/^a couple( of)?$/.test(s)) return 2;
  if (s in FR_UNITS) return FR_UNITS[s];
  if (s in EN_UNITS) return EN_UNITS[s];
  const dix = /^dix[- ](sept|huit|neuf)$/.exec(s);
  if (dix) return 10 + FR_UNITS[dix[1]];
  const parts = s.split(/-et-| et |-| /).filter(Boolean);
  if (parts.length === 1) return FR_TENS[parts[0]] ?? EN_TENS[parts[0]] ?? null;
  if (parts.length === 2) {
    const tens = FR_TENS[parts[0]] ?? EN_TENS[parts[0]];
    const unit = FR_UNITS[parts[1]] ?? EN_UNITS[parts[1]];
    if (tens !== undefined && unit !== undefined && unit < 12) return tens + unit;
  }
  return null;
}

const EN_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
const FR_ORDINALS: Record<string, number> = {
  premier: 1,
  première: 1,
  premiere: 1,
  deuxième: 2,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  troisième: 3,
  troisieme: 3,
  quatrième: 4,
  quatrieme: 4,
  cinquième: 5,
  cinquieme: 5,
  sixième: 6,
  sixieme: 6,
  septième: 7,
  septieme: 7,
  huitième: 8,
  huitieme: 8,
  neuvième: 9,
  neuvieme: 9,
  dixième: 10,
  dixieme: 10,
};
/** Ordinal words ("third", "twenty-first", "deuxième") and "1st", "2nd", "1er", "2e", "3ème". */
export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th|er|re|ère|e|ème|eme)|(?:twenty|thirty)[-\\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${alt([...Object.keys(EN_ORDINALS), ...Object.keys(FR_ORDINALS)])})`;

export function ordinalToNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const d = /^(\d{1,2})(?:st|nd|rd|th|er|re|ère|e|ème|eme)$/.exec(s);
  if (d) return Number(d[1]);
  if (s in EN_ORDINALS) return EN_ORDINALS[s];
  if (s in FR_ORDINALS) return FR_ORDINALS[s];
  const c = /^(twenty|thirty)[- ](\w+)$/.exec(s);
  if (c && c[2] in EN_ORDINALS) return EN_TENS[c[1]] + EN_ORDINALS[c[2]];
  return null;
}
