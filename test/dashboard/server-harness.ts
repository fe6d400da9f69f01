// Starts the real app (createApp) on a free port with a fresh data folder, for the dashboard tests.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';

export const ADMIN = { email: 'owner@example.test', password: 'Owner-Secret-2026!' };
export const JWT_SECRET = 'dashboard-test-secret-0123456789abcdef';

export interface TestServer {
  app: App;
  base: string;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dash-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'http://127.0.0.1:0',
    JWT_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    NODE_ENV: 'test',
    ...env,
  });
  const app = await createApp(config, { log: () => {} });
  await app.listen();
  const address = app.ctx.httpServer.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api<T = unknown>(
  base: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(base + path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function loginAs(base: string, creds: { email: string; password: string } = ADMIN): Promise<string> {
  const r = await api<{ token: string }>(base, '/api/auth/login', { method: 'POST', body: creds });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** Calendar date in Paris, `days` from today. */
export function parisDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** A lunch and a dinner with a few bookings each, tomorrow (always bookable whatever the hour). */
export async function seedService(base: string, token: string): Promise<string> {
  const day = parisDate(1);
  const seed = [
    ['Martin', 2, '12:15', 'T1'],
    ['Dubois', 4, '12:30', 'T3'],
    ['Smith', 6, '19:30', 'T7'],
    ['Bernard', 3, '20:00', 'T5'],
    ['Leroy', 2, '20:45', 'T2'],
    ['Nguyen', 5, '20:15', 'T8'],
  ] as const;
  for (const [name, party, time, table] of seed) {
    const r = await api(base, '/api/admin/reservations', {
      method: 'POST',
      token,
      body: { customerName: name, phoneNumber: '+33612345678', partySize: party, date: day, time, tableIds: [table] },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  return day;
}
