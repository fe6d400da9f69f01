// Two app instances on one store: a booking made on one reaches the staff screens of the
// other through the store, once, and local notifications are not repeated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublicReservation } from '../../booking-core';
import { startLiveRelay } from '../../bot/live-relay';
import { startTestServer } from '../helpers/app';

describe('live feed across instances', () => {
  it("delivers another instance's booking to this instance's feed, once", async () => {
    const a = await startTestServer();
    const b = await startTestServer({ dataDir: a.dataDir });
    try {
      const localOnB: PublicReservation[] = [];
      b.app.ctx.events.on('reservation:created', (r) => localOnB.push(r));
      const made = await a.json('/api/reservations', {
        body: { customerName: 'Across', phoneNumber: '+33677777777', partySize: 2, date: '2030-01-01', time: '20:00' },
      });
      assert.equal(made.status, 400, 'far dates are refused; book inside the horizon instead');
      const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
      const ok = await a.json('/api/reservations', {
        body: { customerName: 'Across', phoneNumber: '+33677777777', partySize: 2, date: tomorrow, time: '20:00' },
      });
      assert.equal(ok.status, 201);
      const relay = startLiveRelay(b.app.ctx.events, b.app.ctx.store, () => undefined);
      const seen: PublicReservation[] = [];
      relay.feed.on('reservation:created', (r) => seen.push(r));
      await relay.pollOnce();
      await relay.pollOnce();
      relay.close();
      assert.deepEqual(
        seen.map((r) => r.id),
        [ok.body.id],
        'read back once from the store',
      );
      assert.deepEqual(localOnB, [], 'the other instance does not announce it again');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
