// Expiring records on the MongoDB store: one collection, one document per (kind, key), a
// unique index on both. Expired documents are overwritten in place and swept by the app.
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { RecordStore } from '../records';

interface RecordDoc {
  _id: string;
  kind: string;
  key: string;
  value: string | null;
  count: number;
  expiresAt: Date | null;
}

interface EventDoc {
  _id: string;
  kind: string;
  key: string;
  expiresAt: Date | null;
}

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown) => (err as { code?: number })?.code === DUPLICATE_KEY;
const live = (now: Date) => ({ $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] });
const expired = (now: Date) => ({ expiresAt: { $ne: null, $lte: now } });

export class MongoRecords implements RecordStore {
  constructor(private readonly conn: Connection) {}

  private get collection() {
    return this.conn.collection<RecordDoc>('records');
  }

  /** Counted events, one document each: FerretDB loses concurrent $inc updates, inserts it does not. */
  private get events() {
    return this.conn.collection<EventDoc>('record_events');
  }

  /** `_id` is "<kind>\u0000<key>": one record per key without another unique index. */
  async init(): Promise<void> {
    await this.collection.createIndex({ expiresAt: 1 }, { name: 'records_expiry' });
    await this.events.createIndex({ kind: 1, key: 1, expiresAt: 1 }, { name: 'record_events_key' });
  }

  private id(kind: string, key: string): string {
    return `${kind}\u0000${key}`;
  }

  async get<T>(kind: string, key: string, now: Date): Promise<T | null> {
    const doc = await this.collection.findOne({ _id: this.id(kind, key), ...live(now) });
    return doc?.value != null ? (JSON.parse(doc.value) as T) : null;
  }

  async put<T>(kind: string, key: string, value: T, expiresAt: Date | null): Promise<void> {
    await this.collection.updateOne(
      { _id: this.id(kind, key) },
      { $set: { kind, key, value: JSON.stringify(value), count: 0, expiresAt } },
      { upsert: true },
    );
  }

  async putNew<T>(kind: string, key: string, value: T, expiresAt: Date | null, now: Date): Promise<boolean> {
    const doc = { _id: this.id(kind, key), kind, key, value: JSON.stringify(value), count: 0, expiresAt };
    try {
      await this.collection.insertOne(doc);
      return true;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
    const r = await this.collection.updateOne(
      { _id: doc._id, ...expired(now) },
      { $set: { value: doc.value, count: 0, expiresAt } },
    );
    return r.modifiedCount === 1;
  }

  async increment(kind: string, key: string, expiresAt: Date | null, now: Date): Promise<number> {
    await this.events.insertOne({ _id: randomUUID(), kind, key, expiresAt });
    return this.count(kind, key, now);
  }

  async count(kind: string, key: string, now: Date): Promise<number> {
    return this.events.countDocuments({ kind, key, ...live(now) });
  }

  async delete(kind: string, key: string): Promise<void> {
    await this.collection.deleteOne({ _id: this.id(kind, key) });
    await this.events.deleteMany({ kind, key });
  }

  async sweep(now: Date): Promise<number> {
    const records = await this.collection.deleteMany(expired(now));
    const events = await this.events.deleteMany(expired(now));
    return records.deletedCount + events.deletedCount;
  }
}
