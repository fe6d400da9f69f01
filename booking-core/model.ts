// The restaurant's domain: what a restaurant is, how it seats guests, what a reservation is.

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

export type Channel = 'voice' | 'sms' | 'whatsapp' | 'webchat' | 'website' | 'dashboard';
export const CHANNELS: readonly Channel[] = ['voice', 'sms', 'whatsapp', 'webchat', 'website', 'dashboard'];

/**
 * Public statuses, plus two of the bot's own: `held`, a table kept for a guest while
 * the bot reads back, and `expired`, a hold that never became a booking (released or lapsed).
 * Staff never see those two: they were never bookings.
 */
export type ReservationStatus = 'held' | 'expired' | 'confirmed' | 'seated' | 'completed' | 'cancelled' | 'no_show';
export const PUBLIC_STATUSES: readonly ReservationStatus[] = [
  'confirmed',
  'seated',
  'completed',
  'cancelled',
  'no_show',
];
/** Statuses that occupy a table. */
export const ACTIVE_STATUSES: readonly ReservationStatus[] = ['held', 'confirmed', 'seated'];

/** 0 = Sunday … 6 = Saturday, as in JavaScript and cron. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One sitting of the day, e.g. lunch 12:00–14:30. Times are local wall-clock "HH:mm". */
export interface Service {
  /** What the service is ("lunch", "dinner" or the restaurant's own word), stable across renames. */
  name: string;
  /** The name staff read, per language, when the restaurant gave one (lunch and dinner have their own). */
  label?: { fr: string; en: string };
  open: string;
  close: string;
  /** Minutes before `close` after which no new party is seated. */
  lastSeatingMinutes: number;
}

export interface Closure {
  /** Local date YYYY-MM-DD. */
  date: string;
  reason?: string;
}

/** Turn time for parties up to `maxParty` (null: any size above the previous rule). */
export interface TurnTimeRule {
  maxParty: number | null;
  minutes: number;
}

/** Tables that can be pushed together for a larger party. */
export interface TableCombination {
  tableIds: string[];
  seatsMin: number;
  seatsMax: number;
}

/** The fourteen allergens European law asks restaurants to declare, as stored on dishes. */
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soy',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

/** Diets a dish suits, as the kitchen marks it (a vegan dish is marked vegetarian too). */
export const DIETS = ['vegetarian', 'vegan', 'gluten-free'] as const;
export type Diet = (typeof DIETS)[number];

export interface MenuDish {
  name: { fr: string; en: string };
  description?: { fr: string; en: string };
  price: number;
  allergens?: string[];
  diets?: Diet[];
}

export interface MenuSection {
  title: { fr: string; en: string };
  dishes: MenuDish[];
}

export interface BookingRules {
  slotStepMinutes: number;
  turnTimes: TurnTimeRule[];
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Largest party a guest can book alone (bot or website); above it a person takes over. */
  maxPartySize: number;
  /** Most covers allowed to start in one slot; null: no pacing. */
  maxCoversPerSlot: number | null;
  /** How long a table is held while a guest confirms. */
  holdMinutes: number;
}

export interface Restaurant {
  id: string;
  name: string;
  timezone: string;
  languages: Language[];
  defaultLanguage: Language;
  address: string;
  phone: string;
  email?: string;
  /** Services per weekday: key "0".."6". */
  services: Record<string, Service[]>;
  closures: Closure[];
  rules: BookingRules;
  tableCombinations: TableCombination[];
  menu: MenuSection[];
  /** ISO 4217 code of the menu's prices; "EUR" when not set. */
  currency?: string;
  /** Reminder times before a booking, in minutes (e.g. 120 = two hours before). */
  reminders?: { dayBeforeAt: string | null; minutesBefore: number[] };
}

export interface Table {
  id: string;
  restaurantId: string;
  name: string;
  seatsMin: number;
  seatsMax: number;
  zone: string;
  active: boolean;
}

export interface Reservation {
  id: string;
  restaurantId: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  partySize: number;
  /** ISO 8601 UTC. */
  startAt: string;
  endAt: string;
  tableIds: string[];
  status: ReservationStatus;
  channel: Channel;
  language: Language;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** Set while `status` is `held`: the hold lapses after this instant. */
  holdExpiresAt: string | null;
  /** sha256 of the guest's manage token; never leaves the server. */
  manageTokenHash: string | null;
  conversationId: string | null;
}

/** A reservation as the API sends it. */
export interface PublicReservation {
  id: string;
  restaurantId: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  partySize: number;
  startAt: string;
  endAt: string;
  tableIds: string[];
  status: ReservationStatus;
  channel: Channel;
  language: Language;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export function toPublic(r: Reservation): PublicReservation {
  return {
    id: r.id,
    restaurantId: r.restaurantId,
    customerName: r.customerName,
    customerPhone: r.customerPhone,
    customerEmail: r.customerEmail,
    partySize: r.partySize,
    startAt: r.startAt,
    endAt: r.endAt,
    tableIds: [...r.tableIds],
    status: r.status,
    channel: r.channel,
    language: r.language,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function turnMinutes(rules: BookingRules, partySize: number): number {
  const sorted = [...rules.turnTimes].sort((a, b) => (a.maxParty ?? Infinity) - (b.maxParty ?? Infinity));
  const rule = sorted.find((r) => r.maxParty === null || partySize <= r.maxParty) ?? sorted[sorted.length - 1];
  return rule ? rule.minutes : 90;
}
