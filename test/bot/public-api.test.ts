// The public booking API as a website uses it, over real HTTP, on the embedded store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock, startTestServer, type TestServer } from '../helpers/app';

// Sunday 22 November 2026, 11:00 in Paris.
const clock = manualClock('2026-11-22T10:00:00Z');
const TOMORROW = '2026-11-23';

const booking = (over: Record<string, unknown> = {}) => ({
  customerName: 'Camille Martin',
  phoneNumber: '+33612345678',
  partySize: 2,
  date: TOMORROW,
  time: '20:00',
  source: 'website',
  ...over,
});

describe('public booking API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ clock });
  });
  after(async () => {
    await s.close();
  });

  it('says which store is in use on /health', async () => {
    const r = await s.json('/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.store, 'sqlite');
  });

  it('lists the free start times of a day', async () => {
    const r = await s.json(`/api/availability?date=${TOMORROW}&partySize=2`);
    assert.equal(r.status, 200);
    assert.equal(r.body.date, TOMORROW);
    assert.equal(r.body.partySize, 2);
    const times = r.body.slots.map((x: { time: string }) => x.time);
    assert.deepEqual(times.slice(0, 7), ['12:00', '12:15', '12:30', '12:45', '13:00', '13:15', '13:30']);
    assert.equal(times.at(-1), '22:00');
    assert.equal(times.length, 20);
  });

  it('books, shows, changes and cancels a booking with its manage token', async () => {
    const created = await s.json('/api/reservations', {
      body: booking({ customerName: 'Jeanne Token', email: 'jeanne@example.test', notes: 'window please' }),
    });
    assert.equal(created.status, 201);
    const r = created.body;
    assert.equal(r.customerName, 'Jeanne Token');
    assert.equal(r.customerPhone, '+33612345678');
    assert.equal(r.partySize, 2);
    assert.equal(r.startAt, '2026-11-23T19:00:00.000Z');
    assert.equal(r.endAt, '2026-11-23T20:30:00.000Z');
    assert.equal(r.status, 'confirmed');
    assert.equal(r.channel, 'website');
    assert.equal(r.language, 'fr');
    assert.equal(r.notes, 'window please');
    assert.deepEqual(r.tableIds, ['T1']);
    assert.ok(r.manageToken.length >= 20);
    assert.equal(r.manageTokenHash, undefined, 'the token hash never leaves the server');

    const headers = { Authorization: `Bearer ${r.manageToken}` };
    assert.equal((await s.json(`/api/reservations/${r.id}`, { headers })).body.id, r.id);
    assert.equal((await s.json(`/api/reservations/${r.id}`)).status, 401);
    const inUrl = await s.json(`/api/reservations/${r.id}?token=${encodeURIComponent(r.manageToken)}`);
    assert.equal(inUrl.status, 401, 'the manage token is not taken from the query string');
    assert.equal(
      (await s.json(`/api/reservations/${r.id}`, { headers: { 'X-Manage-Token': r.manageToken } })).status,
      200,
    );
    assert.equal(
      (await s.json(`/api/reservations/${r.id}`, { headers: { Authorization: 'Bearer wrong-token' } })).status,
      404,
    );

    const moved = await s.json(`/api/reservations/${r.id}`, {
      method: 'PUT',
      headers,
      body: { time: '21:00', partySize: 3 },
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.startAt, '2026-11-23T20:00:00.000Z');
    assert.equal(moved.body.partySize, 3);
    assert.deepEqual(moved.body.tableIds, ['T3']);

    const cancelled = await s.json(`/api/reservations/${r.id}`, { method: 'DELETE', headers });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.deepEqual(await s.app.ctx.store.claimsOf(r.id), [], 'a cancelled booking frees its tables');
  });

  it('serves the menu and the public settings', async () => {
    const menu = await s.json('/api/menu');
    assert.equal(menu.status, 200);
    assert.ok(menu.body.sections.some((sec: { title: { fr: string } }) => sec.title.fr === 'Plats'));
    const settings = await s.json('/api/settings');
    assert.equal(settings.body.name, 'Le Petit Bistro');
    assert.equal(settings.body.timezone, 'Europe/Paris');
    assert.deepEqual(settings.body.languages, ['fr', 'en']);
    assert.equal(settings.body.hours['1'][1].open, '19:00');
    assert.equal(JSON.stringify(settings.body).includes('passwordHash'), false);
  });

  it('gives 60 concurrent requests for one slot a table each or a 409 with alternatives, never one twice', async () => {
    const date = '2026-11-25';
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        s.json('/api/reservations', {
          body: booking({ customerName: `Burst ${i}`, phoneNumber: `+336100${String(i).padStart(5, '0')}`, date }),
        }),
      ),
    );
    const ok = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 409);
    assert.equal(ok.length + refused.length, 60, `unexpected statuses ${responses.map((r) => r.status)}`);
    // Party of 2: T1, T2 (2 seats) and T3–T6 (4 seats); T7/T8 seat 3 and more.
    assert.equal(ok.length, 6);
    for (const r of refused) {
      assert.equal(r.body.error, 'unavailable');
      assert.ok(Array.isArray(r.body.alternatives) && r.body.alternatives.length > 0);
    }
    const stored = await s.app.ctx.store.findReservations({
      restaurantId: 'le-petit-bistro',
      from: `${date}T00:00:00Z`,
      to: `${date}T23:59:59Z`,
      statuses: ['confirmed'],
    });
    const tables = stored.flatMap((r) => r.tableIds);
    assert.equal(new Set(tables).size, tables.length, `double-booked: ${tables}`);
    assert.deepEqual([...tables].sort(), ['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
  });

  it('keeps the original booking when a change collides', async () => {
    const date = '2026-11-26';
    const a = (
      await s.json('/api/reservations', {
        body: booking({ date, time: '19:00', partySize: 6, customerName: 'Six A', phoneNumber: '+33612345701' }),
      })
    ).body;
    const b = (
      await s.json('/api/reservations', {
        body: booking({ date, time: '21:00', partySize: 6, customerName: 'Six B', phoneNumber: '+33612345702' }),
      })
    ).body;
    await s.json('/api/reservations', {
      body: booking({ date, time: '19:00', partySize: 6, customerName: 'Six C', phoneNumber: '+33612345703' }),
    });
    // Both 6-tops are busy at 19:00 (A and C); the T3+T4 pair is the last 6-seat option.
    await s.json('/api/reservations', {
      body: booking({ date, time: '19:00', partySize: 6, customerName: 'Six D', phoneNumber: '+33612345704' }),
    });
    const move = await s.json(`/api/reservations/${b.id}`, {
      method: 'PUT',
      headers: { 'X-Manage-Token': b.manageToken },
      body: { time: '19:00' },
    });
    assert.equal(move.status, 409);
    assert.equal(move.body.error, 'unavailable');
    const kept = await s.json(`/api/reservations/${b.id}`, { headers: { 'X-Manage-Token': b.manageToken } });
    assert.equal(kept.body.startAt, b.startAt);
    assert.deepEqual(kept.body.tableIds, b.tableIds);
    assert.equal(kept.body.status, 'confirmed');
    assert.equal(
      (await s.app.ctx.store.claimsOf(b.id)).length,
      8 * b.tableIds.length,
      '120 minutes = 8 blocks per table, still claimed',
    );
    assert.ok(a.id);
  });
});

describe('bad input through HTTP', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ clock });
  });
  after(async () => {
    await s.close();
  });

  const cases: Array<[string, Record<string, unknown> | string, number, string, string?]> = [
    ['impossible date', booking({ date: '2026-02-30' }), 400, 'invalid_date', 'date'],
    ['malformed date', booking({ date: '30/11/2026' }), 400, 'invalid_input', 'date'],
    ['time out of range', booking({ time: '25:00' }), 400, 'invalid_input', 'time'],
    ['past day', booking({ date: '2026-11-20' }), 400, 'past_time', 'date'],
    ['past time today', booking({ date: '2026-11-22', time: '10:00' }), 400, 'past_time', 'time'],
    ['party of 0', booking({ partySize: 0 }), 400, 'invalid_input', 'partySize'],
    ['party of 500', booking({ partySize: 500 }), 400, 'party_too_large', 'partySize'],
    ['party of 9', booking({ partySize: 9 }), 400, 'party_too_large', 'partySize'],
    ['party as text', booking({ partySize: 'two' }), 400, 'invalid_input', 'partySize'],
    ['beyond the horizon', booking({ date: '2027-03-01' }), 400, 'too_far', 'date'],
    ['outside opening hours', booking({ time: '16:00' }), 400, 'closed', 'time'],
    ['after last seating', booking({ time: '22:30' }), 400, 'closed', 'time'],
    ['missing name', booking({ customerName: undefined }), 400, 'invalid_input', 'customerName'],
    ['empty name', booking({ customerName: '   ' }), 400, 'invalid_input', 'customerName'],
    ['bad phone', booking({ phoneNumber: 'call me maybe' }), 400, 'invalid_phone', 'phoneNumber'],
    ['premium-rate phone', booking({ phoneNumber: '+33 8 99 12 34 56' }), 400, 'invalid_phone', 'phoneNumber'],
    ['shared-cost phone', booking({ phoneNumber: '0810000000' }), 400, 'invalid_phone', 'phoneNumber'],
    ['satellite phone', booking({ phoneNumber: '+8816123456789' }), 400, 'invalid_phone', 'phoneNumber'],
    ['UK personal number', booking({ phoneNumber: '+447012345678' }), 400, 'invalid_phone', 'phoneNumber'],
    ['UK VoIP number', booking({ phoneNumber: '+445612345678' }), 400, 'invalid_phone', 'phoneNumber'],
    ['too few digits', booking({ phoneNumber: '+33612345' }), 400, 'invalid_phone', 'phoneNumber'],
    ['unknown source', booking({ source: 'fax' }), 400, 'invalid_input', 'source'],
    ['unknown language', booking({ language: 'de' }), 400, 'invalid_input', 'language'],
    ['unknown field', booking({ table: 'T1' }), 400, 'invalid_input'],
    ['operator injection', booking({ customerName: { $gt: '' } }), 400, 'invalid_input', 'customerName'],
    ['malformed JSON', '{"customerName": "Oops",', 400, 'invalid_input'],
    ['a JSON array', '[1,2,3]', 400, 'invalid_input'],
  ];

  for (const [name, body, status, code, field] of cases) {
    it(`refuses ${name} with ${status} ${code}`, async () => {
      const r = await s.json('/api/reservations', { body });
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.error, code);
      assert.equal(typeof r.body.message, 'string');
      assert.ok(r.body.message.length > 5);
      if (field) assert.match(`${r.body.field ?? ''} ${r.body.message}`, new RegExp(field));
    });
  }

  it('refuses a time inside the minimum notice', async () => {
    clock.set('2026-11-22T10:45:00Z'); // 11:45 in Paris; lunch at 12:00 is 15 minutes away
    try {
      const r = await s.json('/api/reservations', { body: booking({ date: '2026-11-22', time: '12:00' }) });
      assert.equal(r.status, 400);
      assert.equal(r.body.error, 'too_soon');
      assert.equal(r.body.field, 'time');
    } finally {
      clock.set('2026-11-22T10:00:00Z');
    }
  });

  it('refuses a closed day', async () => {
    const token = await s.login();
    const restaurant = (await s.json('/api/admin/restaurant', { token })).body;
    const put = await s.json('/api/admin/restaurant', {
      method: 'PUT',
      token,
      body: { closures: [...restaurant.closures, { date: '2026-12-25', reason: 'Noël' }] },
    });
    assert.equal(put.status, 200);
    const r = await s.json('/api/reservations', { body: booking({ date: '2026-12-25' }) });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'closed');
    const avail = await s.json('/api/availability?date=2026-12-25&partySize=2');
    assert.equal(avail.status, 200);
    assert.deepEqual(avail.body.slots, []);
    assert.equal(avail.body.closed, true);
  });

  it('refuses a body that is not JSON, or too large', async () => {
    const form = await fetch(`${s.base}/api/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'customerName=x',
    });
    assert.equal(form.status, 415);
    assert.equal((await form.json()).error, 'unsupported_media_type');
    const huge = await s.json('/api/reservations', { body: booking({ notes: 'x'.repeat(200_000) }) });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error, 'payload_too_large');
  });

  it('refuses bad availability queries', async () => {
    for (const [q, code] of [
      ['date=2026-02-30&partySize=2', 'invalid_date'],
      ['date=2026-11-23&partySize=0', 'invalid_input'],
      ['date=2026-11-23', 'invalid_input'],
      ['date=2026-11-23&partySize=500', 'party_too_large'],
      ['date=2025-01-01&partySize=2', 'past_time'],
    ] as const) {
      const r = await s.json(`/api/availability?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.error, code, q);
    }
  });

  it('answers unknown ids and routes with 404 in the same shape', async () => {
    const r = await s.json('/api/reservations/does-not-exist', { headers: { Authorization: 'Bearer x'.repeat(3) } });
    assert.equal(r.status, 404);
    assert.equal(r.body.error, 'not_found');
    const nope = await s.json('/api/nothing-here');
    assert.equal(nope.status, 404);
    assert.equal(nope.body.error, 'not_found');
  });

  it('changed nothing while refusing', async () => {
    const all = await s.app.ctx.store.findReservations({ restaurantId: 'le-petit-bistro' });
    assert.equal(all.length, 0);
  });
});
