// Starts the whole server in-process on a free port, with a fresh embedded store, for tests
// that talk to it over real HTTP as a website or a staff client would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../booking-core';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';

export const ADMIN = { email: 'owner@example.test', password: 'Owner-Secret-2026!' };
export const TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';

export interface TestServer {
  app: App;
  base: string;
  dataDir: string;
  logs: string[];
  close(): Promise<void>;
  json(
    path: string,
    init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  login(credentials?: { email: string; password: string }): Promise<string>;
}

export async function startTestServer(
  options: { env?: Record<string, string>; clock?: Clock; dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'maitre-test-'));
  const logs: string[] = [];
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-jwt-secret-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Tests book many tables from one address; the limit has its own test (test/bot/security/caps).
    BOOKINGS_PER_ADDRESS_PER_HOUR: '100000',
    NODE_ENV: 'test',
    ...options.env,
  });
  const app = await createApp(config, { clock: options.clock, log: (l) => logs.push(l) });
  await app.listen();
  const address = app.ctx.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  if (!options.env?.PUBLIC_BASE_URL) app.ctx.config.publicBaseUrl = base;
  const json: TestServer['json'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.body !== undefined) headers['Content-Type'] ??= 'application/json';
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    const res = await fetch(base + path, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  };
  return {
    app,
    base,
    dataDir,
    logs,
    json,
    close: () => app.close(),
    login: async (credentials = ADMIN) => {
      const r = await json('/api/auth/login', { body: credentials });
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(
  start: string | Date,
): Clock & { set(t: string | Date): void; advance(minutes: number): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as Clock & { set(t: string | Date): void; advance(minutes: number): void };
  clock.set = (t) => {
    now = new Date(t);
  };
  clock.advance = (m) => {
    now = new Date(now.getTime() + m * 60_000);
  };
  return clock;
}
