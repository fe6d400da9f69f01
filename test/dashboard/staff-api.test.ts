// The staff API as the dashboard and the cashier app use it: login, the day's bookings,
// walk-ins, status changes, tables and settings, with the admin/staff split.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import jwt from 'jsonwebtoken';
import { hashPassword } from '../../dashboard/auth';
import { manualClock, startTestServer, type TestServer } from '../helpers/app';

const clock = manualClock('2026-11-22T10:00:00Z');
const DAY = '2026-11-23';

describe('staff API', () => {
  let s: TestServer;
  let admin: string;
  let staff: string;
  before(async () => {
    s = await startTestServer({ clock });
    admin = await s.login();
    await s.app.ctx.store.saveUser({
      id: randomUUID(),
      email: 'host@example.test',
      name: 'Host',
      role: 'staff',
      passwordHash: await hashPassword('Host-Password-1'),
      disabled: false,
      createdAt: new Date().toISOString(),
    });
    staff = await s.login({ email: 'host@example.test', password: 'Host-Password-1' });
  });
  after(async () => {
    await s.close();
  });

  it('logs in with the first admin from ADMIN_EMAIL / ADMIN_PASSWORD and refuses a wrong password', async () => {
    const me = await s.json('/api/auth/me', { token: admin });
    assert.equal(me.status, 200);
    assert.equal(me.body.user.email, 'owner@example.test');
    assert.equal(me.body.user.role, 'admin');
    assert.equal(me.body.user.passwordHash, undefined);
    const wrong = await s.json('/api/auth/login', { body: { email: 'owner@example.test', password: 'nope-nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'unauthorized');
  });

  it('refuses missing, forged, expired and foreign-key tokens', async () => {
    assert.equal((await s.json('/api/admin/reservations')).status, 401);
    const claims = { sub: 'x', email: 'owner@example.test', role: 'admin' };
    const foreign = jwt.sign(claims, 'another-secret-0123456789abcdef');
    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
      'test-jwt-secret-0123456789abcdef',
    );
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const none = `${b64('{"alg":"none","typ":"JWT"}')}.${b64(JSON.stringify(claims))}.`;
    for (const token of [foreign, expired, none, 'garbage']) {
      const r = await s.json('/api/admin/reservations', { token });
      assert.equal(r.status, 401, token);
      assert.equal(r.body.error, 'unauthorized');
    }
  });

  it("lists a day's bookings from every channel, filters them, and hides holds", async () => {
    await s.json('/api/reservations', {
      body: { customerName: 'Web Guest', phoneNumber: '+33611111111', partySize: 2, date: DAY, time: '19:30' },
    });
    await s.app.ctx.bookings.hold({
      customerName: 'Held Guest',
      customerPhone: '+33622222222',
      partySize: 2,
      date: DAY,
      time: '19:30',
      channel: 'sms',
      language: 'fr',
    });
    const list = await s.json(`/api/admin/reservations?date=${DAY}`, { token: staff });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.map((r: { customerName: string }) => r.customerName),
      ['Web Guest'],
    );
    const none = await s.json(`/api/admin/reservations?date=${DAY}&channel=voice`, { token: staff });
    assert.deepEqual(none.body, []);
    const search = await s.json(`/api/admin/reservations?date=${DAY}&q=web`, { token: staff });
    assert.equal(search.body.length, 1);
    const bad = await s.json('/api/admin/reservations?date=2026-13-45', { token: staff });
    assert.equal(bad.status, 400);
    const confirmed = await s.json(`/api/admin/reservations?date=${DAY}&status=confirmed,seated`, { token: staff });
    assert.equal(confirmed.body.length, 1);
    const bogus = await s.json(`/api/admin/reservations?date=${DAY}&status=confirmed,bogus`, { token: staff });
    assert.equal(bogus.status, 400);
    assert.equal(bogus.body.error, 'invalid_input');
    assert.match(bogus.body.message, /status/);
  });

  it('seats a walk-in at a chosen table and moves a booking to another table', async () => {
    const walkIn = await s.json('/api/admin/reservations', {
      token: staff,
      body: {
        customerName: 'Walk In',
        phoneNumber: '+33633333333',
        partySize: 3,
        date: DAY,
        time: '20:05',
        tableIds: ['T6'],
        walkIn: true,
      },
    });
    assert.equal(walkIn.status, 201, JSON.stringify(walkIn.body));
    assert.equal(walkIn.body.status, 'seated');
    assert.equal(walkIn.body.channel, 'dashboard');
    assert.deepEqual(walkIn.body.tableIds, ['T6']);
    const toWalkIn = (await s.app.ctx.store.listOutbox(100)).filter((e) => e.reservationId === walkIn.body.id);
    assert.deepEqual(toWalkIn, [], 'a walk-in is sent no confirmation and raises no new-booking alert');

    const clash = await s.json('/api/admin/reservations', {
      token: staff,
      body: {
        customerName: 'Clash',
        phoneNumber: '+33644444444',
        partySize: 2,
        date: DAY,
        time: '20:30',
        tableIds: ['T6'],
      },
    });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.error, 'unavailable');

    const moved = await s.json(`/api/admin/reservations/${walkIn.body.id}`, {
      method: 'PATCH',
      token: staff,
      body: { tableIds: ['T5'] },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(moved.body.tableIds, ['T5']);
    const again = await s.json('/api/admin/reservations', {
      token: staff,
      body: {
        customerName: 'Now Fits',
        phoneNumber: '+33644444444',
        partySize: 2,
        date: DAY,
        time: '20:30',
        tableIds: ['T6'],
      },
    });
    assert.equal(again.status, 201, 'T6 was released by the move');
  });

  it('runs a booking through arrival and departure, and refuses impossible transitions', async () => {
    const r = (
      await s.json('/api/reservations', {
        body: { customerName: 'Status Guest', phoneNumber: '+33655555555', partySize: 4, date: DAY, time: '12:30' },
      })
    ).body;
    const seated = await s.json(`/api/admin/reservations/${r.id}`, {
      method: 'PATCH',
      token: staff,
      body: { status: 'seated' },
    });
    assert.equal(seated.body.status, 'seated');
    const done = await s.json(`/api/admin/reservations/${r.id}`, {
      method: 'PATCH',
      token: staff,
      body: { status: 'completed' },
    });
    assert.equal(done.body.status, 'completed');
    assert.deepEqual(await s.app.ctx.store.claimsOf(r.id), [], 'a finished table is free again');
    const back = await s.json(`/api/admin/reservations/${r.id}`, {
      method: 'PATCH',
      token: staff,
      body: { status: 'confirmed' },
    });
    assert.equal(back.status, 409);
    assert.equal(back.body.error, 'invalid_transition');
    const unknown = await s.json('/api/admin/reservations/nope', {
      method: 'PATCH',
      token: staff,
      body: { status: 'seated' },
    });
    assert.equal(unknown.status, 404);
    const badStatus = await s.json(`/api/admin/reservations/${r.id}`, {
      method: 'PATCH',
      token: staff,
      body: { status: 'eaten' },
    });
    assert.equal(badStatus.status, 400);
  });

  it('lets an admin edit tables and settings, and not staff', async () => {
    const add = await s.json('/api/admin/tables', {
      token: admin,
      body: { id: 'T9', name: 'T9', seatsMin: 1, seatsMax: 2, zone: 'terrace' },
    });
    assert.equal(add.status, 201);
    assert.equal((await s.json('/api/admin/tables', { token: staff })).body.length, 9);
    assert.equal(
      (await s.json('/api/admin/tables', { token: staff, body: { name: 'T10', seatsMin: 1, seatsMax: 2 } })).status,
      403,
    );
    const bad = await s.json('/api/admin/tables', { token: admin, body: { name: 'T10', seatsMin: 6, seatsMax: 2 } });
    assert.equal(bad.status, 400);
    assert.equal((await s.json('/api/admin/tables/T9', { method: 'DELETE', token: admin })).status, 200);
    assert.equal(
      (await s.json('/api/admin/tables/T6', { method: 'DELETE', token: admin })).status,
      409,
      'T6 has an upcoming booking',
    );

    const restaurant = (await s.json('/api/admin/restaurant', { token: staff })).body;
    assert.equal(restaurant.name, 'Le Petit Bistro');
    const denied = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: staff,
      body: { rules: { ...restaurant.rules, bufferMinutes: 15 } },
    });
    assert.equal(denied.status, 403);
    const ok = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: { rules: { ...restaurant.rules, bufferMinutes: 15 } },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.rules.bufferMinutes, 15);
    const invalid = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: { timezone: 'Mars/Olympus' },
    });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body.message, /timezone/);
    assert.equal((await s.json('/api/admin/restaurant', { token: admin })).body.timezone, 'Europe/Paris');
    const services = restaurant.services as Record<string, unknown[]>;
    const roundTheClock = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: {
        services: { ...services, 5: [{ name: 'lunch', open: '12:00', close: '11:00', lastSeatingMinutes: 60 }] },
      },
    });
    assert.equal(roundTheClock.status, 400);
    assert.match(roundTheClock.body.message, /close/);
    const lateNight = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: { services: { ...services, 5: [{ name: 'late', open: '19:00', close: '01:30', lastSeatingMinutes: 90 }] } },
    });
    assert.equal(lateNight.status, 200, JSON.stringify(lateNight.body));
    const slots = (await s.json(`/api/availability?date=2026-11-27&partySize=2`)).body.slots.map(
      (x: { time: string }) => x.time,
    );
    assert.equal(slots.at(-1), '00:00', 'the last seating of a service ending at 01:30 is midnight');
  });

  it('keeps the currency of the prices, and refuses one that is not a currency', async () => {
    const admin = await s.login();
    const put = (currency: string) =>
      s.json('/api/admin/restaurant', { method: 'PUT', token: admin, body: { currency } });
    assert.equal((await put('CHF')).status, 200);
    assert.equal((await s.json('/api/admin/restaurant', { token: admin })).body.currency, 'CHF');
    const bad = await put('Euros');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /currency/);
    assert.equal((await put('EUR')).status, 200);
  });

  it('keeps a service the restaurant named itself in French and English', async () => {
    const admin = await s.login();
    const { services } = (await s.json('/api/admin/restaurant', { token: admin })).body;
    const brunch = {
      name: 'brunch',
      label: { fr: 'Brunch du dimanche', en: 'Sunday brunch' },
      open: '11:00',
      close: '15:00',
      lastSeatingMinutes: 60,
    };
    const saved = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: { services: { ...services, 0: [brunch] } },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual((await s.json('/api/admin/restaurant', { token: admin })).body.services['0'], [brunch]);
    const unnamed = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token: admin,
      body: { services: { ...services, 0: [{ ...brunch, label: { fr: '', en: 'Sunday brunch' } }] } },
    });
    assert.equal(unnamed.status, 400);
    assert.match(unnamed.body.message, /label/);
  });
});

describe('restart', () => {
  it('keeps every booking, table and user in the embedded store', async () => {
    const first = await startTestServer({ clock });
    const made = [];
    for (const time of ['12:00', '19:00', '21:00']) {
      made.push(
        (
          await first.json('/api/reservations', {
            body: { customerName: `Kept ${time}`, phoneNumber: '+33699999999', partySize: 2, date: DAY, time },
          })
        ).body,
      );
    }
    await first.close();
    const second = await startTestServer({ clock, dataDir: first.dataDir });
    try {
      const token = await second.login();
      const list = (await second.json(`/api/admin/reservations?date=${DAY}`, { token })).body;
      assert.deepEqual(list.map((r: { id: string }) => r.id).sort(), made.map((r) => r.id).sort());
      // The claims survived too: the same 2-tops are still taken.
      const clash = await second.json('/api/reservations', {
        body: { customerName: 'After', phoneNumber: '+33698989898', partySize: 2, date: DAY, time: '12:00' },
      });
      assert.deepEqual(clash.body.tableIds, ['T2']);
    } finally {
      await second.close();
    }
  });
});
