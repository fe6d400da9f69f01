// Expiring records on the embedded store: one table, one row per (kind, key).
import type Database from 'better-sqlite3';
import type { RecordStore } from '../records';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT, count INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER, PRIMARY KEY (kind, key));
CREATE INDEX IF NOT EXISTS records_expiry ON records (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS record_events (kind TEXT NOT NULL, key TEXT NOT NULL, expires_at INTEGER);
CREATE INDEX IF NOT EXISTS record_events_key ON record_events (kind, key, expires_at);
`;

const ms = (d: Date | null) => (d ? d.getTime() : null);

export class SqliteRecords implements RecordStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  async get<T>(kind: string, key: string, now: Date): Promise<T | null> {
    const row = this.db
      .prepare('SELECT value FROM records WHERE kind = ? AND key = ? AND (expires_at IS NULL OR expires_at > ?)')
      .get(kind, key, now.getTime()) as { value: string | null } | undefined;
    return row?.value != null ? (JSON.parse(row.value) as T) : null;
  }

  async put<T>(kind: string, key: string, value: T, expiresAt: Date | null): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO records (kind, key, value, count, expires_at) VALUES (?, ?, ?, 0, ?) ' +
          'ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, count = 0, expires_at = excluded.expires_at',
      )
      .run(kind, key, JSON.stringify(value), ms(expiresAt));
  }

  async putNew<T>(kind: string, key: string, value: T, expiresAt: Date | null, now: Date): Promise<boolean> {
    const r = this.db
      .prepare(
        'INSERT INTO records (kind, key, value, count, expires_at) VALUES (?, ?, ?, 0, ?) ' +
          'ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, count = 0, expires_at = excluded.expires_at ' +
          'WHERE records.expires_at IS NOT NULL AND records.expires_at <= ?',
      )
      .run(kind, key, JSON.stringify(value), ms(expiresAt), now.getTime());
    return r.changes === 1;
  }

  async increment(kind: string, key: string, expiresAt: Date | null, now: Date): Promise<number> {
    this.db.prepare('INSERT INTO record_events (kind, key, expires_at) VALUES (?, ?, ?)').run(kind, key, ms(expiresAt));
    return this.count(kind, key, now);
  }

  async count(kind: string, key: string, now: Date): Promise<number> {
    const row = this.db
      .prepare(
        'SELECT COUNT(*) AS n FROM record_events WHERE kind = ? AND key = ? AND (expires_at IS NULL OR expires_at > ?)',
      )
      .get(kind, key, now.getTime()) as { n: number };
    return row.n;
  }

  async delete(kind: string, key: string): Promise<void> {
    this.db.prepare('DELETE FROM records WHERE kind = ? AND key = ?').run(kind, key);
    this.db.prepare('DELETE FROM record_events WHERE kind = ? AND key = ?').run(kind, key);
  }

  async sweep(now: Date): Promise<number> {
    const t = now.getTime();
    return (
      this.db.prepare('DELETE FROM records WHERE expires_at IS NOT NULL AND expires_at <= ?').run(t).changes +
      this.db.prepare('DELETE FROM record_events WHERE expires_at IS NOT NULL AND expires_at <= ?').run(t).changes
    );
  }
}
