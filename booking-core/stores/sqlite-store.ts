// The embedded store: one SQLite file under DATA_DIR. Claims are rows under a primary key
// (restaurant_id, table_id, slot_start): SQLite refuses a second claim of a table-slot, and
// each write below runs in one IMMEDIATE transaction, so it happens whole or not at all.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { byTableName } from '../assignment';
import type { CallbackPatch, CallbackQuery, CallbackTask } from '../callbacks';
import type { SlotClaim } from '../claims';
import { SlotTakenError } from '../errors';
import type { Reservation, Restaurant, Table } from '../model';
import type { RecordStore } from '../records';
import { SqliteRecords } from './sqlite-records';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS restaurants (id TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables_ (
  restaurant_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (restaurant_id, id));
CREATE TABLE IF NOT EXISTS reservations (
  id TEXT PRIMARY KEY, restaurant_id TEXT NOT NULL, start_at TEXT NOT NULL, status TEXT NOT NULL,
  customer_phone TEXT NOT NULL, hold_expires_at TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reservations_by_start ON reservations (restaurant_id, start_at);
CREATE INDEX IF NOT EXISTS reservations_by_phone ON reservations (customer_phone, start_at);
CREATE TABLE IF NOT EXISTS slot_claims (
  restaurant_id TEXT NOT NULL, table_id TEXT NOT NULL, slot_start TEXT NOT NULL,
  reservation_id TEXT NOT NULL, expires_at TEXT,
  PRIMARY KEY (restaurant_id, table_id, slot_start));
CREATE INDEX IF NOT EXISTS slot_claims_by_reservation ON slot_claims (reservation_id);
CREATE INDEX IF NOT EXISTS slot_claims_by_expiry ON slot_claims (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL, key TEXT NOT NULL, etag TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (collection, key));
CREATE TABLE IF NOT EXISTS transcripts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS transcripts_by_conversation ON transcripts (conversation_id, seq);
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, last_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS conversations_by_last ON conversations (last_at);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, dedupe_key TEXT UNIQUE, status TEXT NOT NULL, next_attempt_at TEXT NOT NULL,
  lease_until TEXT, created_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS feed (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS feed_by_at ON feed (at);
CREATE TABLE IF NOT EXISTS waitlist (
  id TEXT PRIMARY KEY, restaurant_id TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS waitlist_by_day ON waitlist (restaurant_id, created_at);
CREATE TABLE IF NOT EXISTS callback_tasks (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, done INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS callback_tasks_by_age ON callback_tasks (created_at);
CREATE INDEX IF NOT EXISTS reservations_held_by_expiry ON reservations (hold_expires_at) WHERE status = 'held';
CREATE INDEX IF NOT EXISTS outbox_by_age ON outbox (created_at);
CREATE INDEX IF NOT EXISTS outbox_by_status_age ON outbox (status, created_at);
CREATE INDEX IF NOT EXISTS conversations_by_channel ON conversations (json_extract(doc, '$.channel'), last_at);
CREATE INDEX IF NOT EXISTS conversations_by_start ON conversations (json_extract(doc, '$.startedAt'));
`;

type Row = { doc: string };
/** Distinct SQL texts kept prepared; findReservations builds a few dozen at most. */
const MAX_CACHED_STATEMENTS = 200;
const parse = <T>(row: Row | undefined): T | null => (row ? (JSON.parse(row.doc) as T) : null);

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private db!: Database.Database;
  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  private readonly statements = new Map<string, Database.Statement>();
  /** One transaction wrapper for every write (see write()). */
  private immediate!: <T>(fn: () => T) => T;
  /** Bumped by this connection's writes of restaurants and tables (see settingsVersion). */
  private settingsWrites = 0;
  private recordStore: SqliteRecords | null = null;

  /** `file` is a path, or ":memory:" for tests. */
  constructor(private readonly file: string) {}

  async init(): Promise<void> {
    if (this.file !== ':memory:') ownerOnly(this.file);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.statements.clear();
    this.settingsWrites++;
    const tx = this.db.transaction((fn: () => unknown) => fn());
    this.immediate = <T>(fn: () => T) => tx.immediate(fn) as T;
    this.recordStore = new SqliteRecords(this.db);
  }

  records(): RecordStore {
    if (!this.recordStore) throw new Error('SqliteStore is not initialised: call init() first.');
    return this.recordStore;
  }

  async close(): Promise<void> {
    this.statements.clear();
    if (this.db?.open) this.db.close();
  }

  /**
   * The statement for `text`, prepared on first use. Only SQL written in this file comes here;
   * the few texts built at run time (findReservations) vary little, and past the cap a text
   * is prepared for the call, as before.
   */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      if (this.statements.size < MAX_CACHED_STATEMENTS) this.statements.set(text, statement);
    }
    return statement;
  }

  /** The SQL texts prepared so far on this connection (see prepareStatements). */
  statementTexts(): string[] {
    return [...this.statements.keys()];
  }

  /**
   * Prepares statements before their first use: the start-up rehearsal (bot/rehearsal.ts)
   * hands over those its scratch store used, so the first guest does not pay for preparing
   * them. Preparing runs nothing and changes nothing.
   */
  prepareStatements(texts: Iterable<string>): void {
    for (const text of texts) this.sql(text);
  }

  // Restaurant and tables

  /**
   * This connection's own writes of settings, and SQLite's data_version, which changes when
   * another connection (another process on the same file) commits anything.
   */
  settingsVersion(): string {
    const { data_version } = this.sql('PRAGMA data_version').get() as { data_version: number };
    return `${this.settingsWrites}:${data_version}`;
  }

  async getRestaurant(id: string): Promise<Restaurant | null> {
    return parse<Restaurant>(this.sql('SELECT doc FROM restaurants WHERE id = ?').get(id) as Row | undefined);
  }

  async firstRestaurant(): Promise<Restaurant | null> {
    return parse<Restaurant>(
      this.sql('SELECT doc FROM restaurants ORDER BY created_at, id LIMIT 1').get() as Row | undefined,
    );
  }

  async saveRestaurant(r: Restaurant): Promise<void> {
    this.settingsWrites++;
    this.sql(`INSERT INTO restaurants (id, doc, created_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`).run(r.id, JSON.stringify(r), new Date().toISOString());
  }

  async listTables(restaurantId: string): Promise<Table[]> {
    const rows = this.sql('SELECT doc FROM tables_ WHERE restaurant_id = ?').all(restaurantId) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as Table).sort((a, b) => byTableName(a.name, b.name));
  }

  async saveTable(t: Table): Promise<void> {
    this.settingsWrites++;
    this.sql(`INSERT INTO tables_ (restaurant_id, id, doc) VALUES (?, ?, ?)
      ON CONFLICT (restaurant_id, id) DO UPDATE SET doc = excluded.doc`).run(t.restaurantId, t.id, JSON.stringify(t));
  }

  async deleteTable(restaurantId: string, tableId: string): Promise<boolean> {
    this.settingsWrites++;
    return this.sql('DELETE FROM tables_ WHERE restaurant_id = ? AND id = ?').run(restaurantId, tableId).changes > 0;
  }

  // Reservations and claims

  async createReservation(r: Reservation, claims: SlotClaim[], now: Date): Promise<void> {
    this.write(() => {
      this.takeClaims(r.id, claims, now);
      this.insertReservation(r);
    });
  }

  async moveReservation(r: Reservation, claims: SlotClaim[], now: Date): Promise<void> {
    this.write(() => {
      this.takeClaims(r.id, claims, now);
      const keep = new Set(claims.map((c) => `${c.tableId}|${c.slotStart}`));
      const owned = this.sql('SELECT table_id, slot_start FROM slot_claims WHERE reservation_id = ?').all(
        r.id,
      ) as Array<{ table_id: string; slot_start: string }>;
      const drop = this.sql(
        'DELETE FROM slot_claims WHERE restaurant_id = ? AND table_id = ? AND slot_start = ? AND reservation_id = ?',
      );
      for (const o of owned)
        if (!keep.has(`${o.table_id}|${o.slot_start}`)) drop.run(r.restaurantId, o.table_id, o.slot_start, r.id);
      this.updateRow(r);
    });
  }

  async updateReservation(r: Reservation): Promise<void> {
    this.write(() => this.updateRow(r));
  }

  async releaseReservation(r: Reservation): Promise<void> {
    this.write(() => {
      this.sql('DELETE FROM slot_claims WHERE reservation_id = ?').run(r.id);
      this.updateRow(r);
    });
  }

  async confirmHold(r: Reservation, claimCount: number, now: Date): Promise<boolean> {
    return this.write(() => {
      const row = this.sql('SELECT COUNT(*) AS n FROM slot_claims WHERE reservation_id = ? AND expires_at > ?').get(
        r.id,
        now.toISOString(),
      ) as { n: number };
      if (row.n !== claimCount) return false;
      this.sql('UPDATE slot_claims SET expires_at = NULL WHERE reservation_id = ?').run(r.id);
      this.updateRow(r);
      return true;
    });
  }

  async getReservation(id: string): Promise<Reservation | null> {
    return parse<Reservation>(this.sql('SELECT doc FROM reservations WHERE id = ?').get(id) as Row | undefined);
  }

  async findReservations(q: ReservationQuery): Promise<Reservation[]> {
    const where = ['restaurant_id = ?'];
    const args: unknown[] = [q.restaurantId];
    if (q.from) {
      where.push('start_at >= ?');
      args.push(q.from);
    }
    if (q.to) {
      where.push('start_at < ?');
      args.push(q.to);
    }
    if (q.customerPhone) {
      where.push('customer_phone = ?');
      args.push(q.customerPhone);
    }
    if (q.customerEmail) {
      where.push("lower(json_extract(doc, '$.customerEmail')) = ?");
      args.push(q.customerEmail.toLowerCase());
    }
    if (q.statuses) {
      if (!q.statuses.length) return [];
      where.push(`status IN (${q.statuses.map(() => '?').join(', ')})`);
      args.push(...q.statuses);
    }
    const limit = q.limit ? ` LIMIT ${Math.max(1, Math.floor(q.limit))}` : '';
    const rows = this.sql(
      `SELECT doc FROM reservations WHERE ${where.join(' AND ')} ORDER BY start_at, id${limit}`,
    ).all(...args) as Row[];
    return rows.map((row) => JSON.parse(row.doc) as Reservation);
  }

  async claimsOf(reservationId: string): Promise<SlotClaim[]> {
    const rows = this.sql('SELECT * FROM slot_claims WHERE reservation_id = ? ORDER BY table_id, slot_start').all(
      reservationId,
    ) as Array<Record<string, string | null>>;
    return rows.map((c) => ({
      restaurantId: c.restaurant_id as string,
      tableId: c.table_id as string,
      slotStart: c.slot_start as string,
      reservationId: c.reservation_id as string,
      expiresAt: c.expires_at,
    }));
  }

  async sweepExpiredHolds(now: Date): Promise<number> {
    const at = now.toISOString();
    return this.write(() => {
      this.sql('DELETE FROM slot_claims WHERE expires_at IS NOT NULL AND expires_at <= ?').run(at);
      const lapsed = this.sql(`SELECT doc FROM reservations WHERE status = 'held' AND hold_expires_at <= ?`).all(
        at,
      ) as Row[];
      for (const row of lapsed) {
        const r = JSON.parse(row.doc) as Reservation;
        this.updateRow({ ...r, status: 'expired', notes: r.notes, updatedAt: at });
      }
      return lapsed.length;
    });
  }

  private takeClaims(reservationId: string, claims: SlotClaim[], now: Date): void {
    const current = this.sql(
      'SELECT reservation_id, expires_at FROM slot_claims WHERE restaurant_id = ? AND table_id = ? AND slot_start = ?',
    );
    const dropExpired = this.sql('DELETE FROM slot_claims WHERE restaurant_id = ? AND table_id = ? AND slot_start = ?');
    const insert = this.sql(
      `INSERT INTO slot_claims (restaurant_id, table_id, slot_start, reservation_id, expires_at)
        VALUES (?, ?, ?, ?, ?)`,
    );
    const refresh = this.sql(
      'UPDATE slot_claims SET expires_at = ? WHERE restaurant_id = ? AND table_id = ? AND slot_start = ?',
    );
    const at = now.toISOString();
    for (const c of claims) {
      const existing = current.get(c.restaurantId, c.tableId, c.slotStart) as
        | { reservation_id: string; expires_at: string | null }
        | undefined;
      if (existing?.reservation_id === reservationId) {
        refresh.run(c.expiresAt, c.restaurantId, c.tableId, c.slotStart);
        continue;
      }
      if (existing && existing.expires_at !== null && existing.expires_at <= at)
        dropExpired.run(c.restaurantId, c.tableId, c.slotStart);
      try {
        insert.run(c.restaurantId, c.tableId, c.slotStart, reservationId, c.expiresAt);
      } catch (err) {
        if (isUniqueViolation(err)) throw new SlotTakenError(`${c.tableId}@${c.slotStart}`);
        throw err;
      }
    }
  }

  private insertReservation(r: Reservation): void {
    this.sql(
      `INSERT INTO reservations (id, restaurant_id, start_at, status, customer_phone, hold_expires_at, doc)
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.restaurantId, r.startAt, r.status, r.customerPhone, r.holdExpiresAt, JSON.stringify(r));
  }

  private updateRow(r: Reservation): void {
    this.sql(
      'UPDATE reservations SET start_at = ?, status = ?, customer_phone = ?, hold_expires_at = ?, doc = ? WHERE id = ?',
    ).run(r.startAt, r.status, r.customerPhone, r.holdExpiresAt, JSON.stringify(r), r.id);
  }

  /** One IMMEDIATE transaction: takes the write lock first, so concurrent writers queue. */
  private write<T>(fn: () => T): T {
    return this.immediate(fn);
  }

  // Users

  async countUsers(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async getUserByEmail(email: string): Promise<User | null> {
    return parse<User>(this.sql('SELECT doc FROM users WHERE email = ?').get(email.toLowerCase()) as Row | undefined);
  }

  async getUser(id: string): Promise<User | null> {
    return parse<User>(this.sql('SELECT doc FROM users WHERE id = ?').get(id) as Row | undefined);
  }

  async listUsers(): Promise<User[]> {
    return (this.sql('SELECT doc FROM users ORDER BY email').all() as Row[]).map((r) => JSON.parse(r.doc) as User);
  }

  async saveUser(u: User): Promise<void> {
    const user = { ...u, email: u.email.toLowerCase() };
    this.sql(
      `INSERT INTO users (id, email, doc) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET email = excluded.email, doc = excluded.doc`,
    ).run(user.id, user.email, JSON.stringify(user));
  }

  // Documents

  async getDocument<T>(collection: string, key: string): Promise<StoredDocument<T> | null> {
    const row = this.sql('SELECT etag, value FROM documents WHERE collection = ? AND key = ?').get(collection, key) as
      | { etag: string; value: string }
      | undefined;
    return row ? { value: JSON.parse(row.value) as T, etag: row.etag } : null;
  }

  async putDocument<T>(collection: string, key: string, value: T, expectedEtag: string | null): Promise<string | null> {
    const etag = randomUUID();
    const json = JSON.stringify(value);
    if (expectedEtag === null) {
      try {
        this.sql('INSERT INTO documents (collection, key, etag, value) VALUES (?, ?, ?, ?)').run(
          collection,
          key,
          etag,
          json,
        );
        return etag;
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    }
    const changed = this.sql(
      'UPDATE documents SET etag = ?, value = ? WHERE collection = ? AND key = ? AND etag = ?',
    ).run(etag, json, collection, key, expectedEtag).changes;
    return changed ? etag : null;
  }

  async deleteDocument(collection: string, key: string): Promise<void> {
    this.sql('DELETE FROM documents WHERE collection = ? AND key = ?').run(collection, key);
  }

  // Transcripts

  async appendTranscript(e: TranscriptEntry): Promise<void> {
    this.write(() => this.appendTranscriptRow(e));
  }

  async appendTranscripts(entries: TranscriptEntry[]): Promise<void> {
    if (entries.length)
      this.write(() => {
        for (const e of entries) this.appendTranscriptRow(e);
      });
  }

  private appendTranscriptRow(e: TranscriptEntry): void {
    this.sql('INSERT INTO transcripts (conversation_id, doc) VALUES (?, ?)').run(e.conversationId, JSON.stringify(e));
    const existing = parse<ConversationSummary>(
      this.sql('SELECT doc FROM conversations WHERE id = ?').get(e.conversationId) as Row | undefined,
    );
    const summary: ConversationSummary = existing ?? {
      id: e.conversationId,
      channel: e.channel,
      address: e.address ?? '',
      language: e.language ?? null,
      startedAt: e.at,
      lastAt: e.at,
      turns: 0,
      reservationIds: [],
      outcome: null,
    };
    summary.lastAt = e.at;
    summary.turns += e.from === 'guest' ? 1 : 0;
    if (e.language) summary.language = e.language;
    if (e.address && !summary.address) summary.address = e.address;
    if (e.reservationId && !summary.reservationIds.includes(e.reservationId))
      summary.reservationIds.push(e.reservationId);
    this.sql(
      `INSERT INTO conversations (id, last_at, doc) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET last_at = excluded.last_at, doc = excluded.doc`,
    ).run(summary.id, summary.lastAt, JSON.stringify(summary));
  }

  async listConversations(limit: number, filter: ConversationFilter = {}): Promise<ConversationSummary[]> {
    const { clause, args } = whereOf([
      [filter.channel, `json_extract(doc, '$.channel') = ?`],
      [filter.outcomePrefix, `substr(json_extract(doc, '$.outcome'), 1, ?) = ?`, filter.outcomePrefix?.length],
      [filter.startedFrom, `json_extract(doc, '$.startedAt') >= ?`],
      [filter.startedBefore, `json_extract(doc, '$.startedAt') < ?`],
      [filter.reservationId, `EXISTS (SELECT 1 FROM json_each(doc, '$.reservationIds') WHERE value = ?)`],
    ]);
    const rows = this.sql(`SELECT doc FROM conversations ${clause} ORDER BY last_at DESC LIMIT ?`).all(
      ...args,
      limit,
    ) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as ConversationSummary);
  }

  async getConversation(id: string): Promise<ConversationSummary | null> {
    return parse<ConversationSummary>(
      this.sql('SELECT doc FROM conversations WHERE id = ?').get(id) as Row | undefined,
    );
  }

  async getTranscript(conversationId: string): Promise<TranscriptEntry[]> {
    return (
      this.sql('SELECT doc FROM transcripts WHERE conversation_id = ? ORDER BY seq').all(conversationId) as Row[]
    ).map((r) => JSON.parse(r.doc) as TranscriptEntry);
  }

  async setConversationOutcome(conversationId: string, outcome: string): Promise<void> {
    const existing = parse<ConversationSummary>(
      this.sql('SELECT doc FROM conversations WHERE id = ?').get(conversationId) as Row | undefined,
    );
    if (!existing) return;
    this.sql('UPDATE conversations SET doc = ? WHERE id = ?').run(
      JSON.stringify({ ...existing, outcome }),
      conversationId,
    );
  }

  // Outbox

  async enqueueOutbox(e: OutboxEntry): Promise<boolean> {
    try {
      this.sql(
        `INSERT INTO outbox (id, dedupe_key, status, next_attempt_at, lease_until, created_at, doc)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(e.id, e.dedupeKey, e.status, e.nextAttemptAt, e.leaseUntil, e.createdAt, JSON.stringify(e));
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async leaseOutbox(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEntry[]> {
    const at = now.toISOString();
    return this.write(() => {
      const rows = this.sql(`SELECT doc FROM outbox
        WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
        ORDER BY next_attempt_at LIMIT ?`).all(at, at, limit) as Row[];
      return rows.map((row) => {
        const e: OutboxEntry = {
          ...(JSON.parse(row.doc) as OutboxEntry),
          status: 'sending',
          leaseOwner: owner,
          leaseUntil: leaseUntil.toISOString(),
        };
        this.saveOutboxRow(e);
        return e;
      });
    });
  }

  async updateOutbox(e: OutboxEntry): Promise<void> {
    this.saveOutboxRow(e);
  }

  async listOutbox(limit: number, filter: OutboxFilter = {}): Promise<OutboxEntry[]> {
    const { clause, args } = whereOf([
      [filter.status, 'status = ?'],
      [filter.reservationId, `json_extract(doc, '$.reservationId') = ?`],
      [filter.dedupePrefix, 'substr(dedupe_key, 1, ?) = ?', filter.dedupePrefix?.length],
    ]);
    const rows = this.sql(`SELECT doc FROM outbox ${clause} ORDER BY created_at DESC LIMIT ?`).all(
      ...args,
      limit,
    ) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as OutboxEntry);
  }

  async getOutbox(id: string): Promise<OutboxEntry | null> {
    const row = this.sql('SELECT doc FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? (JSON.parse(row.doc) as OutboxEntry) : null;
  }

  private saveOutboxRow(e: OutboxEntry): void {
    this.sql('UPDATE outbox SET status = ?, next_attempt_at = ?, lease_until = ?, doc = ? WHERE id = ?').run(
      e.status,
      e.nextAttemptAt,
      e.leaseUntil,
      JSON.stringify(e),
      e.id,
    );
  }

  // Live feed

  async appendFeed(e: FeedEvent): Promise<void> {
    this.sql('INSERT OR IGNORE INTO feed (id, at, doc) VALUES (?, ?, ?)').run(e.id, e.at, JSON.stringify(e));
  }

  async feedSince(sinceAt: string, limit: number): Promise<FeedEvent[]> {
    return (this.sql('SELECT doc FROM feed WHERE at >= ? ORDER BY at, seq LIMIT ?').all(sinceAt, limit) as Row[]).map(
      (r) => JSON.parse(r.doc) as FeedEvent,
    );
  }

  async pruneFeed(beforeAt: string): Promise<void> {
    this.sql('DELETE FROM feed WHERE at < ?').run(beforeAt);
  }

  // Waitlist

  async addWaitlistEntry(e: WaitlistEntry): Promise<void> {
    this.sql('INSERT INTO waitlist (id, restaurant_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?)').run(
      e.id,
      e.restaurantId,
      e.status,
      e.createdAt,
      JSON.stringify(e),
    );
  }

  async getWaitlistEntry(id: string): Promise<WaitlistEntry | null> {
    return parse<WaitlistEntry>(this.sql('SELECT doc FROM waitlist WHERE id = ?').get(id) as Row | undefined);
  }

  async updateWaitlistEntry(e: WaitlistEntry): Promise<void> {
    this.sql('UPDATE waitlist SET status = ?, doc = ? WHERE id = ?').run(e.status, JSON.stringify(e), e.id);
  }

  async listWaitlist(
    restaurantId: string,
    query: { since: string; statuses?: readonly WaitlistStatus[] },
  ): Promise<WaitlistEntry[]> {
    const rows = this.sql(
      'SELECT doc FROM waitlist WHERE restaurant_id = ? AND created_at >= ? ORDER BY created_at, id',
    ).all(restaurantId, query.since) as Row[];
    const entries = rows.map((r) => JSON.parse(r.doc) as WaitlistEntry);
    return query.statuses ? entries.filter((e) => query.statuses?.includes(e.status)) : entries;
  }
  // Callback tasks

  async createCallbackTask(task: CallbackTask): Promise<boolean> {
    const r = this.sql('INSERT OR IGNORE INTO callback_tasks (id, created_at, done, doc) VALUES (?, ?, ?, ?)').run(
      task.id,
      task.createdAt,
      task.done ? 1 : 0,
      JSON.stringify(task),
    );
    return r.changes === 1;
  }

  async patchCallbackTask(id: string, patch: CallbackPatch, now: Date): Promise<CallbackTask | null> {
    return this.immediate(() => {
      const current = parse<CallbackTask>(this.sql('SELECT doc FROM callback_tasks WHERE id = ?').get(id) as Row);
      if (!current) return null;
      const next: CallbackTask = { ...current, ...definedOnly(patch), updatedAt: now.toISOString() };
      this.sql('UPDATE callback_tasks SET done = ?, doc = ? WHERE id = ?').run(
        next.done ? 1 : 0,
        JSON.stringify(next),
        id,
      );
      return next;
    });
  }

  async getCallbackTask(id: string): Promise<CallbackTask | null> {
    return parse<CallbackTask>(this.sql('SELECT doc FROM callback_tasks WHERE id = ?').get(id) as Row | undefined);
  }

  async listCallbackTasks(q: CallbackQuery): Promise<CallbackTask[]> {
    const limit = Math.max(1, Math.floor(q.limit));
    const rows =
      q.done === undefined
        ? this.sql('SELECT doc FROM callback_tasks ORDER BY created_at DESC, id LIMIT ?').all(limit)
        : this.sql('SELECT doc FROM callback_tasks WHERE done = ? ORDER BY created_at DESC, id LIMIT ?').all(
            q.done ? 1 : 0,
            limit,
          );
    return (rows as Row[]).map((r) => JSON.parse(r.doc) as CallbackTask);
  }
}

/** The patch without its undefined fields (an absent field is left as it is). */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The database holds guests' names, numbers and the staff's password hashes: its folder is
 * made 0700 and its files 0600 (SQLite gives its -wal and -shm files the database file's
 * mode). A folder that already holds the database is tightened too; any other existing folder
 * (DATA_DIR=/srv, say) keeps its mode.
 */
function ownerOnly(file: string): void {
  const dir = dirname(file);
  const fresh = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (fresh || existsSync(file)) chmodSync(dir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * A WHERE clause from the filters that are set: [value, condition, a number bound before the
 * value (a prefix's length)]. The statement text depends only on which are set, so it is cached.
 */
function whereOf(filters: Array<[string | undefined, string, number?]>): { clause: string; args: unknown[] } {
  const conditions: string[] = [];
  const args: unknown[] = [];
  for (const [value, condition, before] of filters) {
    if (!value) continue;
    conditions.push(condition);
    if (before !== undefined) args.push(before);
    args.push(value);
  }
  return { clause: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', args };
}
