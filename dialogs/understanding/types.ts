// The understanding layer's public types: what the dialog tree gets back from one guest utterance.

import type { Allergen, Diet, Language } from '../../booking-core/model';

export type Lang = Language;

export type Intent =
  | 'book'
  | 'modify'
  | 'cancel'
  | 'hours'
  | 'address'
  | 'menu'
  | 'human'
  | 'greeting'
  | 'thanks'
  | 'help'
  | 'restart'
  | 'abort'
  | 'yes'
  | 'no'
  | 'none';

export const INTENTS: readonly Intent[] = [
  'book',
  'modify',
  'cancel',
  'hours',
  'address',
  'menu',
  'human',
  'greeting',
  'thanks',
  'help',
  'restart',
  'abort',
  'yes',
  'no',
  'none',
];

/** What the dialog is waiting for, so a bare answer ("4", "Dupont") is read right. */
export type Expecting = 'partySize' | 'date' | 'time' | 'name' | 'phone' | 'confirm' | 'choice';

export interface UnderstandContext {
  /** The conversation's current language: the recognizers of this language are tried first. */
  lang: Lang;
  /** The real instant; it is converted to the restaurant's wall clock before recognition. */
  now: Date;
  /** IANA zone of the restaurant, e.g. Europe/Paris. */
  timezone: string;
  expecting?: Expecting;
}

export interface Understanding {
  /** Main goal of the utterance (book if it carries booking facts and no other goal). */
  intent: Intent;
  /** Language detected from the words (null when unclear, e.g. "20h"). */
  language: Lang | null;
  /** Explicit request: "in English please", "en français", "parlez français". */
  switchTo: Lang | null;
  partySize?: number;
  /** YYYY-MM-DD local date in the restaurant timezone, future-biased. */
  date?: string;
  /** HH:mm 24h. */
  time?: string;
  /** "ce soir", "tonight", "midi" when no exact time. */
  partOfDay?: 'lunch' | 'dinner';
  name?: string;
  /** E.164 when a phone number is given. */
  phone?: string;
  email?: string;
  yesNo?: 'yes' | 'no';
  /** "the second one", "le 2", "1". */
  choice?: number;
  /**
   * Which existing booking the guest means, from what they said about it: "cancel my Saturday
   * booking" (date), "annulez celle du 12" (date), "the 8pm one" (time), "we'll be 5 not 4"
   * (partySize 4: the value being replaced). Only with the goals cancel and modify, or a bare
   * description of a booking ("the 8pm one", "celle de samedi"). The facts above (partySize,
   * date, time) stay the values the guest wants; a value that only identifies the booking
   * ("push Friday to 8:30": Friday) is in `reference` alone.
   */
  reference?: BookingReference;
  /** A question or a statement about diets and allergies ("vous avez des plats végétariens ?"). */
  diet?: DietNeed;
  /** A menu question about an ingredient the menu does not track ("sans porc ?" → "porc"). */
  ingredient?: string;
}

export interface BookingReference {
  /** YYYY-MM-DD. */
  date?: string;
  /** HH:mm. */
  time?: string;
  partySize?: number;
}

export interface DietNeed {
  /**
   * 'question': the guest asks whether something suits ("is the risotto gluten-free?");
   * 'statement': the guest tells a need to note ("je suis allergique aux noix").
   */
  kind: 'question' | 'statement';
  /** Diets asked for or declared, in the menu's own tags. */
  diets: Diet[];
  /** Allergens named, in the menu's own allergen keys. */
  allergens: Allergen[];
  /** The dish as the guest named it ("risotto", "la tarte"), for the dialog to match on the menu. */
  dish?: string;
}
