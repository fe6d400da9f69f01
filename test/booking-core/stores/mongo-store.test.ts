// The store contract on the MongoDB store, over the real wire protocol (FerretDB in CI:
// `eval "$(bash scripts/ferretdb.sh start)"`), plus the crash-safety of its claims.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { BookingService } from '../../../booking-core/booking-service';
import { claimsFor } from '../../../booking-core/claims';
import { addDays, localDateOf } from '../../../booking-core/clock';
import { demoRestaurant, demoTables, DEMO_RESTAURANT_ID } from '../../../booking-core/demo-restaurant';
import { BookingError, SlotTakenError } from '../../../booking-core/errors';
import { MongoStore } from '../../../booking-core/stores/mongo-store';
import { MONGODB_URI, mongoSkip, NO_MONGO_REASON, RUN_TAG, uriWithDatabase } from '../../helpers/mongo-uri';
import { runCallbackContract } from './callback-contract';
import { runStoreContract, type StoreUnderTest } from './store-contract';

const BASE_URI = MONGODB_URI;
let counter = 0;

const dropped: Array<() => Promise<void>> = [];

async function freshStore(): Promise<{ store: MongoStore; uri: string }> {
  const uri = uriWithDatabase(BASE_URI, `${RUN_TAG}_${++counter}`);
  const store = new MongoStore(uri, { warn: () => undefined });
  await store.init();
  return { store, uri };
}

if (!BASE_URI) {
  if (process.env.CI === 'true') {
    it('the MongoDB store suite runs in CI', () => {
      assert.fail(`${NO_MONGO_REASON} (CI=true: the Mongo suite is required)`);
    });
  } else {
    console.log(`# skipping the MongoDB store suite: ${NO_MONGO_REASON}`);
  }
}

const skip = mongoSkip;

async function mongoStore(): Promise<StoreUnderTest> {
  let { store: current, uri } = await freshStore();
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = new MongoStore(uri, { warn: () => undefined });
      await current.init();
      return current;
    },
    async dispose() {
      await current.dropDatabase();
      await current.close();
    },
  };
}

runStoreContract('mongo', mongoStore, { skip });
runCallbackContract('mongo', mongoStore, { skip });

describe('MongoDB store specifics', { skip }, () => {
  after(async () => {
    for (const drop of dropped) await drop();
  });

  async function seeded(): Promise<{
    store: MongoStore;
    claims: mongoose.mongo.Collection;
    service: BookingService;
    offset: { ms: number };
  }> {
    const { store, uri } = await freshStore();
    const conn = await mongoose.createConnection(uri).asPromise();
    dropped.push(async () => {
      await conn.close();
      await store.dropDatabase();
      await store.close();
    });
    await store.saveRestaurant(demoRestaurant());
    for (const t of demoTables().filter((x) => x.id === 'T1')) await store.saveTable(t);
    const offset = { ms: 0 };
    const service = new BookingService(store, DEMO_RESTAURANT_ID, { clock: () => new Date(Date.now() + offset.ms) });
    if (!conn.db) throw new Error('no database handle');
    return { store, claims: conn.db.collection('slot_claims'), service, offset };
  }

  const day = () => addDays(localDateOf(new Date(), 'Europe/Paris'), 2);
  const request = (name: string) => ({
    customerName: name,
    customerPhone: '+33612345678',
    partySize: 2,
    date: day(),
    time: '19:00',
    channel: 'website' as const,
    language: 'en' as const,
  });

  it('starts with its indexes made, and tells which store it is', async () => {
    const { store, claims } = await seeded();
    assert.equal(store.kind, 'mongo');
    const indexes = await claims.indexes();
    const lock = indexes.find((ix) => ix.name === 'slot_claims_lock');
    assert.deepEqual(lock?.key, { restaurantId: 1, tableId: 1, slotStart: 1 });
    assert.equal(lock?.unique, true);
    assert.ok(
      indexes.some((ix) => Object.keys(ix.key).join() === 'expiresAt'),
      'an index on expiresAt (TTL where supported)',
    );
  });

  it('a booking killed after taking its claims blocks the table only until they expire', async () => {
    const { service, claims, offset } = await seeded();
    // The claims a dead process left: provisional, no reservation document behind them.
    const start = await service.availability(day(), 2).then((a) => a.slots.find((s) => s.time === '19:00'));
    assert.ok(start);
    const left = claimsFor(
      {
        id: 'ghost',
        restaurantId: DEMO_RESTAURANT_ID,
        tableIds: ['T1'],
        startAt: start.startAt.toISOString(),
        endAt: start.endAt.toISOString(),
        holdExpiresAt: null,
      },
      0,
    );
    await claims.insertMany(left.map((c) => ({ ...c, expiresAt: new Date(Date.now() + 2 * 60_000) })));
    await assert.rejects(
      service.book(request('Blocked')),
      (err: unknown) => err instanceof BookingError && err.code === 'unavailable',
    );
    offset.ms = 3 * 60_000;
    const { reservation } = await service.book(request('After'));
    assert.deepEqual(reservation.tableIds, ['T1']);
    assert.equal(await claims.countDocuments({ reservationId: 'ghost' }), 0);
  });

  it('a booking killed after writing its reservation keeps its table: claims anchored, not reaped', async () => {
    const { store, service, claims, offset } = await seeded();
    const { reservation } = await service.book(request('Kept'));
    // As if the process died before anchoring: the claims still carry their provisional expiry.
    await claims.updateMany({ reservationId: reservation.id }, { $set: { expiresAt: new Date(Date.now() + 60_000) } });
    offset.ms = 5 * 60_000;
    const rival = { ...reservation, id: 'rival', customerName: 'Rival' };
    await assert.rejects(store.createReservation(rival, claimsFor(rival, 0), service.now()), SlotTakenError);
    assert.equal(await claims.countDocuments({ reservationId: reservation.id, expiresAt: null }), 6);
    // The sweeper does the same for claims nobody stumbled on, and deletes what the booking no longer covers.
    await claims.updateMany({ reservationId: reservation.id }, { $set: { expiresAt: new Date(Date.now() + 60_000) } });
    await claims.insertOne({
      restaurantId: DEMO_RESTAURANT_ID,
      tableId: 'T1',
      slotStart: '2000-01-01T00:00:00.000Z',
      reservationId: reservation.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    assert.equal(await service.sweepExpiredHolds(), 0);
    assert.equal(await claims.countDocuments({ reservationId: reservation.id, expiresAt: null }), 6);
    assert.equal(await claims.countDocuments({ reservationId: reservation.id }), 6);
  });

  it('a cancel killed half-way leaves claims that expire', async () => {
    const { store, service, claims, offset } = await seeded();
    const { reservation } = await service.book(request('Gone'));
    // What releaseReservation does before its last step: claims given an expiry, reservation cancelled.
    await claims.updateMany(
      { reservationId: reservation.id },
      { $set: { expiresAt: new Date(Date.now() + 2 * 60_000) } },
    );
    await store.updateReservation({ ...reservation, status: 'cancelled' });
    offset.ms = 3 * 60_000;
    const { reservation: next } = await service.book(request('Next'));
    assert.deepEqual(next.tableIds, ['T1']);
    assert.equal(await claims.countDocuments({ reservationId: reservation.id }), 0);
  });

  it('init() refuses to run without its unique lock index', async () => {
    const uri = uriWithDatabase(BASE_URI, `${RUN_TAG}_noindex`);
    const conn = await mongoose.createConnection(uri).asPromise();
    try {
      // An older, non-unique index under the lock's name: a silent "success" would mean no lock.
      await conn.db
        ?.collection('slot_claims')
        .createIndex({ restaurantId: 1, tableId: 1, slotStart: 1 }, { name: 'slot_claims_lock' });
      const store = new MongoStore(uri, { warn: () => undefined });
      await assert.rejects(
        store.init(),
        (err: Error) => /slot_claims/.test(err.message) && !err.message.includes('\n'),
      );
    } finally {
      await conn.db?.dropDatabase();
      await conn.close();
    }
  });

  it('init() fails with one clear line when the server cannot be reached', async () => {
    const store = new MongoStore('mongodb://127.0.0.1:1/maitre_test', { serverSelectionTimeoutMS: 300 });
    await assert.rejects(store.init(), /^Error: MONGODB_URI: cannot connect to MongoDB/);
  });
});
