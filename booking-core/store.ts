// The store port: everything the product keeps, whatever the database. Two stores implement
// it (embedded SQLite, MongoDB) and pass one contract suite (test/booking-core/stores/store-contract).
import type { CallbackStore } from './callbacks';
import type { SlotClaim } from './claims';
import type { Reservation, ReservationStatus, Restaurant, Table } from './model';
import type { RecordStore } from './records';
import type { WaitlistStore } from './waitlist';

export interface ReservationQuery {
  restaurantId: string;
  /** Reservations starting at or after this instant (ISO). */
  from?: string;
  /** Reservations starting before this instant (ISO). */
  to?: string;
  statuses?: readonly ReservationStatus[];
  customerPhone?: string;
  /** Compared without regard to case. */
  customerEmail?: string;
  limit?: number;
}

export type Role = 'admin' | 'staff';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface TranscriptEntry {
  conversationId: string;
  channel: string;
  /** "guest", "bot" or "system". */
  from: string;
  text: string;
  at: string;
  reservationId?: string | null;
  /** Who the guest is on that channel: a phone number, a web chat id. */
  address?: string;
  language?: string;
}

export interface ConversationSummary {
  id: string;
  channel: string;
  address: string;
  language: string | null;
  startedAt: string;
  lastAt: string;
  turns: number;
  reservationIds: string[];
  outcome: string | null;
}

/** Which conversations to list (newest activity first); the store filters, so a page is always full. */
export interface ConversationFilter {
  channel?: string;
  /** Outcomes starting with this ('handoff' matches 'handoff:asked'). */
  outcomePrefix?: string;
  /** Started at or after this instant (ISO). */
  startedFrom?: string;
  /** Started before this instant (ISO). */
  startedBefore?: string;
  /** Made or changed this booking. */
  reservationId?: string;
}

/**
 * `sent`: the provider accepted it. `delivered` / `undelivered`: the provider's delivery
 * receipt (Twilio's status callback) says it reached the phone, or not; `failed` after `sent`
 * is the provider giving up on it too.
 * `suppressed`: not sent because of what happened since (opted out, booking cancelled);
 * `withheld`: never to be sent, by the restaurant's rules (a landline, a country not texted,
 * a cap reached); `lastError` says which.
 */
export type OutboxStatus =
  | 'pending'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'not_configured'
  | 'suppressed'
  | 'withheld';

export interface OutboxEntry {
  id: string;
  kind: 'sms' | 'whatsapp' | 'email';
  to: string;
  subject: string | null;
  body: string;
  /** Provider options, e.g. a WhatsApp template. */
  meta: Record<string, string>;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  leaseUntil: string | null;
  leaseOwner: string | null;
  reservationId: string | null;
  /** Unique: the same message is never queued twice (e.g. "reminder:<id>:120"). */
  dedupeKey: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Which outbox entries to list (newest first); the store filters, so a page is always full. */
export interface OutboxFilter {
  status?: OutboxStatus;
  reservationId?: string;
  /** Entries whose dedupeKey starts with this (one flow's messages, e.g. 'waitlist:<id>:'). */
  dedupePrefix?: string;
}

/** A stored JSON document with an etag for optimistic concurrency (conversation state, idempotency). */
export interface StoredDocument<T> {
  value: T;
  etag: string;
}

/** A booking event as other app instances read it from the store (no change streams needed). */
export interface FeedEvent {
  id: string;
  name: string;
  payload: unknown;
  /** ISO instant it was written. */
  at: string;
  /** The app instance that emitted it. */
  instance: string;
}

export interface Store extends WaitlistStore, CallbackStore {
  readonly kind: 'sqlite' | 'mongo';
  /** Creates tables / indexes. Throws with a clear message when the database refuses. */
  init(): Promise<void>;
  close(): Promise<void>;

  // Restaurant and tables
  getRestaurant(id: string): Promise<Restaurant | null>;
  firstRestaurant(): Promise<Restaurant | null>;
  saveRestaurant(restaurant: Restaurant): Promise<void>;
  listTables(restaurantId: string): Promise<Table[]>;
  saveTable(table: Table): Promise<void>;
  deleteTable(restaurantId: string, tableId: string): Promise<boolean>;
  /**
   * Optional: a token that changes whenever restaurants or tables may have changed, by this
   * process or any other. The booking service keeps the settings it read while the token
   * stays the same; a store without it (MongoDB, shared by instances) is read every time.
   */
  settingsVersion?(): string;

  // Reservations and their claims. Claims are the lock: a unique (restaurantId, tableId,
  // slotStart). Each method below either does all it says or nothing, and throws
  // SlotTakenError when a claim is refused by the unique constraint.
  /** Inserts the reservation and its claims; expired claims in the way are removed first. */
  createReservation(reservation: Reservation, claims: SlotClaim[], now: Date): Promise<void>;
  /**
   * Moves a reservation to new claims: the new claims are taken before the old ones are
   * released, so a refused move leaves the reservation and its claims as they were.
   */
  moveReservation(reservation: Reservation, claims: SlotClaim[], now: Date): Promise<void>;
  /** Updates fields that do not change the claims (status, notes, name…). */
  updateReservation(reservation: Reservation): Promise<void>;
  /** Updates the reservation and drops all its claims (cancel, no-show, complete, lapse). */
  releaseReservation(reservation: Reservation): Promise<void>;
  /**
   * Turns a hold into a booking if the hold still owns all its claims at `now`; the claims
   * stop expiring. Returns false (and changes nothing) when the hold has lapsed.
   */
  confirmHold(reservation: Reservation, claimCount: number, now: Date): Promise<boolean>;
  getReservation(id: string): Promise<Reservation | null>;
  findReservations(query: ReservationQuery): Promise<Reservation[]>;
  /** Claims held by one reservation (for tests and audits). */
  claimsOf(reservationId: string): Promise<SlotClaim[]>;
  /** Deletes expired hold claims and marks their reservations lapsed (cancelled). Returns the count. */
  sweepExpiredHolds(now: Date): Promise<number>;

  // Staff users
  countUsers(): Promise<number>;
  getUserByEmail(email: string): Promise<User | null>;
  getUser(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  saveUser(user: User): Promise<void>;

  // Documents: conversation state, webhook idempotency, anything keyed.
  getDocument<T>(collection: string, key: string): Promise<StoredDocument<T> | null>;
  /**
   * Writes a document if its etag is still `expectedEtag` (null: it must not exist yet).
   * Returns the new etag, or null when someone else wrote first.
   */
  putDocument<T>(collection: string, key: string, value: T, expectedEtag: string | null): Promise<string | null>;
  deleteDocument(collection: string, key: string): Promise<void>;

  // Transcripts
  appendTranscript(entry: TranscriptEntry): Promise<void>;
  /**
   * Optional: the entries of one turn, in order, as one write (the embedded store commits
   * once instead of once per entry); without it they are appended one by one.
   */
  appendTranscripts?(entries: TranscriptEntry[]): Promise<void>;
  listConversations(limit: number, filter?: ConversationFilter): Promise<ConversationSummary[]>;
  getConversation(id: string): Promise<ConversationSummary | null>;
  getTranscript(conversationId: string): Promise<TranscriptEntry[]>;
  setConversationOutcome(conversationId: string, outcome: string): Promise<void>;

  // Outbox
  /** Queues a message; returns false when an entry with the same dedupeKey exists. */
  enqueueOutbox(entry: OutboxEntry): Promise<boolean>;
  /** Leases up to `limit` due entries to `owner` until `leaseUntil`; each entry to one owner. */
  leaseOutbox(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEntry[]>;
  updateOutbox(entry: OutboxEntry): Promise<void>;
  listOutbox(limit: number, filter?: OutboxFilter): Promise<OutboxEntry[]>;
  getOutbox(id: string): Promise<OutboxEntry | null>;

  /** Expiring records (replays, login failures, counters, session versions): booking-core/records.ts. */
  records(): RecordStore;

  // Live feed shared by app instances
  appendFeed(event: FeedEvent): Promise<void>;
  /** Events written at or after `sinceAt`, oldest first. */
  feedSince(sinceAt: string, limit: number): Promise<FeedEvent[]>;
  pruneFeed(beforeAt: string): Promise<void>;
}
