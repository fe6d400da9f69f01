// The embedded store's frequent reads go through an index, not a scan of the whole history:
// SQLite's own query plan for each, on a store made by the store itself.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../../booking-core/stores/sqlite-store';

describe('embedded store indexes', () => {
  it('the hold sweeper, the outbox pages and the conversation filters read through indexes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'maitre-idx-')), 'maitre.db');
    const store = new SqliteStore(file);
    await store.init();
    const db = new Database(file, { readonly: true });
    try {
      const plan = (sql: string, ...args: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>)
          .map((r) => r.detail)
          .join(' | ');
      const cases: Array<[string, string, unknown[]]> = [
        [
          `SELECT doc FROM reservations WHERE status = 'held' AND hold_expires_at <= ?`,
          'reservations_held_by_expiry',
          ['x'],
        ],
        ['SELECT doc FROM outbox ORDER BY created_at DESC LIMIT ?', 'outbox_by_age', [200]],
        [
          'SELECT doc FROM outbox WHERE status = ? ORDER BY created_at DESC LIMIT ?',
          'outbox_by_status_age',
          ['failed', 200],
        ],
        [
          `SELECT doc FROM conversations WHERE json_extract(doc, '$.channel') = ? ORDER BY last_at DESC LIMIT ?`,
          'conversations_by_channel',
          ['sms', 200],
        ],
        [
          `SELECT doc FROM conversations WHERE json_extract(doc, '$.startedAt') >= ?
            AND json_extract(doc, '$.startedAt') < ? ORDER BY last_at DESC LIMIT ?`,
          'conversations_by_start',
          ['a', 'b', 200],
        ],
      ];
      for (const [sql, index, args] of cases) assert.match(plan(sql, ...args), new RegExp(`USING INDEX ${index}`), sql);
    } finally {
      db.close();
      await store.close();
    }
  });
});
