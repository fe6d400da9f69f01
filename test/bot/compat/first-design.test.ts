// The first design's clients (website, mobile app, admin scripts) calling Maître with their own
// bodies: each call answers with what that client reads, and the booking is in the store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io } from 'socket.io-client';
import { manualClock, startTestServer, type TestServer } from '../../helpers/app';

// Sunday 22 November 2026, 11:00 in Paris.
const clock = manualClock('2026-11-22T10:00:00Z');
const DAY = '2026-11-24';

/** Exactly what its website posted. */
// A guest holds at most 3 bookings to come (ACTIVE_BOOKINGS_PER_GUEST): each booking here is another guest's.
let guests = 0;
const oldBooking = (over: Record<string, unknown> = {}) => ({
  customerName: 'Jean Dupont',
  phoneNumber: `+336123456${String(10 + (guests++ % 90))}`,
  numberOfPeople: 4,
  date: DAY,
  time: '19:30',
  source: 'website',
  ...over,
});

describe('first design (Express + MongoDB) clients', () => {
  let s: TestServer;
  let staff: string;
  before(async () => {
    s = await startTestServer({ clock });
    staff = await s.login();
  });
  after(async () => {
    await s.close();
  });

  it('POST /api/reservations with numberOfPeople books, answers 201 with _id and the booking is stored', async () => {
    const r = await s.json('/api/reservations', { body: oldBooking() });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body._id, r.body.id);
    assert.equal(r.body.numberOfPeople, 4);
    assert.equal(r.body.date, DAY);
    assert.equal(r.body.time, '19:30');
    assert.equal(r.body.customerName, 'Jean Dupont');
    const stored = await s.app.ctx.store.getReservation(r.body._id);
    assert.equal(stored?.partySize, 4);
    assert.equal(stored?.channel, 'website');
    assert.equal(stored?.status, 'confirmed');
  });

  it('a source that names a channel is the channel; one that does not is the website', async () => {
    const sms = await s.json('/api/reservations', { body: oldBooking({ source: 'sms', time: '12:00' }) });
    assert.equal(sms.status, 201, JSON.stringify(sms.body));
    assert.equal((await s.app.ctx.store.getReservation(sms.body._id))?.channel, 'sms');
    const kiosk = await s.json('/api/reservations', { body: oldBooking({ source: 'kiosk', time: '12:15' }) });
    assert.equal(kiosk.status, 201, JSON.stringify(kiosk.body));
    assert.equal((await s.app.ctx.store.getReservation(kiosk.body._id))?.channel, 'website');
  });

  it('a full slot answers 409 with alternatives, as today', async () => {
    const party = oldBooking({ numberOfPeople: 8, time: '20:00' });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await s.json('/api/reservations', { body: party }));
    const refused = answers.find((a) => a.status === 409);
    assert.ok(refused, 'a 409 once the tables for 8 are taken');
    assert.equal(refused.body.error, 'unavailable');
    assert.ok(refused.body.alternatives.length > 0);
  });

  it('a body naming the party size twice, differently, is a 400 and books nothing', async () => {
    const before = (await s.app.ctx.store.findReservations({ restaurantId: s.app.ctx.restaurantId })).length;
    const r = await s.json('/api/reservations', { body: { ...oldBooking({ time: '13:00' }), partySize: 2 } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'invalid_input');
    assert.equal(r.body.field, 'partySize');
    const agreeing = await s.json('/api/reservations', { body: { ...oldBooking({ time: '13:00' }), partySize: 4 } });
    assert.equal(agreeing.status, 201);
    const afterCount = (await s.app.ctx.store.findReservations({ restaurantId: s.app.ctx.restaurantId })).length;
    assert.equal(afterCount, before + 1);
  });

  it('new clients get no old field back', async () => {
    const r = await s.json('/api/reservations', {
      body: { customerName: 'Ann Lee', phoneNumber: '+33612345679', partySize: 2, date: DAY, time: '21:00' },
    });
    assert.equal(r.status, 201);
    assert.equal(r.body._id, undefined);
    assert.equal(r.body.numberOfPeople, undefined);
  });

  it('GET /api/reservations lists for staff, with date and status filters; not without a token', async () => {
    assert.equal((await s.json(`/api/reservations?date=${DAY}`)).status, 401);
    const list = await s.json(`/api/reservations?date=${DAY}&status=confirmed`, { token: staff });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.ok(list.body.length >= 3);
    for (const r of list.body) {
      assert.equal(r.date, DAY);
      assert.equal(r.status, 'confirmed');
      assert.equal(r._id, r.id);
      assert.equal(typeof r.numberOfPeople, 'number');
    }
    const none = await s.json('/api/reservations?date=2026-11-25', { token: staff });
    assert.deepEqual(none.body, []);
  });

  it('PUT and DELETE /api/reservations/:id with a staff token change and cancel the booking', async () => {
    const made = await s.json('/api/reservations', { body: oldBooking({ time: '21:15', numberOfPeople: 2 }) });
    const id = made.body._id;
    const put = await s.json(`/api/reservations/${id}`, {
      method: 'PUT',
      token: staff,
      body: { customerName: 'Jean Dupont', numberOfPeople: 3, date: DAY, time: '21:15' },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.numberOfPeople, 3);
    assert.equal((await s.app.ctx.store.getReservation(id))?.partySize, 3);
    const del = await s.json(`/api/reservations/${id}`, { method: 'DELETE', token: staff });
    assert.equal(del.status, 200, JSON.stringify(del.body));
    assert.equal(del.body.status, 'cancelled');
    assert.equal((await s.app.ctx.store.getReservation(id))?.status, 'cancelled');
  });

  it('PUT and DELETE still work with the guest manage token, and a forged staff token changes nothing', async () => {
    const made = await s.json('/api/reservations', { body: oldBooking({ time: '12:30', numberOfPeople: 2 }) });
    const id = made.body._id;
    const forged = await s.json(`/api/reservations/${id}`, { method: 'DELETE', token: 'aaa.bbb.ccc' });
    assert.equal(forged.status, 401);
    assert.equal((await s.app.ctx.store.getReservation(id))?.status, 'confirmed');
    const put = await s.json(`/api/reservations/${id}`, {
      method: 'PUT',
      token: made.body.manageToken,
      body: { partySize: 3 },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const del = await s.json(`/api/reservations/${id}`, { method: 'DELETE', token: made.body.manageToken });
    assert.equal(del.status, 200);
    assert.equal((await s.app.ctx.store.getReservation(id))?.status, 'cancelled');
  });

  it('POST /api/settings/availability says whether a time is free, with alternatives when it is not', async () => {
    const free = await s.json('/api/settings/availability', { body: { date: DAY, time: '19:00', numberOfPeople: 2 } });
    assert.equal(free.status, 200, JSON.stringify(free.body));
    assert.equal(free.body.available, true);
    assert.deepEqual(free.body.alternatives, []);
    const closed = await s.json('/api/settings/availability', {
      body: { date: DAY, time: '16:00', numberOfPeople: 2 },
    });
    assert.equal(closed.body.available, false);
    assert.ok(closed.body.alternatives.length > 0);
    const bad = await s.json('/api/settings/availability', { body: { date: DAY, time: '7pm', numberOfPeople: 2 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'time');
  });

  it('the socket emits new-reservation beside reservation:created, to authenticated sockets only', async () => {
    const socket = io(s.base, { auth: { token: staff }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const heard = new Promise<Record<string, unknown>>((resolve) => socket.once('new-reservation', resolve));
    const made = await s.json('/api/reservations', { body: oldBooking({ time: '13:15', numberOfPeople: 2 }) });
    const payload = await heard;
    socket.close();
    assert.equal(payload.id, made.body._id);
    assert.equal(payload.customerName, 'Jean Dupont');
    const anonymous = io(s.base, { transports: ['websocket'], reconnection: false });
    const refused = await new Promise<string>((resolve) => {
      anonymous.on('connect', () => resolve('connected'));
      anonymous.on('connect_error', (err) => resolve(err.message));
    });
    anonymous.close();
    assert.notEqual(refused, 'connected');
  });
});
