// Backups of the embedded store. The backup reads the live database through SQLite's online
// backup API in one step, so it is one consistent snapshot (WAL readers never block the
// server's writes) and is safe while the server serves. A restore replaces the file whole and
// keeps the previous one beside it; the server must be stopped while it runs.
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded store's file in a data directory. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'maitre.db');
}

/** A file name that sorts by time and never collides within a millisecond's run. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '-');
}

/** Copies the live database to `<dir>/maitre-<UTC time>.db`; returns that path. */
export async function backupSqlite(dbFile: string, dir: string, now = new Date()): Promise<string> {
  if (!existsSync(dbFile)) throw new Error(`No database at ${dbFile} (is DATA_DIR right?).`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, `maitre-${stamp(now)}.db`);
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step: a single read snapshot, never restarted by the server's writes.
    await source.backup(target, { progress: () => Number.MAX_SAFE_INTEGER });
  } finally {
    source.close();
  }
  // One self-contained file (the live database's write-ahead-log mode would add -wal/-shm files).
  const copy = new Database(target, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
  // A copy of the guests' data and the staff's password hashes: the owner's only, as the live file.
  chmodSync(target, 0o600);
  checkMaitreDatabase(target);
  return target;
}

/** Refuses a file that is not a whole Maître database. */
export function checkMaitreDatabase(file: string): { reservations: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged (${String(integrity)}).`);
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reservations'").get();
    if (!hasTable) throw new Error(`${file} is not a Maître database (no reservations table).`);
    const { n } = db.prepare('SELECT count(*) AS n FROM reservations').get() as { n: number };
    return { reservations: n };
  } finally {
    db.close();
  }
}

/** Puts `file` in place of the database; the previous one is kept as `<db>.before-restore-<time>`. */
export function restoreSqlite(file: string, dbFile: string, now = new Date()): { kept: string | null } {
  checkMaitreDatabase(file);
  let kept: string | null = null;
  if (existsSync(dbFile)) {
    kept = `${dbFile}.before-restore-${stamp(now)}`;
    // Fold the write-ahead log into the file first, so the kept copy is whole on its own.
    const current = new Database(dbFile, { fileMustExist: true });
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    renameSync(dbFile, kept);
  }
  for (const side of ['-wal', '-shm']) rmSync(`${dbFile}${side}`, { force: true });
  copyFileSync(file, dbFile);
  return { kept };
}
