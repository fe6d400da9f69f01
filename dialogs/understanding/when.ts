// Dates and times in the words restaurant guests use, French and English. This is the fast
// path: a handful of native regexes (microseconds) instead of the recognizers' hundreds
// (tens of milliseconds per utterance). What it cannot read is left in the text for the
// Microsoft recognizers (recognizers.ts), which run only when date or time cues remain.
import { EN_NUMBER, FR_NUMBER, ORDINAL, ordinalToNumber, wordToNumber } from './numbers';
import { WB, WE, rx, first, type Work } from './text';
import type { Lang } from './types';
import { addDays, dayMonthDate, dayOfMonthDate, type LocalNow, pad2, weekdayDate, weekdayDayDate } from './calendar';

export type PartOfDay = 'lunch' | 'dinner';
type Marker = 'am' | 'pm' | null;

export interface When {
  date?: string;
  time?: string;
  partOfDay?: PartOfDay;
}

// ---- Hours: the restaurant rule -------------------------------------------------------
/**
 * Restaurant-sensible clock: an hour without am/pm is read as a meal time. 13–23 stay, 12 is
 * noon, 1–11 are afternoon or evening (19:00 for "7"), except 10 and 11 at lunch ("11h30 le
 * midi"). "du matin", "am", "in the morning" keep the morning; "12am" and "minuit" are 00:00.
 */
export function clockTime(hour: number, minute: number, marker: Marker, lunch = false): string | undefined {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute < 0 || minute > 59 || hour < 0 || hour > 24)
    return undefined;
  let h = hour;
  if (marker === 'am') h = hour === 12 ? 0 : hour;
  else if (marker === 'pm') h = hour < 12 ? hour + 12 : hour;
  else if (hour >= 1 && hour <= 11 && !(lunch && hour >= 10)) h = hour + 12;
  if (h === 24) h = 0;
  if (h > 23) return undefined;
  return `${pad2(h)}:${pad2(minute)}`;
}

const MORNING = `(?:du\\s+matin|le\\s+matin|am|a\\.m\\.?|in\\s+the\\s+morning)`;
const EVENING = `(?:du\\s+soir|le\\s+soir|de\\s+l'après-midi|de\\s+l'apres-midi|de\\s+l'aprem|pm|p\\.m\\.?|in\\s+the\\s+(?:evening|afternoon)|at\\s+night|tonight|this\\s+evening|ce\\s+soir)`;
const MARKER = `(?:\\s*(${MORNING}|${EVENING}))?`;
function markerOf(s: string | undefined): Marker {
  if (!s) return null;
  return new RegExp(`^${MORNING}$`, 'iu').test(s.trim()) ? 'am' : 'pm';
}

const HOUR_WORD = `(?:\\d{1,2}|${FR_NUMBER}|${EN_NUMBER})`;
const MIN_WORD = `(?:\\d{2}|${FR_NUMBER}|${EN_NUMBER})`;

interface TimeRule {
  /** Tier 1: the words say it is a clock time (19h30, 8pm, midi, heures). Tier 2: a bare number after "at"/"à"… */
  tier: 1 | 2;
  re: RegExp;
  read: (m: RegExpExecArray, lunch: boolean) => string | undefined;
}

const num = (s: string | undefined) => (s === undefined ? null : wordToNumber(s));

const TIME_RULES: TimeRule[] = [
  // 19h30, 20h, 20 h 15, 8h du soir, 20:15, 8:30pm, 20 heures 30
  {
    tier: 1,
    re: rx(
      `${WB}(\\d{1,2})\\s*(?:h|:|heures?|\\.(?=(?:00|15|30|45)(?![\\p{N}])))(?:\\s*(\\d{2})(?![\\p{N}])|\\s*(et\\s+demie?|et\\s+quart|moins\\s+(?:le\\s+)?quart))?(?:(?<=\\p{N})|${WE})(?:\\s*(?:pile|précises?))?${MARKER}`,
    ),
    read: (m, lunch) =>
      m[3]
        ? minuteTail(Number(m[1]), m[3], markerOf(m[4]), lunch)
        : clockTime(Number(m[1]), m[2] ? Number(m[2]) : 0, markerOf(m[4]), lunch),
  },
  // 8pm, 8 p.m., 7.30pm
  {
    tier: 1,
    re: rx(`(?<![\\p{L}\\p{N}:.])(\\d{1,2})(?:[.](\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)(?![\\p{L}])`),
    read: (m, lunch) => clockTime(Number(m[1]), m[2] ? Number(m[2]) : 0, markerOf(m[3]), lunch),
  },
  // midi, midi et demi, midi trente, minuit; noon, midday, midnight — "midi" only after à/vers
  // or with minutes (a bare "samedi midi" is lunch, not 12:00 sharp).
  {
    tier: 1,
    re: rx(
      `(?:${WB}(?:à|a|vers|pour|aux\\s+alentours\\s+de|autour\\s+de)\\s{1,2}midi(?:\\s+(et\\s+demie?|et\\s+quart|moins\\s+(?:le\\s+)?quart|${MIN_WORD}))?|${WB}midi\\s+(et\\s+demie?|et\\s+quart|moins\\s+(?:le\\s+)?quart|${MIN_WORD}|pile))${WE}`,
    ),
    read: (m) => {
      const tail = (m[1] ?? m[2] ?? '').trim();
      return minuteTail(12, tail, 'pm');
    },
  },
  { tier: 1, re: rx(`${WB}(?:(?:at|around|about|by)\\s+)?(?:noon|midday)${WE}`), read: () => '12:00' },
  { tier: 1, re: rx(`${WB}(?:à\\s+|at\\s+|vers\\s+)?(?:minuit|midnight)${WE}`), read: () => '00:00' },
  // half past seven, quarter past eight, quarter to nine
  {
    tier: 1,
    re: rx(`${WB}(half|(?:a\\s+)?quarter)\\s+(past|after|to)\\s+(${HOUR_WORD})${WE}${MARKER}`),
    read: (m, lunch) => {
      const h = num(m[3]);
      if (h === null) return undefined;
      const mins = m[1] === 'half' ? 30 : 15;
      if (m[2] === 'to') return clockTime(h === 1 ? 12 : h - 1, 60 - mins, markerOf(m[4]), lunch);
      return clockTime(h, mins, markerOf(m[4]), lunch);
    },
  },
  // British "half seven" (7:30)
  {
    tier: 1,
    re: rx(`${WB}half\\s+(${HOUR_WORD})${WE}${MARKER}`),
    read: (m, lunch) => {
      const h = num(m[1]);
      return h === null || h > 12 ? undefined : clockTime(h, 30, markerOf(m[2]), lunch);
    },
  },
  // "8 30", "19 45": an hour and a quarter-hour said without a separator (voice transcripts)
  {
    tier: 2,
    re: rx(`${WB}([01]?\\d|2[0-3])\\s+(00|15|30|45)${WE}(?!\\s*(?:personnes?|people|couverts?|guests?|min))${MARKER}`),
    read: (m, lunch) => clockTime(Number(m[1]), Number(m[2]), markerOf(m[3]), lunch),
  },
  // vingt heures trente, seize heures, huit heures et demie, 8 heures moins le quart
  {
    tier: 1,
    re: rx(
      `${WB}(${HOUR_WORD})\\s+heures?(?:\\s+(et\\s+demie?|et\\s+quart|moins\\s+(?:le\\s+)?quart|moins\\s+${MIN_WORD}|${MIN_WORD}))?${WE}${MARKER}`,
    ),
    read: (m, lunch) => {
      const h = num(m[1]);
      return h === null ? undefined : minuteTail(h, (m[2] ?? '').trim(), markerOf(m[3]), lunch);
    },
  },
  // at seven thirty, around 9 in the evening, at 8, vers 9, à huit heures (words handled above)
  {
    tier: 2,
    re: rx(
      `(?:${WB}(?:at|around|about|by|from|à|a|vers|aux\\s+alentours\\s+de|autour\\s+de|pour|for)|@)\\s*(?<=\\s|@)(?!une?${WE})(${HOUR_WORD})(?:[\\s-]+(fifteen|thirty|forty[-\\s]five|quarante[-\\s]cinq|trente|quinze|\\d{2}|oh?\\s+five))?(?:\\s+o'clock)?${WE}(?!\\s*(?:h(?![\\p{L}])|heures?|[:.]\\d))${MARKER}(?!\\s*(?:personnes?|people|persons?|guests?|of\\s+us|couverts?|jours?|days?|weeks?|semaines?|mois|months?|ans|years?))`,
    ),
    read: (m, lunch) => {
      const h = num(m[1]);
      if (h === null || h > 24) return undefined;
      const mm = m[2] ? minuteWord(m[2]) : 0;
      return mm === null ? undefined : clockTime(h, mm, markerOf(m[3]), lunch);
    },
  },
  // seven thirty, 8 o'clock, 9 in the evening, huit du soir (no preposition)
  {
    tier: 2,
    re: rx(`${WB}(${HOUR_WORD})(?:[\\s-]+(fifteen|thirty|forty[-\\s]five)|\\s+(o'clock))${WE}${MARKER}`),
    read: (m, lunch) => {
      const h = num(m[1]);
      const mm = m[2] ? minuteWord(m[2]) : 0;
      return h === null || mm === null ? undefined : clockTime(h, mm, markerOf(m[4]), lunch);
    },
  },
  // "friday night 8", "tonight 9.30", "samedi soir 8": an evening hour right after the evening
  {
    tier: 2,
    re: rx(
      `${WB}(?:tonight|night|evening|eve|dinner|soir|dîner)\\s*,?\\s+([5-9]|1[01])(?:[.:](\\d{2}))?${WE}` +
        `(?!\\s*(?:personnes?|people|persons?|guests?|of\\s+us|couverts?|pax|h(?![\\p{L}])|heures?))`,
    ),
    read: (m, lunch) => clockTime(Number(m[1]), m[2] ? Number(m[2]) : 0, 'pm', lunch),
  },
  {
    tier: 2,
    re: rx(`${WB}(${HOUR_WORD})\\s+(${MORNING}|${EVENING})${WE}`),
    read: (m, lunch) => {
      const h = num(m[1]);
      return h === null || h > 12 ? undefined : clockTime(h, 0, markerOf(m[2]), lunch);
    },
  },
];

function minuteWord(s: string): number | null {
  const t = s.trim().replace(/^oh?\s+/, '');
  const n = wordToNumber(t.replace(/\s+/g, '-'));
  return n ?? wordToNumber(t);
}

/** "et demie" → :30, "et quart" → :15, "moins le quart" → previous hour :45, "trente" → :30. */
function minuteTail(hour: number, tail: string, marker: Marker, lunch = false): string | undefined {
  if (!tail || tail === 'pile') return clockTime(hour, 0, marker, lunch);
  if (/^et\s+demie?$/.test(tail)) return clockTime(hour, 30, marker, lunch);
  if (/^et\s+quart$/.test(tail)) return clockTime(hour, 15, marker, lunch);
  const before = /^moins\s+(?:le\s+quart|(.+))$/.exec(tail);
  if (before) {
    const mins = before[1] ? wordToNumber(before[1]) : 15;
    if (mins === null || mins >= 60) return undefined;
    const t = clockTime(hour, 0, marker, lunch);
    if (!t) return undefined;
    const total = (Number(t.slice(0, 2)) * 60 + 1440 - mins) % 1440;
    return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`;
  }
  const mins = minuteWord(tail);
  return mins === null ? undefined : clockTime(hour, mins, marker, lunch);
}

export function takeTime(w: Work, lunch: boolean): string | undefined {
  // The earliest clear clock time wins ("entre 19h et 20h" is 19:00); a bare number after a
  // preposition counts only when no clear one was said ("at 7.45pm" is not "at 7").
  let best: { tier: number; index: number; length: number; time: string } | null = null;
  for (const rule of TIME_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(w.rest); m; m = rule.re.exec(w.rest)) {
      const time = rule.read(m, lunch);
      if (time && (!best || rule.tier < best.tier || (rule.tier === best.tier && m.index < best.index))) {
        best = { tier: rule.tier, index: m.index, length: m[0].length, time };
      }
      if (time) break;
    }
    rule.re.lastIndex = 0;
  }
  if (!best) return undefined;
  w.mask(best.index, best.length);
  return best.time;
}

const BARE_TIME = rx(
  `^\\s*(?:(?:à|a|vers|at|around|about|for|pour)\\s+)?(${HOUR_WORD})(?:[\\s:.h]+(${MIN_WORD}))?${MARKER}\\s*[.!?]*\\s*$`,
);

/** After "what time?": a bare "4" is 16:00, "8 30" is 20:30, "huit" is 20:00. */
export function bareTime(w: Work, lunch: boolean): string | undefined {
  const m = first(BARE_TIME, w.rest);
  if (!m) return undefined;
  const h = num(m[1]);
  const mm = m[2] ? minuteWord(m[2]) : 0;
  if (h === null || mm === null) return undefined;
  const t = clockTime(h, mm, markerOf(m[3]), lunch);
  if (t) w.maskMatch(m);
  return t;
}

// ---- Dates ------------------------------------------------------------------------------
const WEEKDAYS: Record<string, number> = {
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const WEEKDAY = `(${Object.keys(WEEKDAYS).join('|')})`;

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  février: 2,
  fevrier: 2,
  févr: 2,
  fevr: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  déc: 12,
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY_NUM = `(\\d{1,2}|1er|premier|${ORDINAL}|${FR_NUMBER}|${EN_NUMBER})`;
const YEAR = `(?:,?\\s+(\\d{4}))?`;

function dayValue(s: string): number | null {
  return ordinalToNumber(s) ?? wordToNumber(s);
}

interface DateRule {
  re: RegExp;
  read: (m: RegExpExecArray, today: LocalNow, lang: Lang) => { date: string | null; part?: PartOfDay };
}

const DATE_RULES: DateRule[] = [
  // le 3 décembre, samedi 28 novembre 2026, 3rd of December, the 3rd December; "vingt sept" said
  // is 27, not the 20th of "sept." (September)
  {
    re: rx(
      `${WB}(?:${WEEKDAY},?\\s+)?(?:le\\s+|the\\s+|on\\s+the\\s+)?${DAY_NUM}(?:\\s+of)?\\s+` +
        `(?!(?<=(?:vingt|trente)[-\\s]+)sept(?![\\p{L}]))${MONTH}${YEAR}${WE}`,
    ),
    read: (m, t) => ({ date: dm(t, m[2], m[3], m[4]) }),
  },
  // December 3rd, Dec 3, December the third
  {
    re: rx(`${WB}(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(?:the\\s+)?${DAY_NUM}${YEAR}${WE}`),
    read: (m, t) => ({ date: dm(t, m[3], m[2], m[4]) }),
  },
  // 2026-12-03
  { re: rx(`${WB}(\\d{4})-(\\d{2})-(\\d{2})${WE}`), read: (m, t) => ({ date: dayMonthDate(t, +m[3], +m[2], +m[1]) }) },
  // 03/12, 3/12/2026 (day first in French, month first in English unless impossible)
  {
    re: rx(`${WB}(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?${WE}`),
    read: (m, t, lang) => ({ date: numericDate(t, +m[1], +m[2], m[3] ? +m[3] : undefined, lang) }),
  },
  {
    re: rx(`${WB}(?:après[-\\s]demain|apres[-\\s]demain|(?:the\\s+)?day\\s+after\\s+tomorrow)${WE}`),
    read: (_, t) => ({ date: addDays(t.date, 2) }),
  },
  { re: rx(`${WB}(?:demain|tomorrow)${WE}`), read: (_, t) => ({ date: addDays(t.date, 1) }) },
  { re: rx(`${WB}(?:aujourd'?\\s?hui|today)${WE}`), read: (_, t) => ({ date: t.date }) },
  {
    re: rx(`${WB}(?:ce\\s+soir|tonight|this\\s+evening|ce\\s+dîner|ce\\s+diner)${WE}`),
    read: (_, t) => ({ date: t.date, part: 'dinner' }),
  },
  {
    re: rx(`${WB}(?:ce\\s+midi|this\\s+lunchtime|this\\s+noon)${WE}`),
    read: (_, t) => ({ date: t.date, part: 'lunch' }),
  },
  { re: rx(`${WB}(?:cet\\s+après-midi|cet\\s+apres-midi|this\\s+afternoon)${WE}`), read: (_, t) => ({ date: t.date }) },
  // samedi 12, Sunday the 29th: the next such day of the month, preferably on that weekday
  {
    re: rx(
      `${WB}(?:le\\s+|on\\s+)?${WEEKDAY},?\\s+(?:the\\s+|le\\s+)?(\\d{1,2}|1er|${ORDINAL})${WE}(?!\\s*(?:h(?![\\p{L}])|heures?|[:.]\\d|personnes?|people|couverts?|guests?|of\\s+us|am|pm|o'clock))`,
    ),
    read: (m, t) => {
      const d = dayValue(m[2]);
      return { date: d === null ? null : weekdayDayDate(t, WEEKDAYS[m[1]], d) };
    },
  },
  // samedi de la semaine prochaine, Saturday next week
  {
    re: rx(`${WB}(?:ce\\s+|le\\s+|on\\s+)?${WEEKDAY}\\s+(?:de\\s+la\\s+semaine\\s+prochaine|next\\s+week)${WE}`),
    read: (m, t) => ({ date: weekdayDate(t, WEEKDAYS[m[1]], 'nextWeek') }),
  },
  {
    re: rx(`${WB}(?:le\\s+)?${WEEKDAY}\\s+en\\s+huit${WE}`),
    read: (m, t) => ({ date: weekdayDate(t, WEEKDAYS[m[1]], 'inEight') }),
  },
  // samedi prochain, next Saturday, this coming Saturday
  {
    re: rx(`${WB}(?:${WEEKDAY}\\s+(?:prochain|qui\\s+vient)|next\\s+${WEEKDAY}|this\\s+coming\\s+${WEEKDAY})${WE}`),
    read: (m, t) => ({ date: weekdayDate(t, WEEKDAYS[m[1] ?? m[2] ?? m[3]], 'next') }),
  },
  // samedi, ce samedi, on Saturday, this Saturday
  {
    re: rx(`${WB}(?:ce\\s+|le\\s+|on\\s+|this\\s+)?${WEEKDAY}${WE}`),
    read: (m, t) => ({ date: weekdayDate(t, WEEKDAYS[m[1]], 'plain') }),
  },
  // dans 3 jours, in two days, dans une semaine, in a week
  {
    re: rx(`${WB}(?:dans|in)\\s+(\\d{1,2}|${FR_NUMBER}|${EN_NUMBER}|a|an)\\s+(jours?|days?|semaines?|weeks?)${WE}`),
    read: (m, t) => {
      const n = m[1] === 'a' || m[1] === 'an' ? 1 : wordToNumber(m[1]);
      if (n === null) return { date: null };
      // French idiom: "dans huit jours" is in a week, "dans quinze jours" in two weeks.
      if (/^jours?$/.test(m[2]) && (n === 8 || n === 15)) return { date: addDays(t.date, n - 1) };
      return { date: addDays(t.date, /^(semaine|week)/.test(m[2]) ? n * 7 : n) };
    },
  },
  // le 3, le 1er, le vingt-sept (a voice transcript), on the 3rd, the 21st (a day of the month alone)
  {
    re: rx(
      `${WB}(?:(?:le|du)\\s+(\\d{1,2}|1er|premier|${FR_NUMBER})|on\\s+the\\s+(\\d{1,2})|(?:on\\s+)?the\\s+(\\d{1,2}(?:st|nd|rd|th)|${ORDINAL})(?!\\s+(?:one|option|choice)))${WE}(?!\\s*(?:h(?![\\p{L}])|heures?|:|personnes?|couverts?|people|pm|am|o'clock))`,
    ),
    read: (m, t) => {
      const d = dayValue(m[1] ?? m[2] ?? m[3]);
      return { date: d === null ? null : dayOfMonthDate(t, d) };
    },
  },
];

function dm(t: LocalNow, day: string, month: string, year: string | undefined): string | null {
  const d = dayValue(day);
  const mo = MONTHS[month.replace(/\.$/, '')];
  if (d === null || !mo) return null;
  return dayMonthDate(t, d, mo, year ? Number(year) : undefined);
}

function numericDate(t: LocalNow, a: number, b: number, year: number | undefined, lang: Lang): string | null {
  const [day, month] = lang === 'en' && a <= 12 && b <= 31 ? [b, a] : [a, b];
  if (month < 1 || month > 12) return null;
  return dayMonthDate(t, day, month, year);
}

export function takeDate(w: Work, today: LocalNow, lang: Lang): { date?: string; part?: PartOfDay } {
  for (const rule of DATE_RULES) {
    const m = first(rule.re, w.rest);
    if (!m) continue;
    const got = rule.read(m, today, lang);
    if (!got.date) continue;
    w.maskMatch(m);
    return { date: got.date, part: got.part };
  }
  return {};
}

const BARE_DAY = rx(`^\\s*(?:le\\s+|the\\s+)?(\\d{1,2}|1er|${ORDINAL})\\s*[.!?]*\\s*$`);
/** After "which day?": a bare "3" or "le 3" is a day of the month. */
export function bareDay(w: Work, today: LocalNow): string | undefined {
  const m = first(BARE_DAY, w.rest);
  if (!m) return undefined;
  const d = dayValue(m[1]);
  const date = d === null ? null : dayOfMonthDate(today, d);
  if (date) w.maskMatch(m);
  return date ?? undefined;
}

// ---- Part of the day --------------------------------------------------------------------
const DINNER = rx(`${WB}(?:soir|soirée|dîner|diner|dîné|tonight|evening|dinner|night|supper)${WE}`);
const LUNCH = rx(`${WB}(?:midi|déjeuner|dejeuner|lunch|lunchtime|midday)${WE}`);

export function partOfDayIn(s: string): PartOfDay | undefined {
  const d = first(DINNER, s);
  const l = first(LUNCH, s);
  if (d && l) return d.index < l.index ? 'dinner' : 'lunch';
  return d ? 'dinner' : l ? 'lunch' : undefined;
}
