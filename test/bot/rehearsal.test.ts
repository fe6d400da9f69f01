// The start-up rehearsal (bot/rehearsal.ts) runs real booking turns, and must leave nothing
// behind: no booking or hold, no claim, no transcript, no conversation state, no event.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BookingService, demoRestaurant, demoTables, type Store } from '../../booking-core';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { rehearseTurns } from '../../bot/rehearsal';
import { createBot } from '../../bot/create-bot';
import { manualClock } from '../helpers/app';

async function seeded() {
  const store = new SqliteStore(':memory:');
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables(r.id)) await store.saveTable(t);
  const clock = manualClock('2026-11-22T10:00:00Z');
  const bookings = new BookingService(store, r.id, { clock });
  const events: string[] = [];
  for (const name of ['reservation:created', 'reservation:updated', 'reservation:cancelled'] as const)
    bookings.events.on(name, () => events.push(name));
  return { store, bookings, clock, events, restaurantId: r.id };
}

async function nothingLeft(store: Store, restaurantId: string) {
  assert.deepEqual(await store.findReservations({ restaurantId }), [], 'no booking or hold');
  assert.deepEqual(await store.listConversations(10), [], 'no transcript');
  assert.deepEqual(await store.listOutbox(10), [], 'no message queued');
  for (const id of ['sms:rehearsal-0', 'sms:rehearsal-1'])
    assert.equal(await store.getDocument('botState', `sms/conversations/${id}/`), null);
  assert.equal(await store.getDocument('botState', 'sms/users/+33199000000/'), null);
}

describe('start-up rehearsal', () => {
  it('runs FR and EN booking turns and keeps nothing in the store', async () => {
    const t = await seeded();
    const lines: string[] = [];
    await rehearseTurns(t.store, t.bookings, t.clock, (line) => lines.push(line));
    assert.deepEqual(lines, [], 'the turns ran without a fault');
    await nothingLeft(t.store, t.restaurantId);
    assert.deepEqual(t.events, []);
    assert.ok(t.store.statementTexts().length > 5, 'the statements the turns need are prepared');
    // The table the rehearsal "held" is still free for the first guest.
    const slots = (await t.bookings.availability('2026-11-23', 2)).slots;
    assert.deepEqual(
      slots.find((s) => s.time === '20:00')?.options.length,
      demoTables().filter((x) => x.seatsMin <= 2).length,
    );
    await t.store.close();
  });

  it('is what createBot runs before ready settles; a guest after it starts fresh', async () => {
    const t = await seeded();
    const { respond, ready } = createBot({
      store: t.store,
      bookings: t.bookings,
      clock: t.clock,
      reminders: false,
      log: () => undefined,
    });
    await ready;
    await nothingLeft(t.store, t.restaurantId);
    const phone = '+33612345678';
    const replies = await respond({
      type: 'message',
      channelId: 'sms',
      conversation: { id: `sms:${phone}`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: phone, name: '' },
      text: 'Bonjour, une table pour 2 demain à 20h au nom de Dupont',
      locale: 'fr-FR',
    });
    assert.ok(
      replies.some((a) => a.type === 'message' && a.text),
      'the guest is answered',
    );
    const stored = await t.store.findReservations({ restaurantId: t.restaurantId });
    assert.equal(stored.length, 1, "only the guest's hold");
    assert.equal(stored[0].customerPhone, phone);
    // The keys nothingLeft() looks under are where a turn keeps its state.
    assert.ok(await t.store.getDocument('botState', `sms/conversations/sms:${phone}/`));
    assert.ok(await t.store.getDocument('botState', `sms/users/${phone}/`));
    await t.store.close();
  });
});
