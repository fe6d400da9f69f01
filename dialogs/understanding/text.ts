// Text helpers shared by the extractors: one normal form for matching, word boundaries that
// work with accents (JavaScript's \b does not), and masking of spans already understood so
// that a later extractor cannot read them again (the "4" of "4 personnes" is never a time).

/** Letters or digits on neither side: an accent-aware \b. Use with the `u` flag. */
export const WB = '(?<![\\p{L}\\p{N}]|\\p{L}-)';
export const WE = '(?![\\p{L}\\p{N}]|-\\p{L})';

/** Builds a case-insensitive, unicode, global regex from a source using WB/WE. */
export function rx(source: string, flags = 'giu'): RegExp {
  return new RegExp(source, flags);
}

/**
 * Same length as the input (so indices map back to the original text), lower-case, straight
 * apostrophes and quotes, plain spaces. Voice transcripts and phones send curly apostrophes
 * ("aujourd’hui") and non-breaking spaces.
 */
export function normalise(text: string): string {
  const replaced = text
    .normalize('NFC')
    .replace(/[\u2019\u2018\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u00a0\u202f\u2009\t\r\n]/g, ' ')
    .replace(/[\u2010\u2011\u2013\u2014]/g, '-');
  // "7-ish", "8ish", "seven-ish": the approximate time is the time (blanked, same length).
  // Spoken fillers ("pour euh quatre personnes") are blanked too, so patterns see through them.
  const lower = replaced
    .toLowerCase()
    .replace(/(?<=\d)\s?-?ish(?![\p{L}])|-ish(?![\p{L}])/gu, (m) => ' '.repeat(m.length))
    .replace(/(?<![\p{L}'])(?:euh+|heu+|hum+|umm*|uh+|erm+|hmm+)(?![\p{L}])/gu, (m) => ' '.repeat(m.length));
  if (lower.length === replaced.length) return lower;
  // Rare characters whose lower case is longer (İ): keep them as they are.
  let out = '';
  for (const ch of replaced) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** NFC + straight apostrophes but original case: names are taken from this form. */
export function tidy(text: string): string {
  return compact(
    text
      .normalize('NFC')
      .replace(/[\u2019\u2018\u02bc\u00b4`]/g, "'")
      .replace(/[\u00a0\u202f\u2009\t\r\n]/g, ' ')
      .replace(/[\u2010\u2011\u2013\u2014]/g, '-'),
  );
}

/**
 * The same characters, stored one byte each when they all fit (Latin-1). Text decoded from a
 * webhook's form (decodeURIComponent) is kept two bytes per character by V8 even then, and
 * the extractors' Unicode regexes run several times slower on two-byte strings. A JSON round
 * trip keeps every code unit.
 */
export function compact(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** A text being consumed: `rest` is `low` with understood spans blanked out. */
export class Work {
  rest: string;
  constructor(
    readonly original: string,
    readonly low: string,
  ) {
    this.rest = low;
  }

  /** Where the last understood span started (to tell which of two values came last). */
  lastIndex = -1;

  /** Length of the last understood span. */
  lastLength = 0;

  mask(index: number, length: number): void {
    this.lastIndex = index;
    this.lastLength = length;
    this.rest = this.rest.slice(0, index) + ' '.repeat(length) + this.rest.slice(index + length);
  }

  /** Blanks the whole match. */
  maskMatch(m: RegExpExecArray): void {
    this.mask(m.index, m[0].length);
  }
}

/** First match of a global regex in `s` (the regex's lastIndex is reset). */
export function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m;
}
