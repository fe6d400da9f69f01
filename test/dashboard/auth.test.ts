// Staff sessions over HTTP and the live socket: a password reset, a role change or a disable
// ends every session of that user at once; enabling the account again does not bring them
// back; tokens without an expiry, or living longer than JWT_TTL, are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jwt from 'jsonwebtoken';
import { io, type Socket } from 'socket.io-client';
import { ADMIN, api, JWT_SECRET, loginAs, parisDate, startTestServer, type TestServer } from './server-harness';

let s: TestServer;
let admin: string;
before(async () => {
  s = await startTestServer({ JWT_TTL: '2h' });
  admin = await loginAs(s.base);
});
after(() => s.stop());

let staffCount = 0;
/** A new staff account, logged in. */
async function newStaff(): Promise<{ id: string; email: string; password: string; token: string }> {
  const email = `waiter${++staffCount}@example.test`;
  const password = 'Waiter-Secret-2026';
  const made = await api<{ id: string }>(s.base, '/api/admin/users', {
    method: 'POST',
    token: admin,
    body: { email, name: `Waiter ${staffCount}`, role: 'staff', password },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  return { id: made.body.id, email, password, token: await loginAs(s.base, { email, password }) };
}

const me = (token: string) => api(s.base, '/api/auth/me', { token });

function connect(token: string): Promise<{ socket: Socket; result: string }> {
  const socket = io(s.base, { transports: ['websocket'], reconnection: false, timeout: 3000, auth: { token } });
  return new Promise((resolve) => {
    socket.on('connect', () => resolve({ socket, result: 'connected' }));
    socket.on('connect_error', (err) => resolve({ socket, result: err.message }));
  });
}

/** Why the server closed the socket; fails the test if it is still open after 3 s. */
const closed = (socket: Socket) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket is still open')), 3000);
    socket.on('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

describe('ending staff sessions', () => {
  it('a password reset makes the old token 401 at once, on REST and on the socket', async () => {
    const waiter = await newStaff();
    assert.equal((await me(waiter.token)).status, 200);
    const { socket, result } = await connect(waiter.token);
    assert.equal(result, 'connected');
    const socketClosed = closed(socket);

    const reset = await api(s.base, `/api/admin/users/${waiter.id}/password`, {
      method: 'POST',
      token: admin,
      body: { password: 'A-New-Secret-2026' },
    });
    assert.equal(reset.status, 200);

    const after = await me(waiter.token);
    assert.equal(after.status, 401);
    assert.equal((after.body as { error: string }).error, 'unauthorized');
    assert.equal(await socketClosed, 'io server disconnect');
    const again = await connect(waiter.token);
    again.socket.close();
    assert.match(again.result, /unauthorized/);

    const fresh = await loginAs(s.base, { email: waiter.email, password: 'A-New-Secret-2026' });
    assert.equal((await me(fresh)).status, 200, 'the new password opens a new session');
  });

  it('a role change ends the sessions; the new role needs a new login', async () => {
    const waiter = await newStaff();
    const promote = await api(s.base, `/api/admin/users/${waiter.id}`, {
      method: 'PATCH',
      token: admin,
      body: { role: 'admin' },
    });
    assert.equal(promote.status, 200);
    assert.equal((await me(waiter.token)).status, 401);
    const fresh = await loginAs(s.base, { email: waiter.email, password: waiter.password });
    const users = await api(s.base, '/api/admin/users', { token: fresh });
    assert.equal(users.status, 200, 'the new token carries the new role');
  });

  it('a disable ends the sessions and enabling again does not bring the old token back', async () => {
    const waiter = await newStaff();
    const patch = (disabled: boolean) =>
      api(s.base, `/api/admin/users/${waiter.id}`, { method: 'PATCH', token: admin, body: { disabled } });
    assert.equal((await patch(true)).status, 200);
    assert.equal((await me(waiter.token)).status, 401);
    assert.equal((await patch(false)).status, 200);
    assert.equal((await me(waiter.token)).status, 401, 'the old token stays dead');
    const fresh = await loginAs(s.base, { email: waiter.email, password: waiter.password });
    assert.equal((await me(fresh)).status, 200);
  });

  it('a session ended elsewhere (another instance) closes the socket at its next event', async () => {
    const waiter = await newStaff();
    const { socket, result } = await connect(waiter.token);
    assert.equal(result, 'connected');
    let events = 0;
    socket.on('reservation:created', () => events++);
    const socketClosed = closed(socket);
    // What another instance does on a reset: only the store knows.
    await s.app.ctx.auth.endSessions(waiter.id);
    const booked = await api(s.base, '/api/reservations', {
      method: 'POST',
      body: {
        customerName: 'Feed Check',
        phoneNumber: '+33655500012',
        partySize: 2,
        date: parisDate(3),
        time: '12:30',
      },
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal(await socketClosed, 'io server disconnect');
    assert.equal(events, 0, 'the ended session received no booking');
  });
});

describe('token lifetimes', () => {
  const claimsOf = async () => {
    const who = await me(admin);
    const user = (who.body as { user: { id: string; email: string } }).user;
    return { sub: user.id, email: user.email, role: 'admin', ver: 0 };
  };

  it('refuses a token without an expiry', async () => {
    const token = jwt.sign(await claimsOf(), JWT_SECRET, { algorithm: 'HS256' });
    assert.equal((await me(token)).status, 401);
  });

  it('refuses a token that lives longer than JWT_TTL (2 h here)', async () => {
    const token = jwt.sign(await claimsOf(), JWT_SECRET, { algorithm: 'HS256', expiresIn: '24h' });
    assert.equal((await me(token)).status, 401);
  });

  it('accepts the same claims within JWT_TTL', async () => {
    const token = jwt.sign(await claimsOf(), JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
    assert.equal((await me(token)).status, 200);
    const login = await api<{ token: string }>(s.base, '/api/auth/login', { method: 'POST', body: ADMIN });
    const decoded = jwt.decode(login.body.token) as { exp: number; iat: number };
    assert.equal(decoded.exp - decoded.iat, 2 * 3600, 'login signs for JWT_TTL');
  });
});
