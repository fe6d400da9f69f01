// What the bot remembers about a conversation between turns, beside the dialog stack.
// Kept in ConversationState (persisted through the store), so a restarted server goes on.
import type { Allergen, Diet, Language } from '../booking-core';
import type { Expecting } from './understanding';

export interface ConversationProfile {
  /** The conversation's language; null until the first message or greeting sets it. */
  lang: Language | null;
  /** Whether the guest's own words (not a channel's guess) chose the language. */
  langFromWords: boolean;
  /** What the last question asked for, so a bare answer ("4", "Dupont") is read right. */
  expecting: Expecting | null;
  /** Misunderstandings in a row; three hand the guest to a person. */
  misses: number;
  greeted: boolean;
  /** Whether the guest has been told they talk to an automated assistant (the first reply says it). */
  disclosed?: boolean;
  /** When the guest last wrote or spoke (ISO): a conversation left for hours starts afresh. */
  lastAt?: string;
  /** The name the guest gave, whenever they gave it ("c'est Mme Nicolas"): never asked again. */
  name?: string;
  /** The phone number given in this conversation (web chat), for a later change or cancel. */
  phone?: string;
  /** Allergens the guest declared, added to the notes of a booking made in this conversation. */
  allergies?: Allergen[];
  /** Diets the guest declared ("je suis végétarienne"), likewise. */
  diets?: Diet[];
  /** The booking made in this conversation, so an allergy declared afterwards reaches its notes. */
  bookedId?: string;
}

export function newProfile(): ConversationProfile {
  return { lang: null, langFromWords: false, expecting: null, misses: 0, greeted: false };
}

/** What the bot remembers about a guest across conversations (their language). */
export interface GuestProfile {
  lang?: Language;
}
