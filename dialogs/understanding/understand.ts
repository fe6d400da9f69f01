// One utterance in, one Understanding out. The order matters: contact details and the party
// size are read and blanked out first, so that what remains for dates and times holds no
// stray numbers ("4 personnes" is never 04:00, "four tonight" never 04:00 tonight).
import type { BookingReference, Intent, Lang, Understanding, UnderstandContext } from './types';
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
import { CHANGE_VERB, DESCRIBED, oldValueAt } from './change';
import { dietNeedOf, ingredientAsked } from './diet';
import { wordToNumber } from './numbers';

const NOT_CUES =
  /(?<![\p{L}])(?:(?:à\s+)?quelles?\s+heures?|what\s+time|may\s+(?:i|we)|heures?\s+d'ouverture|opening\s+hours)(?![\p{L}])/gu;
const HAS_NUMBER = rx(`\\d|${WB}(?:${FR_NUMBER}|${EN_NUMBER})${WE}`);
const LUNCH_WORDS =
  /(?<![\p{L}])(?:(?:le|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|aujourd'hui)\s+midi|déjeuner|dejeuner|lunch|lunchtime|brunch)(?![\p{L}])/u;

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

  let partySize = takePartySize(w, expecting !== 'time');
  if (partySize === undefined && expecting === 'partySize') {
    partySize = bareNumber(w) ?? bareRecognizedNumber(w.rest, lang);
  }

  // "on sera 6 au lieu de 4", "we'll be 5 not 4": the number after the marker is the old party.
  const oldAt = oldValueAt(w.low);
  const reference: BookingReference = {};
  if (oldAt >= 0 && partySize !== undefined) {
    const old = numberAt(w, oldAt);
    if (old !== undefined) reference.partySize = old;
  }

  const lunch = LUNCH_WORDS.test(w.low);
  const day = takeDate(w, today, lang);
  let date = day.date;
  const dateAt = w.lastIndex;
  const dateLength = w.lastLength;
  let time = takeTime(w, lunch);
  const timeAt = w.lastIndex;
  let goal = goalOf(words);
  // "are you open tomorrow? table for 3 at 7": a booking request asking the hours on the way.
  if (goal === 'hours' && partySize !== undefined && (date !== undefined || time !== undefined)) goal = 'book';
  // A change said as a fact ("on sera finalement 6 au lieu de 4", "can we push Friday to 8:30").
  // At a read-back, "non pas samedi, dimanche" corrects the request being read back.
  const change = oldAt >= 0 || first(CHANGE_VERB, w.low) !== null;
  if ((!goal || goal === 'book') && change && expecting !== 'confirm') goal = 'modify';
  const described = first(DESCRIBED, w.low) !== null;
  // "annulez celle du 12", "cancel my Saturday booking": stopping is cancelling a booking described.
  if (goal === 'abort' && (described || date !== undefined || time !== undefined) && !PREFER.test(w.low))
    goal = 'cancel';
  if (goal === 'modify') {
    // "décaler de samedi à vendredi", "move it from 8 to 9pm": the value said last is the new one,
    // the other one describes the booking; "au lieu de"/"instead of" marks the old one.
    const other = takeDate(w, today, lang).date;
    const otherAt = w.lastIndex;
    if (other !== undefined && date !== undefined) {
      const otherIsNew = otherAt > dateAt && !isOldValue(w.low, otherAt);
      reference.date = otherIsNew ? date : other;
      if (otherIsNew) date = other;
    } else if (date !== undefined && (isOldValue(w.low, dateAt) || !isNewValue(w.low, dateAt, dateLength))) {
      // "push Friday to 8:30", "we'll be 5 not 4 on Saturday", "ma réservation de samedi": the day
      // names the booking; it stays the date too (the booking keeps its day).
      reference.date = date;
    }
    const otherTime = takeTime(w, lunch);
    const otherTimeAt = w.lastIndex;
    if (otherTime !== undefined && time !== undefined) {
      const otherIsNew = otherTimeAt > timeAt && !isOldValue(w.low, otherTimeAt);
      reference.time = otherIsNew ? time : otherTime;
      if (otherIsNew) time = otherTime;
    } else if (time !== undefined && isOldValue(w.low, timeAt)) {
      reference.time = time;
      time = undefined;
    } else if (time !== undefined && oldAt > timeAt && partySize === undefined) {
      // "8:30 instead of 8", "21h au lieu de 20": the old hour said bare is in the new one's half of the day.
      const oldHour = numberAt(w, oldAt);
      if (oldHour !== undefined && oldHour <= 23) reference.time = sameHalfOfDay(oldHour, time);
    }
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

  const diet = dietNeedOf(w.low, original);
  const booking = isBookingWords(words);
  if (diet && goal === 'menu' && diet.kind === 'statement' && (facts || booking)) goal = null;
  else if (diet && !goal && !facts && (!booking || (diet.kind === 'question' && diet.dish))) goal = 'menu';
  // "anything without onions?", "y a-t-il du porc dans le bourguignon ?": a menu question too.
  const ingredient = diet ? undefined : ingredientAsked(w.low);
  if (ingredient && !goal && !facts && !booking) goal = 'menu';

  if (goal) out.intent = goal;
  // "the 8pm one", "celle de samedi": a booking described, not a new request.
  else if (described && !booking) out.intent = 'none';
  else if (expecting === 'confirm' && yn) out.intent = yn;
  else if (booking || facts) out.intent = 'book';
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
  // Which booking: the facts of a cancellation, the old values of a change, or a booking
  // described on its own ("the 8pm one", "celle de samedi").
  if (out.intent === 'cancel' || (described && out.intent !== 'modify' && out.intent !== 'book')) {
    if (date !== undefined) reference.date ??= date;
    if (time !== undefined) reference.time ??= time;
    if (partySize !== undefined) reference.partySize ??= partySize;
  }
  if (Object.keys(reference).length) out.reference = reference;
  if (diet) out.diet = diet;
  else if (ingredient && out.intent === 'menu') out.ingredient = ingredient;
  return out;
}

const PREFER = /(?<![\p{L}])(?:préf[éè]r\w*|plutôt|rather|instead|prefer\w*)(?![\p{L}])/u;
// Before a new value: "à samedi", "to Friday", "pour le 12", "plutôt samedi"; after it: "instead".
const NEW_BEFORE =
  /(?:(?<![\p{L}])(?:to|à|a|au|pour|for|into|until|plutôt|rather|make\s+it|do|faire|passer\s+à)\s+(?:le\s+|la\s+|the\s+|ce\s+|this\s+|next\s+|on\s+)?)$/u;
// "on Saturday instead of 4": the party is replaced, the day stays (it names the booking).
const NEW_AFTER =
  /^\s*(?:instead|plutôt|à\s+la\s+place|rather)(?![\p{L}])(?!\s+(?:of|than|que)\s+\d{1,2}(?![\d:.h]|\s*[ap]m))/u;
/** In a change, whether the date at `at` is the new one rather than the booking's own. */
function isNewValue(low: string, at: number, length: number): boolean {
  return (
    NEW_BEFORE.test(low.slice(Math.max(0, at - 20), at)) || NEW_AFTER.test(low.slice(at + length, at + length + 20))
  );
}

/** The number at `at` (the old party of a change), blanked when read. */
function sameHalfOfDay(hour: number, like: string): string {
  const pm = Number(like.slice(0, 2)) >= 12 && hour < 12;
  return `${String(pm ? hour + 12 : hour).padStart(2, '0')}:00`;
}

function numberAt(w: Work, at: number): number | undefined {
  const m = NUMBER_HERE.exec(w.rest.slice(at));
  if (!m) return undefined;
  const n = wordToNumber(m[1]);
  if (n === null || n < 1 || n > 99) return undefined;
  w.mask(at, m[0].length);
  return n;
}
const NUMBER_HERE = rx(
  `^(${FR_NUMBER}|${EN_NUMBER}|\\d{1,2})(?:\\s+(?:personnes?|people|guests?|couverts?))?(?![\\p{L}\\p{N}:h])`,
  'iu',
);

const INSTEAD_OF =
  /(?:au\s+lieu\s+d[eu']?|instead\s+of|rather\s+than|plutôt\s+(?:\S+\s+)?que(?:\s+d[eu'])?)\s*(?:le\s+|la\s+|the\s+|à\s+|at\s+)?$/u;
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
