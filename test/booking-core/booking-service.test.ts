// The booking service on the embedded store: holds, confirmations, changes, statuses,
// alternatives and the events the dashboard listens to.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import {
  BookingError,
  BookingService,
  demoRestaurant,
  PUBLIC_STATUSES,
  demoTables,
  type BookingRequest,
  type PublicReservation,
} from '../../booking-core';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { manualClock } from '../helpers/app';

const DAY = '2026-11-23';
const request = (over: Partial<BookingRequest> = {}): BookingRequest => ({
  customerName: 'Paul Henri',
  customerPhone: '+33 6 12 34 56 78',
  partySize: 2,
  date: DAY,
  time: '20:00',
  channel: 'sms',
  language: 'fr',
  ...over,
});

async function setup() {
  const clock = manualClock('2026-11-22T10:00:00Z');
  const store = new SqliteStore(':memory:');
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables()) await store.saveTable(t);
  const service = new BookingService(store, r.id, { clock });
  const events: Array<[string, PublicReservation]> = [];
  for (const name of ['reservation:created', 'reservation:updated', 'reservation:cancelled'] as const)
    service.events.on(name, (p) => events.push([name, p]));
  return { clock, store, service, events };
}

async function refusal(p: Promise<unknown>): Promise<BookingError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof BookingError, String(err));
    return err;
  }
  assert.fail('expected a refusal');
}

describe('booking service', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    t = await setup();
  });

  it('books in one step, stores the phone in E.164 and announces it', async () => {
    const { reservation } = await t.service.book(request());
    assert.equal(reservation.customerPhone, '+33612345678');
    assert.deepEqual(
      t.events.map(([n]) => n),
      ['reservation:created'],
    );
    assert.equal(t.events[0][1].id, reservation.id);
    assert.equal('manageTokenHash' in t.events[0][1], false, 'events carry the public shape');
  });

  it('holds a table while the guest confirms, then books it', async () => {
    const held = await t.service.hold(request());
    assert.equal(held.status, 'held');
    assert.equal(t.events.length, 0, 'a hold is not a booking yet');
    const other = await t.service.book(request({ customerName: 'Other' }));
    assert.notDeepEqual(other.reservation.tableIds, held.tableIds, 'the held table is not given away');
    const { reservation } = await t.service.confirm(held.id);
    assert.equal(reservation.status, 'confirmed');
    assert.deepEqual(
      t.events.map(([n]) => n),
      ['reservation:created', 'reservation:created'],
    );
    assert.ok((await t.store.claimsOf(held.id)).every((c) => c.expiresAt === null));
  });

  it('lets a lapsed hold go: its table is rebookable and confirming it is refused with alternatives', async () => {
    const held = await t.service.hold(request({ partySize: 8 }));
    assert.deepEqual(held.tableIds, ['T3', 'T4']);
    t.clock.advance(6);
    const taker = await t.service.book(request({ partySize: 8, customerName: 'Taker' }));
    assert.deepEqual(taker.reservation.tableIds, ['T3', 'T4']);
    const err = await refusal(t.service.confirm(held.id));
    assert.equal(err.code, 'hold_expired');
    assert.ok(err.details.alternatives && err.details.alternatives.length > 0);
    assert.equal(await t.service.sweepExpiredHolds(), 1);
    assert.equal((await t.service.get(held.id))?.status, 'expired');
    const listed = await t.store.findReservations({ restaurantId: held.restaurantId, statuses: PUBLIC_STATUSES });
    assert.ok(!listed.some((r) => r.id === held.id), 'a lapsed hold is not a cancelled booking in staff lists');
  });

  it('releases a hold when the guest says no', async () => {
    const held = await t.service.hold(request());
    await t.service.release(held.id);
    assert.deepEqual(await t.store.claimsOf(held.id), []);
    assert.equal((await t.service.get(held.id))?.status, 'expired');
    const listed = await t.store.findReservations({ restaurantId: held.restaurantId, statuses: PUBLIC_STATUSES });
    assert.ok(!listed.some((r) => r.id === held.id), 'a released hold is not a cancelled booking in staff lists');
  });

  it('moves a booking and frees its old table; a refused move changes nothing', async () => {
    const { reservation } = await t.service.book(request({ partySize: 4, time: '19:00' }));
    const moved = await t.service.modify(reservation.id, { time: '21:30' });
    assert.equal(moved.startAt, '2026-11-23T20:30:00.000Z');
    assert.equal(t.events.at(-1)?.[0], 'reservation:updated');
    const claims = await t.store.claimsOf(reservation.id);
    assert.equal(claims[0].slotStart, '2026-11-23T20:30:00.000Z');
    const err = await refusal(t.service.modify(reservation.id, { partySize: 12 }));
    assert.equal(err.code, 'party_too_large');
    assert.equal((await t.service.get(reservation.id))?.partySize, 4);
  });

  it('offers the nearest free times that day, then the same time on the next days', async () => {
    for (let i = 0; i < 6; i++) await t.service.book(request({ customerName: `G${i}` }));
    const err = await refusal(t.service.book(request({ customerName: 'Late' })));
    assert.equal(err.code, 'unavailable');
    assert.deepEqual(err.details.alternatives, [
      { date: DAY, time: '21:30' },
      { date: DAY, time: '21:45' },
      { date: DAY, time: '22:00' },
      { date: '2026-11-24', time: '20:00' },
      { date: '2026-11-25', time: '20:00' },
      { date: '2026-11-26', time: '20:00' },
    ]);
  });

  it('refuses what a guest cannot book, with the reason', async () => {
    assert.equal((await refusal(t.service.book(request({ partySize: 9 })))).code, 'party_too_large');
    assert.equal((await refusal(t.service.book(request({ date: '2026-11-21' })))).code, 'past_time');
    assert.equal((await refusal(t.service.book(request({ date: '2027-02-01' })))).code, 'too_far');
    assert.equal((await refusal(t.service.book(request({ time: '16:00' })))).code, 'closed');
    assert.equal((await refusal(t.service.book(request({ date: '2026-02-30' })))).code, 'invalid_date');
    assert.equal((await refusal(t.service.book(request({ customerPhone: 'n/a' })))).code, 'invalid_phone');
    assert.equal((await refusal(t.service.book(request({ customerPhone: '+33899123456' })))).code, 'invalid_phone');
  });

  it('lets staff seat a party of 12 at chosen tables at any time', async () => {
    const { reservation } = await t.service.book(request({ partySize: 12, time: '16:10', channel: 'dashboard' }), {
      tableIds: ['T7', 'T8'],
    });
    assert.deepEqual(reservation.tableIds, ['T7', 'T8']);
    const err = await refusal(t.service.book(request({ partySize: 4, time: '17:00' }), { tableIds: ['T8'] }));
    assert.equal(err.code, 'unavailable');
  });

  it('follows the life of a booking: seated, completed; no way back from completed', async () => {
    const { reservation } = await t.service.book(request());
    assert.equal((await t.service.transition(reservation.id, 'seated')).status, 'seated');
    assert.equal((await t.service.transition(reservation.id, 'completed')).status, 'completed');
    assert.equal((await refusal(t.service.transition(reservation.id, 'seated'))).code, 'invalid_transition');
    assert.deepEqual(await t.store.claimsOf(reservation.id), []);
  });

  it('gives a no-show who turns up their table back, unless it has been given away', async () => {
    const { reservation } = await t.service.book(request());
    await t.service.transition(reservation.id, 'no_show');
    assert.deepEqual(await t.store.claimsOf(reservation.id), []);
    const back = await t.service.transition(reservation.id, 'confirmed');
    assert.equal(back.status, 'confirmed');
    assert.ok((await t.store.claimsOf(reservation.id)).length > 0, 'the table is claimed again');
    const clash = await refusal(
      t.service.book(request({ customerName: 'Same table' }), { tableIds: reservation.tableIds }),
    );
    assert.equal(clash.code, 'unavailable');

    await t.service.transition(reservation.id, 'no_show');
    await t.service.book(request({ customerName: 'Took it' }), { tableIds: reservation.tableIds });
    const late = await refusal(t.service.transition(reservation.id, 'confirmed'));
    assert.equal(late.code, 'unavailable');
    assert.equal((await t.service.get(reservation.id))?.status, 'no_show', 'nothing changed');
  });

  it("finds a guest's upcoming bookings by phone, however the number is written", async () => {
    await t.service.book(request({ customerPhone: '+33612345678' }));
    const past = await t.service.book(request({ customerPhone: '0033612345678', date: '2026-11-22', time: '13:30' }));
    t.clock.set('2026-11-22T13:00:00Z');
    const found = await t.service.upcomingFor('whatsapp:+33612345678');
    assert.equal(found.length, 1);
    assert.notEqual(found[0].id, past.reservation.id);
  });
});

// The service keeps the restaurant and tables it read between calls (a guest's turn reads them
// several times); staff edits go straight to the store, and must be seen at the next call.
describe('booking service: kept settings', () => {
  const slotsAt20 = async (service: BookingService) =>
    (await service.availability(DAY, 2)).slots.find((s) => s.time === '20:00');

  it('sees tables and service hours saved through the store, as the staff API saves them', async () => {
    const t = await setup();
    assert.ok(await slotsAt20(t.service), 'read once: 20:00 is free');
    for (const table of demoTables()) await t.store.saveTable({ ...table, active: false });
    assert.equal(await slotsAt20(t.service), undefined, 'no active table is left');
    await t.store.saveTable({ ...demoTables()[0], active: true });
    assert.deepEqual((await slotsAt20(t.service))?.tableIds, ['T1']);
    await t.store.deleteTable(demoRestaurant().id, 'T1');
    assert.equal((await refusal(t.service.hold(request()))).code, 'unavailable', 'a deleted table is not offered');

    const r = await t.service.restaurant();
    await t.store.saveRestaurant({
      ...r,
      services: { ...r.services, [String(new Date(`${DAY}T12:00:00Z`).getUTCDay())]: [] },
    });
    assert.equal((await t.service.availability(DAY, 2)).refusal, 'closed', 'the day closed by staff is closed at once');
  });

  it('sees settings changed by another process on the same file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'maitre-settings-')), 'maitre.db');
    const ours = new SqliteStore(file);
    const theirs = new SqliteStore(file);
    await ours.init();
    await theirs.init();
    try {
      const r = demoRestaurant();
      await ours.saveRestaurant(r);
      for (const table of demoTables()) await ours.saveTable(table);
      const service = new BookingService(ours, r.id, { clock: manualClock('2026-11-22T10:00:00Z') });
      assert.ok(await slotsAt20(service));
      for (const table of demoTables()) await theirs.saveTable({ ...table, active: false });
      assert.equal(await slotsAt20(service), undefined);
      await theirs.saveRestaurant({ ...r, rules: { ...r.rules, maxPartySize: 1 } });
      assert.equal((await service.availability(DAY, 2)).refusal, 'party_too_large');
    } finally {
      await ours.close();
      await theirs.close();
    }
  });

  it('hands out its own copy of the restaurant, and keeps the shared one from being changed', async () => {
    const t = await setup();
    await t.service.availability(DAY, 2);
    const mine = await t.service.restaurant();
    mine.name = 'Changed by a caller';
    mine.rules.maxPartySize = 1;
    assert.ok(await slotsAt20(t.service), 'what a caller does to its copy changes nothing here');
  });
});
