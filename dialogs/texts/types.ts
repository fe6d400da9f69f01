// The message catalogue's shape. fr.ts and en.ts both implement `Texts`, so a key missing in
// one language fails the type check. Each phrase may carry a `voice` variant: short
// sentences, no symbols, for text-to-speech on the phone (it becomes the activity's `speak`).
import type { Allergen, Alternative, Diet, Language } from '../../booking-core';

export interface Said {
  text: string;
  /** Ear-friendly variant for the voice channel; `text` (cleaned of symbols) is used when absent. */
  voice?: string;
}

/** What a read-back or a summary of a booking needs. */
export interface BookingFacts {
  partySize: number;
  date: string;
  time: string;
  name?: string;
}

export interface ServiceHours {
  open: string;
  close: string;
  lastSeating: string;
}

export interface DayHours {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  services: ServiceHours[];
}

export interface MenuLine {
  section: string;
  /** Prices already written for the reader ("22 €", "€22"). */
  dishes: Array<{ name: string; price: string }>;
}

export type Refusal =
  | 'closed'
  | 'past_time'
  | 'too_far'
  | 'too_soon'
  | 'outside_hours'
  | 'no_table_that_day'
  | 'invalid_date';

export interface Texts {
  lang: Language;
  locale: 'fr-FR' | 'en-US';

  // Formatting: how this language says a day, a time, a party.
  day(date: string, today: string): string;
  time(time: string, voice: boolean): string;
  when(date: string, time: string, today: string, voice: boolean): string;
  party(n: number): string;

  // Opening and general
  /** Opens with the disclosure; its voice variant also says what the keypad does (0, digits). */
  greeting(restaurant: string): Said;
  howCanIHelp: Said;
  /** A guest who gave their name before anything else. */
  helloName(name: string): Said;
  anythingElse: Said;
  help: Said;
  helpInBooking: Said;
  didNotUnderstand: Said;
  didNotUnderstandRoot: Said;
  youAreWelcome: Said;
  goodbye: Said;
  switchedLanguage: Said;
  startOver: Said;
  abandoned: Said;
  nothingToAbort: Said;

  // Booking questions, each with its key word (personnes/people, jour/day, heure/time, nom/name,
  // téléphone/phone) so that a reader of the reply knows what is asked.
  askParty: Said;
  askDate: Said;
  askTime(partOfDay: 'lunch' | 'dinner' | undefined, hours: string): Said;
  askName: Said;
  /** The WhatsApp profile name offered as the booking's name. */
  askNameOffer(name: string): Said;
  askPhone: Said;
  readBack(f: BookingFacts, today: string, voice: boolean): Said;
  confirmed(f: BookingFacts, today: string, voice: boolean): Said;
  askWhatToChange: Said;
  released: Said;

  // Booking problems
  refused(
    reason: Refusal,
    ctx: { date?: string; time?: string; today: string; hours: string; horizonDays: number; minNotice: number },
  ): Said;
  taken(f: { date: string; time: string }, today: string): Said;
  offer(alternatives: Alternative[], requestedDate: string, today: string, voice: boolean): Said;
  noAlternative: Said;
  /** No table left today for a guest who writes: tonight's waitlist is offered (yes or no). */
  offerWaitlist: Said;
  largeParty(max: number): Said;
  holdLost: Said;
  invalidName: Said;
  /** A number that cannot be a guest's (premium rate, satellite, invalid): another is asked for. */
  invalidPhone: Said;
  /** The guest's number or email already has as many bookings to come as one guest may have. */
  tooManyBookings: Said;
  /** Too many bookings were made from this connection in the last hour. */
  tooManyAttempts: Said;

  // Change and cancel
  noBookingFound(phone: string): Said;
  foundOne(f: BookingFacts, today: string, voice: boolean): Said;
  whichBooking(list: BookingFacts[], today: string, voice: boolean): Said;
  /** Several bookings fit what the guest said of the one they mean: only those are listed. */
  whichMatching(list: BookingFacts[], today: string, voice: boolean): Said;
  /** None of the guest's bookings fits what they said of it (all are listed next). */
  noneMatching: Said;
  askChange: Said;
  /** What changes, against what it was ("6 personnes au lieu de 4"). */
  readBackChange(before: BookingFacts, after: BookingFacts, today: string, voice: boolean): Said;
  modified(f: BookingFacts, today: string, voice: boolean): Said;
  confirmCancel(f: BookingFacts, today: string, voice: boolean): Said;
  cancelled(f: BookingFacts, today: string, voice: boolean): Said;
  keptBooking: Said;

  // Information
  hours(days: DayHours[], voice: boolean): Said;
  address(address: string, phone: string, voice: boolean): Said;
  menu(lines: MenuLine[], voice: boolean): Said;
  /** A question about an ingredient the menu's data does not track: who can answer it. */
  ingredientUnknown(ingredient: string, phone: string): Said;
  /** A dish asked about: yes or no for each diet asked, contains or not for each allergen asked. */
  dishFacts(
    dish: string,
    diets: { diet: Diet; yes: boolean }[],
    allergens: { allergen: Allergen; contains: boolean }[],
  ): Said;
  /** The dishes that suit the diets and hold none of the allergens asked about (none: said so). */
  dishesSuiting(diets: Diet[], allergens: Allergen[], dishes: string[]): Said;
  /** The dishes that hold an allergen the guest has (none: said so). */
  dishesToAvoid(allergens: Allergen[], dishes: string[]): Said;
  /** A dish the guest named that the menu does not have. */
  dishNotOnMenu(dish: string): Said;
  /** An allergy or diet told: noted (on the booking when one is being made or was made). */
  dietNoted(diets: Diet[], allergens: Allergen[], onBooking: boolean): Said;
  /** Ends every diet answer: the kitchen confirms allergies on site. */
  kitchenConfirms: Said;
  /** The line of a booking's notes for the staff: `${dietNoteLabel} …`. */
  dietNote(diets: Diet[], allergens: Allergen[]): string;
  dietNoteLabel: string;
  /** Short service hours, e.g. "12 h–13 h 30 and 19 h–22 h", used in questions and refusals. */
  seatingHours(days: ServiceHours[], voice: boolean): string;

  // A person
  handoff(reason: 'requested' | 'large_party' | 'misunderstood', voice: boolean): Said;

  // Disclosure: the first sentence a guest reads or hears in a conversation says that an automated
  // assistant answers and that a person can be asked for (the greeting opens with the same words).
  disclosure: Said;
}
