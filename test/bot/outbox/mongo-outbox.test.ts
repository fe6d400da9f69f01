// The outbox on the MongoDB store (FerretDB in CI): two app instances, each with its own
// store connection and worker, on one database — a booking's messages and a burst of entries
// each go out exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoRestaurant, demoTables } from '../../../booking-core';
import { testMessage } from '../../../booking-core/notifications';
import { MongoStore } from '../../../booking-core/stores/mongo-store';
import { MONGODB_URI, mongoSkip, RUN_TAG, uriWithDatabase } from '../../helpers/mongo-uri';
import { manualClock, SmtpSink, TwilioApiDouble } from './fakes';
import { flush, MANAGER_EMAIL, notificationsConfig, rig } from './harness';

if (mongoSkip) console.log(`# skipping the outbox on MongoDB: ${mongoSkip}`);

describe('outbox on MongoDB, two instances', { skip: mongoSkip }, () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  const uri = MONGODB_URI ? uriWithDatabase(MONGODB_URI, `${RUN_TAG}_outbox`) : '';
  const storeA = new MongoStore(uri, { warn: () => undefined });
  const storeB = new MongoStore(uri, { warn: () => undefined });
  let smtpUrl = '';
  let twilioUrl = '';

  before(async () => {
    smtpUrl = await smtp.start();
    twilioUrl = await twilio.start();
    await storeA.init();
    await storeB.init();
    const r = demoRestaurant();
    await storeA.saveRestaurant(r);
    for (const t of demoTables(r.id)) await storeA.saveTable(t);
  });
  after(async () => {
    await storeA.dropDatabase();
    await storeA.close();
    await storeB.close();
    await smtp.stop();
    await twilio.stop();
  });

  test('each entry is sent once', async () => {
    const clock = manualClock('2026-12-01T09:00:00.000Z');
    const config = notificationsConfig({ smtpUrl, twilioUrl });
    const a = await rig(clock, config, { store: storeA, owner: 'mongo-a' });
    const b = await rig(clock, config, { store: storeB, owner: 'mongo-b' });
    try {
      const { reservation } = await a.bookings.book({
        customerName: 'Mongomail',
        customerPhone: '+33612340000',
        partySize: 2,
        date: '2026-12-04',
        time: '20:00',
        channel: 'sms',
        language: 'fr',
      });
      await a.n.notifier.settled();
      const restaurant = await a.n.notifier.restaurant();
      const burst = Array.from({ length: 20 }, (_, i) =>
        testMessage(restaurant, 'sms', `+3362000${String(i).padStart(4, '0')}`, clock(), 'fr'),
      );
      assert.equal((await a.n.notifier.queue(burst)).length, 20);
      const before = twilio.messages.length;
      const [sentA, sentB] = await Promise.all([a.n.worker.drain(), b.n.worker.drain()]);
      await flush(a);
      await flush(b);
      assert.equal(sentA + sentB, 23, 'manager email, manager SMS, guest SMS and 20 test messages');
      const to = twilio.messages.slice(before).map((m) => m.To);
      assert.equal(to.length, 22);
      assert.equal(new Set(to).size, 22, 'no SMS twice');
      assert.equal(
        smtp.mails.filter((m) => m.to.includes(MANAGER_EMAIL) && m.text.includes('Mongomail')).length,
        1,
        'one manager email',
      );
      const mine = (await storeB.listOutbox(100)).filter((e) => e.reservationId === reservation.id);
      assert.ok(mine.length === 3 && mine.every((e) => e.status === 'sent' && e.attempts === 1));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
