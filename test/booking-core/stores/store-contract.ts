// The ONE contract suite of the store port: every store (embedded SQLite, MongoDB) runs it,
// through the Store itself and through a BookingService on that store.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { BookingService, type BookingRequest } from '../../../booking-core/booking-service';
import { claimKey, claimsFor } from '../../../booking-core/claims';
import { addDays, localDateOf } from '../../../booking-core/clock';
import { demoRestaurant, demoTables, DEMO_RESTAURANT_ID } from '../../../booking-core/demo-restaurant';
import { BookingError, SlotTakenError } from '../../../booking-core/errors';
import type { Reservation, Table } from '../../../booking-core/model';
import type { OutboxEntry, Store, User } from '../../../booking-core/store';
import type { WaitlistEntry } from '../../../booking-core/waitlist';

export interface StoreUnderTest {
  store: Store;
  /** Closes the store and opens it again on the same data (a restart). */
  reopen(): Promise<Store>;
  /** Closes whatever is open and removes the data. */
  dispose(): Promise<void>;
}

const ZONE = 'Europe/Paris';
const RID = DEMO_RESTAURANT_ID;

/** A clock near real time that tests move forward (stores may compare with real time too). */
function testClock(): { now: () => Date; advance(minutes: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (minutes) => {
      offset += minutes * 60_000;
    },
  };
}

/** A day two days from now, in the restaurant's timezone: bookable, whatever the hour. */
function bookingDay(): string {
  return addDays(localDateOf(new Date(), ZONE), 2);
}

function request(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    customerName: 'Dupont',
    customerPhone: '+33612345678',
    partySize: 2,
    date: bookingDay(),
    time: '19:00',
    channel: 'website',
    language: 'fr',
    ...overrides,
  };
}

/** The demo restaurant, with only `tableIds` of the demo tables when given (one table: easy collisions). */
async function seed(store: Store, tableIds?: string[]): Promise<Table[]> {
  await store.saveRestaurant(demoRestaurant());
  const tables = demoTables().filter((t) => !tableIds || tableIds.includes(t.id));
  for (const t of tables) await store.saveTable(t);
  return tables;
}

function reservation(overrides: Partial<Reservation> = {}): Reservation {
  const at = new Date().toISOString();
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(18, 0, 0, 0);
  return {
    id: randomUUID(),
    restaurantId: RID,
    customerName: 'Martin',
    customerPhone: '+33611111111',
    customerEmail: null,
    partySize: 2,
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
    tableIds: ['T1'],
    status: 'confirmed',
    channel: 'dashboard',
    language: 'en',
    notes: '',
    createdAt: at,
    updatedAt: at,
    holdExpiresAt: null,
    manageTokenHash: null,
    conversationId: null,
    ...overrides,
  };
}

function shifted(r: Reservation, minutes: number): Pick<Reservation, 'startAt' | 'endAt'> {
  return {
    startAt: new Date(Date.parse(r.startAt) + minutes * 60_000).toISOString(),
    endAt: new Date(Date.parse(r.endAt) + minutes * 60_000).toISOString(),
  };
}

const keysOf = (claims: Array<Parameters<typeof claimKey>[0]>) => claims.map(claimKey).sort();

function outbox(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: 'sms',
    to: '+33612345678',
    subject: null,
    body: 'Bonjour',
    meta: {},
    status: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    leaseUntil: null,
    leaseOwner: null,
    reservationId: null,
    dedupeKey: null,
    createdAt: at,
    sentAt: null,
    ...overrides,
  };
}

function user(overrides: Partial<User> = {}): User {
  return {
    id: randomUUID(),
    email: 'ann@example.com',
    name: 'Ann',
    role: 'admin',
    passwordHash: 'x',
    disabled: false,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<BookingError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof BookingError, `expected a BookingError ${code}, got ${String(err)}`);
    assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected a BookingError ${code}, but it succeeded`);
}

/**
 * Registers the contract suite. `makeStore` gives a fresh, initialised, empty store for each
 * test; `skip` (a reason) skips the whole suite.
 */
export function runStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: { skip?: string } = {},
): void {
  /** Runs `fn` on a fresh store and always disposes of it. */
  const withStore = (fn: (s: StoreUnderTest) => Promise<void>) => async () => {
    const s = await makeStore();
    try {
      await fn(s);
    } finally {
      await s.dispose();
    }
  };

  describe(`store contract: ${name}`, { skip: options.skip }, () => {
    describe('restaurant and tables', () => {
      it(
        'saves and reads the restaurant and its tables',
        withStore(async ({ store }) => {
          assert.equal(await store.firstRestaurant(), null);
          const tables = await seed(store);
          assert.deepEqual(await store.getRestaurant(RID), demoRestaurant());
          assert.equal((await store.firstRestaurant())?.id, RID);
          assert.equal(await store.getRestaurant('nope'), null);
          assert.deepEqual(
            (await store.listTables(RID)).map((t) => t.id),
            tables.map((t) => t.id),
          );
          await store.saveTable({ ...tables[0], name: 'Window 1', seatsMax: 3 });
          assert.equal((await store.listTables(RID)).find((t) => t.id === 'T1')?.seatsMax, 3);
          assert.equal(await store.deleteTable(RID, 'T8'), true);
          assert.equal(await store.deleteTable(RID, 'T8'), false);
          assert.equal((await store.listTables(RID)).length, tables.length - 1);
          assert.deepEqual(await store.listTables('other'), []);
          const renamed = { ...demoRestaurant(), name: 'Le Grand Bistro' };
          await store.saveRestaurant(renamed);
          assert.deepEqual(await store.getRestaurant(RID), renamed);
        }),
      );
    });

    describe('reservations and claims, through the store', () => {
      it(
        'creates a reservation with its claims and finds it',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const r = reservation();
          const claims = claimsFor(r, 0);
          assert.equal(claims.length, 6); // 90 minutes = six 15-minute blocks
          await store.createReservation(r, claims, new Date());
          assert.deepEqual(await store.getReservation(r.id), r);
          assert.deepEqual(await store.claimsOf(r.id), claims);
          assert.deepEqual(
            (await store.findReservations({ restaurantId: RID })).map((x) => x.id),
            [r.id],
          );
          assert.equal((await store.findReservations({ restaurantId: RID, from: r.endAt })).length, 0);
          assert.equal((await store.findReservations({ restaurantId: RID, to: r.startAt })).length, 0);
          assert.equal((await store.findReservations({ restaurantId: RID, statuses: ['held'] })).length, 0);
          assert.equal((await store.findReservations({ restaurantId: RID, statuses: [] })).length, 0);
          assert.equal((await store.findReservations({ restaurantId: RID, customerPhone: r.customerPhone })).length, 1);
          assert.equal((await store.findReservations({ restaurantId: RID, customerPhone: '+33000000000' })).length, 0);
          assert.equal(await store.getReservation('nope'), null);
        }),
      );

      it(
        'finds reservations by email whatever its case, and only that email (no pattern matching)',
        withStore(async ({ store }) => {
          await seed(store, ['T1', 'T2']);
          const r = reservation({ customerEmail: 'Anne.Martin@Example.test' });
          await store.createReservation(r, claimsFor(r, 0), new Date());
          const byEmail = (customerEmail: string) =>
            store.findReservations({ restaurantId: RID, customerEmail }).then((rows) => rows.map((x) => x.id));
          assert.deepEqual(await byEmail('anne.martin@example.TEST'), [r.id]);
          assert.deepEqual(await byEmail('anne.martin@example'), []);
          assert.deepEqual(await byEmail('anne.martin@example.tes.'), []);
          assert.deepEqual(await byEmail('anne.martin@example.tes*'), []);
        }),
      );

      it(
        'refuses a second claim of a table-slot with SlotTakenError and keeps nothing of it',
        withStore(async ({ store }) => {
          await seed(store, ['T1', 'T2']);
          const first = reservation();
          await store.createReservation(first, claimsFor(first, 0), new Date());
          // Overlaps the last half hour of the first, on T2 (free) and T1 (taken): nothing of it may stay.
          const second = reservation({ ...shifted(first, 60), tableIds: ['T2', 'T1'] });
          await assert.rejects(store.createReservation(second, claimsFor(second, 0), new Date()), SlotTakenError);
          assert.equal(await store.getReservation(second.id), null);
          assert.deepEqual(await store.claimsOf(second.id), []);
          assert.deepEqual(await store.claimsOf(first.id), claimsFor(first, 0));
          // Right after the first ends, T1 is free again.
          const third = reservation(shifted(first, 90));
          await store.createReservation(third, claimsFor(third, 0), new Date());
        }),
      );

      it(
        'a refused move leaves the reservation and its claims as they were',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const a = reservation();
          const b = reservation(shifted(a, 120));
          await store.createReservation(a, claimsFor(a, 0), new Date());
          await store.createReservation(b, claimsFor(b, 0), new Date());
          const moved = { ...a, ...shifted(a, 60) };
          await assert.rejects(store.moveReservation(moved, claimsFor(moved, 0), new Date()), SlotTakenError);
          assert.deepEqual(await store.getReservation(a.id), a);
          assert.deepEqual(await store.claimsOf(a.id), claimsFor(a, 0));
          assert.deepEqual(await store.claimsOf(b.id), claimsFor(b, 0));
        }),
      );

      it(
        'a move keeps the overlapping claims, takes the new ones and frees the rest',
        withStore(async ({ store }) => {
          await seed(store, ['T1', 'T2']);
          const a = reservation();
          await store.createReservation(a, claimsFor(a, 0), new Date());
          const moved = { ...a, ...shifted(a, 30), tableIds: ['T1'] };
          await store.moveReservation(moved, claimsFor(moved, 0), new Date());
          assert.deepEqual(await store.getReservation(a.id), moved);
          assert.deepEqual(keysOf(await store.claimsOf(a.id)), keysOf(claimsFor(moved, 0)));
          // The first half hour is free again: a booking there succeeds.
          const early = reservation({ ...shifted(a, -60) });
          await store.createReservation(early, claimsFor(early, 0), new Date());
        }),
      );

      it(
        'release drops every claim and records the new status',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const a = reservation();
          await store.createReservation(a, claimsFor(a, 0), new Date());
          const cancelled = { ...a, status: 'cancelled' as const, updatedAt: new Date().toISOString() };
          await store.releaseReservation(cancelled);
          assert.deepEqual(await store.claimsOf(a.id), []);
          assert.deepEqual(await store.getReservation(a.id), cancelled);
          const again = reservation();
          await store.createReservation(again, claimsFor(again, 0), new Date());
          const noted = { ...again, notes: 'window please' };
          await store.updateReservation(noted);
          assert.deepEqual(await store.getReservation(again.id), noted);
          assert.equal((await store.claimsOf(again.id)).length, 6);
        }),
      );

      it(
        'expired hold claims do not block, a lapsed hold cannot be confirmed, the sweeper cancels it',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const now = new Date();
          const hold = reservation({
            status: 'held',
            holdExpiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
          });
          const holdClaims = claimsFor(hold, 0);
          await store.createReservation(hold, holdClaims, now);
          assert.deepEqual(await store.claimsOf(hold.id), holdClaims);
          const rival = reservation();
          await assert.rejects(store.createReservation(rival, claimsFor(rival, 0), now), SlotTakenError);
          const later = new Date(now.getTime() + 6 * 60_000);
          await store.createReservation(rival, claimsFor(rival, 0), later);
          assert.equal(
            await store.confirmHold({ ...hold, status: 'confirmed', holdExpiresAt: null }, holdClaims.length, later),
            false,
          );
          assert.equal((await store.getReservation(hold.id))?.status, 'held');
          assert.equal(await store.sweepExpiredHolds(later), 1);
          assert.equal((await store.getReservation(hold.id))?.status, 'expired');
          assert.deepEqual(await store.claimsOf(hold.id), []);
          assert.equal(await store.sweepExpiredHolds(later), 0);
          assert.equal((await store.getReservation(rival.id))?.status, 'confirmed');
          assert.equal((await store.claimsOf(rival.id)).length, 6);
        }),
      );

      it(
        'a live hold is confirmed and its claims stop expiring',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const now = new Date();
          const hold = reservation({
            status: 'held',
            holdExpiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
          });
          await store.createReservation(hold, claimsFor(hold, 0), now);
          const confirmed = { ...hold, status: 'confirmed' as const, holdExpiresAt: null };
          assert.equal(await store.confirmHold(confirmed, 6, new Date(now.getTime() + 60_000)), true);
          assert.deepEqual(await store.getReservation(hold.id), confirmed);
          assert.ok((await store.claimsOf(hold.id)).every((c) => c.expiresAt === null));
          // Long after the hold time, the claims still stand and the sweeper leaves them.
          const muchLater = new Date(now.getTime() + 3600_000);
          assert.equal(await store.sweepExpiredHolds(muchLater), 0);
          const rival = reservation();
          await assert.rejects(store.createReservation(rival, claimsFor(rival, 0), muchLater), SlotTakenError);
        }),
      );
    });

    describe('booking service on the store', () => {
      it(
        '30 concurrent bookings of one slot: as many succeed as tables fit, no table twice',
        withStore(async ({ store }) => {
          const tables = await seed(store);
          const fitting = tables.filter((t) => t.seatsMin <= 2 && t.seatsMax >= 2).length;
          const service = new BookingService(store, RID);
          const results = await Promise.allSettled(
            Array.from({ length: 30 }, (_, i) => service.book(request({ customerName: `Guest ${i}` }))),
          );
          const booked = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.reservation] : []));
          const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
          assert.equal(booked.length, fitting);
          for (const err of refused) {
            assert.ok(err instanceof BookingError, String(err));
            assert.equal(err.code, 'unavailable');
            assert.ok((err.details.alternatives ?? []).length > 0, 'a refusal offers alternatives');
          }
          const stored = await store.findReservations({ restaurantId: RID, statuses: ['confirmed'] });
          assert.equal(stored.length, fitting);
          const used = stored.flatMap((r) => r.tableIds);
          assert.equal(new Set(used).size, used.length, `a table was booked twice: ${used.join(',')}`);
          for (const r of stored) assert.equal((await store.claimsOf(r.id)).length, 6 * r.tableIds.length);
        }),
      );

      it(
        'a modify that collides keeps the booking and its claims',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const service = new BookingService(store, RID);
          const a = (await service.book(request({ time: '19:00' }))).reservation;
          await service.book(request({ time: '20:45', customerName: 'Other' }));
          const before = await store.claimsOf(a.id);
          const err = await rejectsWith(service.modify(a.id, { time: '20:00' }), 'unavailable');
          assert.ok(Array.isArray(err.details.alternatives));
          assert.deepEqual(await store.getReservation(a.id), a);
          assert.deepEqual(await store.claimsOf(a.id), before);
        }),
      );

      it(
        'a move frees the old table-slots',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const service = new BookingService(store, RID);
          const a = (await service.book(request({ time: '19:00' }))).reservation;
          const moved = await service.modify(a.id, { time: '12:00', partySize: 2 });
          assert.equal(service.localOf(demoRestaurant(), moved).time, '12:00');
          assert.deepEqual(keysOf(await store.claimsOf(a.id)), keysOf(claimsFor(moved, 0)));
          const b = (await service.book(request({ time: '19:00', customerName: 'Next' }))).reservation;
          assert.deepEqual(b.tableIds, ['T1']);
        }),
      );

      it(
        'a cancel frees the table for another booking',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const service = new BookingService(store, RID);
          const a = (await service.book(request())).reservation;
          await rejectsWith(service.book(request({ customerName: 'Late' })), 'unavailable');
          const cancelled = await service.cancel(a.id);
          assert.equal(cancelled.status, 'cancelled');
          assert.deepEqual(await store.claimsOf(a.id), []);
          assert.equal((await store.getReservation(a.id))?.status, 'cancelled');
          const b = (await service.book(request({ customerName: 'Late' }))).reservation;
          assert.deepEqual(b.tableIds, ['T1']);
        }),
      );

      it(
        'hold then confirm',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const service = new BookingService(store, RID);
          const held = await service.hold(request());
          assert.equal(held.status, 'held');
          assert.ok(held.holdExpiresAt);
          assert.ok((await store.claimsOf(held.id)).every((c) => c.expiresAt === held.holdExpiresAt));
          await rejectsWith(service.book(request({ customerName: 'Rival' })), 'unavailable');
          const { reservation: confirmed, manageToken } = await service.confirm(held.id);
          assert.equal(confirmed.status, 'confirmed');
          assert.ok(manageToken.length > 10);
          assert.equal((await store.getReservation(held.id))?.status, 'confirmed');
          assert.ok((await store.claimsOf(held.id)).every((c) => c.expiresAt === null));
        }),
      );

      it(
        'a lapsed hold stops blocking, cannot be confirmed, and is marked expired by the sweeper',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const clock = testClock();
          const service = new BookingService(store, RID, { clock: clock.now });
          const held = await service.hold(request());
          assert.ok(!(await service.availability(bookingDay(), 2)).slots.some((s) => s.time === '19:00'));
          clock.advance(demoRestaurant().rules.holdMinutes + 1);
          assert.ok((await service.availability(bookingDay(), 2)).slots.some((s) => s.time === '19:00'));
          const rival = (await service.book(request({ customerName: 'Rival' }))).reservation;
          assert.deepEqual(rival.tableIds, ['T1']);
          await rejectsWith(service.confirm(held.id), 'hold_expired');
          assert.equal(await service.sweepExpiredHolds(), 1);
          assert.equal((await store.getReservation(held.id))?.status, 'expired');
          assert.deepEqual(await store.claimsOf(held.id), []);
          assert.equal((await store.claimsOf(rival.id)).length, 6);
        }),
      );

      it(
        'the sweeper clears a lapsed hold nobody took',
        withStore(async ({ store }) => {
          await seed(store, ['T1']);
          const clock = testClock();
          const service = new BookingService(store, RID, { clock: clock.now });
          const held = await service.hold(request());
          assert.equal(await service.sweepExpiredHolds(), 0);
          clock.advance(demoRestaurant().rules.holdMinutes + 1);
          assert.equal(await service.sweepExpiredHolds(), 1);
          assert.deepEqual(await store.claimsOf(held.id), []);
          assert.equal((await store.getReservation(held.id))?.status, 'expired');
        }),
      );
    });

    describe('persistence', () => {
      it(
        'keeps everything across a close and reopen',
        withStore(async (s) => {
          await seed(s.store, ['T1']);
          const service = new BookingService(s.store, RID);
          const { reservation: r } = await service.book(request());
          const u = user();
          await s.store.saveUser(u);
          const etag = await s.store.putDocument('state', 'conv-1', { step: 2 }, null);
          await s.store.appendTranscript({
            conversationId: 'sms:+336',
            channel: 'sms',
            from: 'guest',
            text: 'Bonjour',
            at: new Date().toISOString(),
          });
          await s.store.enqueueOutbox(outbox({ dedupeKey: 'persist' }));
          const again = await s.reopen();
          assert.deepEqual(await again.getRestaurant(RID), demoRestaurant());
          assert.deepEqual(await again.getReservation(r.id), r);
          assert.deepEqual(keysOf(await again.claimsOf(r.id)), keysOf(claimsFor(r, 0)));
          assert.deepEqual(await again.getUser(u.id), u);
          assert.deepEqual(await again.getDocument('state', 'conv-1'), { value: { step: 2 }, etag });
          assert.equal((await again.getTranscript('sms:+336')).length, 1);
          assert.equal(await again.enqueueOutbox(outbox({ dedupeKey: 'persist' })), false);
          // The lock survives too.
          await rejectsWith(new BookingService(again, RID).book(request({ customerName: 'Late' })), 'unavailable');
        }),
      );
    });

    describe('users', () => {
      it(
        'keeps emails unique, case-insensitively',
        withStore(async ({ store }) => {
          assert.equal(await store.countUsers(), 0);
          const ann = user({ email: 'Ann@Example.com' });
          await store.saveUser(ann);
          assert.equal((await store.getUserByEmail('ann@example.com'))?.id, ann.id);
          assert.equal((await store.getUserByEmail('ANN@EXAMPLE.COM'))?.id, ann.id);
          assert.equal((await store.getUser(ann.id))?.email, 'ann@example.com');
          await assert.rejects(store.saveUser(user({ email: 'ann@example.com', name: 'Impostor' })));
          assert.equal(await store.countUsers(), 1);
          await store.saveUser({ ...ann, email: 'ann@example.com', name: 'Ann B.', role: 'staff' });
          const bob = user({ email: 'bob@example.com', name: 'Bob' });
          await store.saveUser(bob);
          assert.deepEqual(
            (await store.listUsers()).map((x) => [x.email, x.name, x.role]),
            [
              ['ann@example.com', 'Ann B.', 'staff'],
              ['bob@example.com', 'Bob', 'admin'],
            ],
          );
          assert.equal(await store.getUser('nope'), null);
          assert.equal(await store.getUserByEmail('nobody@example.com'), null);
        }),
      );
    });

    describe('documents', () => {
      it(
        'writes with optimistic concurrency on the etag',
        withStore(async ({ store }) => {
          assert.equal(await store.getDocument('state', 'k'), null);
          const e1 = await store.putDocument('state', 'k', { n: 1, nested: { list: [1, 'a'] } }, null);
          assert.ok(e1);
          assert.equal(await store.putDocument('state', 'k', { n: 99 }, null), null, 'create when it exists');
          const e2 = await store.putDocument('state', 'k', { n: 2, 'dotted.key': true, $odd: 1 }, e1);
          assert.ok(e2 && e2 !== e1);
          assert.equal(await store.putDocument('state', 'k', { n: 3 }, e1), null, 'stale etag');
          assert.deepEqual(await store.getDocument('state', 'k'), {
            value: { n: 2, 'dotted.key': true, $odd: 1 },
            etag: e2,
          });
          assert.equal(await store.putDocument('state', 'missing', { n: 1 }, 'some-etag'), null);
          // The same key in another collection is another document.
          assert.ok(await store.putDocument('idempotency', 'k', 'seen', null));
          await store.deleteDocument('state', 'k');
          assert.equal(await store.getDocument('state', 'k'), null);
          assert.deepEqual((await store.getDocument<string>('idempotency', 'k'))?.value, 'seen');
          assert.ok(await store.putDocument('state', 'k', { n: 4 }, null));
          const racers = await Promise.all([1, 2, 3, 4].map((i) => store.putDocument('state', 'race', { i }, null)));
          assert.equal(racers.filter((e) => e !== null).length, 1, 'one creator wins');
          const base = racers.find((e) => e !== null) ?? null;
          const updaters = await Promise.all(
            [1, 2, 3, 4].map((i) => store.putDocument('state', 'race', { i: i * 10 }, base)),
          );
          const winners = updaters.filter((e) => e !== null);
          assert.equal(winners.length, 1, 'one writer of the same etag wins');
          assert.equal((await store.getDocument('state', 'race'))?.etag, winners[0]);
        }),
      );
    });

    describe('transcripts', () => {
      it(
        'keeps entries in order and summarises conversations',
        withStore(async ({ store }) => {
          const t0 = Date.now();
          const at = (s: number) => new Date(t0 + s * 1000).toISOString();
          const conv = 'whatsapp:+33612345678';
          await store.appendTranscript({
            conversationId: conv,
            channel: 'whatsapp',
            from: 'guest',
            text: 'Bonjour',
            at: at(0),
            address: '+33612345678',
          });
          await store.appendTranscript({
            conversationId: conv,
            channel: 'whatsapp',
            from: 'bot',
            text: 'Bonjour !',
            at: at(1),
            language: 'fr',
          });
          await store.appendTranscript({
            conversationId: conv,
            channel: 'whatsapp',
            from: 'guest',
            text: 'Oui',
            at: at(2),
            reservationId: 'r-1',
          });
          await store.appendTranscript({
            conversationId: 'webchat:abc',
            channel: 'webchat',
            from: 'guest',
            text: 'Hi',
            at: at(3),
            language: 'en',
          });
          assert.deepEqual(
            (await store.getTranscript(conv)).map((e) => e.text),
            ['Bonjour', 'Bonjour !', 'Oui'],
          );
          assert.equal((await store.getTranscript(conv))[2].reservationId, 'r-1');
          const list = await store.listConversations(10);
          assert.deepEqual(
            list.map((c) => c.id),
            ['webchat:abc', conv],
          );
          const summary = list[1];
          assert.deepEqual(summary, {
            id: conv,
            channel: 'whatsapp',
            address: '+33612345678',
            language: 'fr',
            startedAt: at(0),
            lastAt: at(2),
            turns: 2,
            reservationIds: ['r-1'],
            outcome: null,
          });
          await store.setConversationOutcome(conv, 'booked');
          assert.equal((await store.listConversations(10)).find((c) => c.id === conv)?.outcome, 'booked');
          assert.equal((await store.listConversations(1)).length, 1);
          assert.deepEqual(await store.getTranscript('nope'), []);
        }),
      );

      it(
        'lists conversations filtered in the store (channel, outcome, start, booking) and reads one by its id',
        withStore(async ({ store }) => {
          const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString();
          const say = (conversationId: string, channel: string, minute: number, reservationId?: string) =>
            store.appendTranscript({
              conversationId,
              channel,
              from: 'guest',
              text: 'Bonjour',
              at: at(minute),
              ...(reservationId ? { reservationId } : {}),
            });
          await say('sms:+33600000001', 'sms', 0, 'r-1');
          await say('voice:CA1', 'voice', 10);
          await say('sms:+33600000002', 'sms', 20, 'r-2');
          await say('webchat:w1', 'webchat', 30);
          await store.setConversationOutcome('voice:CA1', 'handoff:asked');
          await store.setConversationOutcome('sms:+33600000002', 'booked');
          const ids = (list: { id: string }[]) => list.map((c) => c.id);
          assert.deepEqual(ids(await store.listConversations(10, { channel: 'sms' })), [
            'sms:+33600000002',
            'sms:+33600000001',
          ]);
          assert.deepEqual(ids(await store.listConversations(1, { channel: 'sms' })), ['sms:+33600000002']);
          assert.deepEqual(ids(await store.listConversations(10, { outcomePrefix: 'handoff' })), ['voice:CA1']);
          assert.deepEqual(ids(await store.listConversations(10, { outcomePrefix: 'h.*' })), []);
          assert.deepEqual(ids(await store.listConversations(10, { startedFrom: at(10), startedBefore: at(30) })), [
            'sms:+33600000002',
            'voice:CA1',
          ]);
          assert.deepEqual(ids(await store.listConversations(10, { reservationId: 'r-1' })), ['sms:+33600000001']);
          const one = await store.getConversation('sms:+33600000001');
          assert.equal(one?.channel, 'sms');
          assert.deepEqual(one?.reservationIds, ['r-1']);
          assert.equal(await store.getConversation('sms:nobody'), null);
        }),
      );

      it(
        'lists outbox entries filtered in the store (status, booking, one flow by its dedupe prefix)',
        withStore(async ({ store }) => {
          const created = (second: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, second)).toISOString();
          await store.enqueueOutbox(outbox({ id: 'o1', reservationId: 'r-1', createdAt: created(1) }));
          await store.enqueueOutbox(
            outbox({ id: 'o2', status: 'failed', reservationId: 'r-1', createdAt: created(2) }),
          );
          await store.enqueueOutbox(
            outbox({ id: 'o3', status: 'failed', createdAt: created(3), dedupeKey: 'waitlist:w1:1' }),
          );
          await store.enqueueOutbox(outbox({ id: 'o4', createdAt: created(4), dedupeKey: 'waitlist:w10:1' }));
          const ids = (list: { id: string }[]) => list.map((e) => e.id);
          assert.deepEqual(ids(await store.listOutbox(10, { status: 'failed' })), ['o3', 'o2']);
          assert.deepEqual(ids(await store.listOutbox(1, { status: 'failed' })), ['o3']);
          assert.deepEqual(ids(await store.listOutbox(10, { reservationId: 'r-1' })), ['o2', 'o1']);
          assert.deepEqual(ids(await store.listOutbox(10, { status: 'failed', reservationId: 'r-1' })), ['o2']);
          assert.deepEqual(ids(await store.listOutbox(10, { dedupePrefix: 'waitlist:w1:' })), ['o3']);
          assert.deepEqual(ids(await store.listOutbox(Number.MAX_SAFE_INTEGER)), ['o4', 'o3', 'o2', 'o1']);
        }),
      );

      it(
        "writes a turn's entries together as if appended one by one (when the store can)",
        withStore(async ({ store }) => {
          if (!store.appendTranscripts) return;
          const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, s)).toISOString();
          const conv = 'sms:+33612345678';
          await store.appendTranscripts([]);
          await store.appendTranscripts([
            {
              conversationId: conv,
              channel: 'sms',
              from: 'guest',
              text: 'Une table pour 2',
              at: at(0),
              address: '+33612345678',
              language: 'fr',
            },
            { conversationId: conv, channel: 'sms', from: 'bot', text: 'À quel nom ?', at: at(1), language: 'fr' },
          ]);
          await store.appendTranscripts([
            { conversationId: conv, channel: 'sms', from: 'guest', text: 'Dupont', at: at(2) },
            { conversationId: conv, channel: 'sms', from: 'bot', text: "C'est noté.", at: at(3), reservationId: 'r-1' },
          ]);
          assert.deepEqual(
            (await store.getTranscript(conv)).map((e) => e.text),
            ['Une table pour 2', 'À quel nom ?', 'Dupont', "C'est noté."],
          );
          assert.deepEqual(
            (await store.listConversations(10)).find((c) => c.id === conv),
            {
              id: conv,
              channel: 'sms',
              address: '+33612345678',
              language: 'fr',
              startedAt: at(0),
              lastAt: at(3),
              turns: 2,
              reservationIds: ['r-1'],
              outcome: null,
            },
          );
        }),
      );
    });

    describe('live feed', () => {
      it(
        'keeps events once, in order, and prunes the old ones',
        withStore(async ({ store }) => {
          const t0 = Date.now();
          const at = (s: number) => new Date(t0 + s * 1000).toISOString();
          const event = (id: string, s: number) => ({
            id,
            name: 'reservation:created',
            payload: { id: `r-${id}`, tableIds: ['T1'], notes: 'a.b $c' },
            at: at(s),
            instance: 'A',
          });
          await store.appendFeed(event('e2', 2));
          await store.appendFeed(event('e1', 1));
          await store.appendFeed(event('e1', 1)); // the same event written twice is kept once
          await store.appendFeed(event('e3', 3));
          assert.deepEqual(
            (await store.feedSince(at(0), 10)).map((e) => e.id),
            ['e1', 'e2', 'e3'],
          );
          assert.deepEqual(await store.feedSince(at(2), 1), [event('e2', 2)]);
          await store.pruneFeed(at(2));
          assert.deepEqual(
            (await store.feedSince(at(0), 10)).map((e) => e.id),
            ['e2', 'e3'],
          );
        }),
      );
    });

    describe('outbox', () => {
      it(
        'queues once per dedupe key and leases each entry to one owner',
        withStore(async ({ store }) => {
          assert.equal(await store.enqueueOutbox(outbox({ dedupeKey: 'reminder:r1:120' })), true);
          assert.equal(await store.enqueueOutbox(outbox({ dedupeKey: 'reminder:r1:120' })), false);
          for (let i = 0; i < 5; i++) assert.equal(await store.enqueueOutbox(outbox({ body: `m${i}` })), true);
          await store.enqueueOutbox(
            outbox({ body: 'later', nextAttemptAt: new Date(Date.now() + 3600_000).toISOString() }),
          );
          const now = new Date(Date.now() + 1000); // every entry above is due by then, but 'later'
          const leaseUntil = new Date(now.getTime() + 60_000);
          const [a, b] = await Promise.all([
            store.leaseOutbox('A', now, leaseUntil, 10),
            store.leaseOutbox('B', now, leaseUntil, 10),
          ]);
          const ids = [...a, ...b].map((e) => e.id);
          assert.equal(ids.length, 6, 'every due entry leased once');
          assert.equal(new Set(ids).size, ids.length, 'no entry leased twice');
          assert.ok(a.every((e) => e.leaseOwner === 'A' && e.status === 'sending'));
          assert.ok(b.every((e) => e.leaseOwner === 'B' && e.status === 'sending'));
          assert.deepEqual(await store.leaseOutbox('C', now, leaseUntil, 10), []);
          const sent = {
            ...a.concat(b)[0],
            status: 'sent' as const,
            sentAt: now.toISOString(),
            attempts: 1,
            leaseUntil: null,
            leaseOwner: null,
          };
          await store.updateOutbox(sent);
          // After the lease ran out, unsent entries go to the next leaser; sent ones never again.
          const again = await store.leaseOutbox(
            'C',
            new Date(leaseUntil.getTime() + 1),
            new Date(leaseUntil.getTime() + 60_000),
            10,
          );
          assert.equal(again.length, 5);
          assert.ok(!again.some((e) => e.id === sent.id));
          const limited = await store.leaseOutbox(
            'D',
            new Date(now.getTime() + 7200_000),
            new Date(now.getTime() + 7260_000),
            2,
          );
          assert.equal(limited.length, 2);
          const listed = await store.listOutbox(50);
          assert.equal(listed.length, 7);
          assert.deepEqual(
            listed.find((e) => e.id === sent.id),
            sent,
          );
          assert.deepEqual(await store.getOutbox(sent.id), sent, 'one entry read by its id');
          assert.equal(await store.getOutbox('no-such-entry'), null);
          assert.equal(await store.enqueueOutbox(outbox({ dedupeKey: 'reminder:r1:120' })), false);
        }),
      );
    });

    describe('waitlist', () => {
      it(
        'keeps entries, lists the day in arrival order by status, and survives a restart',
        withStore(async (sut) => {
          const store = sut.store;
          const entry = (id: string, createdAt: string, patch: Partial<WaitlistEntry> = {}): WaitlistEntry => ({
            id,
            restaurantId: RID,
            name: `Party ${id}`,
            phone: '+33612345678',
            partySize: 3,
            quotedMinutes: 20,
            language: 'fr',
            channel: 'dashboard',
            status: 'waiting',
            notes: '',
            createdAt,
            updatedAt: createdAt,
            notifiedAt: null,
            repliedAt: null,
            reservationId: null,
            ...patch,
          });
          await store.addWaitlistEntry(entry('w2', '2026-12-02T19:10:00.000Z'));
          await store.addWaitlistEntry(entry('w1', '2026-12-02T19:05:00.000Z', { channel: 'sms', language: 'en' }));
          await store.addWaitlistEntry(entry('w0', '2026-12-01T21:00:00.000Z'));
          await store.addWaitlistEntry(entry('other', '2026-12-02T19:00:00.000Z', { restaurantId: 'elsewhere' }));
          const notified = {
            ...entry('w1', '2026-12-02T19:05:00.000Z', { channel: 'sms', language: 'en' }),
            status: 'notified' as const,
            notifiedAt: '2026-12-02T19:30:00.000Z',
          };
          await store.updateWaitlistEntry(notified);
          const today = await store.listWaitlist(RID, { since: '2026-12-02T00:00:00.000Z' });
          assert.deepEqual(
            today.map((e) => `${e.id}:${e.status}`),
            ['w1:notified', 'w2:waiting'],
          );
          assert.deepEqual(today[0], notified);
          const waiting = await store.listWaitlist(RID, { since: '2026-12-01T00:00:00.000Z', statuses: ['waiting'] });
          assert.deepEqual(
            waiting.map((e) => e.id),
            ['w0', 'w2'],
          );
          const again = await sut.reopen();
          assert.deepEqual(await again.getWaitlistEntry('w1'), notified);
          assert.equal(await again.getWaitlistEntry('nope'), null);
        }),
      );
    });
  });
}
