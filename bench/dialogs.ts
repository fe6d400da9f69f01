// The conversation's own cost, in process (no HTTP): a first turn that carries a whole booking
// request (understood, the table looked at, state and transcript written, reply built), and a
// whole booking conversation of three turns, on the embedded store in a temporary file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookingService, demoRestaurant, demoTables } from '../booking-core';
import { SqliteStore } from '../booking-core/stores/sqlite-store';
import { createBot } from '../bot/create-bot';
import { percentile } from './measure';

const FIRST_TURNS = [
  'Bonjour, une table pour 2 demain à 20h',
  'Hi, a table for 4 tomorrow at 7:30pm',
  'Réservation pour 3 personnes après-demain à 12h30',
  'Can I book for 2 the day after tomorrow at 9pm?',
];

export async function benchDialogs(
  runs = 300,
): Promise<Array<{ name: string; p50: number; p95: number; raw: Record<string, number> }>> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'maitre-bench-dialogs-')), 'maitre.db'));
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables(r.id)) await store.saveTable(t);
  const bookings = new BookingService(store, r.id);
  const t0 = performance.now();
  const { respond } = createBot({ store, bookings, reminders: false, log: () => {} });
  const startupMs = performance.now() - t0;
  let n = 0;
  const message = (phone: string, text: string) => ({
    type: 'message',
    channelId: 'sms',
    conversation: { id: `sms:${phone}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: phone, name: '' },
    text,
    locale: 'fr-FR',
  });
  const first: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < runs + 30; i++) {
    const phone = `+3361${String(1_000_000 + n++).slice(-7)}`;
    const t = performance.now();
    await respond(message(phone, FIRST_TURNS[i % FIRST_TURNS.length]));
    if (i >= 30) first.push(performance.now() - t);
  }
  for (let i = 0; i < Math.min(runs, 100) + 10; i++) {
    const phone = `+3362${String(1_000_000 + n++).slice(-7)}`;
    const t = performance.now();
    await respond(message(phone, `Une table pour 2 le ${1 + (i % 20)} décembre à ${12 + (i % 2) * 8}h`));
    await respond(message(phone, 'Au nom de Martin'));
    await respond(message(phone, 'non'));
    if (i >= 10) whole.push(performance.now() - t);
  }
  await store.close();
  return [
    row('first turn with a whole booking request (in process, embedded store)', first, { startupMs }),
    row('three-turn booking conversation, request → name → read-back answer', whole, {}),
  ];
}

function row(name: string, samples: number[], extra: Record<string, number>) {
  const p50 = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);
  return { name, p50, p95, raw: { p50, p95, ...extra } };
}
