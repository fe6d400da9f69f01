// The staff live feed: no token, no socket; a logged-in socket gets reservation:created.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { api, loginAs, parisDate, startTestServer, type TestServer } from './server-harness';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(async () => {
  await s.stop();
});

function connect(token?: string): Promise<{ socket: Socket; result: 'connected' | string }> {
  const socket = io(s.base, {
    transports: ['websocket'],
    reconnection: false,
    timeout: 3000,
    ...(token ? { auth: { token } } : {}),
  });
  return new Promise((resolve) => {
    socket.on('connect', () => resolve({ socket, result: 'connected' }));
    socket.on('connect_error', (err) => resolve({ socket, result: err.message }));
  });
}

test('a socket without a token is refused', async () => {
  const { socket, result } = await connect();
  socket.close();
  assert.match(result, /unauthorized/);
});

test('a socket with a forged token is refused', async () => {
  const { socket, result } = await connect('not.a.jwt');
  socket.close();
  assert.match(result, /unauthorized/);
});

test('a logged-in socket receives reservation:created for a booking made on the public API', async () => {
  const token = await loginAs(s.base);
  const { socket, result } = await connect(token);
  try {
    assert.equal(result, 'connected');
    const got = new Promise<{ customerName: string; channel: string; status: string }>((resolve) =>
      socket.on('reservation:created', resolve),
    );
    const r = await api(s.base, '/api/reservations', {
      method: 'POST',
      body: {
        customerName: 'Live Feed',
        phoneNumber: '+33655500011',
        partySize: 2,
        date: parisDate(2),
        time: '12:30',
        source: 'website',
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const ev = await Promise.race([got, new Promise<null>((res) => setTimeout(() => res(null), 2000))]);
    assert.ok(ev, 'no reservation:created within 2 s');
    assert.equal(ev.customerName, 'Live Feed');
    assert.equal(ev.status, 'confirmed');
  } finally {
    socket.close();
  }
});
