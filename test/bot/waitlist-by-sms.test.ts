// A guest texts for a table tonight when the evening is full: through Twilio's signed webhook
// the bot offers the waitlist, "oui" puts them on it, and the host sees them on the staff API
// and live on the socket, as an SMS entry in French. The clock is Wednesday 25 November 2026,
// 10:00 in Paris; that Wednesday the restaurant seats once, at 19:00, and every table is taken.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { sid, twilioPost, twimlTexts } from '../adapters/adapter-harness';
import { manualClock, startTestServer, type TestServer } from '../helpers/app';

const OWN = '+33900000000';
const GUEST = '+33655512345';
let s: TestServer;
let token = '';
let socket: Socket;
const live: Array<{ phone: string; channel: string }> = [];

const text = async (body: string): Promise<string> => {
  const r = await twilioPost(s.base, '/twilio/messaging', {
    MessageSid: sid('SM'),
    AccountSid: `AC${'0'.repeat(32)}`,
    From: GUEST,
    To: OWN,
    Body: body,
    NumMedia: '0',
  });
  assert.equal(r.status, 200);
  return twimlTexts(r.text, 'Message').join(' ');
};

before(async () => {
  s = await startTestServer({
    clock: manualClock('2026-11-25T09:00:00Z'),
    env: { TWILIO_PHONE_NUMBER: OWN },
  });
  token = await s.login();
  const restaurant = (await s.json('/api/admin/restaurant', { token })).body;
  const saved = await s.json('/api/admin/restaurant', {
    method: 'PUT',
    token,
    body: {
      services: {
        ...restaurant.services,
        3: [{ name: 'dinner', open: '19:00', close: '21:00', lastSeatingMinutes: 120 }],
      },
    },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const tables = (await s.json('/api/admin/tables', { token })).body as Array<{ id: string }>;
  for (const [i, table] of tables.entries()) {
    const r = await s.json('/api/admin/reservations', {
      token,
      body: {
        customerName: `Soir ${i}`,
        phoneNumber: `+3361234${String(5600 + i)}`,
        partySize: 2,
        date: '2026-11-25',
        time: '19:00',
        tableIds: [table.id],
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  socket = io(s.base, { auth: { token }, transports: ['websocket'] });
  socket.on('waitlist:changed', (e: { phone: string; channel: string }) => live.push(e));
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
});

after(async () => {
  socket?.close();
  await s?.close();
});

test('a guest who finds tonight full joins the waitlist by answering the bot', async () => {
  const offer = await text('Bonsoir, une table pour 2 ce soir à 19h svp');
  assert.match(offer, /c'est complet/);
  assert.match(offer, /voulez-vous être sur la liste d'attente \?/);
  const joined = await text('oui');
  assert.match(joined, /liste d'attente pour 2 personnes \(position 1\)/);
  const list = (await s.json('/api/admin/waitlist', { token })).body as Array<{
    phone: string;
    partySize: number;
    channel: string;
    language: string;
    status: string;
  }>;
  const entry = list.find((e) => e.phone === GUEST);
  assert.deepEqual(
    entry && { partySize: entry.partySize, channel: entry.channel, language: entry.language, status: entry.status },
    { partySize: 2, channel: 'sms', language: 'fr', status: 'waiting' },
  );
  assert.ok(
    live.some((e) => e.phone === GUEST),
    'the host saw it live',
  );
  const conversations = (await s.json('/api/admin/conversations', { token })).body as Array<{
    address: string;
    outcome: string | null;
  }>;
  assert.equal(conversations.find((c) => c.address === GUEST)?.outcome, 'waitlisted');
});
