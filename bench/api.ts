// Through the public API on a real server: booking throughput, a burst on one slot, and the
// live event's latency from commit to a dashboard socket.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { addDays, localDateOf } from '../booking-core';
import { createApp, type App } from '../bot/app';
import { loadConfig } from '../bot/config';
import { median, percentile } from './measure';

const ADMIN = { email: 'bench@example.test', password: 'Bench-Password-1' };

export async function startBenchServer(env: Record<string, string> = {}): Promise<{ app: App; base: string }> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'maitre-bench-')),
    JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '10000000',
    // Throughput from one address and burst guests: the per-sender caps are not what is measured here.
    BOOKINGS_PER_ADDRESS_PER_HOUR: '100000',
    ACTIVE_BOOKINGS_PER_GUEST: '1000',
    MESSAGES_PER_NUMBER_PER_DAY: '1000',
    SMS_PER_HOUR: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    TWILIO_AUTH_TOKEN: 'bench-twilio-token',
    NODE_ENV: 'production',
    ...env,
  });
  const app = await createApp(config, { log: () => undefined });
  await app.listen();
  const address = app.ctx.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  app.ctx.config.publicBaseUrl = base;
  return { app, base };
}

const post = (base: string, body: unknown) =>
  fetch(`${base}/api/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Bookings per second with `concurrency` clients, each booking a distinct free slot. */
export async function bookingThroughput(base: string, count: number, concurrency: number, firstDayOffset: number) {
  const today = localDateOf(new Date(), 'Europe/Paris');
  const times = ['12:00', '12:30', '13:00', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30', '22:00'];
  const jobs = Array.from({ length: count }, (_, i) => ({
    customerName: `Bench ${i}`,
    phoneNumber: `+3361${String(i).padStart(7, '0')}`,
    partySize: 2,
    // One booking per time per day: every request can be booked, so the rate is of bookings made, not refused.
    date: addDays(today, firstDayOffset + Math.floor(i / times.length)),
    time: times[i % times.length],
    source: 'website',
  }));
  let next = 0,
    ok = 0,
    refused = 0,
    other = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const r = await post(base, jobs[next++]);
        await r.arrayBuffer();
        if (r.status === 201) ok++;
        else if (r.status === 409) refused++;
        else other++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { bookingsPerSecond: ok / seconds, booked: ok, refused, errors: other };
}

/** `n` concurrent requests for one slot: booked, refused, and tables held twice (must be 0). */
export async function burst(app: App, base: string, n: number, dayOffset: number) {
  const date = addDays(localDateOf(new Date(), 'Europe/Paris'), dayOffset);
  const rs = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      post(base, {
        customerName: `Burst ${i}`,
        phoneNumber: `+3362${String(i).padStart(7, '0')}`,
        partySize: 2,
        date,
        time: '20:00',
      }),
    ),
  );
  const codes = rs.map((r) => r.status);
  const stored = await app.ctx.store.findReservations({ restaurantId: app.ctx.restaurantId, statuses: ['confirmed'] });
  const onDay = stored.filter(
    (r) => r.customerName.startsWith('Burst ') && localDateOf(new Date(r.startAt), 'Europe/Paris') === date,
  );
  const tables = onDay.flatMap((r) => r.tableIds);
  return {
    requests: n,
    booked: codes.filter((c) => c === 201).length,
    refused: codes.filter((c) => c === 409).length,
    doubleBooked: tables.length - new Set(tables).size,
  };
}

/** From a booking request to a staff socket receiving its reservation:created. */
export async function liveEventLatency(base: string, runs: number) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => resolve());
    socket.on('connect_error', reject);
  });
  const samples: number[] = [];
  const today = localDateOf(new Date(), 'Europe/Paris');
  for (let i = 0; i < runs; i++) {
    const seen = new Promise<number>((resolve) => socket.once('reservation:created', () => resolve(performance.now())));
    const t = performance.now();
    const r = await post(base, {
      customerName: `Live ${i}`,
      phoneNumber: `+3363${String(i).padStart(7, '0')}`,
      partySize: 2,
      date: addDays(today, 40 + Math.floor(i / 10)),
      time: ['12:00', '12:30', '13:00', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30', '22:00'][i % 10],
    });
    await r.arrayBuffer();
    // The event leaves in the same tick as the commit, often before the 201 reaches us:
    // the figure is from the request being sent to the event being received.
    samples.push((await seen) - t);
  }
  socket.close();
  return { p50: median(samples), p95: percentile(samples, 0.95) };
}
