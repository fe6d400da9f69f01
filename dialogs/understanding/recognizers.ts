// The Microsoft recognizers (date-time, number, choice), used where the fast grammar of when.ts
// has left date or time cues unread ("dans quinze jours", "Christmas Eve", "the last Friday of
// the month"), for numbers in unusual words, and for yes/no words outside our lists.
// Each model is built once per culture (building compiles hundreds of regexes), and the
// date-time results are cached: a warm French parse still costs tens of milliseconds.
import { Culture, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { NumberRecognizer } from '@microsoft/recognizers-text-number';
import { ChoiceRecognizer } from '@microsoft/recognizers-text-choice';
import type { Lang } from './types';
import type { LocalNow } from './calendar';
import { clockTime } from './when';

const CULTURE: Record<Lang, string> = { fr: Culture.French, en: Culture.English };

type DateTimeModel = ReturnType<DateTimeRecognizer['getDateTimeModel']>;
type NumberModel = ReturnType<NumberRecognizer['getNumberModel']>;
type BooleanModel = ReturnType<ChoiceRecognizer['getBooleanModel']>;

const dateTimeModels = new Map<Lang, DateTimeModel>();
const numberModels = new Map<Lang, NumberModel>();
const booleanModels = new Map<Lang, BooleanModel>();

function dateTimeModel(lang: Lang): DateTimeModel {
  let m = dateTimeModels.get(lang);
  if (!m) {
    m = new DateTimeRecognizer(CULTURE[lang]).getDateTimeModel();
    dateTimeModels.set(lang, m);
  }
  return m;
}
function numberModel(lang: Lang): NumberModel {
  let m = numberModels.get(lang);
  if (!m) {
    m = new NumberRecognizer(CULTURE[lang]).getNumberModel();
    numberModels.set(lang, m);
  }
  return m;
}
function booleanModel(lang: Lang): BooleanModel {
  let m = booleanModels.get(lang);
  if (!m) {
    m = new ChoiceRecognizer(CULTURE[lang]).getBooleanModel();
    booleanModels.set(lang, m);
  }
  return m;
}

/** Words that show a date or a time is still there to read after the fast grammar. */
export const DATE_CUES =
  /(?<![\p{L}])(?:(?:janv|f[ée]vr|avril|juil|ao[uû]t|septem|octob|novem|d[ée]cem|janua|febru|april|june|july|augus|semaine|week|no[eë]l|christmas|nouvel|new\s+year|p[âa]ques|easter|valentin|saint|mois|month|quinzaine|fortnight|d[ée]but|beginning|premier|first|last|dernier)\p{L}*|(?:mars|mai|may|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|jours?|days?|fin|end)(?![\p{L}])|\d{1,2}(?:st|nd|rd|th|er|e)(?![\p{L}])|\d{1,2}[/.]\d{1,2})/iu;
export const TIME_CUES =
  /(?<![\p{L}])(?:heures?|\d{1,2}\s*h|\d:\d\d|o'clock|quart|quarter|demie?|half|am|pm)(?![\p{L}])/iu;

interface Resolved {
  date?: string;
  time?: string;
}

const cache = new Map<string, Resolved>();
const CACHE_SIZE = 500;

interface ResolutionValue {
  type?: string;
  value?: string;
}

function valuesOf(resolution: { [key: string]: unknown } | undefined): ResolutionValue[] {
  const values = resolution?.values;
  return Array.isArray(values) ? (values as ResolutionValue[]) : [];
}

/**
 * Dates and times the recognizer finds in `text`, read with the restaurant's wall clock as
 * reference. The recognizer works on naive local times (it reads a Date's local getters), so
 * the reference is the restaurant's local wall clock built as a process-local Date, and its
 * answers ("2026-12-03 20:30:00") are wall-clock strings in the restaurant's zone as they are.
 */
export function recognizeWhen(text: string, lang: Lang, today: LocalNow, lunch: boolean): Resolved {
  const key = `${lang}|${today.date}|${lunch ? 1 : 0}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const reference = new Date(today.year, today.month - 1, today.day, today.hour, today.minute);
  const out: Resolved = {};
  let results: ReturnType<DateTimeModel['parse']> = [];
  try {
    results = dateTimeModel(lang).parse(text, reference);
  } catch {
    results = [];
  }
  for (const r of results) {
    const values = valuesOf(r.resolution);
    for (const v of values) {
      if (!v.value || !v.type) continue;
      if (v.type === 'date' && !out.date && v.value >= today.date) out.date = v.value;
    }
    const times = values.filter((v) => v.type === 'time' || v.type === 'datetime');
    const future = times.filter((v) => v.type === 'time' || (v.value ?? '').slice(0, 10) >= today.date);
    if (future.length && !out.time) {
      const v = future[0].value as string;
      const [date, clock] = v.includes(' ') ? v.split(' ') : [undefined, v];
      const [h, m] = clock.split(':').map(Number);
      // Two readings (07:30 and 19:30) mean the words did not say: apply the restaurant rule.
      const ambiguous = new Set(future.map((x) => (x.value ?? '').split(' ').pop())).size > 1;
      out.time = ambiguous
        ? clockTime(h % 12 === 0 && h !== 12 ? 12 : h, m, null, lunch)
        : clockTime(h, m, h >= 12 ? 'pm' : 'am');
      if (date && !out.date) out.date = date;
    }
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, out);
  return out;
}

/** The first whole number the number recognizer reads ("quatre-vingts", "a dozen"). */
export function recognizeNumber(text: string, lang: Lang): number | undefined {
  try {
    for (const r of numberModel(lang).parse(text)) {
      const value = Number((r.resolution as { value?: string } | undefined)?.value);
      if (Number.isInteger(value)) return value;
    }
  } catch {
    /* a recognizer failure is just "no number" */
  }
  return undefined;
}

/** Yes or no per the choice recognizer ("ouais", "nope", "d'accord"), or undefined. */
export function recognizeYesNo(text: string, lang: Lang): 'yes' | 'no' | undefined {
  try {
    const r = booleanModel(lang).parse(text)[0];
    const value = (r?.resolution as { value?: boolean } | undefined)?.value;
    if (value === true) return 'yes';
    if (value === false) return 'no';
  } catch {
    /* no answer */
  }
  return undefined;
}

let warm = false;
/** Builds every model and runs each once: the first French parse compiles regexes for seconds. */
export function warmRecognizers(): void {
  if (warm) return;
  warm = true;
  const today: LocalNow = { date: '2026-01-05', weekday: 1, year: 2026, month: 1, day: 5, hour: 12, minute: 0 };
  recognizeWhen('réserver le 3 décembre à vingt heures trente dans quinze jours', 'fr', today, false);
  recognizeWhen('book for Christmas Eve at half past seven in two weeks', 'en', today, false);
  cache.clear();
  recognizeNumber('quatre-vingts', 'fr');
  recognizeNumber('a dozen', 'en');
  recognizeYesNo('ouais', 'fr');
  recognizeYesNo('yeah', 'en');
}
