// The waitlist through the server, as the host and the guest meet it: a walk-in party is added,
// the list shows their wait and the tables that free up soonest; "table ready" goes out by SMS
// through the outbox; the guest's "j'arrive" and "on annule" on Twilio's signed webhook update
// the entry; seating makes the walk-in booking; a guest joins by texting. Changes reach the
// staff socket live.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { sid, twilioPost, twimlTexts } from '../adapters/adapter-harness';
import { smsSegments } from '../../booking-core/notifications/sms-encoding';
import { TwilioApiDouble } from '../bot/outbox/fakes';
import { startTestServer, type TestServer } from '../helpers/app';
import { until } from '../helpers/until';

const OWN = '+33900000000';
const sms = (from: string, body: string) => ({
  MessageSid: sid('SM'),
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: OWN,
  Body: body,
  NumMedia: '0',
});

interface Entry {
  id: string;
  name: string;
  phone: string;
  status: string;
  partySize: number;
  language: string;
  channel: string;
  reservationId: string | null;
  waitedMinutes?: number;
  soonest?: Array<{ tableIds: string[]; inMinutes: number }>;
}

describe('the waitlist', () => {
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  let socket: Socket;
  const live: Entry[] = [];

  before(async () => {
    s = await startTestServer({ env: { TWILIO_PHONE_NUMBER: OWN, TWILIO_API_BASE_URL: await twilio.start() } });
    token = await s.login();
    socket = io(s.base, { auth: { token }, transports: ['websocket'] });
    socket.on('waitlist:changed', (e: Entry) => live.push(e));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  });
  after(async () => {
    socket?.close();
    await s.close();
    await twilio.stop();
  });

  test('a host adds a walk-in, texts "table ready", the guest answers, and the party is seated', async () => {
    const phone = '+33655507777';
    const added = await s.json('/api/admin/waitlist', {
      token,
      body: { name: 'Garnier', phone: '06 55 50 77 77', partySize: 4, quotedMinutes: 20, language: 'fr' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const entry = added.body as Entry;
    assert.equal(entry.phone, phone, 'the number is kept in international form');
    assert.equal(entry.status, 'waiting');
    await until('the live event for the new entry', () => live.find((e) => e.id === entry.id));

    const list = (await s.json('/api/admin/waitlist', { token })).body as Entry[];
    const shown = list.find((e) => e.id === entry.id);
    assert.ok(shown?.soonest?.length, 'the list names the seatings that free up soonest');
    assert.equal(shown.waitedMinutes, 0);
    assert.ok(
      shown.soonest.every((x) => x.inMinutes === 0),
      'an empty room is free now',
    );

    const notified = await s.json(`/api/admin/waitlist/${entry.id}/notify`, { method: 'POST', token });
    assert.equal(notified.status, 200, JSON.stringify(notified.body));
    assert.equal(notified.body.entry.status, 'notified');
    const text = await until('the "table ready" SMS', () =>
      twilio.to(phone).find((m) => /table vous attend/.test(m.Body ?? '')),
    );
    assert.match(text.Body ?? '', /Garnier, votre table vous attend/);
    assert.equal(smsSegments(text.Body ?? '').encoding, 'GSM-7', text.Body);
    const outbox = (await s.json('/api/admin/outbox', { token })).body as Array<{ id: string; purpose: string }>;
    assert.equal(outbox.find((o) => o.id === notified.body.outboxId)?.purpose, 'waitlist_ready');

    const reply = await twilioPost(s.base, '/twilio/messaging', sms(phone, "J'arrive !"));
    assert.equal(reply.status, 200);
    assert.match(twimlTexts(reply.text, 'Message').join(' '), /nous vous gardons la table/);
    await until('the entry marked coming, live', () => live.find((e) => e.id === entry.id && e.status === 'coming'));

    const seated = await s.json(`/api/admin/waitlist/${entry.id}/seat`, { method: 'POST', token, body: {} });
    assert.equal(seated.status, 200, JSON.stringify(seated.body));
    assert.equal(seated.body.entry.status, 'seated');
    const booking = await s.json(`/api/admin/reservations/${seated.body.entry.reservationId}`, { token });
    assert.equal(booking.body.status, 'seated');
    assert.equal(booking.body.customerName, 'Garnier');
    assert.equal(booking.body.partySize, 4);
    assert.deepEqual(booking.body.tableIds, shown.soonest[0].tableIds);
    const after = (await s.json('/api/admin/waitlist', { token })).body as Entry[];
    assert.ok(!after.some((e) => e.id === entry.id), 'a seated party leaves the list');
    // Seated twice is refused, by name.
    const again = await s.json(`/api/admin/waitlist/${entry.id}/seat`, { method: 'POST', token, body: {} });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'invalid_transition');
  });

  test('"on annule" takes the party off the list; an English guest is answered in English', async () => {
    const phone = '+447911123456';
    const added = await s.json('/api/admin/waitlist', {
      token,
      body: { name: 'Smith', phone, partySize: 2, language: 'en' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    await s.json(`/api/admin/waitlist/${added.body.id}/notify`, { method: 'POST', token });
    await until('the English SMS', () => twilio.to(phone).find((m) => /your table is ready/.test(m.Body ?? '')));
    const reply = await twilioPost(s.base, '/twilio/messaging', sms(phone, 'Cancel, sorry'));
    assert.match(twimlTexts(reply.text, 'Message').join(' '), /you are off the waitlist/);
    const all = (await s.json('/api/admin/waitlist?all=1', { token })).body as Entry[];
    assert.equal(all.find((e) => e.id === added.body.id)?.status, 'cancelled');
  });

  test('a guest joins by texting, and is told their place', async () => {
    const phone = '+33655508888';
    const reply = await twilioPost(s.base, '/twilio/messaging', sms(phone, "Bonsoir, liste d'attente pour 3 svp"));
    assert.equal(reply.status, 200);
    assert.match(twimlTexts(reply.text, 'Message').join(' '), /liste d'attente pour 3 personnes \(position \d\)/);
    const list = (await s.json('/api/admin/waitlist', { token })).body as Entry[];
    const joined = list.find((e) => e.phone === phone);
    assert.equal(joined?.partySize, 3);
    assert.equal(joined?.channel, 'sms');
    // Texting again does not add them twice.
    await twilioPost(s.base, '/twilio/messaging', sms(phone, "liste d'attente pour 3"));
    const again = (await s.json('/api/admin/waitlist', { token })).body as Entry[];
    assert.equal(again.filter((e) => e.phone === phone).length, 1);
  });

  test('bad input is refused with a reason, and staff must be logged in', async () => {
    const bad = await s.json('/api/admin/waitlist', { token, body: { name: '', partySize: 0 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'invalid_input');
    const phone = await s.json('/api/admin/waitlist', { token, body: { name: 'X', phone: '123', partySize: 2 } });
    assert.equal(phone.status, 400);
    assert.equal(phone.body.error, 'invalid_phone');
    const anon = await s.json('/api/admin/waitlist', { body: { name: 'X', partySize: 2 } });
    assert.equal(anon.status, 401);
    const missing = await s.json('/api/admin/waitlist/nope/notify', { method: 'POST', token });
    assert.equal(missing.status, 404);
  });
});
