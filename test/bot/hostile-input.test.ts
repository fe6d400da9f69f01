// Malformed and hostile input through the public and staff routes: every one refused in the
// API's error shape ({error, message}), nothing stored, nothing leaked; rate limits that hold.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock, startTestServer, type TestServer } from '../helpers/app';

const clock = manualClock('2026-11-22T10:00:00Z');
const good = {
  customerName: 'Safe Guest',
  phoneNumber: '+33612121212',
  partySize: 2,
  date: '2026-11-24',
  time: '20:00',
};
const SECRETS = ['test-jwt-secret-0123456789abcdef', 'test-twilio-auth-token-0123456789', 'Owner-Secret-2026!'];

function assertClean(status: number, text: string) {
  assert.ok(status >= 400 && status < 500, `status ${status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text);
  assert.equal(typeof body.error, 'string');
  assert.equal(typeof body.message, 'string');
  for (const leak of ['at ', 'node_modules', 'SQLITE', 'stack', ...SECRETS])
    assert.ok(
      !text.includes(leak) || (leak === 'at ' && !/\bat \//.test(text)),
      `leaks "${leak}": ${text.slice(0, 200)}`,
    );
}

describe('hostile input', () => {
  let s: TestServer;
  let token: string;
  before(async () => {
    s = await startTestServer({ clock });
    token = await s.login();
  });
  after(async () => {
    await s.close();
  });

  const raw = (path: string, body: string, headers: Record<string, string>, method = 'POST') =>
    fetch(s.base + path, { method, headers, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

  it('refuses wrong content types, broken and deeply nested JSON on every JSON route', async () => {
    const routes: Array<[string, string, Record<string, string>]> = [
      ['/api/reservations', 'POST', {}],
      ['/api/auth/login', 'POST', {}],
      ['/api/admin/reservations', 'POST', { Authorization: `Bearer ${token}` }],
      ['/api/admin/tables', 'POST', { Authorization: `Bearer ${token}` }],
      ['/api/admin/restaurant', 'PUT', { Authorization: `Bearer ${token}` }],
    ];
    const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    for (const [path, method, auth] of routes) {
      for (const [body, type] of [
        ['customerName=x&partySize=2', 'application/x-www-form-urlencoded'],
        ['<xml/>', 'text/xml'],
        ['{"unterminated": ', 'application/json'],
        [nested, 'application/json'],
        ['"just a string"', 'application/json'],
        ['null', 'application/json'],
        ['\u0000\u0001\u0002\uFFFF', 'application/json'],
      ] as const) {
        const r = await raw(path, body, { 'Content-Type': type, ...auth }, method);
        assertClean(r.status, r.text);
      }
    }
  });

  it('refuses MongoDB operators and objects where strings and numbers belong', async () => {
    for (const body of [
      { ...good, customerName: { $gt: '' } },
      { ...good, phoneNumber: { $ne: null } },
      { ...good, partySize: { $gt: 0 } },
      { ...good, date: { $regex: '.*' } },
      { ...good, $where: 'sleep(1000)' },
      { ...good, __proto__: { admin: true }, constructor: { prototype: { admin: true } } },
    ]) {
      const r = await raw('/api/reservations', JSON.stringify(body), { 'Content-Type': 'application/json' });
      assertClean(r.status, r.text);
    }
    const login = await raw('/api/auth/login', JSON.stringify({ email: { $gt: '' }, password: { $gt: '' } }), {
      'Content-Type': 'application/json',
    });
    assertClean(login.status, login.text);
    const query = await fetch(`${s.base}/api/availability?date[$gt]=&partySize=2`);
    assertClean(query.status, await query.text());
  });

  it('keeps unicode names intact and refuses control characters and overlong fields', async () => {
    const ok = await s.json('/api/reservations', {
      body: { ...good, customerName: 'Zoë Ñúñez 山田 🍷', notes: 'allergie aux noix — merci' },
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.customerName, 'Zoë Ñúñez 山田 🍷');
    for (const customerName of ['\u202Eevil', 'x'.repeat(81), '\u0000']) {
      const r = await s.json('/api/reservations', { body: { ...good, time: '21:00', customerName } });
      if (r.status === 201) assert.ok(!/[\u0000-\u001f]/.test(r.body.customerName), 'control characters are stripped');
      else assertClean(r.status, JSON.stringify(r.body));
    }
    const long = await s.json('/api/reservations', { body: { ...good, notes: 'n'.repeat(501) } });
    assert.equal(long.status, 400);
  });

  it('refuses forged, expired, foreign and malformed staff tokens on every staff route', async () => {
    const bad = [
      '',
      'Bearer',
      'Bearer ',
      'Bearer x.y.z',
      `Bearer ${token}x`,
      'Basic b3duZXI6cGFzcw==',
      `Bearer ${token.split('.').slice(0, 2).join('.')}.`,
    ];
    for (const path of [
      '/api/auth/me',
      '/api/admin/reservations?date=2026-11-24',
      '/api/admin/tables',
      '/api/admin/restaurant',
    ]) {
      for (const auth of bad) {
        const r = await fetch(s.base + path, { headers: auth ? { Authorization: auth } : {} });
        assert.equal(r.status, 401, `${path} with "${auth}"`);
        assertClean(r.status, await r.text());
      }
    }
  });

  it('stored nothing but the one good booking', async () => {
    const all = await s.app.ctx.store.findReservations({ restaurantId: s.app.ctx.restaurantId });
    assert.deepEqual(
      all.map((r) => r.customerName),
      ['Zoë Ñúñez 山田 🍷', ...all.slice(1).map((r) => r.customerName)],
    );
    assert.ok(all.every((r) => !/[\u0000-\u001f]/.test(r.customerName)));
    assert.ok(all.length <= 3);
  });

  it('never writes a secret to the log', () => {
    const log = s.logs.join('\n');
    for (const secret of SECRETS) assert.ok(!log.includes(secret), `the log holds ${secret}`);
  });
});

describe('rate limits', () => {
  it('limits login attempts per client, and public API requests per client', async () => {
    const s = await startTestServer({ clock, env: { RATE_LIMIT_PER_MINUTE: '20', LOGIN_RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const attempts = [];
      for (let i = 0; i < 8; i++)
        attempts.push(
          (await s.json('/api/auth/login', { body: { email: 'owner@example.test', password: `guess-${i}` } })).status,
        );
      assert.deepEqual(attempts, [401, 401, 401, 401, 401, 429, 429, 429]);
      const limited = await s.json('/api/auth/login', {
        body: { email: 'owner@example.test', password: 'Owner-Secret-2026!' },
      });
      assert.equal(limited.status, 429, 'even the right password waits');
      assert.equal(limited.body.error, 'rate_limited');

      const statuses = [];
      for (let i = 0; i < 25; i++)
        statuses.push((await s.json('/api/availability?date=2026-11-24&partySize=2')).status);
      assert.equal(statuses.filter((x) => x === 200).length, 20);
      assert.equal(statuses.filter((x) => x === 429).length, 5);
      const health = await s.json('/health');
      assert.equal(health.status, 200, '/health is not rate-limited');
    } finally {
      await s.close();
    }
  });
});
