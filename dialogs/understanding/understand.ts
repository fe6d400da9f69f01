// One utterance in, one Understanding out. The order matters: contact details and the party
// size are read and blanked out first, so that what remains for dates and times holds no
// stray numbers ("4 personnes" is never 04:00, "four tonight" never 04:00 tonight).
import type { Lang, Understanding, UnderstandContext } from './types';
import { WB, WE, Work, first, normalise, rx, tidy } from './text';
import { EN_NUMBER, FR_NUMBER } from './numbers';
import { detectLanguage, findSwitch } from './language';
import { bareName, takeEmail, takeName, takePhone } from './contact';
import { bareNumber, takePartySize } from './party';
import { bareDay, bareTime, partOfDayIn, takeDate, takeTime } from './when';
import { localNow } from './calendar';
import { DATE_CUES, TIME_CUES, recognizeNumber, recognizeWhen, recognizeYesNo, warmRecognizers } from './recognizers';
import { choiceOf, goalOf, isBookingWords, isGreeting, isThanks, yesNoOf } from './intent';
import { prepare } from './prepare';

const NOT_CUES =
  /(?<![\p{L}])(?:(?:à\s+)?quelles?\s+heures?|what\s+time|may\s+(?:i|we)|heures?\s+d'ouverture|opening\s+hours)(?![\p{L}])/gu;
const HAS_NUMBER = rx(`\\d|${WB}(?:${FR_NUMBER}|${EN_NUMBER})${WE}`);
const LUNCH_WORDS = /(?<![\p{L}])(?:le\s+midi|ce\s+midi|déjeuner|dejeuner|lunch|lunchtime)(?![\p{L}])/u;

/** Reads one utterance. Never throws: an empty or unreadable text gives intent 'none'. */
export function understand(text: string, ctx: UnderstandContext): Understanding {
  try {
    return read(text, ctx);
  } catch {
    return { intent: 'none', language: null, switchTo: null };
  }
}

function read(text: string, ctx: UnderstandContext): Understanding {
  const original = prepare(typeof text === 'string' ? text.slice(0, 1000) : '', ctx.lang).text.slice(0, 1200);
  const w = new Work(original, normalise(original));
  const out: Understanding = { intent: 'none', language: null, switchTo: null };
  if (!w.low.trim()) return out;
  const today = localNow(ctx.now, ctx.timezone);
  const expecting = ctx.expecting;

  const email = takeEmail(w);
  const phone = takePhone(w, ctx.lang);
  const name = takeName(w, expecting === 'name');
  // Language and goals are read on the words without the name (a name is in no language).
  const words = w.rest;
  out.language = detectLanguage(words);
  const lang: Lang = out.language ?? ctx.lang;
  const sw = findSwitch(w.rest);
  if (sw) {
    out.switchTo = sw.to;
    w.mask(sw.index, sw.length);
  }

  let choice: number | undefined;
  if (expecting === 'choice') {
    const c = choiceOf(w.rest, true);
    if (c) {
      choice = c.value;
      w.mask(c.index, c.length);
    }
  }

  let partySize = takePartySize(w);
  if (partySize === undefined && expecting === 'partySize') {
    partySize = bareNumber(w) ?? bareRecognizedNumber(w.rest, lang);
  }

  const lunch = LUNCH_WORDS.test(w.low);
  const day = takeDate(w, today, lang);
  let date = day.date;
  const dateAt = w.lastIndex;
  let time = takeTime(w, lunch);
  const timeAt = w.lastIndex;
  // "décaler de samedi à vendredi", "move it from 8 to 9pm": a change means the value said last.
  const goal = goalOf(words);
  if (goal === 'modify') {
    const other = takeDate(w, today, lang).date;
    if (other !== undefined && w.lastIndex > dateAt && !isOldValue(w.low, w.lastIndex)) date = other;
    const otherTime = takeTime(w, lunch);
    if (otherTime !== undefined && w.lastIndex > timeAt && !isOldValue(w.low, w.lastIndex)) time = otherTime;
  }
  if (time === undefined && expecting === 'time') time = bareTime(w, lunch);
  if (date === undefined && expecting === 'date') date = bareDay(w, today);
  // Questions about time ("à quelle heure", "what time", "may I") are not dates or times to read.
  const cues = w.rest.replace(NOT_CUES, ' ');
  // A time word alone ("changer l'heure") is no time: the recognizer runs only with a number.
  const timeCue = time === undefined && TIME_CUES.test(cues) && first(HAS_NUMBER, cues) !== null;
  if ((date === undefined && DATE_CUES.test(cues)) || timeCue) {
    const rest = w.rest.replace(/\s+/g, ' ').trim();
    const found = recognizeWhen(rest, lang, today, lunch);
    date ??= found.date;
    time ??= found.time;
  }
  const partOfDay = time === undefined ? (day.part ?? partOfDayIn(w.low)) : undefined;

  let bare: string | undefined;
  if (
    name === undefined &&
    expecting === 'name' &&
    partySize === undefined &&
    date === undefined &&
    time === undefined &&
    !goal
  ) {
    bare = bareName(w);
  }
  if (choice === undefined && expecting !== 'choice') {
    const c = choiceOf(w.rest, false);
    if (c) choice = c.value;
  }

  let yn = yesNoOf(words)?.value;
  // A name alone is a booking fact only when it was asked for: "Bonjour, c'est Marie" greets.
  const facts =
    partySize !== undefined ||
    date !== undefined ||
    time !== undefined ||
    partOfDay !== undefined ||
    ((name ?? bare) !== undefined && (expecting === 'name' || isBookingWords(words)));
  if (yn === undefined && (expecting === 'confirm' || (!facts && words.trim().split(/\s+/).length <= 4))) {
    yn = recognizeYesNo(words, lang);
  }

  if (goal) out.intent = goal;
  else if (expecting === 'confirm' && yn) out.intent = yn;
  else if (isBookingWords(words) || facts) out.intent = 'book';
  else if (yn) out.intent = yn;
  else if (isThanks(words)) out.intent = 'thanks';
  else if (isGreeting(words)) out.intent = 'greeting';

  if (partySize !== undefined) out.partySize = partySize;
  if (date !== undefined) out.date = date;
  if (time !== undefined) out.time = time;
  if (partOfDay !== undefined) out.partOfDay = partOfDay;
  if ((name ?? bare) !== undefined) out.name = name ?? bare;
  if (phone !== undefined) out.phone = phone;
  if (email !== undefined) out.email = email;
  if (yn !== undefined) out.yesNo = yn;
  if (choice !== undefined) out.choice = choice;
  return out;
}

const INSTEAD_OF =
  /(?:au\s+lieu\s+d[eu']?|instead\s+of|rather\s+than|plutôt\s+que(?:\s+d[eu'])?)\s*(?:le\s+|la\s+|the\s+|à\s+|at\s+)?$/u;
/** "à 21h au lieu de 20h": the value after "au lieu de" / "instead of" is the one being replaced. */
function isOldValue(low: string, at: number): boolean {
  return INSTEAD_OF.test(low.slice(Math.max(0, at - 30), at).trimEnd());
}

/** "quatre-vingts", "a dozen": words our own list does not have, when a number is awaited. */
function bareRecognizedNumber(rest: string, lang: Lang): number | undefined {
  if (!/\p{L}/u.test(rest)) return undefined;
  const n = recognizeNumber(rest, lang);
  return n !== undefined && n >= 1 && n <= 99 ? n : undefined;
}

export interface WarmUpOptions {
  /**
   * Also build and run the Microsoft recognizers (seconds of CPU: the French date-time and
   * number models compile hundreds of regexes on first use). Default: yes, except inside
   * `node --test` (NODE_TEST_CONTEXT), where each test file would pay it again; there the
   * models load on first use, which only the rare utterances of the fallback path need.
   */
  recognizers?: boolean;
}

/** Run at start-up: compiles our own grammar, and loads the recognizer models once. */
export function warmUp(options: WarmUpOptions = {}): void {
  const ctx = { lang: 'fr' as const, now: new Date(), timezone: 'Europe/Paris' };
  for (const [text, lang] of WARM_SENTENCES) understand(text, { ...ctx, lang });
  if (options.recognizers ?? !process.env.NODE_TEST_CONTEXT) warmRecognizers();
}

const WARM_SENTENCES: [string, Lang][] = [
  ['Bonjour, je voudrais réserver pour 4 personnes demain à 19h30 au nom de Dupont', 'fr'],
  ["On sera huit samedi prochain vers vingt heures et demie, c'est Marie, 06 12 34 56 78", 'fr'],
  ['le 3 décembre à midi et quart pour deux, annuler ma réservation, oui merci', 'fr'],
  ['Hi, a table for two next Saturday at half past seven under Smith', 'en'],
  ["party of 6 on December 3rd at 8:15pm, my name is John, it's fine, the second one", 'en'],
];
