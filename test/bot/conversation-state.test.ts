// Conversation state lives in the store: a second bot on the same database file goes on
// where the first stopped; concurrent messages of one conversation run one after another;
// the botbuilder Storage keeps etag semantics.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { StoreStorage } from '../../bot/store-storage';
import { ConversationQueue } from '../../bot/conversation-queue';
import { activity, assertBooked, makeWorld, play, sms } from '../dialogs/support/transcript';

test('a conversation survives a restart of the bot between two turns', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'maitre-dialogs-')), 'maitre.db');
  const ch = sms();
  const first = await makeWorld({ file });
  await play(
    first,
    ch,
    `
    user: Bonjour, une table pour 3 samedi à 20h
    bot:  quel nom
  `,
  );
  await first.store.close();

  const second = await makeWorld({ file });
  await play(
    second,
    ch,
    `
    user: Lefebvre
    bot:  3 personnes, samedi 28 novembre à 20 h, au nom de Lefebvre\\. C'est bien ça
    user: oui
    bot:  réservation est confirmée
  `,
  );
  await assertBooked(second, ch.from, { partySize: 3, date: '2026-11-28', time: '20:00', name: 'Lefebvre' });
  await second.store.close();
});

test('two messages of one conversation arriving together are taken one after the other', async () => {
  const w = await makeWorld();
  const ch = sms();
  const [a, b] = await Promise.all([
    w.created.respond(activity(ch, 'Bonjour, une table pour 2 samedi à 21h')),
    w.created.respond(activity(ch, 'Au nom de Caron')),
  ]);
  assert.match(a.map((x) => x.text).join(' '), /quel nom/);
  assert.match(b.map((x) => x.text).join(' '), /2 personnes, samedi 28 novembre à 21 h, au nom de Caron/);
});

test('the per-conversation queue runs one key in order and different keys side by side', async () => {
  const q = new ConversationQueue();
  const order: string[] = [];
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.all([
    q.run('a', async () => {
      await wait(20);
      order.push('a1');
    }),
    q.run('a', async () => {
      order.push('a2');
    }),
    q.run('b', async () => {
      order.push('b1');
    }),
  ]);
  assert.deepEqual(order, ['b1', 'a1', 'a2']);
  await assert.rejects(
    q.run('a', async () => {
      throw new Error('boom');
    }),
  );
  assert.equal(await q.run('a', async () => 'next turn runs'), 'next turn runs');
  await new Promise((r) => setImmediate(r));
  assert.equal(q.size, 0, 'finished conversations are forgotten');
});

test('StoreStorage: read, blind write, etag conflict, delete', async () => {
  const store = new SqliteStore(':memory:');
  await store.init();
  const storage = new StoreStorage(store);
  assert.deepEqual(await storage.read(['k']), {});
  await storage.write({ k: { n: 1, eTag: '*' } });
  const read = await storage.read(['k']);
  assert.equal(read.k.n, 1);
  const etag: string = read.k.eTag;
  await storage.write({ k: { n: 2, eTag: etag } });
  await assert.rejects(storage.write({ k: { n: 3, eTag: etag } }), /eTag conflict/);
  // Another instance wrote meanwhile: a blind write still lands.
  await new StoreStorage(store).write({ k: { n: 4 } });
  await storage.write({ k: { n: 5, eTag: '*' } });
  assert.equal((await storage.read(['k'])).k.n, 5);
  await storage.delete(['k']);
  assert.deepEqual(await storage.read(['k']), {});
  await store.close();
});

test('a conversation idle for hours starts afresh', async () => {
  let now = new Date('2026-11-25T09:00:00Z');
  const w = await makeWorld({ clock: () => now });
  const ch = sms();
  await play(
    w,
    ch,
    `
    user: je voudrais réserver une table
    bot:  combien de personnes
  `,
  );
  now = new Date('2026-11-25T17:00:00Z');
  await play(
    w,
    ch,
    `
    user: quelle est votre adresse ?
    bot:  rue des Martyrs
    bot!: combien de personnes
  `,
  );
});
