// One guest's turns never overlap, even when two instances on one store receive them together.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { ConversationQueue } from '../../bot/conversation-queue';
import { storeLeases } from '../../bot/store-leases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function twoInstances() {
  const store = new SqliteStore(':memory:');
  await store.init();
  const leases = storeLeases(store, 'conversationLease');
  return { store, a: new ConversationQueue(leases), b: new ConversationQueue(storeLeases(store, 'conversationLease')) };
}

describe('Conversation turns across instances', () => {
  it("one guest's turns at two instances run one after the other; other guests run alongside", async () => {
    const { a, b } = await twoInstances();
    const log: string[] = [];
    const turn = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      a.run('sms:+33611111111', turn('guest1 at A', 60)),
      b.run('sms:+33611111111', turn('guest1 at B', 10)),
      b.run('sms:+33622222222', turn('guest2 at B', 10)),
    ]);
    assert.deepEqual(results, ['guest1 at A', 'guest1 at B', 'guest2 at B']);
    const guest1 = log.filter((l) => l.includes('guest1'));
    const first = guest1[0].replace(/^start /, '');
    const second = first === 'guest1 at A' ? 'guest1 at B' : 'guest1 at A';
    assert.deepEqual(guest1, [`start ${first}`, `end ${first}`, `start ${second}`, `end ${second}`]);
    assert.ok(log.indexOf('end guest2 at B') < log.indexOf(`end ${second}`), 'another guest did not wait');
  });

  it('a conversation left leased by a killed instance is free again once the lease lapses', async () => {
    const { store, b } = await twoInstances();
    await store.putDocument('conversationLease', 'voice:CA1', { until: Date.now() + 300 }, null);
    const started = Date.now();
    assert.equal(await b.run('voice:CA1', async () => 'ran'), 'ran');
    assert.ok(Date.now() - started >= 250, 'the turn waited for the lease');
    assert.equal(await store.getDocument('conversationLease', 'voice:CA1'), null, 'released after the turn');
  });

  it('a failed turn releases the conversation', async () => {
    const { a, b } = await twoInstances();
    await assert.rejects(
      a.run('webchat:1', async () => {
        throw new Error('store down');
      }),
    );
    assert.equal(await b.run('webchat:1', async () => 'next turn'), 'next turn');
  });
});
