// Run in a fresh process by bench/run.ts: the first guest of the day against the hundredth.
// Start-up warms the recognizers and rehearses a FR and an EN turn, so the first guest should
// not pay for loading or compiling them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookingService, demoRestaurant, demoTables } from '../booking-core';
import { SqliteStore } from '../booking-core/stores/sqlite-store';
import { createBot } from '../bot/create-bot';
import { bookingRequest } from './turns';

async function main() {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'maitre-bench-first-')), 'maitre.db'));
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables(r.id)) await store.saveTable(t);
  const t0 = performance.now();
  const { respond, ready } = createBot({
    store,
    bookings: new BookingService(store, r.id),
    reminders: false,
    log: () => {},
  });
  // As a server does before it listens: start-up includes the rehearsal turns.
  await ready;
  const startupMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const phone = `+3365${String(1_000_000 + i).slice(-7)}`;
    const t = performance.now();
    await respond({
      type: 'message',
      channelId: 'sms',
      conversation: { id: `sms:${phone}`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: phone, name: '' },
      text: bookingRequest(i, 'fr'),
      locale: 'fr-FR',
    });
    times.push(performance.now() - t);
  }
  await store.close();
  const sorted = times.slice(80).sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      startupMs,
      firstMs: times[0],
      secondMs: times[1],
      hundredthMs: times[99],
      median81to100Ms: sorted[Math.floor(sorted.length / 2)],
    })}\n`,
  );
  process.exit(0);
}

void main();
