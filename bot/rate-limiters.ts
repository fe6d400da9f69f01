// Rate limiters by name: each one counts requests per key (a client address, a conversation)
// in a window. On MongoDB the counts live in the database (rate-limiter-flexible's Mongo
// limiter), so several instances behind one address share them: a client cannot multiply its
// budget by the number of instances. On the embedded store there is one instance: memory.
import type { Connection } from 'mongoose';
import { RateLimiterMemory, RateLimiterMongo, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Store } from '../booking-core';

/** A limiter of `points` per `durationSeconds`; `name` keeps its counts apart from the others'. */
export type Limiters = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

export const memoryLimiters: Limiters = (name, points, duration) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration });

/** The collection of every limiter's counts, one document per name and key. */
export const RATE_LIMIT_COLLECTION = 'rateLimits';

/**
 * Limiters counting in MongoDB. While the database does not answer, each instance counts in
 * its memory instead (the insurance limiter): requests are still limited, per instance.
 * Indexes are made here: the limiter's own expiry index is a TTL index, which not every
 * MongoDB-compatible server has; expired counts are swept instead (sweepRateLimits).
 */
export async function mongoLimiters(connection: Connection): Promise<Limiters> {
  await connection.collection(RATE_LIMIT_COLLECTION).createIndex({ key: 1 }, { unique: true });
  await connection.collection(RATE_LIMIT_COLLECTION).createIndex({ expire: 1 });
  return (name, points, duration) =>
    new RateLimiterMongo({
      storeClient: connection,
      tableName: RATE_LIMIT_COLLECTION,
      keyPrefix: name,
      points,
      duration,
      disableIndexesCreation: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    });
}

/** Deletes the counts whose window has passed; returns how many. */
export async function sweepRateLimits(connection: Connection, now: Date): Promise<number> {
  const r = await connection.collection(RATE_LIMIT_COLLECTION).deleteMany({ expire: { $lte: now } });
  return r.deletedCount;
}

/** The MongoDB store's connection, or null for a store that keeps no shared counts. */
export function mongoConnectionOf(store: Store): Connection | null {
  const withConnection = store as Store & { connection?: () => Connection };
  return store.kind === 'mongo' && typeof withConnection.connection === 'function' ? withConnection.connection() : null;
}

/** Takes one point for each key; false when any of them has none left. */
export async function consumeAll(checks: Array<[RateLimiterAbstract, string]>): Promise<boolean> {
  const outcomes = await Promise.allSettled(checks.map(([limiter, key]) => limiter.consume(key)));
  return outcomes.every((o) => o.status === 'fulfilled');
}
