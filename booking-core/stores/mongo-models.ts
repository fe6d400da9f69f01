// The MongoDB collections of the Mongo store, as mongoose models on one connection.
// Each document keeps the domain object's own fields at top level (readable in a Mongo shell,
// queryable), with the domain id as `_id`. Schemas are `strict: false` so a field that a later
// issue adds to a domain type is stored even before its schema line is written, and
// `minimize: false` so empty objects (`meta: {}`) survive. Indexes are declared here and
// created explicitly by MongoStore.init(): autoIndex is off.
import { Schema, type Types, type Connection, type Model } from 'mongoose';
import type { CallbackTask } from '../callbacks';
import type { Reservation, Restaurant, Table } from '../model';
import type { ConversationSummary, FeedEvent, OutboxEntry, TranscriptEntry, User } from '../store';
import type { WaitlistEntry } from '../waitlist';

type WithStringId<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

export type RestaurantDoc = WithStringId<Restaurant> & { createdAt: Date };
export type TableDoc = Table & { _id: string };
export type ReservationDoc = WithStringId<Reservation>;
/** The lock: one document per (restaurantId, tableId, slotStart), unique. */
export interface ClaimDoc {
  _id: Types.ObjectId;
  restaurantId: string;
  tableId: string;
  slotStart: string;
  reservationId: string;
  /** A BSON date (TTL indexes need one); null: the claim never lapses. */
  expiresAt: Date | null;
}
export type UserDoc = WithStringId<User>;
export interface DocumentDoc {
  _id: string;
  /** The store port's "collection" (a name mongoose reserves, hence `bucket`). */
  bucket: string;
  key: string;
  etag: string;
  /** The value as JSON text: conversation state may hold keys MongoDB would not take as field names. */
  json: string;
}
export type TranscriptDoc = TranscriptEntry & { _id: Types.ObjectId };
export type ConversationDoc = WithStringId<ConversationSummary>;
/**
 * `dedupe` is the entry's dedupeKey, or "id:<id>" without one: always set, so a plain unique
 * index works on every server. `leaseSeq` counts the leases: lease number n+1 is won by
 * inserting the lock "outbox:<id>#<n>" (see MongoStore.exclusive).
 */
export type OutboxDoc = WithStringId<OutboxEntry> & { dedupe: string; leaseSeq: number };
export type CallbackTaskDoc = WithStringId<CallbackTask>;
/** A short-lived lock: whoever inserts `_id` first holds it (the unique _id is atomic on every server). */
export interface LockDoc {
  _id: string;
  at: Date;
}

const options = { strict: false, minimize: false, versionKey: false, autoIndex: false, autoCreate: false } as const;
const Mixed = Schema.Types.Mixed;

function restaurantSchema(): Schema<RestaurantDoc> {
  return new Schema<RestaurantDoc>(
    {
      _id: String,
      name: String,
      timezone: String,
      languages: [String],
      defaultLanguage: String,
      address: String,
      phone: String,
      email: String,
      services: Mixed,
      closures: Mixed,
      rules: Mixed,
      tableCombinations: Mixed,
      menu: Mixed,
      reminders: Mixed,
      createdAt: Date,
    },
    { ...options, collection: 'restaurants' },
  ).index({ createdAt: 1, _id: 1 }, { name: 'restaurants_by_age' });
}

function tableSchema(): Schema<TableDoc> {
  return new Schema<TableDoc>(
    {
      _id: String,
      id: String,
      restaurantId: String,
      name: String,
      seatsMin: Number,
      seatsMax: Number,
      zone: String,
      active: Boolean,
    },
    { ...options, collection: 'tables' },
  ).index({ restaurantId: 1 }, { name: 'tables_by_restaurant' });
}

function reservationSchema(): Schema<ReservationDoc> {
  return new Schema<ReservationDoc>(
    {
      _id: String,
      restaurantId: String,
      customerName: String,
      customerPhone: String,
      customerEmail: String,
      partySize: Number,
      startAt: String,
      endAt: String,
      tableIds: [String],
      status: String,
      channel: String,
      language: String,
      notes: String,
      createdAt: String,
      updatedAt: String,
      holdExpiresAt: String,
      manageTokenHash: String,
      conversationId: String,
    },
    { ...options, collection: 'reservations' },
  )
    .index({ restaurantId: 1, startAt: 1 }, { name: 'reservations_by_start' })
    .index({ customerPhone: 1, startAt: 1 }, { name: 'reservations_by_phone' })
    .index({ status: 1, holdExpiresAt: 1 }, { name: 'reservations_by_hold' });
}

/** The TTL index is not declared here: a server may refuse it, and that must not stop start-up. */
export const CLAIM_LOCK_INDEX = 'slot_claims_lock';

function claimSchema(): Schema<ClaimDoc> {
  return new Schema<ClaimDoc>(
    {
      _id: Schema.Types.ObjectId,
      restaurantId: String,
      tableId: String,
      slotStart: String,
      reservationId: String,
      expiresAt: { type: Date, default: null },
    },
    { ...options, strict: true, collection: 'slot_claims' },
  )
    .index({ restaurantId: 1, tableId: 1, slotStart: 1 }, { name: CLAIM_LOCK_INDEX, unique: true })
    .index({ reservationId: 1 }, { name: 'slot_claims_by_reservation' });
}

function userSchema(): Schema<UserDoc> {
  return new Schema<UserDoc>(
    {
      _id: String,
      email: String,
      name: String,
      role: String,
      passwordHash: String,
      disabled: Boolean,
      createdAt: String,
    },
    { ...options, collection: 'users' },
  ).index({ email: 1 }, { name: 'users_email', unique: true });
}

function documentSchema(): Schema<DocumentDoc> {
  return new Schema<DocumentDoc>(
    { _id: String, bucket: String, key: String, etag: String, json: String },
    { ...options, strict: true, collection: 'documents' },
  );
}

function transcriptSchema(): Schema<TranscriptDoc> {
  return new Schema<TranscriptDoc>(
    {
      _id: Schema.Types.ObjectId,
      conversationId: String,
      channel: String,
      from: String,
      text: String,
      at: String,
      reservationId: String,
      address: String,
      language: String,
    },
    { ...options, collection: 'transcripts' },
  ).index({ conversationId: 1, at: 1, _id: 1 }, { name: 'transcripts_by_conversation' });
}

function conversationSchema(): Schema<ConversationDoc> {
  return new Schema<ConversationDoc>(
    {
      _id: String,
      channel: String,
      address: String,
      language: String,
      startedAt: String,
      lastAt: String,
      turns: Number,
      reservationIds: [String],
      outcome: String,
    },
    { ...options, collection: 'conversations' },
  ).index({ lastAt: -1 }, { name: 'conversations_by_last' });
}

function outboxSchema(): Schema<OutboxDoc> {
  return new Schema<OutboxDoc>(
    {
      _id: String,
      kind: String,
      to: String,
      subject: String,
      body: String,
      meta: Mixed,
      status: String,
      attempts: Number,
      lastError: String,
      nextAttemptAt: String,
      leaseUntil: String,
      leaseOwner: String,
      reservationId: String,
      dedupeKey: String,
      createdAt: String,
      sentAt: String,
      dedupe: String,
      leaseSeq: Number,
    },
    { ...options, collection: 'outbox' },
  )
    .index({ dedupe: 1 }, { name: 'outbox_dedupe', unique: true })
    .index({ status: 1, nextAttemptAt: 1 }, { name: 'outbox_due' })
    .index({ createdAt: -1 }, { name: 'outbox_by_age' });
}

function lockSchema(): Schema<LockDoc> {
  return new Schema<LockDoc>({ _id: String, at: Date }, { ...options, strict: true, collection: 'locks' }).index(
    { at: 1 },
    { name: 'locks_by_age' },
  );
}

export type FeedDoc = WithStringId<FeedEvent>;

function feedSchema(): Schema<FeedDoc> {
  return new Schema<FeedDoc>(
    { _id: String, name: String, payload: Mixed, at: String, instance: String },
    { ...options, strict: true, collection: 'feed' },
  ).index({ at: 1 }, { name: 'feed_by_at' });
}

export type WaitlistDoc = WithStringId<WaitlistEntry>;

function waitlistSchema(): Schema<WaitlistDoc> {
  return new Schema<WaitlistDoc>(
    {
      _id: String,
      restaurantId: String,
      name: String,
      phone: String,
      partySize: Number,
      quotedMinutes: Number,
      language: String,
      channel: String,
      status: String,
      notes: String,
      createdAt: String,
      updatedAt: String,
      notifiedAt: String,
      repliedAt: String,
      reservationId: String,
    },
    { ...options, collection: 'waitlist' },
  ).index({ restaurantId: 1, createdAt: 1 }, { name: 'waitlist_by_day' });
}

export interface MongoModels {
  restaurants: Model<RestaurantDoc>;
  tables: Model<TableDoc>;
  reservations: Model<ReservationDoc>;
  claims: Model<ClaimDoc>;
  users: Model<UserDoc>;
  documents: Model<DocumentDoc>;
  transcripts: Model<TranscriptDoc>;
  conversations: Model<ConversationDoc>;
  outbox: Model<OutboxDoc>;
  locks: Model<LockDoc>;
  feed: Model<FeedDoc>;
  waitlist: Model<WaitlistDoc>;
  callbacks: Model<CallbackTaskDoc>;
}

function callbackSchema(): Schema<CallbackTaskDoc> {
  return new Schema<CallbackTaskDoc>(
    {
      _id: String,
      conversationId: String,
      phone: String,
      language: String,
      reason: String,
      recordingUrl: String,
      recordingSeconds: Number,
      transcript: String,
      transcriptStatus: String,
      done: Boolean,
      doneAt: String,
      doneBy: String,
      createdAt: String,
      updatedAt: String,
    },
    { ...options, collection: 'callback_tasks' },
  ).index({ done: 1, createdAt: -1 }, { name: 'callback_tasks_by_age' });
}

/** Registers the models on `conn` (a dedicated connection: the global mongoose is left alone). */
export function createModels(conn: Connection): MongoModels {
  return {
    restaurants: conn.model<RestaurantDoc>('Restaurant', restaurantSchema()),
    tables: conn.model<TableDoc>('Table', tableSchema()),
    reservations: conn.model<ReservationDoc>('Reservation', reservationSchema()),
    claims: conn.model<ClaimDoc>('SlotClaim', claimSchema()),
    users: conn.model<UserDoc>('User', userSchema()),
    documents: conn.model<DocumentDoc>('Document', documentSchema()),
    transcripts: conn.model<TranscriptDoc>('Transcript', transcriptSchema()),
    conversations: conn.model<ConversationDoc>('Conversation', conversationSchema()),
    outbox: conn.model<OutboxDoc>('OutboxEntry', outboxSchema()),
    locks: conn.model<LockDoc>('Lock', lockSchema()),
    feed: conn.model<FeedDoc>('FeedEvent', feedSchema()),
    waitlist: conn.model<WaitlistDoc>('WaitlistEntry', waitlistSchema()),
    callbacks: conn.model<CallbackTaskDoc>('CallbackTask', callbackSchema()),
  };
}
