// Two server instances share one store; Twilio retries one webhook at both at once. The store's
// lease lets one instance run the turn; the other answers with the same stored reply.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplayGuard, type WebhookReply } from '../../adapters/replay-guard';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { storeReplyCache, WEBHOOK_LEASE_COLLECTION } from '../../bot/channels';
import { storeLeases } from '../../bot/store-leases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openStore(): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  await store.init();
  return store;
}

function instances(store: SqliteStore) {
  return [1, 2].map(() => new ReplayGuard(storeReplyCache(store), storeLeases(store, WEBHOOK_LEASE_COLLECTION)));
}

describe('Webhook retries across instances', () => {
  it('three concurrent copies at two instances run the turn once and get one answer', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    let runs = 0;
    const turn = async (): Promise<WebhookReply> => {
      runs += 1;
      await sleep(80);
      return { status: 200, contentType: 'text/xml', body: `<Response><Message>booked (${runs})</Message></Response>` };
    };
    const key = 'msg:sms:+33612345678:SM0123456789';
    const answers = await Promise.all([a.once(key, turn), b.once(key, turn), a.once(key, turn)]);
    assert.equal(runs, 1);
    assert.deepEqual(
      new Set(answers.map((r) => r.body)),
      new Set(['<Response><Message>booked (1)</Message></Response>']),
    );
    // A later retry at either instance replays it, and the lease is gone.
    assert.equal((await b.once(key, turn)).body, answers[0].body);
    await sleep(10);
    assert.equal(await store.getDocument(WEBHOOK_LEASE_COLLECTION, key), null);
    assert.equal(runs, 1);
  });

  it('while one instance runs the turn, the other knows it is running (a voice wait keeps holding)', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const key = 'voice:CA42:3';
    const running = a.once(key, async () => {
      await sleep(60);
      return { status: 200, contentType: 'text/xml', body: '<Response/>' };
    });
    await sleep(20);
    assert.equal(await b.isRunning(key), true);
    assert.equal(await b.peek(key), null);
    await running;
    assert.equal(await b.isRunning(key), false);
    assert.equal((await b.peek(key))?.body, '<Response/>');
  });

  it('a lease left by a killed instance is taken over once it lapses', async () => {
    const store = await openStore();
    const key = 'msg:sms:+33600000001:SMdead';
    // What a SIGKILLed instance leaves: a lease that ran out, and no answer.
    await store.putDocument(WEBHOOK_LEASE_COLLECTION, key, { until: Date.now() - 1 }, null);
    const [b] = instances(store);
    const reply = await b.once(key, async () => ({ status: 200, contentType: 'text/xml', body: 'ran on B' }));
    assert.equal(reply.body, 'ran on B');
  });

  it('a slow turn keeps its lease: the other instance waits for its answer instead of running it again', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const key = 'voice:CA43:2';
    let runs = 0;
    const slow = async (): Promise<WebhookReply> => {
      runs += 1;
      await sleep(5_500);
      return { status: 200, contentType: 'text/xml', body: `run ${runs}` };
    };
    const first = a.once(key, slow);
    await sleep(4_500); // past one lease period: only renewal keeps it
    const retry = b.once(key, slow);
    assert.deepEqual([(await first).body, (await retry).body], ['run 1', 'run 1']);
    assert.equal(runs, 1);
  });

  it('a failed turn releases its lease so that the retry runs it', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const key = 'msg:sms:+33600000002:SMfail';
    await assert.rejects(
      a.once(key, async () => {
        throw new Error('store unreachable');
      }),
    );
    await sleep(10);
    assert.equal(
      (await b.once(key, async () => ({ status: 200, contentType: 'text/xml', body: 'second try' }))).body,
      'second try',
    );
  });
});
