// Small records that expire, beside the bookings: webhook answers kept for Twilio's replays,
// failed logins, messages counted per number and per hour, the version of each user's
// sessions. Both stores keep them (a table, a collection); nothing relies on a TTL index
// (FerretDB has none): the app sweeps expired records, and every read ignores them.

export interface RecordStore {
  /** The value of a live record, or null (absent or expired at `now`). */
  get<T>(kind: string, key: string, now: Date): Promise<T | null>;
  /** Writes a record, replacing any; it lives until `expiresAt` (null: until deleted). */
  put<T>(kind: string, key: string, value: T, expiresAt: Date | null): Promise<void>;
  /** Writes a record only if no live one exists; true when this call wrote it. */
  putNew<T>(kind: string, key: string, value: T, expiresAt: Date | null, now: Date): Promise<boolean>;
  /**
   * Counts one event that is counted until `expiresAt` (null: forever) and returns how many
   * of that key's events are counted at `now`, this one included: a sliding window. Each
   * event is its own record: no read-modify-write for concurrent callers to lose.
   */
  increment(kind: string, key: string, expiresAt: Date | null, now: Date): Promise<number>;
  /** How many of the key's events are still counted at `now`. */
  count(kind: string, key: string, now: Date): Promise<number>;
  delete(kind: string, key: string): Promise<void>;
  /** Deletes the records expired at `now`; returns how many. */
  sweep(now: Date): Promise<number>;
}
