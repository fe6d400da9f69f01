// The bot around the tree: botbuilder's own TestAdapter drives it like any adapter; the
// optional model only fills what the grammar missed; a handoff raises the staff alert and is
// written in the transcript; every reply carries locale and input hint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestAdapter } from 'botbuilder';
import { BookingService, demoRestaurant, demoTables } from '../../booking-core';
import { SqliteStore } from '../../booking-core/stores/sqlite-store';
import { createBot } from '../../bot/create-bot';
import type { LlmUnderstander } from '../../dialogs';
import { activity, assertBooked, fillAt, makeWorld, NOW, play, sms } from '../dialogs/support/transcript';

// The acceptance harness's words for "booked" and "shall I book?", as alternatives.
const BOOKED = new RegExp(
  `(${['réservation (est )?confirmée', 'reservation (is )?confirmed', "c'est noté", 'is booked', "you're booked"]
    .concat(['vous êtes inscrit', 'à bientôt', 'see you'])
    .join('|')})`,
);
const CONFIRM_QUESTION = new RegExp(
  `(${['confirm', 'correct', "c'est bien ça", 'est-ce bien', 'is that right', 'shall i book', 'je réserve']
    .concat(['dois-je', 'voulez-vous que je', 'should i'])
    .join('|')})`,
);

test('botbuilder TestAdapter runs the bot through adapterLogic', async () => {
  const store = new SqliteStore(':memory:');
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables(r.id)) await store.saveTable(t);
  const bookings = new BookingService(store, r.id, { clock: () => NOW });
  const { adapterLogic } = createBot({ store, bookings, clock: () => NOW, log: () => {} });
  const adapter = new TestAdapter(adapterLogic, { channelId: 'webchat', locale: 'en-US' });
  await adapter
    .send('Hi, table for two tomorrow at 8pm under Parker')
    .assertReply((a) => assert.match(a.text ?? '', /phone number/))
    .send('+44 7400 123456')
    .assertReply((a) => {
      assert.match(
        a.text ?? '',
        /2 people, tomorrow, Thursday 26 November at 8 pm, under the name Parker\. Is that right\?/,
      );
      assert.equal(a.locale, 'en-US');
      assert.equal(a.inputHint, 'expectingInput');
    })
    .send('yes')
    .assertReply((a) => assert.match(a.text ?? '', /Your reservation is confirmed/));
  const booked = await store.findReservations({ restaurantId: r.id, customerPhone: '+447400123456' });
  assert.equal(booked.length, 1);
  assert.equal(booked[0].status, 'confirmed');
});

test('the optional model fills what the grammar could not read, and only that', async () => {
  const asked: string[] = [];
  const llm: LlmUnderstander = async (text) => {
    asked.push(text);
    return /tribe/.test(text) ? { intent: 'book', partySize: 5, date: '2099-01-01' } : null;
  };
  const w = await makeWorld();
  const store = w.store;
  const { respond } = createBot({ store, bookings: w.bookings, clock: w.clock, llm, log: () => {} });
  const ch = sms(undefined, 'en-US');
  const said = async (text: string) => (await respond(activity(ch, text))).map((a) => a.text).join(' ');
  assert.match(await said('Hi, a table on Saturday at 8pm for me and my whole tribe'), /under which name/i);
  assert.ok(asked.length >= 1, 'the model was asked');
  assert.match(await said('Morgan'), /5 people, Saturday 28 November at 8 pm, under the name Morgan/);
  const before = asked.length;
  await said('yes');
  assert.equal(asked.length, before, 'a clear "yes" needs no model');
  await assertBooked(w, ch.from, { partySize: 5, date: '2026-11-28', time: '20:00', name: 'Morgan' });
});

test('a choice among the times offered is read without the model', async () => {
  const asked: string[] = [];
  const llm: LlmUnderstander = async (text) => {
    asked.push(text);
    return null;
  };
  const w = await makeWorld();
  await fillAt(w, '2026-12-09', '20:00');
  const alts = await w.bookings.alternatives('2026-12-09', '20:00', 2);
  const { respond } = createBot({ store: w.store, bookings: w.bookings, clock: w.clock, llm, log: () => {} });
  const ch = sms(undefined, 'en-US');
  const said = async (text: string) => (await respond(activity(ch, text))).map((a) => a.text).join(' ');
  assert.match(await said('table for 2 on 9 December at 8pm under Baker'), /fully booked/i);
  const before = asked.length;
  assert.match(await said('the second one'), /under the name Baker\. Is that right/);
  assert.equal(asked.length, before, `the model was asked: ${asked.slice(before).join(' | ')}`);
  assert.match(await said('yes'), /confirmed/);
  await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-09', time: alts[1].time, name: 'Baker' });
});

test('a model that fails or hangs changes nothing', async () => {
  const w = await makeWorld();
  const broken: LlmUnderstander = async () => {
    throw new Error('model down');
  };
  const { respond } = createBot({ store: w.store, bookings: w.bookings, clock: w.clock, llm: broken, log: () => {} });
  const replies = await respond(activity(sms(), 'gloubiboulga'));
  assert.match(replies.map((a) => a.text).join(' '), /pas bien compris/);
});

test('a handoff raises the staff alert and is written in the transcript', async () => {
  const w = await makeWorld();
  const ch = sms();
  await play(
    w,
    ch,
    `
    user: je voudrais parler à une personne
    event: handoff requested
  `,
  );
  assert.equal(w.handoffs.length, 1);
  assert.equal(w.handoffs[0].address, ch.from);
  assert.equal(w.handoffs[0].reason, 'requested');
  const entries = await w.store.getTranscript(ch.conversationId);
  assert.ok(entries.some((e) => e.from === 'system' && /handoff \(requested\)/.test(e.text)));
  const conv = (await w.store.listConversations(10)).find((c) => c.id === ch.conversationId);
  assert.equal(conv?.outcome, 'handoff');
});

/** The acceptance harness's way of answering (shared/acceptance/harness.mjs `converse`), in process. */
async function converse(
  respond: (text: string) => Promise<string>,
  first: string,
  facts: Record<string, string>,
): Promise<{ last: string; turns: number }> {
  let reply = await respond(first);
  let turns = 1;
  for (let i = 0; i < 12; i++) {
    const low = reply.toLowerCase();
    if (BOOKED.test(low) && !/\?\s*$/.test(low)) break;
    let next: string | null = null;
    if (CONFIRM_QUESTION.test(low)) next = facts.confirm;
    else if (/(nom|name)/.test(low)) next = facts.name;
    else if (/(combien|how many|personnes|people|guests|couverts)/.test(low)) next = facts.party;
    else if (/(quelle heure|what time|à quelle|heure|time)/.test(low)) next = facts.time;
    else if (/(quel jour|quelle date|which day|what day|date|when|quand)/.test(low)) next = facts.date;
    else if (/(téléphone|phone|numéro)/.test(low)) next = facts.phone;
    if (!next) break;
    reply = await respond(next);
    turns++;
  }
  return { last: reply, turns };
}

test('a guest answering the way the acceptance harness does ends booked, in both languages', async () => {
  const w = await makeWorld();
  for (const [locale, first, facts, expected] of [
    [
      'fr-FR',
      'Bonjour, je voudrais réserver',
      { party: '4', date: 'samedi', time: '20h', name: 'Durand', confirm: 'oui', phone: '0612000001' },
      { partySize: 4, time: '20:00' },
    ],
    [
      'en-US',
      'Hi, I would like to book a table',
      { party: '2', date: 'Saturday', time: '1pm', name: 'Smith', confirm: 'yes', phone: '0612000002' },
      { partySize: 2, time: '13:00' },
    ],
  ] as const) {
    const ch = sms(undefined, locale);
    const said = async (text: string) => (await w.created.respond(activity(ch, text))).map((a) => a.text).join(' ');
    const { last, turns } = await converse(said, first, facts);
    assert.match(last, /(réservation (est )?confirmée|reservation (is )?confirmed)/i, `ended with: ${last}`);
    assert.equal(turns, 6, 'request, party, day, time, name, yes');
    await assertBooked(w, ch.from, {
      partySize: expected.partySize,
      date: '2026-11-28',
      time: expected.time,
      name: facts.name,
    });
  }
});
