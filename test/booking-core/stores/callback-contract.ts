// The contract of the callback-task concern of the store port (booking-core/callbacks.ts), run
// on every store by its own test file beside the main contract suite.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newCallbackTask, type CallbackTask } from '../../../booking-core/callbacks';
import type { StoreUnderTest } from './store-contract';

function task(id: string, minutesAgo: number, overrides: Partial<CallbackTask> = {}): CallbackTask {
  return {
    ...newCallbackTask({
      id,
      conversationId: `voice:${id}`,
      phone: '+33612345678',
      language: 'fr',
      reason: 'no-answer',
      now: new Date(Date.now() - minutesAgo * 60_000),
    }),
    ...overrides,
  };
}

export function runCallbackContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: { skip?: string } = {},
): void {
  const withStore = (fn: (s: StoreUnderTest) => Promise<void>) => async () => {
    const s = await makeStore();
    try {
      await fn(s);
    } finally {
      await s.dispose();
    }
  };

  describe(`store contract, callback tasks: ${name}`, { skip: options.skip }, () => {
    it(
      'creates a task once per id: a second create changes nothing',
      withStore(async ({ store }) => {
        const first = task('CA1', 0);
        assert.equal(await store.createCallbackTask(first), true);
        assert.equal(await store.createCallbackTask({ ...first, phone: '+33700000000', reason: 'busy' }), false);
        assert.deepEqual(await store.getCallbackTask('CA1'), first);
        assert.equal(await store.getCallbackTask('CA-none'), null);
      }),
    );

    it(
      'patches the given fields only, and two patches at once both land',
      withStore(async ({ store }) => {
        await store.createCallbackTask(task('CA2', 0));
        const now = new Date();
        await Promise.all([
          store.patchCallbackTask('CA2', { recordingUrl: 'https://api.twilio.com/R1', recordingSeconds: 12 }, now),
          store.patchCallbackTask('CA2', { transcript: 'Rappelez-moi', transcriptStatus: 'completed' }, now),
        ]);
        const after = await store.getCallbackTask('CA2');
        assert.equal(after?.recordingUrl, 'https://api.twilio.com/R1');
        assert.equal(after?.recordingSeconds, 12);
        assert.equal(after?.transcript, 'Rappelez-moi');
        assert.equal(after?.transcriptStatus, 'completed');
        assert.equal(after?.phone, '+33612345678');
        assert.equal(after?.updatedAt, now.toISOString());
        assert.equal(await store.patchCallbackTask('CA-none', { done: true }, now), null);
      }),
    );

    it(
      'lists newest first, open or done, and keeps tasks across a restart',
      withStore(async (s) => {
        await s.store.createCallbackTask(task('CA-old', 30));
        await s.store.createCallbackTask(task('CA-mid', 20));
        await s.store.createCallbackTask(task('CA-new', 10));
        const done = await s.store.patchCallbackTask(
          'CA-mid',
          { done: true, doneAt: new Date().toISOString(), doneBy: 'u1' },
          new Date(),
        );
        assert.equal(done?.done, true);
        const store = await s.reopen();
        assert.deepEqual(
          (await store.listCallbackTasks({ limit: 10 })).map((t) => t.id),
          ['CA-new', 'CA-mid', 'CA-old'],
        );
        assert.deepEqual(
          (await store.listCallbackTasks({ done: false, limit: 10 })).map((t) => t.id),
          ['CA-new', 'CA-old'],
        );
        assert.deepEqual(
          (await store.listCallbackTasks({ done: true, limit: 10 })).map((t) => [t.id, t.doneBy]),
          [['CA-mid', 'u1']],
        );
        assert.deepEqual(
          (await store.listCallbackTasks({ limit: 1 })).map((t) => t.id),
          ['CA-new'],
        );
      }),
    );
  });
}
