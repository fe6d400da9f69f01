// One guest turn as the dialogs see it: the utterance understood once (deterministic
// recognizers, then the optional language model), the conversation's language, the texts of
// that language, and the replies of the turn gathered into one message.
import {
  localDateOf,
  normalisePhone,
  type BookingService,
  type Clock,
  type Language,
  type Restaurant,
  type WaitlistDesk,
} from '../booking-core';
import type { ReminderAnswerer } from '../booking-core/notifications/answer';
import { nameFrom } from './guest-input';
import { CATALOGUES, type Said, type Texts } from './texts';
import { newProfile, type ConversationProfile } from './profile';
import type { RestaurantSource } from './restaurant-source';
import type { IncomingActivity, OutgoingActivity, StateAccessor, TurnContext } from './turn-types';
import { understand, type Expecting, type UnderstandContext, type Understanding } from './understanding';

/** A language model's reading of free text (dialogs/understanding/llm.ts), checked like any other. */
export type LlmUnderstander = (text: string, ctx: UnderstandContext) => Promise<Partial<Understanding> | null>;

/** Everything the dialog tree is given: the booking core, a clock, state, and optionally a model. */
export interface DialogDeps {
  bookings: BookingService;
  clock: Clock;
  restaurant: RestaurantSource;
  profile: StateAccessor<ConversationProfile>;
  llm?: LlmUnderstander;
  /** How long the model may take before the deterministic reading is used alone. */
  llmTimeoutMs?: number;
  /** Answers "1"/"9" to a pending reminder (booking-core/notifications), asked before anything else. */
  reminders?: ReminderAnswerer;
  /** Tonight's waitlist, offered to a guest who writes and finds no table today (when the core allows it). */
  waitlist?: WaitlistDesk;
}

export interface Turn {
  text: string;
  u: Understanding;
  profile: ConversationProfile;
  lang: Language;
  texts: Texts;
  restaurant: Restaurant;
  now: Date;
  today: string;
  channel: string;
  voice: boolean;
  /** The guest's phone number when the channel gives it (voice, SMS, WhatsApp). */
  channelPhone: string | null;
  /** The name the guest shows on WhatsApp, when it reads as a name: offered as the booking's name. */
  profileName: string | null;
  /** Things said this turn that wait to go out with the next question or answer. */
  notes: Said[];
  /** The language changed this turn (a request to switch, or the first words). */
  switched: boolean;
}

const TURN_KEY = Symbol('maitre.turn');
const PHONE_CHANNELS = new Set(['voice', 'sms', 'whatsapp']);
const NONE: Understanding = { intent: 'none', language: null, switchTo: null };
/** On the phone keypad, 0 asks for a person, whatever was asked. */
const PERSON_KEY = '0';
const HUMAN: Understanding = { intent: 'human', language: null, switchTo: null };

/** Digits the guest keyed in on the phone (an inbound message's value `{ keys: "12" }`), or null. */
function keysOf(activity: IncomingActivity): string | null {
  const keys = (activity.value as { keys?: unknown } | undefined)?.keys;
  return activity.type === 'message' && typeof keys === 'string' && /^[0-9*#]{1,12}$/.test(keys) ? keys : null;
}

export function localeLanguage(locale: string | undefined): Language | null {
  if (!locale) return null;
  const l = locale.toLowerCase();
  return l.startsWith('fr') ? 'fr' : l.startsWith('en') ? 'en' : null;
}

/** Reads the turn once; every dialog of the tree then uses `turnOf(ctx)`. */
export async function prepareTurn(ctx: TurnContext, deps: DialogDeps): Promise<Turn> {
  const existing: Turn | undefined = ctx.turnState.get(TURN_KEY);
  if (existing) return existing;
  const [profile, restaurant] = await Promise.all([deps.profile.get(ctx, newProfile()), deps.restaurant.get()]);
  const activity = ctx.activity;
  const now = deps.clock();
  const text = activity.type === 'message' ? (activity.text ?? '').trim() : '';
  const guess: Language = profile.lang ?? localeLanguage(activity.locale) ?? restaurant.defaultLanguage;
  const keys = keysOf(activity);
  // Keys pressed where nothing particular is asked answer the first question of a booking: how many.
  const expecting: Expecting | undefined = profile.expecting ?? (keys ? 'partySize' : undefined);
  profile.expecting = null;
  const uctx: UnderstandContext = { lang: guess, now, timezone: restaurant.timezone, expecting };
  let u = keys === PERSON_KEY ? HUMAN : text ? understand(text, uctx) : NONE;
  let lang = guess;
  let switched = false;
  if (u.switchTo) {
    switched = u.switchTo !== profile.lang;
    lang = u.switchTo;
    profile.langFromWords = true;
  } else if (!profile.langFromWords && u.language) {
    switched = profile.lang !== null && u.language !== profile.lang;
    lang = u.language;
    profile.langFromWords = true;
  }
  if (lang !== guess && text) u = understand(text, { ...uctx, lang });
  if (deps.llm && text && !keys && needsModel(u, expecting, text))
    u = await withModel(u, text, { ...uctx, lang }, deps);
  if (!restaurant.languages.includes(lang) && restaurant.languages.length)
    lang = restaurant.languages.includes(restaurant.defaultLanguage)
      ? restaurant.defaultLanguage
      : restaurant.languages[0];
  profile.lang = lang;
  const channel = activity.channelId ?? 'webchat';
  const fromId = activity.from?.id ?? '';
  const turn: Turn = {
    text,
    u,
    profile,
    lang,
    texts: CATALOGUES[lang],
    restaurant,
    now,
    today: localDateOf(now, restaurant.timezone),
    channel,
    voice: channel === 'voice',
    channelPhone: PHONE_CHANNELS.has(channel) && /\d{6,}/.test(fromId) ? normalisePhone(fromId) : null,
    profileName: channel === 'whatsapp' ? profileNameOf(activity) : null,
    notes: [],
    switched,
  };
  ctx.turnState.set(TURN_KEY, turn);
  return turn;
}

function profileNameOf(activity: IncomingActivity): string | null {
  const given = (activity.channelData as { profileName?: unknown } | undefined)?.profileName;
  return typeof given === 'string' ? nameFrom(given) : null;
}

export function turnOf(ctx: TurnContext): Turn {
  const turn: Turn | undefined = ctx.turnState.get(TURN_KEY);
  if (!turn) throw new Error('prepareTurn() was not called for this turn');
  return turn;
}

/** Changes the conversation's language for the rest of the turn and after. */
export function setLanguage(turn: Turn, lang: Language): void {
  turn.lang = lang;
  turn.texts = CATALOGUES[lang];
  turn.profile.lang = lang;
}

/** The deterministic reading missed what the dialog needed: worth asking the model. */
function needsModel(u: Understanding, expecting: Expecting | undefined, text: string): boolean {
  // An answer to a yes/no or a choice that the grammar read is complete: no model round trip.
  if (expecting === 'confirm' && u.yesNo) return false;
  if (expecting === 'choice' && (u.choice !== undefined || u.yesNo || u.time)) return false;
  if (u.intent === 'none') return true;
  // A long booking request the grammar only half read ("for me and my whole tribe").
  if (
    u.intent === 'book' &&
    !expecting &&
    text.split(/\s+/).length >= 5 &&
    (u.partySize === undefined || !u.date || !u.time)
  )
    return true;
  if (!expecting || expecting === 'confirm' || expecting === 'choice') return false;
  return u[expecting] === undefined;
}

async function withModel(
  u: Understanding,
  text: string,
  ctx: UnderstandContext,
  deps: DialogDeps,
): Promise<Understanding> {
  const llm = deps.llm;
  if (!llm) return u;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.llmTimeoutMs ?? 4_000);
    });
    const extra = await Promise.race([llm(text, ctx).catch(() => null), timeout]);
    if (!extra) return u;
    // The deterministic reading wins where it found something; the model only fills gaps.
    const merged: Understanding = { ...u };
    if (u.intent === 'none' && extra.intent) merged.intent = extra.intent;
    for (const key of [
      'partySize',
      'date',
      'time',
      'partOfDay',
      'name',
      'phone',
      'email',
      'yesNo',
      'choice',
    ] as const) {
      if (merged[key] === undefined && extra[key] !== undefined && extra[key] !== null) assign(merged, key, extra[key]);
    }
    return merged;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

function assign<K extends keyof Understanding>(target: Understanding, key: K, value: Understanding[K]): void {
  target[key] = value;
}

/** Says something with the next message of this turn (one message per turn reads and sounds better). */
export function note(ctx: TurnContext, said: Said): void {
  turnOf(ctx).notes.push(said);
}

/** Sends the notes of the turn and `said` as one message; a question expects an answer. */
export async function send(
  ctx: TurnContext,
  said: Said | null,
  options: { question?: boolean; expecting?: Expecting | null } = {},
): Promise<void> {
  const turn = turnOf(ctx);
  const parts = said ? [...turn.notes, said] : [...turn.notes];
  turn.notes = [];
  if (parts.length && !turn.profile.disclosed) {
    parts.unshift(turn.texts.disclosure);
    turn.profile.disclosed = true;
  }
  if (options.expecting !== undefined) turn.profile.expecting = options.expecting;
  if (!parts.length) return;
  await ctx.sendActivity(messageOf(turn, parts, options.question ?? false));
}

/** A question: the guest's next words are read as its answer. */
export function ask(ctx: TurnContext, said: Said, expecting: Expecting | null = null): Promise<void> {
  return send(ctx, said, { question: true, expecting });
}

export function messageOf(turn: Pick<Turn, 'texts' | 'voice'>, parts: Said[], question: boolean): OutgoingActivity {
  const activity: OutgoingActivity = {
    type: 'message',
    text: plainApostrophes(parts.map((p) => p.text).join(' ')),
    locale: turn.texts.locale,
    inputHint: question ? 'expectingInput' : 'acceptingInput',
  };
  if (turn.voice) activity.speak = plainApostrophes(parts.map((p) => forTheEar(p.voice ?? p.text)).join(' '));
  return activity;
}

/**
 * The catalogues are typeset (c’est); what goes out uses the plain apostrophe: one typographic
 * character turns an SMS into UCS-2 (70 characters a part instead of 160), and readers of the
 * reply (people searching, the acceptance harness) type "c'est".
 */
export function plainApostrophes(text: string): string {
  return text.replace(/[’‘]/g, "'");
}

/** Text-to-speech reads symbols badly: say them, or drop them. */
export function forTheEar(text: string): string {
  return text
    .replace(/€\s?(\d+)/g, '$1 euros')
    .replace(/(\d+)\s?€/g, '$1 euros')
    .replace(/\s*[«»"“”]\s*/g, ' ')
    .replace(/\s+\d+\)\s+/g, ' ')
    .replace(/[()]/g, '')
    .replace(/\s*[:;]\s+/g, '. ')
    .replace(/\s+[–—-]\s+/g, ', ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
