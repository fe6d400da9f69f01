// Two server instances share one store; Twilio retries one webhook at both at once. The store's
// lease lets one instance run the turn; the other answers with the same stored reply.
// Turns are held open by gates the test opens, and the test waits on conditions, never on time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplayGuard, type TurnLeases, type WebhookReply } from '../../adapters/replay-guard';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { storeReplyCache, WEBHOOK_LEASE_COLLECTION } from '../../bot/channels';
import { storeLeases } from '../../bot/store-leases';

async function openStore(): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  await store.init();
  return store;
}

/** Resolves once `condition` holds (polled), or fails after `ms`. */
async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A turn that runs until the test opens it. */
function gate(): { open(): void; opened: Promise<void> } {
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

/** Two instances on one store; `refused` counts the leases each was refused (it is waiting). */
function instances(store: SqliteStore) {
  return [1, 2].map(() => {
    const leases = storeLeases(store, WEBHOOK_LEASE_COLLECTION);
    const counted: TurnLeases & { refused: number } = {
      refused: 0,
      async acquire(key, ms) {
        const token = await leases.acquire(key, ms);
        if (token === null) counted.refused += 1;
        return token;
      },
      renew: (key, token, ms) => leases.renew(key, token, ms),
      held: (key) => leases.held(key),
      release: (key) => leases.release(key),
    };
    return { guard: new ReplayGuard(storeReplyCache(store), counted), leases: counted };
  });
}

const leaseGone = (store: SqliteStore, key: string) => async () =>
  (await store.getDocument(WEBHOOK_LEASE_COLLECTION, key)) === null;

describe('Webhook retries across instances', () => {
  it('three concurrent copies at two instances run the turn once and get one answer', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const running = gate();
    let runs = 0;
    const turn = async (): Promise<WebhookReply> => {
      runs += 1;
      await running.opened;
      return { status: 200, contentType: 'text/xml', body: `<Response><Message>booked (${runs})</Message></Response>` };
    };
    const key = 'msg:sms:+33612345678:SM0123456789';
    const all = Promise.all([a.guard.once(key, turn), b.guard.once(key, turn), a.guard.once(key, turn)]);
    await until(() => runs === 1 && b.leases.refused > 0, 'A running the turn while B waits');
    running.open();
    const answers = await all;
    assert.equal(runs, 1);
    assert.deepEqual(
      new Set(answers.map((r) => r.body)),
      new Set(['<Response><Message>booked (1)</Message></Response>']),
    );
    // A later retry at either instance replays it, and the lease is gone.
    assert.equal((await b.guard.once(key, turn)).body, answers[0].body);
    await until(leaseGone(store, key), 'the lease released');
    assert.equal(runs, 1);
  });

  it('while one instance runs the turn, the other knows it is running (a voice wait keeps holding)', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const key = 'voice:CA42:3';
    const turn = gate();
    const running = a.guard.once(key, async () => {
      await turn.opened;
      return { status: 200, contentType: 'text/xml', body: '<Response/>' };
    });
    await until(() => b.guard.isRunning(key), 'the lease taken by A');
    assert.equal(await b.guard.peek(key), null);
    turn.open();
    await running;
    await until(leaseGone(store, key), 'the lease released');
    assert.equal(await b.guard.isRunning(key), false);
    assert.equal((await b.guard.peek(key))?.body, '<Response/>');
  });

  it('a lease left by a killed instance is taken over once it lapses', async () => {
    const store = await openStore();
    const key = 'msg:sms:+33600000001:SMdead';
    // What a SIGKILLed instance leaves: a lease that ran out, and no answer.
    await store.putDocument(WEBHOOK_LEASE_COLLECTION, key, { until: Date.now() - 1 }, null);
    const [b] = instances(store);
    const reply = await b.guard.once(key, async () => ({ status: 200, contentType: 'text/xml', body: 'ran on B' }));
    assert.equal(reply.body, 'ran on B');
  });

  it('a slow turn keeps its lease: the other instance waits for its answer instead of running it again', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const key = 'voice:CA43:2';
    const turn = gate();
    let runs = 0;
    const slow = async (): Promise<WebhookReply> => {
      runs += 1;
      await turn.opened;
      return { status: 200, contentType: 'text/xml', body: `run ${runs}` };
    };
    const first = a.guard.once(key, slow);
    await until(() => runs === 1, 'A running the turn');
    const taken = await store.getDocument<{ until: number }>(WEBHOOK_LEASE_COLLECTION, key);
    assert.ok(taken);
    // Past the lease's first expiry: only its renewal keeps B from running the turn again.
    await until(() => Date.now() > taken.value.until + 100, 'one lease period', 10_000);
    const retry = b.guard.once(key, slow);
    await until(() => b.leases.refused > 0, 'B refused the lease and waiting');
    turn.open();
    assert.deepEqual([(await first).body, (await retry).body], ['run 1', 'run 1']);
    assert.equal(runs, 1);
  });

  it('a failed turn releases its lease so that the retry runs it', async () => {
    const store = await openStore();
    const [a, b] = instances(store);
    const key = 'msg:sms:+33600000002:SMfail';
    await assert.rejects(
      a.guard.once(key, async () => {
        throw new Error('store unreachable');
      }),
    );
    await until(leaseGone(store, key), 'the failed turn releasing its lease');
    assert.equal(
      (await b.guard.once(key, async () => ({ status: 200, contentType: 'text/xml', body: 'second try' }))).body,
      'second try',
    );
  });
});
