// The MongoDB store (production, several app instances on one database), with mongoose.
//
// The lock: one claim document per (restaurantId, tableId, slotStart) under a UNIQUE compound
// index. Two concurrent claims of a table-slot cannot both be inserted, whatever instance
// sends them; the loser gets E11000, removes what it had taken and throws SlotTakenError.
//
// No multi-document transactions, no TTL, no change streams are needed for correctness. Every
// write that spans documents is ordered so that a process killed half-way leaves only claims
// that EXPIRE (an `expiresAt` every check honours), never a table blocked for ever:
//   - Claims are first written with an expiry (a hold's own, or PENDING_MS for a booking) and
//     only made permanent once the reservation document that owns them is written. The
//     reservation document is the commit point.
//   - Claims about to be given up are first given an expiry, then the reservation document is
//     changed, then the claims are deleted.
//   - An expired claim is "reaped" (by a booking that finds it in the way, or by the sweeper):
//     if the reservation document that owns it is a committed booking (confirmed/seated) that
//     still covers that table-slot, the process that wrote it died between the commit and the
//     anchoring, and the claim is anchored (expiry cleared); otherwise it is deleted, with the
//     expiry as condition, so a claim anchored meanwhile is never removed.
// Conditional single-document writes (an etag check, a lease, held → confirmed) are NOT
// trusted to be atomic: FerretDB 1.x runs an update as a read then a write by _id, so two
// "compare-and-set" updates can both succeed there. Those go through exclusive(): a lock
// document whose unique _id only one writer can insert, then a re-read, then the write.
// A TTL index on expiresAt (grace TTL_GRACE_SECONDS, so the sweeper anchors first) is created
// where the server supports it, as a backstop for garbage; FerretDB refuses it: a warning.
import { randomUUID } from 'node:crypto';
import mongoose, { Types, type Connection, type QueryFilter } from 'mongoose';
import type { CallbackPatch, CallbackQuery, CallbackTask } from '../callbacks';
import { claimKey, claimsFor, type SlotClaim } from '../claims';
import { SlotTakenError } from '../errors';
import type { Reservation, ReservationStatus, Restaurant, Table } from '../model';
import type { RecordStore } from '../records';
import { MongoRecords } from './mongo-records';
import type { WaitlistEntry, WaitlistStatus } from '../waitlist';
import type {
  ConversationFilter,
  ConversationSummary,
  FeedEvent,
  OutboxEntry,
  OutboxFilter,
  ReservationQuery,
  Store,
  StoredDocument,
  TranscriptEntry,
  User,
} from '../store';
import {
  CLAIM_LOCK_INDEX,
  createModels,
  type CallbackTaskDoc,
  type ClaimDoc,
  type ConversationDoc,
  type FeedDoc,
  type MongoModels,
  type OutboxDoc,
  type WaitlistDoc,
  type ReservationDoc,
  type RestaurantDoc,
  type UserDoc,
} from './mongo-models';

/** Tries at a callback task's lock before giving up (a few seconds in all). */
const PATCH_ATTEMPTS = 40;
/** How long a booking's claims stay provisional: far longer than the few writes that anchor them. */
const PENDING_MS = 2 * 60_000;
/** The TTL backstop removes claims this long after they expired, once the sweeper had its chance. */
const TTL_GRACE_SECONDS = 3600;
const COMMITTED: readonly ReservationStatus[] = ['confirmed', 'seated'];
const REAP_BATCH = 1000;
/** A lock older than this was left by a dead process and may be broken. */
const LOCK_STALE_MS = 30_000;

export interface MongoStoreOptions {
  /** Where warnings go (a refused TTL index). */
  warn?: (message: string) => void;
  /** Driver time-outs: how long to wait for the server at start-up. */
  serverSelectionTimeoutMS?: number;
}

/** Plain JSON, as the SQLite store keeps it: undefined fields are dropped, nothing else changes. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function withId<T extends { id: string }>(value: T): Omit<T, 'id'> & { _id: string } {
  const { id, ...rest } = plain(value);
  return { ...rest, _id: String(id) };
}

function withoutId<T>(doc: { _id: unknown } & Record<string, unknown>): T {
  const { _id, ...rest } = doc;
  return { id: String(_id), ...rest } as T;
}

/** E11000, in any of the shapes the driver and mongoose report it. */
export function isDuplicateKey(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; writeErrors?: unknown; cause?: unknown; message?: unknown };
  if (e.code === 11000 || e.code === 11001) return true;
  if (
    Array.isArray(e.writeErrors) &&
    e.writeErrors.some(
      (w) =>
        isDuplicateKey(w) ||
        ((w as { err?: unknown }).err !== undefined && isDuplicateKey((w as { err?: unknown }).err)),
    )
  )
    return true;
  if (e.cause && e.cause !== err && isDuplicateKey(e.cause)) return true;
  return typeof e.message === 'string' && e.message.includes('E11000');
}

/**
 * Two upserts of one new _id at once (two instances seeding an empty database) may answer
 * E11000 to the slower one; by then the document exists, and the same upsert is an update.
 */
async function upsertRetried<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return write();
  }
}

function dbNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname.replace(/^\//, '')) || 'test';
  } catch {
    return 'test';
  }
}

export class MongoStore implements Store {
  readonly kind = 'mongo' as const;
  private conn: Connection | null = null;
  private m: MongoModels | null = null;
  private recordStore: MongoRecords | null = null;
  private readonly warn: (message: string) => void;

  constructor(
    private readonly uri: string,
    private readonly options: MongoStoreOptions = {},
  ) {
    this.warn = options.warn ?? ((msg) => console.warn(msg));
  }

  /** The database this store uses (from the URI; "test" when it names none, like the driver). */
  get databaseName(): string {
    return this.conn?.name ?? dbNameOf(this.uri);
  }

  private get models(): MongoModels {
    if (!this.m) throw new Error('MongoStore is not initialised: call init() first.');
    return this.m;
  }

  async init(): Promise<void> {
    if (this.conn) return;
    const conn = mongoose.createConnection(this.uri, {
      autoIndex: false,
      autoCreate: false,
      serverSelectionTimeoutMS: this.options.serverSelectionTimeoutMS ?? 10_000,
    });
    try {
      await conn.asPromise();
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw new Error(`MONGODB_URI: cannot connect to MongoDB (${(err as Error).message}).`);
    }
    const models = createModels(conn);
    try {
      for (const model of Object.values(models) as Array<MongoModels[keyof MongoModels]>) {
        try {
          await model.createIndexes();
        } catch (err) {
          throw new Error(
            `MongoDB refused a required index on "${model.collection.collectionName}" ` +
              `(${(err as Error).message.split('\n')[0]}); the store cannot run without it.`,
          );
        }
      }
      await this.createExpiryIndex(models);
      await this.verifyUniqueIndexes(models);
      this.recordStore = new MongoRecords(conn);
      await this.recordStore.init();
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
    this.conn = conn;
    this.m = models;
  }

  records(): RecordStore {
    if (!this.recordStore) throw new Error('MongoStore is not initialised: call init() first.');
    return this.recordStore;
  }

  /** The connection, for rate limits shared by every instance (rate-limiter-flexible's Mongo limiter). */
  connection(): Connection {
    if (!this.conn) throw new Error('MongoStore is not initialised: call init() first.');
    return this.conn;
  }

  /**
   * The unique indexes ARE the locks: checked after creation, since a server may keep an older
   * non-unique index of the same name without a word (FerretDB does), leaving no lock at all.
   */
  private async verifyUniqueIndexes(models: MongoModels): Promise<void> {
    const required: Array<[MongoModels[keyof MongoModels], string]> = [
      [models.claims, CLAIM_LOCK_INDEX],
      [models.users, 'users_email'],
      [models.outbox, 'outbox_dedupe'],
    ];
    for (const [model, name] of required) {
      const collection = model.collection.collectionName;
      const found = (await model.collection.indexes()).find((ix) => ix.name === name);
      if (!found?.unique) {
        throw new Error(
          `MongoDB index "${collection}.${name}" is ` +
            `${found ? 'not unique (an older index of that name?)' : 'missing'}; ` +
            'drop it and restart, the store cannot run without it.',
        );
      }
    }
  }

  /** TTL where the server has it; otherwise a plain index for the sweeper, and a warning. */
  private async createExpiryIndex(models: MongoModels): Promise<void> {
    const claims = models.claims.collection;
    let refusal: string;
    try {
      await claims.createIndex({ expiresAt: 1 }, { name: 'slot_claims_ttl', expireAfterSeconds: TTL_GRACE_SECONDS });
      return;
    } catch (err) {
      refusal = (err as Error).message.split('\n')[0];
    }
    // An index on expiresAt made earlier (another grace, or the plain one below) serves as well.
    const existing = await claims.indexes();
    const onExpiry = existing.find((ix) => Object.keys(ix.key).join() === 'expiresAt');
    if (onExpiry?.expireAfterSeconds !== undefined) return;
    if (!onExpiry) {
      try {
        await claims.createIndex({ expiresAt: 1 }, { name: 'slot_claims_by_expiry' });
      } catch (err) {
        throw new Error(
          `MongoDB refused a required index on "slot_claims" (expiresAt: ${(err as Error).message.split('\n')[0]}).`,
        );
      }
    }
    this.warn(
      `MongoDB store: no TTL index on slot_claims.expiresAt (${refusal}); ` +
        'expired holds are removed by the sweeper alone, which is all correctness needs.',
    );
  }

  async close(): Promise<void> {
    const conn = this.conn;
    this.conn = null;
    this.m = null;
    if (conn) await conn.close();
  }

  /** Drops this store's database (tests). */
  async dropDatabase(): Promise<void> {
    const db = this.conn?.db;
    if (db) await db.dropDatabase();
  }

  // Restaurant and tables

  async getRestaurant(id: string): Promise<Restaurant | null> {
    const doc = await this.models.restaurants.findById(String(id)).lean<RestaurantDoc>();
    return doc ? this.restaurantFrom(doc) : null;
  }

  async firstRestaurant(): Promise<Restaurant | null> {
    const doc = await this.models.restaurants.findOne({}).sort({ createdAt: 1, _id: 1 }).lean<RestaurantDoc>();
    return doc ? this.restaurantFrom(doc) : null;
  }

  async saveRestaurant(r: Restaurant): Promise<void> {
    const { restaurants } = this.models;
    // Keeps the first createdAt (firstRestaurant's order); a race here could only change that date.
    const existing = await restaurants
      .findById(String(r.id), { createdAt: 1 })
      .lean<Pick<RestaurantDoc, '_id' | 'createdAt'>>();
    await upsertRetried(() =>
      restaurants.replaceOne(
        { _id: String(r.id) },
        { ...withId(r), createdAt: existing?.createdAt ?? new Date() },
        { upsert: true },
      ),
    );
  }

  private restaurantFrom(doc: RestaurantDoc): Restaurant {
    const { createdAt: _createdAt, ...rest } = doc;
    return withoutId<Restaurant>(rest);
  }

  async listTables(restaurantId: string): Promise<Table[]> {
    const docs = await this.models.tables
      .find({ restaurantId: String(restaurantId) })
      .lean<Array<Table & { _id: string }>>();
    return docs.map(({ _id, ...t }) => t).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  }

  async saveTable(t: Table): Promise<void> {
    const _id = `${t.restaurantId}|${t.id}`;
    await upsertRetried(() => this.models.tables.replaceOne({ _id }, { ...plain(t), _id }, { upsert: true }));
  }

  async deleteTable(restaurantId: string, tableId: string): Promise<boolean> {
    const res = await this.models.tables.deleteOne({ _id: `${String(restaurantId)}|${String(tableId)}` });
    return res.deletedCount > 0;
  }

  // Reservations and claims

  /**
   * Claims first (provisional), then the reservation (the commit), then the claims are anchored.
   * Killed after the claims: they expire, nothing else exists. Killed after the reservation:
   * the booking stands, its claims are anchored by whoever reaps them when they expire.
   */
  async createReservation(r: Reservation, claims: SlotClaim[], now: Date): Promise<void> {
    const { reservations, claims: Claims } = this.models;
    const held = r.status === 'held';
    const provisional = new Date(now.getTime() + PENDING_MS);
    const taken = await this.takeClaims(r.id, claims, now, (c) =>
      held && c.expiresAt ? new Date(c.expiresAt) : provisional,
    );
    try {
      await reservations.create(withId(r));
    } catch (err) {
      await Claims.deleteMany({ _id: { $in: taken }, reservationId: String(r.id) });
      throw err;
    }
    if (held) return;
    // Anchored by _id: a claim still there under our _id is ours, expired or not (the unique
    // index says nobody else holds that slot). One missing means the booking took longer than
    // PENDING_MS and somebody reaped it: undo and let the service retry elsewhere.
    const anchored = await Claims.updateMany(
      { _id: { $in: taken }, reservationId: String(r.id) },
      { $set: { expiresAt: null } },
    );
    if (anchored.matchedCount !== taken.length) {
      await reservations.deleteOne({ _id: String(r.id) });
      await Claims.deleteMany({ _id: { $in: taken }, reservationId: String(r.id) });
      throw new SlotTakenError('a provisional claim lapsed before the booking was written');
    }
  }

  /**
   * New claims first (provisional), the claims given up get an expiry, then the reservation
   * is rewritten (the commit), then the new claims are anchored and the old ones deleted.
   * Killed anywhere, the claims that expire are exactly those the stored reservation does not
   * cover, and the covered ones are anchored by the reaper.
   */
  async moveReservation(r: Reservation, claims: SlotClaim[], now: Date): Promise<void> {
    const { reservations, claims: Claims } = this.models;
    const id = String(r.id);
    const previous = await reservations.findById(id).lean<ReservationDoc>();
    if (!previous) throw new Error(`No reservation ${id} to move.`);
    const owned = await Claims.find({ reservationId: id }).lean<ClaimDoc[]>();
    const wanted = new Map(claims.map((c) => [claimKey(c), c]));
    const ownedKeys = new Set(owned.map((o) => claimKey(o)));
    const fresh = claims.filter((c) => !ownedKeys.has(claimKey(c)));
    const kept = owned.filter((o) => wanted.has(claimKey(o)));
    const stale = owned.filter((o) => !wanted.has(claimKey(o)));
    const held = r.status === 'held';
    const provisional = new Date(now.getTime() + PENDING_MS);
    const expiryOf = (c: SlotClaim | undefined): Date | null => (held && c?.expiresAt ? new Date(c.expiresAt) : null);

    const taken = await this.takeClaims(id, fresh, now, (c) => expiryOf(c) ?? provisional);
    const staleIds = stale.map((o) => o._id);
    if (staleIds.length) {
      await Claims.updateMany(
        { _id: { $in: staleIds }, reservationId: id, $or: [{ expiresAt: null }, { expiresAt: { $gt: provisional } }] },
        { $set: { expiresAt: provisional } },
      );
    }
    await reservations.replaceOne({ _id: id }, withId(r));
    if (!held && taken.length) {
      const anchored = await Claims.updateMany(
        { _id: { $in: taken }, reservationId: id },
        { $set: { expiresAt: null } },
      );
      if (anchored.matchedCount !== taken.length) {
        // Too slow: a new claim was reaped. Put the reservation and its old claims back.
        await reservations.replaceOne({ _id: id }, previous);
        for (const o of stale)
          await Claims.updateOne({ _id: o._id, reservationId: id }, { $set: { expiresAt: o.expiresAt } });
        await Claims.deleteMany({ _id: { $in: taken }, reservationId: id });
        throw new SlotTakenError('a provisional claim lapsed before the move was written');
      }
    }
    for (const o of kept) {
      const expiresAt = expiryOf(wanted.get(claimKey(o)));
      if ((o.expiresAt ? new Date(o.expiresAt).getTime() : null) !== (expiresAt ? expiresAt.getTime() : null))
        await Claims.updateOne({ _id: o._id, reservationId: id }, { $set: { expiresAt } });
    }
    if (staleIds.length) await Claims.deleteMany({ _id: { $in: staleIds }, reservationId: id });
  }

  async updateReservation(r: Reservation): Promise<void> {
    await this.models.reservations.replaceOne({ _id: String(r.id) }, withId(r));
  }

  /** Claims get an expiry first, then the reservation changes, then the claims go. */
  async releaseReservation(r: Reservation): Promise<void> {
    const { reservations, claims: Claims } = this.models;
    const id = String(r.id);
    const stamp = Date.parse(r.updatedAt);
    const soon = new Date(Math.max(Date.now(), Number.isNaN(stamp) ? 0 : stamp) + PENDING_MS);
    await Claims.updateMany(
      { reservationId: id, $or: [{ expiresAt: null }, { expiresAt: { $gt: soon } }] },
      { $set: { expiresAt: soon } },
    );
    await reservations.replaceOne({ _id: id }, withId(r));
    await Claims.deleteMany({ reservationId: id });
  }

  /**
   * Checks the hold still owns every claim at `now`, commits the reservation (only if still
   * held), then anchors the claims. Killed after the commit: the reaper anchors them.
   */
  async confirmHold(r: Reservation, claimCount: number, now: Date): Promise<boolean> {
    const { reservations, claims: Claims } = this.models;
    const id = String(r.id);
    const live = await Claims.countDocuments({ reservationId: id, expiresAt: { $gt: now } });
    if (live !== claimCount) return false;
    // One decision per hold: this confirm or the sweeper's lapse, never both.
    return this.exclusive(`hold:${id}`, async () => {
      const previous = await reservations.findOne({ _id: id, status: 'held' }).lean<ReservationDoc>();
      if (!previous) return false;
      await reservations.replaceOne({ _id: id, status: 'held' }, withId(r));
      const anchored = await Claims.updateMany(
        { reservationId: id, expiresAt: { $gt: now } },
        { $set: { expiresAt: null } },
      );
      if (anchored.matchedCount !== claimCount) {
        // A claim lapsed meanwhile (another instance's clock ran ahead): the hold is lost after all.
        await reservations.replaceOne({ _id: id }, previous);
        const expiry = previous.holdExpiresAt ? new Date(previous.holdExpiresAt) : now;
        await Claims.updateMany({ reservationId: id, expiresAt: null }, { $set: { expiresAt: expiry } });
        return false;
      }
      return true;
    });
  }

  async getReservation(id: string): Promise<Reservation | null> {
    const doc = await this.models.reservations.findById(String(id)).lean<ReservationDoc>();
    return doc ? withoutId<Reservation>(doc) : null;
  }

  async findReservations(q: ReservationQuery): Promise<Reservation[]> {
    const filter: QueryFilter<ReservationDoc> = { restaurantId: String(q.restaurantId) };
    const startAt: { $gte?: string; $lt?: string } = {};
    if (q.from) startAt.$gte = String(q.from);
    if (q.to) startAt.$lt = String(q.to);
    if (q.from || q.to) filter.startAt = startAt;
    if (q.customerPhone) filter.customerPhone = String(q.customerPhone);
    if (q.customerEmail)
      filter.customerEmail = {
        $regex: `^${String(q.customerEmail).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        $options: 'i',
      };
    if (q.statuses) {
      if (!q.statuses.length) return [];
      filter.status = { $in: q.statuses.filter((s): s is ReservationStatus => typeof s === 'string') };
    }
    let query = this.models.reservations.find(filter).sort({ startAt: 1, _id: 1 });
    if (q.limit) query = query.limit(Math.max(1, Math.floor(q.limit)));
    return (await query.lean<ReservationDoc[]>()).map((d) => withoutId<Reservation>(d));
  }

  async claimsOf(reservationId: string): Promise<SlotClaim[]> {
    const docs = await this.models.claims
      .find({ reservationId: String(reservationId) })
      .sort({ tableId: 1, slotStart: 1 })
      .lean<ClaimDoc[]>();
    return docs.map((c) => ({
      restaurantId: c.restaurantId,
      tableId: c.tableId,
      slotStart: c.slotStart,
      reservationId: c.reservationId,
      expiresAt: c.expiresAt ? new Date(c.expiresAt).toISOString() : null,
    }));
  }

  async sweepExpiredHolds(now: Date): Promise<number> {
    const { reservations, claims: Claims } = this.models;
    await this.reapExpired({}, now, REAP_BATCH);
    // Locks left by dead processes (live ones delete theirs within milliseconds).
    await this.models.locks.deleteMany({ at: { $lt: new Date(Date.now() - 10 * LOCK_STALE_MS) } });
    const at = now.toISOString();
    const lapsed = await reservations
      .find({ status: 'held', holdExpiresAt: { $ne: null, $lte: at } })
      .lean<ReservationDoc[]>();
    let count = 0;
    for (const doc of lapsed) {
      const lapsedNow = await this.exclusive(`hold:${doc._id}`, async () => {
        const current = await reservations.findOne({ _id: doc._id, status: 'held' }).lean<ReservationDoc>();
        if (!current) return false; // confirmed meanwhile
        const r = withoutId<Reservation>(current);
        await reservations.replaceOne({ _id: doc._id }, withId({ ...r, status: 'expired', updatedAt: at }));
        await Claims.deleteMany({ reservationId: doc._id });
        return true;
      });
      if (lapsedNow) count++;
    }
    return count;
  }

  /**
   * Inserts the claims (ordered: on a race for one table every contender collides on the same
   * first slot). On E11000, deletes what this call inserted (by _id, so nothing of anyone
   * else's) and throws SlotTakenError. Expired claims in the way are reaped first.
   */
  private async takeClaims(
    reservationId: string,
    claims: SlotClaim[],
    now: Date,
    expiry: (c: SlotClaim) => Date | null,
  ): Promise<Types.ObjectId[]> {
    if (!claims.length) return [];
    const Claims = this.models.claims;
    await this.reapExpired(
      {
        restaurantId: { $in: [...new Set(claims.map((c) => String(c.restaurantId)))] },
        tableId: { $in: [...new Set(claims.map((c) => String(c.tableId)))] },
        slotStart: { $in: [...new Set(claims.map((c) => String(c.slotStart)))] },
      },
      now,
    );
    const docs: ClaimDoc[] = claims.map((c) => ({
      _id: new Types.ObjectId(),
      restaurantId: String(c.restaurantId),
      tableId: String(c.tableId),
      slotStart: String(c.slotStart),
      reservationId: String(reservationId),
      expiresAt: expiry(c),
    }));
    try {
      await Claims.insertMany(docs, { ordered: true });
    } catch (err) {
      await Claims.deleteMany({ _id: { $in: docs.map((d) => d._id) }, reservationId: String(reservationId) });
      if (isDuplicateKey(err)) throw new SlotTakenError();
      throw err;
    }
    return docs.map((d) => d._id);
  }

  /**
   * Expired claims matching `filter`: anchored when a committed reservation still covers them
   * (its writer died before anchoring), deleted otherwise, each only if still expired.
   */
  private async reapExpired(filter: QueryFilter<ClaimDoc>, now: Date, limit = 0): Promise<void> {
    const { reservations, restaurants, claims: Claims } = this.models;
    let query = Claims.find({ ...filter, expiresAt: { $ne: null, $lte: now } });
    if (limit) query = query.limit(limit);
    const expired = await query.lean<ClaimDoc[]>();
    if (!expired.length) return;
    const ownerIds = [...new Set(expired.map((c) => c.reservationId))];
    const owners = new Map(
      (await reservations.find({ _id: { $in: ownerIds } }).lean<ReservationDoc[]>()).map((d) => [
        d._id,
        withoutId<Reservation>(d),
      ]),
    );
    const covered = new Map<string, Set<string>>();
    const buffers = new Map<string, number>();
    for (const c of expired) {
      const owner = owners.get(c.reservationId);
      let anchor = false;
      if (owner && COMMITTED.includes(owner.status)) {
        let keys = covered.get(owner.id);
        if (!keys) {
          if (!buffers.has(owner.restaurantId)) {
            const restaurant = await restaurants
              .findById(owner.restaurantId, { rules: 1 })
              .lean<Pick<RestaurantDoc, '_id' | 'rules'>>();
            buffers.set(owner.restaurantId, restaurant?.rules?.bufferMinutes ?? 0);
          }
          keys = new Set(claimsFor(owner, buffers.get(owner.restaurantId) ?? 0).map(claimKey));
          covered.set(owner.id, keys);
        }
        anchor = keys.has(claimKey(c));
      }
      if (anchor)
        await Claims.updateOne(
          { _id: c._id, reservationId: c.reservationId, expiresAt: c.expiresAt },
          { $set: { expiresAt: null } },
        );
      else await Claims.deleteOne({ _id: c._id, expiresAt: { $ne: null, $lte: now } });
    }
  }

  /**
   * Runs `fn` while holding the lock `key`; false without running it when someone else holds
   * it. `fn` must re-read what it is about to change: the lock only says nobody else is
   * changing it now. A lock left by a dead process is broken after LOCK_STALE_MS.
   */
  private async exclusive(key: string, fn: () => Promise<boolean>): Promise<boolean> {
    const { locks } = this.models;
    const take = async (): Promise<boolean> => {
      try {
        await locks.create({ _id: key, at: new Date() });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    };
    if (!(await take())) {
      const broken = await locks.deleteOne({ _id: key, at: { $lt: new Date(Date.now() - LOCK_STALE_MS) } });
      if (!broken.deletedCount || !(await take())) return false;
    }
    try {
      return await fn();
    } finally {
      await locks.deleteOne({ _id: key });
    }
  }

  // Users

  async countUsers(): Promise<number> {
    return this.models.users.countDocuments({});
  }

  async getUserByEmail(email: string): Promise<User | null> {
    const doc = await this.models.users.findOne({ email: String(email).toLowerCase() }).lean<UserDoc>();
    return doc ? withoutId<User>(doc) : null;
  }

  async getUser(id: string): Promise<User | null> {
    const doc = await this.models.users.findById(String(id)).lean<UserDoc>();
    return doc ? withoutId<User>(doc) : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.models.users.find({}).sort({ email: 1 }).lean<UserDoc[]>()).map((d) => withoutId<User>(d));
  }

  async saveUser(u: User): Promise<void> {
    const user = { ...u, email: String(u.email).toLowerCase() };
    try {
      await this.models.users.replaceOne({ _id: String(user.id) }, withId(user), { upsert: true });
    } catch (err) {
      if (isDuplicateKey(err)) throw new Error(`A user with the email ${user.email} already exists.`);
      throw err;
    }
  }

  // Documents

  private documentId(collection: string, key: string): string {
    return JSON.stringify([String(collection), String(key)]);
  }

  async getDocument<T>(collection: string, key: string): Promise<StoredDocument<T> | null> {
    const doc = await this.models.documents
      .findById(this.documentId(collection, key))
      .lean<{ etag: string; json: string }>();
    return doc ? { value: JSON.parse(doc.json) as T, etag: doc.etag } : null;
  }

  async putDocument<T>(collection: string, key: string, value: T, expectedEtag: string | null): Promise<string | null> {
    const _id = this.documentId(collection, key);
    const etag = randomUUID();
    const json = JSON.stringify(value);
    if (expectedEtag === null) {
      try {
        await this.models.documents.create({ _id, bucket: String(collection), key: String(key), etag, json });
        return etag;
      } catch (err) {
        if (isDuplicateKey(err)) return null;
        throw err;
      }
    }
    const expected = String(expectedEtag);
    // The lock names the etag being replaced: of all writers who read it, one writes.
    const written = await this.exclusive(`document:${_id}#${expected}`, async () => {
      const current = await this.models.documents.findById(_id, { etag: 1 }).lean<{ etag: string }>();
      if (current?.etag !== expected) return false;
      await this.models.documents.updateOne({ _id, etag: expected }, { $set: { etag, json } });
      return true;
    });
    return written ? etag : null;
  }

  async deleteDocument(collection: string, key: string): Promise<void> {
    await this.models.documents.deleteOne({ _id: this.documentId(collection, key) });
  }

  // Transcripts

  async appendTranscript(e: TranscriptEntry): Promise<void> {
    const { transcripts, conversations } = this.models;
    const entry = plain(e);
    await transcripts.create({ ...entry, _id: new Types.ObjectId() });
    const id = String(e.conversationId);
    const update = {
      $setOnInsert: {
        channel: entry.channel,
        startedAt: entry.at,
        outcome: null,
        address: entry.address ?? '',
        ...(entry.language ? {} : { language: null }),
        ...(entry.reservationId ? {} : { reservationIds: [] }),
      },
      $set: { lastAt: entry.at, ...(entry.language ? { language: entry.language } : {}) },
      $inc: { turns: entry.from === 'guest' ? 1 : 0 },
      ...(entry.reservationId ? { $addToSet: { reservationIds: entry.reservationId } } : {}),
    };
    try {
      await conversations.updateOne({ _id: id }, update, { upsert: true });
    } catch (err) {
      // Two first entries raced to create the summary: the loser's upsert is now an update.
      if (!isDuplicateKey(err)) throw err;
      await conversations.updateOne({ _id: id }, update, { upsert: true });
    }
    if (entry.address) await conversations.updateOne({ _id: id, address: '' }, { $set: { address: entry.address } });
  }

  async listConversations(limit: number, filter: ConversationFilter = {}): Promise<ConversationSummary[]> {
    const query: Record<string, unknown> = {};
    if (filter.channel) query.channel = String(filter.channel);
    if (filter.outcomePrefix) query.outcome = { $regex: `^${escapeRegex(String(filter.outcomePrefix))}` };
    if (filter.startedFrom || filter.startedBefore)
      query.startedAt = {
        ...(filter.startedFrom ? { $gte: String(filter.startedFrom) } : {}),
        ...(filter.startedBefore ? { $lt: String(filter.startedBefore) } : {}),
      };
    if (filter.reservationId) query.reservationIds = String(filter.reservationId);
    const docs = await this.models.conversations
      .find(query)
      .sort({ lastAt: -1, _id: 1 })
      .limit(cursorLimit(limit))
      .lean<ConversationDoc[]>();
    return docs.map(conversationOf);
  }

  async getConversation(id: string): Promise<ConversationSummary | null> {
    const doc = await this.models.conversations.findOne({ _id: String(id) }).lean<ConversationDoc>();
    return doc ? conversationOf(doc) : null;
  }

  async getTranscript(conversationId: string): Promise<TranscriptEntry[]> {
    const docs = await this.models.transcripts
      .find({ conversationId: String(conversationId) })
      .sort({ at: 1, _id: 1 })
      .lean<Array<TranscriptEntry & { _id: Types.ObjectId }>>();
    return docs.map(({ _id, ...entry }) => entry);
  }

  async setConversationOutcome(conversationId: string, outcome: string): Promise<void> {
    await this.models.conversations.updateOne({ _id: String(conversationId) }, { $set: { outcome: String(outcome) } });
  }

  // Outbox

  private outboxFields(e: OutboxEntry): Omit<OutboxDoc, 'leaseSeq'> {
    return { ...withId(e), dedupe: e.dedupeKey !== null ? `key:${e.dedupeKey}` : `id:${e.id}` };
  }

  async enqueueOutbox(e: OutboxEntry): Promise<boolean> {
    try {
      await this.models.outbox.create({ ...this.outboxFields(e), leaseSeq: 0 });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /**
   * Each due entry goes to one leaser: lease n+1 of an entry is taken by inserting the lock
   * "outbox:<id>#<n>", then re-reading the entry (still due, still at lease n) before writing.
   */
  async leaseOutbox(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEntry[]> {
    const { outbox } = this.models;
    const at = now.toISOString();
    const due: QueryFilter<OutboxDoc> = {
      $or: [
        { status: 'pending', nextAttemptAt: { $lte: at } },
        { status: 'sending', leaseUntil: { $ne: null, $lte: at } },
      ],
    };
    const candidates = await outbox
      .find(due, { _id: 1, leaseSeq: 1 })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(Math.max(1, limit) * 3)
      .lean<Array<Pick<OutboxDoc, '_id' | 'leaseSeq'>>>();
    const leased: OutboxEntry[] = [];
    for (const c of candidates) {
      if (leased.length >= limit) break;
      const seq = c.leaseSeq ?? 0;
      await this.exclusive(`outbox:${c._id}#${seq}`, async () => {
        const current = await outbox.findOne({ _id: c._id, ...due }).lean<OutboxDoc>();
        if (!current || (current.leaseSeq ?? 0) !== seq) return false;
        const lease = { status: 'sending' as const, leaseOwner: String(owner), leaseUntil: leaseUntil.toISOString() };
        await outbox.updateOne({ _id: c._id }, { $set: { ...lease, leaseSeq: seq + 1 } });
        const { dedupe: _dedupe, leaseSeq: _seq, ...entry } = current;
        leased.push({ ...withoutId<OutboxEntry>(entry), ...lease });
        return true;
      });
    }
    return leased;
  }

  async updateOutbox(e: OutboxEntry): Promise<void> {
    const { _id, ...fields } = this.outboxFields(e);
    await this.models.outbox.updateOne({ _id }, { $set: fields });
  }

  async listOutbox(limit: number, filter: OutboxFilter = {}): Promise<OutboxEntry[]> {
    const query: Record<string, unknown> = {};
    if (filter.status) query.status = String(filter.status);
    if (filter.reservationId) query.reservationId = String(filter.reservationId);
    if (filter.dedupePrefix) query.dedupeKey = { $regex: `^${escapeRegex(String(filter.dedupePrefix))}` };
    const docs = await this.models.outbox
      .find(query)
      .sort({ createdAt: -1, _id: 1 })
      .limit(cursorLimit(limit))
      .lean<OutboxDoc[]>();
    return docs.map(({ dedupe: _dedupe, leaseSeq: _seq, ...entry }) => withoutId<OutboxEntry>(entry));
  }

  async getOutbox(id: string): Promise<OutboxEntry | null> {
    const doc = await this.models.outbox.findOne({ _id: String(id) }).lean<OutboxDoc>();
    if (!doc) return null;
    const { dedupe: _dedupe, leaseSeq: _seq, ...entry } = doc;
    return withoutId<OutboxEntry>(entry);
  }

  // Live feed

  async appendFeed(e: FeedEvent): Promise<void> {
    await this.models.feed.updateOne(
      { _id: String(e.id) },
      { $setOnInsert: { name: String(e.name), payload: e.payload, at: String(e.at), instance: String(e.instance) } },
      { upsert: true },
    );
  }

  async feedSince(sinceAt: string, limit: number): Promise<FeedEvent[]> {
    const docs = await this.models.feed
      .find({ at: { $gte: String(sinceAt) } })
      .sort({ at: 1, _id: 1 })
      .limit(Math.max(1, Math.floor(limit)))
      .lean<FeedDoc[]>();
    return docs.map((d) => withoutId<FeedEvent>(d));
  }

  async pruneFeed(beforeAt: string): Promise<void> {
    await this.models.feed.deleteMany({ at: { $lt: String(beforeAt) } });
  }

  // Waitlist

  async addWaitlistEntry(e: WaitlistEntry): Promise<void> {
    const { id, ...fields } = e;
    await this.models.waitlist.create({ _id: String(id), ...fields });
  }

  async getWaitlistEntry(id: string): Promise<WaitlistEntry | null> {
    const doc = await this.models.waitlist.findById(String(id)).lean<WaitlistDoc>();
    return doc ? withoutId<WaitlistEntry>(doc) : null;
  }

  async updateWaitlistEntry(e: WaitlistEntry): Promise<void> {
    const { id, ...fields } = e;
    await this.models.waitlist.replaceOne({ _id: String(id) }, fields);
  }

  async listWaitlist(
    restaurantId: string,
    query: { since: string; statuses?: readonly WaitlistStatus[] },
  ): Promise<WaitlistEntry[]> {
    const filter: QueryFilter<WaitlistDoc> = {
      restaurantId: String(restaurantId),
      createdAt: { $gte: String(query.since) },
    };
    if (query.statuses) filter.status = { $in: [...query.statuses] };
    const docs = await this.models.waitlist.find(filter).sort({ createdAt: 1, _id: 1 }).lean<WaitlistDoc[]>();
    return docs.map((d) => withoutId<WaitlistEntry>(d));
  }

  // Callback tasks

  async createCallbackTask(task: CallbackTask): Promise<boolean> {
    const { id, ...fields } = task;
    try {
      await this.models.callbacks.create({ _id: id, ...fields });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async patchCallbackTask(id: string, patch: CallbackPatch, now: Date): Promise<CallbackTask | null> {
    const set: Record<string, unknown> = { updatedAt: now.toISOString() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) set[k] = v;
    // Under the lock (see exclusive): a server that runs $set as read-then-write would let one
    // of two simultaneous patches undo the other.
    let after: CallbackTaskDoc | null = null;
    for (let attempt = 0; attempt < PATCH_ATTEMPTS; attempt++) {
      const done = await this.exclusive(`callback:${id}`, async () => {
        after = await this.models.callbacks
          .findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' })
          .lean<CallbackTaskDoc>();
        return true;
      });
      if (done) return after ? withoutId<CallbackTask>(after) : null;
      await new Promise((resolve) => setTimeout(resolve, 10 + attempt * 5));
    }
    throw new Error(`callback task ${id}: could not take its lock`);
  }

  async getCallbackTask(id: string): Promise<CallbackTask | null> {
    const doc = await this.models.callbacks.findById(String(id)).lean<CallbackTaskDoc>();
    return doc ? withoutId<CallbackTask>(doc) : null;
  }

  async listCallbackTasks(q: CallbackQuery): Promise<CallbackTask[]> {
    const docs = await this.models.callbacks
      .find(q.done === undefined ? {} : { done: q.done })
      .sort({ createdAt: -1, _id: 1 })
      .limit(Math.max(1, Math.floor(q.limit)))
      .lean<CallbackTaskDoc[]>();
    return docs.map((d) => withoutId<CallbackTask>(d));
  }
}

function conversationOf(d: ConversationDoc): ConversationSummary {
  return {
    id: d._id,
    channel: d.channel,
    address: d.address ?? '',
    language: d.language ?? null,
    startedAt: d.startedAt,
    lastAt: d.lastAt,
    turns: d.turns ?? 0,
    reservationIds: d.reservationIds ?? [],
    outcome: d.outcome ?? null,
  };
}

/** A guest- or staff-given string matched literally inside a $regex. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A list's size for the driver: 0 (no limit) past what a 32-bit limit holds ("all of them"). */
function cursorLimit(limit: number): number {
  const n = Math.max(1, Math.floor(limit));
  return n >= 2 ** 31 ? 0 : n;
}
