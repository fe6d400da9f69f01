// The contract of the expiring records (booking-core/records.ts), run on both stores.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordStore } from '../../../booking-core/records';

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function runRecordsContract(
  name: string,
  open: () => Promise<{ records: RecordStore; dispose(): Promise<void> }>,
  options: { skip?: string } = {},
): void {
  describe(`expiring records on ${name}`, { skip: options.skip }, () => {
    const withRecords = (fn: (r: RecordStore) => Promise<void>) => async () => {
      const { records, dispose } = await open();
      try {
        await fn(records);
      } finally {
        await dispose();
      }
    };

    it(
      'keeps a value until it expires, then reads nothing',
      withRecords(async (r) => {
        await r.put('reply', 'SM1', { body: '<Response/>' }, at(10));
        assert.deepEqual(await r.get('reply', 'SM1', at(9)), { body: '<Response/>' });
        assert.equal(await r.get('reply', 'SM1', at(10)), null);
        assert.equal(await r.get('reply', 'other', at(0)), null);
        assert.equal(await r.get('other-kind', 'SM1', at(0)), null);
      }),
    );

    it(
      'writes a new record once; an expired one may be written again',
      withRecords(async (r) => {
        assert.equal(await r.putNew('seen', 'k', 1, at(5), at(0)), true);
        assert.equal(await r.putNew('seen', 'k', 2, at(5), at(1)), false);
        assert.equal(await r.get('seen', 'k', at(1)), 1);
        assert.equal(await r.putNew('seen', 'k', 3, at(20), at(6)), true);
        assert.equal(await r.get('seen', 'k', at(6)), 3);
        const racing = await Promise.all([1, 2, 3, 4].map((n) => r.putNew('race', 'k', n, null, at(0))));
        assert.equal(racing.filter(Boolean).length, 1);
      }),
    );

    it(
      'counts events until each expires, and loses none of concurrent ones',
      withRecords(async (r) => {
        assert.equal(await r.count('sms', '+33612345678', at(0)), 0);
        assert.equal(await r.increment('sms', '+33612345678', at(60), at(0)), 1);
        assert.equal(await r.increment('sms', '+33612345678', at(90), at(1)), 2);
        assert.equal(await r.count('sms', '+33612345678', at(59)), 2);
        assert.equal(await r.count('sms', '+33612345678', at(60)), 1, 'the first event is no longer counted');
        assert.equal(await r.increment('sms', '+33612345678', at(120), at(61)), 2);
        assert.equal(await r.count('sms', 'another', at(0)), 0);
        const counts = await Promise.all(Array.from({ length: 20 }, () => r.increment('burst', 'k', at(60), at(0))));
        assert.equal(Math.max(...counts), 20);
        assert.equal(await r.count('burst', 'k', at(1)), 20);
        assert.equal(await r.increment('version', 'user-1', null, at(0)), 1);
        assert.equal(await r.increment('version', 'user-1', null, at(100_000)), 2);
      }),
    );

    it(
      'sweeps what has expired and nothing else',
      withRecords(async (r) => {
        await r.put('a', '1', 'old', at(1));
        await r.put('a', '2', 'new', at(100));
        await r.put('a', '3', 'forever', null);
        await r.increment('c', '1', at(1), at(0));
        await r.increment('c', '1', at(100), at(0));
        assert.equal(await r.sweep(at(50)), 2);
        assert.equal(await r.count('c', '1', at(0)), 1);
        assert.equal(await r.get('a', '2', at(50)), 'new');
        assert.equal(await r.get('a', '3', at(50)), 'forever');
        await r.delete('a', '3');
        assert.equal(await r.get('a', '3', at(50)), null);
      }),
    );
  });
}
