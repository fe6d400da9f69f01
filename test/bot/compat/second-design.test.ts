// The second design's admin client and scripts calling Maître with their own bodies: each call
// answers with what that client reads, and the change is in the store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sid, twilioPost, twimlAttributes, twimlTexts } from '../../adapters/adapter-harness';
import { ADMIN, manualClock, startTestServer, type TestServer } from '../../helpers/app';

// Sunday 22 November 2026, 11:00 in Paris (UTC+1).
const clock = manualClock('2026-11-22T10:00:00Z');

describe('second design (Express + Passport + React admin) clients', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer({ clock });
  });
  after(async () => {
    await s.close();
  });

  it('POST /auth/login {username, password} gives {token, user: {id, username, role: "ADMIN"}}', async () => {
    const r = await s.json('/auth/login', { body: { username: ADMIN.email, password: ADMIN.password } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(typeof r.body.token, 'string');
    assert.equal(r.body.user.username, ADMIN.email);
    assert.equal(r.body.user.role, 'ADMIN');
    assert.equal(typeof r.body.user.id, 'string');
    admin = r.body.token;
    const wrong = await s.json('/auth/login', { body: { username: ADMIN.email, password: 'nope-nope' } });
    assert.equal(wrong.status, 401);
    const mixed = await s.json('/auth/login', {
      body: { username: ADMIN.email, email: 'other@example.test', password: ADMIN.password },
    });
    assert.equal(mixed.status, 400);
  });

  it("GET /auth/me answers the user; today's /api/auth/me keeps its lower-case role", async () => {
    const r = await s.json('/auth/me', { token: admin });
    assert.equal(r.status, 200);
    assert.equal(r.body.user.username, ADMIN.email);
    assert.equal(r.body.user.role, 'ADMIN');
    const today = await s.json('/api/auth/me', { token: admin });
    assert.equal(today.body.user.role, 'admin');
    assert.equal(today.body.user.username, undefined);
  });

  it('POST /auth/register needs an admin token, then makes a staff member who can log in', async () => {
    const body = { username: 'host@example.test', password: 'Host-Secret-2026!', role: 'STAFF' };
    assert.equal((await s.json('/auth/register', { body })).status, 401);
    const r = await s.json('/auth/register', { body, token: admin });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.user?.role ?? r.body.role, 'STAFF');
    const login = await s.json('/auth/login', { body: { username: body.username, password: body.password } });
    assert.equal(login.status, 200);
    assert.equal(login.body.user.role, 'STAFF');
    const asStaff = await s.json('/auth/register', {
      body: { ...body, username: 'x@example.test' },
      token: login.body.token,
    });
    assert.equal(asStaff.status, 403);
  });

  let id = '';
  it('POST /api/admin/reservations {startAt, partySize, customerName, customerPhone, notes} books it', async () => {
    const r = await s.json('/api/admin/reservations', {
      token: admin,
      body: {
        startAt: '2026-11-24T18:30:00.000Z',
        partySize: 3,
        customerName: 'Marie Curie',
        customerPhone: '+33612345670',
        notes: 'window',
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.startAt, '2026-11-24T18:30:00.000Z');
    assert.equal(r.body.partySize, 3);
    assert.equal(r.body.customerName, 'Marie Curie');
    id = r.body.id;
    const stored = await s.app.ctx.store.getReservation(id);
    assert.equal(stored?.startAt, '2026-11-24T18:30:00.000Z');
    assert.equal(stored?.notes, 'window');
    const mixed = await s.json('/api/admin/reservations', {
      token: admin,
      body: {
        startAt: '2026-11-24T18:30:00.000Z',
        time: '20:00',
        partySize: 2,
        customerName: 'X',
        customerPhone: '+33612345671',
      },
    });
    assert.equal(mixed.status, 400);
  });

  it('GET /api/admin/reservations?startDate&endDate&status=CONFIRMED and GET /:id', async () => {
    const r = await s.json('/api/admin/reservations?startDate=2026-11-24&endDate=2026-11-24&status=CONFIRMED', {
      token: admin,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.map((x: { id: string }) => x.id),
      [id],
    );
    const none = await s.json('/api/admin/reservations?startDate=2026-11-25&endDate=2026-11-26', { token: admin });
    assert.deepEqual(none.body, []);
    const one = await s.json(`/api/admin/reservations/${id}`, { token: admin });
    assert.equal(one.body.customerPhone.replace(/\s/g, ''), '+33612345670');
  });

  it('PATCH /api/admin/reservations/:id {status} takes SEATED and NO_SHOW as well as ours', async () => {
    const seated = await s.json(`/api/admin/reservations/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { status: 'SEATED' },
    });
    assert.equal(seated.status, 200, JSON.stringify(seated.body));
    assert.equal((await s.app.ctx.store.getReservation(id))?.status, 'seated');
    const done = await s.json(`/api/admin/reservations/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { status: 'completed' },
    });
    assert.equal(done.status, 200);
    assert.equal((await s.app.ctx.store.getReservation(id))?.status, 'completed');
  });

  it('POST/PUT/DELETE /api/admin/tables with {name, capacity, zone, isJoinable}', async () => {
    const r = await s.json('/api/admin/tables', {
      token: admin,
      body: { name: 'T9', capacity: 4, zone: 'terrace', isJoinable: false },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.seatsMax, 4);
    const put = await s.json('/api/admin/tables/T9', {
      method: 'PUT',
      token: admin,
      body: { name: 'T9', capacity: 6, zone: 'terrace', isJoinable: true },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal((await s.app.ctx.bookings.tables()).find((t) => t.id === 'T9')?.seatsMax, 6);
    const del = await s.json('/api/admin/tables/T9', { method: 'DELETE', token: admin });
    assert.equal(del.status, 200);
    assert.equal(
      (await s.app.ctx.bookings.tables()).find((t) => t.id === 'T9'),
      undefined,
    );
  });

  it('PUT /api/admin/restaurant {name, phoneNumber, slotMinutes, avgDurationMin, bufferMin, timezone}', async () => {
    const r = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: {
        name: 'Le Petit Bistro',
        phoneNumber: '+33140000000',
        slotMinutes: 30,
        avgDurationMin: 105,
        bufferMin: 10,
        timezone: 'Europe/Paris',
      },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const stored = await s.app.ctx.store.firstRestaurant();
    assert.equal(stored?.phone, '+33140000000');
    assert.equal(stored?.rules.slotStepMinutes, 30);
    assert.equal(stored?.rules.bufferMinutes, 10);
    assert.deepEqual(stored?.rules.turnTimes, [{ maxParty: null, minutes: 105 }]);
  });
});

describe("second design's voice flow (record → transcribe → poll) on calls still pointing at it", () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ clock });
  });
  after(async () => {
    await s.close();
  });

  const call = () => ({
    CallSid: sid('CA'),
    AccountSid: `AC${'0'.repeat(32)}`,
    From: '+33612349001',
    To: '+33199999999',
    CallStatus: 'in-progress',
  });

  it('POST /twilio/voice/recording (its <Record> action) is answered with TwiML that goes on listening', async () => {
    const c = call();
    const r = await twilioPost(s.base, '/twilio/voice/recording', {
      ...c,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${c.AccountSid}/Recordings/RE${'d4'.repeat(16)}`,
      RecordingDuration: '3',
    });
    assert.equal(r.status, 200);
    assert.match(r.type, /text\/xml/);
    // Without Whisper configured the recording cannot be read: the caller is asked again, in French.
    assert.match(twimlTexts(r.text, 'Say').join(' '), /répéter/);
    assert.equal(twimlAttributes(r.text, 'Gather')?.action, `${s.base}/twilio/voice/gather?turn=2&lang=fr&silence=1`);
    const unsigned = await fetch(`${s.base}/twilio/voice/recording`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(c).toString(),
    });
    assert.equal(unsigned.status, 403);
  });

  it('POST /twilio/voice/poll (its wait step) picks the turn up, or listens again when there is none', async () => {
    const c = call();
    const asked = await twilioPost(s.base, '/twilio/voice/gather?turn=1&lang=fr', {
      ...c,
      SpeechResult: 'une table pour deux demain à 20 heures',
    });
    const first = twimlTexts(asked.text, 'Say').join(' ');
    const polled = await twilioPost(s.base, '/twilio/voice/poll?turn=1&lang=fr', c);
    assert.equal(polled.status, 200);
    assert.equal(twimlTexts(polled.text, 'Say').join(' '), first, 'the same answer as the turn gave');
    const nothing = await twilioPost(s.base, '/twilio/voice/poll', { ...c, CallSid: sid('CA') });
    assert.equal(nothing.status, 200);
    assert.ok(twimlAttributes(nothing.text, 'Gather'), nothing.text);
  });
});
