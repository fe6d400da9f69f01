// `npm run backup` while bookings keep coming: the backup opens, and holds every booking
// committed before it started. Then `npm run restore` puts it back in place of the live file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BookingError, BookingService, demoRestaurant, demoTables } from '../../booking-core';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { sqliteFileIn } from '../../bot/backup';
import { manualClock } from '../helpers/app';

const TIMES = ['12:00', '12:15', '19:00', '19:15', '20:45', '21:00'];

/** Runs the backup CLI as `npm run backup` does, in its own process; resolves with its output. */
function runCli(args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/backup-cli.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, MONGODB_URI: '' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function openService(dataDir: string) {
  const store = new SqliteStore(sqliteFileIn(dataDir));
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables()) await store.saveTable(t);
  return { store, service: new BookingService(store, r.id, { clock: manualClock('2026-11-22T10:00:00Z') }) };
}

describe('backup and restore of the embedded store', () => {
  it('a backup taken during a burst of bookings holds every booking committed before it started', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'maitre-backup-'));
    const { store, service } = await openService(dataDir);
    const committed: string[] = [];
    let backingUp = false;
    let madeDuringBackup = 0;
    let stop = false;
    const burst = (async () => {
      for (let day = 1; day < 59 && !stop; day++) {
        const date = new Date(Date.UTC(2026, 10, 22 + day)).toISOString().slice(0, 10);
        for (const time of TIMES)
          for (let guest = 0; guest < 8 && !stop; guest++) {
            try {
              const { reservation } = await service.book({
                customerName: `Guest ${day}-${time}-${guest}`,
                customerPhone: `+3361234${String(day * 100 + guest).padStart(4, '0')}`,
                partySize: 2,
                date,
                time,
                channel: 'website',
                language: 'fr',
              });
              committed.push(reservation.id);
              if (backingUp) madeDuringBackup++;
            } catch (err) {
              if (!(err instanceof BookingError)) throw err;
            }
            // Let the child process and the event loop breathe between bookings, as a server would.
            await new Promise((r) => setImmediate(r));
          }
      }
    })();
    while (committed.length < 50) await new Promise((r) => setImmediate(r));
    const before = [...committed];
    backingUp = true;
    const { code, out } = await runCli(['backup'], dataDir);
    backingUp = false;
    stop = true;
    await burst;
    assert.equal(code, 0, out);
    assert.ok(madeDuringBackup > 0, 'bookings kept being made while the backup ran');

    const files = readdirSync(join(dataDir, 'backups'));
    assert.equal(files.length, 1);
    assert.match(files[0], /^maitre-\d{8}T\d{6}-\d{3}Z\.db$/);
    const copy = new SqliteStore(join(dataDir, 'backups', files[0]));
    await copy.init();
    for (const id of before) assert.ok(await copy.getReservation(id), `booking ${id} is in the backup`);
    await copy.close();

    // Restore (server stopped): the live file becomes the backup; the replaced one is kept.
    const after = committed.length;
    await store.close();
    const restored = await runCli(['restore', join(dataDir, 'backups', files[0])], dataDir);
    assert.equal(restored.code, 0, restored.out);
    assert.match(restored.out, /previous database is kept as .*before-restore/);
    const live = new SqliteStore(sqliteFileIn(dataDir));
    await live.init();
    for (const id of before) assert.ok(await live.getReservation(id));
    const all = await Promise.all(committed.slice(0, after).map((id) => live.getReservation(id)));
    assert.ok(all.filter(Boolean).length < after, 'bookings made after the backup are not in the restored file');
    await live.close();
  });

  it('refuses to restore a file that is not a Maître database, and keeps the live one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'maitre-backup-'));
    const { store, service } = await openService(dataDir);
    const { reservation } = await service.book({
      customerName: 'Alice Martin',
      customerPhone: '+33612345678',
      partySize: 2,
      date: '2026-11-25',
      time: '19:00',
      channel: 'website',
      language: 'fr',
    });
    await store.close();
    const result = await runCli(['restore', join(process.cwd(), 'package.json')], dataDir);
    assert.equal(result.code, 1);
    assert.match(result.out, /error: /);
    const live = new SqliteStore(sqliteFileIn(dataDir));
    await live.init();
    assert.ok(await live.getReservation(reservation.id));
    await live.close();
  });
});
