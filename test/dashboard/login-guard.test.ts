// Failed staff logins over HTTP: a limit per client address (the real client behind
// TRUST_PROXY proxies, the connection without it) and a per-account wait that grows with each
// further failure. Only failures count.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lockMs } from '../../dashboard/login-guard';
import { ADMIN, manualClock, startTestServer, type TestServer } from '../helpers/app';

const login = (s: TestServer, body: { email: string; password: string }, from?: string) =>
  s.json('/api/auth/login', { body, headers: from ? { 'X-Forwarded-For': from } : {} });

/** Ten failed logins, each for a different unknown account, so no account lock is involved. */
async function tenFailures(s: TestServer, from: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const r = await login(s, { email: `nobody${i}@example.test`, password: 'guess' }, from);
    assert.equal(r.status, 401, JSON.stringify(r.body));
  }
}

describe('logins behind a proxy (TRUST_PROXY=1)', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT_PER_MINUTE: '10' } });
  });
  after(() => s.close());

  it('ten failed logins from one forwarded address do not lock out a login from another', async () => {
    await tenFailures(s, '203.0.113.7');
    const again = await login(s, { email: 'nobody@example.test', password: 'guess' }, '203.0.113.7');
    assert.equal(again.status, 429, 'the failing address is limited');
    assert.equal(again.body.error, 'rate_limited');
    const other = await login(s, ADMIN, '198.51.100.9');
    assert.equal(other.status, 200, JSON.stringify(other.body));
  });

  it('believes only the hop our proxy added: a forged first entry does not dodge the limit', async () => {
    const r = await login(s, ADMIN, '192.0.2.55, 203.0.113.7');
    assert.equal(r.status, 429);
  });
});

describe('logins without TRUST_PROXY', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10' } });
  });
  after(() => s.close());

  it('ignores X-Forwarded-For: the connection is the client', async () => {
    await tenFailures(s, '203.0.113.7');
    const other = await login(s, ADMIN, '198.51.100.9');
    assert.equal(other.status, 429, 'another forwarded address changes nothing');
  });
});

describe('per-account lockout', () => {
  const clock = manualClock(new Date());
  let s: TestServer;
  let waiter: { email: string; password: string };
  before(async () => {
    s = await startTestServer({ clock, env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    waiter = { email: 'waiter@example.test', password: 'Waiter-Secret-2026' };
    const admin = await s.login();
    const made = await s.json('/api/admin/users', { token: admin, body: { ...waiter, name: 'Waiter', role: 'staff' } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
  });
  after(() => s.close());

  const wrong = (from: string) => login(s, { email: waiter.email, password: 'not-it' }, from);

  it('successful logins cost nothing and clear the count', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await wrong('203.0.113.20')).status, 401);
    assert.equal((await login(s, waiter, '203.0.113.20')).status, 200);
    for (let i = 0; i < 4; i++) assert.equal((await wrong('203.0.113.20')).status, 401);
    assert.equal((await login(s, waiter, '203.0.113.20')).status, 200, 'four more failures: still no wait');
  });

  it('from the fifth failure the account waits, from any address, and the wait grows', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await wrong(`203.0.113.${30 + i}`)).status, 401);
    const locked = await login(s, waiter, '198.51.100.40');
    assert.equal(locked.status, 429, 'even the right password waits');
    assert.match(locked.body.message, /for this account; try again in 30 s/);

    clock.advance(1); // past the 30 s wait
    assert.equal((await wrong('203.0.113.41')).status, 401);
    const longer = await login(s, waiter, '198.51.100.40');
    assert.equal(longer.status, 429);
    assert.match(longer.body.message, /try again in 60 s/);

    clock.advance(2);
    const ok = await login(s, waiter, '198.51.100.40');
    assert.equal(ok.status, 200, 'after the wait the right password works');
  });

  it('the wait doubles up to 15 minutes', () => {
    assert.deepEqual(
      [4, 5, 6, 7, 8, 20].map((n) => lockMs(n) / 1000),
      [0, 30, 60, 120, 240, 900],
    );
  });
});
