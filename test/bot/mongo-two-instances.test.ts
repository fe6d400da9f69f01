// Two server processes on one MongoDB database (how production scales out), a burst of
// concurrent bookings of one slot split across both: the unique claims must let exactly the
// tables that fit be booked, refuse the rest with alternatives, and never book a table twice.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { addDays, localDateOf } from '../../booking-core/clock';
import { MONGODB_URI, mongoSkip, NO_MONGO_REASON, RUN_TAG, uriWithDatabase } from '../helpers/mongo-uri';

const ADMIN = { email: 'owner@example.test', password: 'Owner-Secret-2026!' };
const REQUESTS = 40;
/** Demo tables that seat 2: T1, T2 (1–2) and T3–T6 (1–4); T7/T8 start at 3, T3+T4 at 5. */
const TABLES_FOR_TWO = 6;

interface Instance {
  child: ChildProcess;
  base: string;
  output: string[];
}

const here = process.cwd();
const uri = MONGODB_URI ? uriWithDatabase(MONGODB_URI, `two_${RUN_TAG}`) : '';
const dataDir = mkdtempSync(join(tmpdir(), 'maitre-two-'));
const instances: Instance[] = [];

/** Starts `node dist/server.js` on a port of its own choosing; resolves with its URL once it serves. */
function startInstance(name: string): Promise<Instance> {
  const child = spawn(process.execPath, [join(here, 'dist/server.js')], {
    cwd: here,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MONGODB_URI: uri,
      JWT_SECRET: 'two-instances-jwt-secret-0123456789',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_BASE_URL: 'http://127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { child, base: '', output: [] };
  instances.push(instance);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in 60 s:\n${instance.output.join('')}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      instance.output.push(chunk.toString());
      const m = /serving ".*" at (http:\/\/[^\s]+)/.exec(instance.output.join(''));
      if (m && !instance.base) {
        instance.base = m[1];
        clearTimeout(timer);
        resolve(instance);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!instance.base) reject(new Error(`${name} exited with ${code}:\n${instance.output.join('')}`));
    });
  });
}

async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

if (!MONGODB_URI && process.env.CI === 'true') {
  it('the two-instance MongoDB burst runs in CI', () => {
    assert.fail(`${NO_MONGO_REASON} (CI=true: the Mongo suites are required)`);
  });
} else if (!MONGODB_URI) {
  console.log(`# skipping the two-instance MongoDB burst: ${NO_MONGO_REASON}`);
}

describe('two server instances on one MongoDB', { skip: mongoSkip }, () => {
  let a: Instance;
  let b: Instance;

  before(async () => {
    if (!existsSync(join(here, 'dist/server.js'))) {
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: here, stdio: 'inherit' });
      assert.equal(built.status, 0, 'npm run build');
    }
    // One after the other: the first seeds the demo restaurant and the admin, the second finds them.
    a = await startInstance('instance A');
    b = await startInstance('instance B');
  });

  after(async () => {
    for (const i of instances) {
      if (i.child.exitCode === null) {
        const exited = new Promise((resolve) => i.child.once('exit', resolve));
        i.child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (i.child.exitCode === null) i.child.kill('SIGKILL');
      }
    }
    if (uri) {
      const conn = await mongoose.createConnection(uri).asPromise();
      await conn.db?.dropDatabase();
      await conn.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('each serves the demo restaurant from MongoDB', async () => {
    for (const i of [a, b]) {
      const health = await call(i.base, '/health');
      assert.equal(health.status, 200);
      assert.equal(health.body.store, 'mongo');
      const settings = await call(i.base, '/api/settings');
      assert.equal(settings.status, 200);
      assert.equal(settings.body.name, 'Le Petit Bistro');
    }
    assert.notEqual((await call(a.base, '/health')).body.instance, (await call(b.base, '/health')).body.instance);
  });

  it(`a burst of ${REQUESTS} bookings of one slot across both: no table booked twice`, async () => {
    const date = addDays(localDateOf(new Date(), 'Europe/Paris'), 3);
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, (_, n) =>
        call(n % 2 ? b.base : a.base, '/api/reservations', {
          method: 'POST',
          body: {
            customerName: `Guest ${n}`,
            phoneNumber: `+336000000${String(n).padStart(2, '0')}`,
            partySize: 2,
            date,
            time: '19:00',
          },
        }),
      ),
    );
    const booked = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 409);
    assert.equal(
      booked.length + refused.length,
      REQUESTS,
      `unexpected statuses: ${responses.map((r) => r.status).join(',')}`,
    );
    for (const r of refused) {
      assert.equal(r.body.error, 'unavailable');
      assert.ok(Array.isArray(r.body.alternatives) && r.body.alternatives.length > 0, 'a refusal offers alternatives');
    }
    // Every table that seats two is booked once: a loser only gives up when all were taken.
    assert.equal(booked.length, TABLES_FOR_TWO);

    const login = await call(b.base, '/api/auth/login', { method: 'POST', body: ADMIN });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const listed = await call(a.base, `/api/admin/reservations?date=${date}`, { token: login.body.token });
    assert.equal(listed.status, 200);
    const stored = (listed.body as Array<{ tableIds: string[]; status: string; startAt: string }>).filter(
      (r) => r.status === 'confirmed',
    );
    assert.equal(stored.length, booked.length);
    const used = stored.flatMap((r) => r.tableIds);
    const doubleBooked = used.length - new Set(used).size;
    console.log(
      `# ${REQUESTS} requests, ${booked.length} booked, ${REQUESTS - booked.length} refused, ` +
        `${doubleBooked} double-booked (split over 2 instances)`,
    );
    assert.equal(doubleBooked, 0, `tables: ${used.join(',')}`);
    assert.deepEqual(new Set(stored.map((r) => r.startAt)).size, 1);
  });
});
