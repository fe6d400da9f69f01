// Transcript tests: a conversation written as a `user: … / bot: …` table, played against the
// real bot (dialog tree, state on the store, transcripts) through the in-process adapter, at a
// fixed `now`. `bot:` lines are case-insensitive regexes that the turn's replies must match;
// `event: handoff <reason>` and `end:` check the protocol's other activities.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import {
  BookingService,
  type GuestLimits,
  demoRestaurant,
  demoTables,
  type Clock,
  type Reservation,
  type Restaurant,
  WaitlistService,
} from '../../../booking-core';
import { SqliteStore } from '../../../booking-core/stores/sqlite-store';
import { createBot, type CreatedBot } from '../../../bot/create-bot';
import type { HandoffAlert } from '../../../bot/maitre-bot';

/** Wednesday 25 November 2026, 10:00 in Paris. */
export const NOW = new Date('2026-11-25T09:00:00Z');

export interface World {
  store: SqliteStore;
  bookings: BookingService;
  restaurant: Restaurant;
  clock: Clock;
  created: CreatedBot;
  handoffs: HandoffAlert[];
}

export async function makeWorld(
  options: { file?: string; now?: Date; clock?: Clock; tweak?: (r: Restaurant) => void; limits?: GuestLimits } = {},
): Promise<World> {
  const store = new SqliteStore(options.file ?? ':memory:');
  await store.init();
  let restaurant = await store.firstRestaurant();
  if (!restaurant) {
    restaurant = demoRestaurant();
    options.tweak?.(restaurant);
    await store.saveRestaurant(restaurant);
    for (const t of demoTables(restaurant.id)) await store.saveTable(t);
  }
  const now = options.now ?? NOW;
  const clock: Clock = options.clock ?? (() => now);
  const bookings = new BookingService(store, restaurant.id, { clock, limits: options.limits });
  const handoffs: HandoffAlert[] = [];
  const created = createBot({
    store,
    bookings,
    clock,
    waitlist: new WaitlistService(store, bookings, bookings.events, { clock }),
    onHandoff: (a) => {
      handoffs.push(a);
    },
    log: () => {},
  });
  return { store, bookings, restaurant, clock, created, handoffs };
}

export interface Channel {
  channelId: 'voice' | 'sms' | 'whatsapp' | 'webchat';
  conversationId: string;
  from: string;
  locale: 'fr-FR' | 'en-US';
  /** WhatsApp's ProfileName, as the messaging adapter passes it on. */
  profileName?: string;
}

let seq = 0;
export function sms(phone = `+336${String(10000000 + seq++).slice(-8)}`, locale: Channel['locale'] = 'fr-FR'): Channel {
  return { channelId: 'sms', conversationId: `sms:${phone}`, from: phone, locale };
}
export function voice(
  phone = `+336${String(20000000 + seq++).slice(-8)}`,
  locale: Channel['locale'] = 'fr-FR',
): Channel {
  return { channelId: 'voice', conversationId: `voice:CA${seq++}`, from: phone, locale };
}
export function whatsapp(
  profileName: string,
  phone = `+336${String(30000000 + seq++).slice(-8)}`,
  locale: Channel['locale'] = 'fr-FR',
): Channel {
  return { channelId: 'whatsapp', conversationId: `whatsapp:${phone}`, from: phone, locale, profileName };
}
export function webchat(locale: Channel['locale'] = 'fr-FR'): Channel {
  const id = `webchat:${String(seq++).padStart(8, '0')}`;
  return { channelId: 'webchat', conversationId: id, from: id, locale };
}

export function activity(ch: Channel, text: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: ch.channelId,
    conversation: { id: ch.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: ch.from, name: '' },
    text,
    locale: ch.locale,
    ...(ch.profileName ? { channelData: { profileName: ch.profileName } } : {}),
  };
}

export function opening(ch: Channel): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    channelId: ch.channelId,
    conversation: { id: ch.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: ch.from, name: '' },
    membersAdded: [{ id: ch.from, name: '' }],
    locale: ch.locale,
  };
}

export interface Played {
  /** Every reply of the conversation, in order. */
  replies: Partial<Activity>[];
  log: string[];
}

/**
 * Plays a script. Lines: `user: <text>`, `open:` (the channel opens: the bot greets),
 * `bot: <regex>`, `bot!: <regex>` (must NOT match), `event: handoff <reason>`, `end:`, `say: <regex>` (voice `speak`),
 * `locale: fr-FR|en-US` (the language replies must be in from here on).
 */
export async function play(world: World, ch: Channel, script: string): Promise<Played> {
  const lines = script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const log: string[] = [];
  const all: Partial<Activity>[] = [];
  let turn: Partial<Activity>[] | null = null;
  let locale: string = ch.locale;
  const said = () =>
    (turn ?? [])
      .filter((a) => a.type === 'message')
      .map((a) => a.text ?? '')
      .join(' ');
  for (const line of lines) {
    const m = /^(user|open|bot!?|event|end|say|locale):\s*(.*)$/.exec(line);
    assert.ok(m, `bad script line: ${line}`);
    const [, kind, rest] = m;
    if (kind === 'user' || kind === 'open') {
      turn = await world.created.respond(kind === 'open' ? opening(ch) : activity(ch, rest));
      all.push(...turn);
      if (kind === 'user') log.push(`user: ${rest}`);
      log.push(`bot:  ${said()}`);
      for (const a of turn.filter((x) => x.type === 'message')) {
        assert.equal(a.locale, locale, `reply locale\n${log.join('\n')}`);
        const question = /\?\s*$/.test(a.text ?? '');
        assert.equal(a.inputHint, question ? 'expectingInput' : 'acceptingInput', `inputHint of "${a.text}"`);
        if (ch.channelId === 'voice')
          assert.ok(a.speak && !/[€:;()«»]/.test(a.speak), `voice reply has an ear-friendly speak: "${a.speak}"`);
      }
      continue;
    }
    if (kind === 'locale') {
      locale = rest;
      continue;
    }
    assert.ok(turn, `"${line}" before any user line`);
    const context = `\n--- transcript so far ---\n${log.join('\n')}`;
    if (kind === 'bot') assert.match(said(), new RegExp(rest, 'i'), `bot should say /${rest}/${context}`);
    else if (kind === 'bot!')
      assert.doesNotMatch(said(), new RegExp(rest, 'i'), `bot should not say /${rest}/${context}`);
    else if (kind === 'say')
      assert.match(
        turn
          .filter((a) => a.type === 'message')
          .map((a) => a.speak ?? '')
          .join(' '),
        new RegExp(rest, 'i'),
        `voice should say /${rest}/${context}`,
      );
    else if (kind === 'end')
      assert.ok(
        turn.some((a) => a.type === 'endOfConversation'),
        `endOfConversation expected${context}`,
      );
    else if (kind === 'event') {
      const [name, reason] = rest.split(/\s+/);
      const ev: Partial<Activity> | undefined = turn.find((a) => a.type === 'event' && a.name === name);
      assert.ok(ev, `event ${name} expected${context}`);
      if (reason) assert.equal((ev.value as { reason?: string }).reason, reason, `handoff reason${context}`);
    }
  }
  return { replies: all, log };
}

/** The guest's live reservations (confirmed), oldest first. */
export async function reservationsOf(world: World, phone: string): Promise<Reservation[]> {
  const all = await world.store.findReservations({ restaurantId: world.restaurant.id });
  return all.filter((r) => r.customerPhone === phone && r.status === 'confirmed');
}

/** Local day and time of a reservation in the restaurant's timezone. */
export function localOf(world: World, r: Reservation): { date: string; time: string } {
  return world.bookings.localOf(world.restaurant, r);
}

/** Checks the one booking a conversation made: real values, not just words. */
export async function assertBooked(
  world: World,
  phone: string,
  expected: { partySize: number; date: string; time: string; name?: string; channel?: string; language?: string },
): Promise<Reservation> {
  const list = await reservationsOf(world, phone);
  assert.equal(list.length, 1, `one confirmed booking for ${phone}, found ${list.length}`);
  const r = list[0];
  assert.deepEqual(
    {
      partySize: r.partySize,
      ...localOf(world, r),
      ...(expected.name ? { name: r.customerName } : {}),
      ...(expected.channel ? { channel: r.channel } : {}),
      ...(expected.language ? { language: r.language } : {}),
    },
    {
      partySize: expected.partySize,
      date: expected.date,
      time: expected.time,
      ...(expected.name ? { name: expected.name } : {}),
      ...(expected.channel ? { channel: expected.channel } : {}),
      ...(expected.language ? { language: expected.language } : {}),
    },
  );
  return r;
}

/** Books directly through the core (a booking that exists before the conversation). */
export async function seedBooking(
  world: World,
  b: { phone: string; name: string; partySize: number; date: string; time: string; language?: 'fr' | 'en' },
): Promise<Reservation> {
  return (
    await world.bookings.book({
      customerName: b.name,
      customerPhone: b.phone,
      partySize: b.partySize,
      date: b.date,
      time: b.time,
      channel: 'website',
      language: b.language ?? 'fr',
    })
  ).reservation;
}

/** Fills every table at a time so the bot must offer alternatives. */
export async function fillAt(world: World, date: string, time: string): Promise<void> {
  let i = 0;
  for (const partySize of [2, 3]) {
    for (;;) {
      try {
        await world.bookings.book({
          customerName: `Filler ${i}`,
          customerPhone: `+33199000${String(i++).padStart(3, '0')}`,
          partySize,
          date,
          time,
          channel: 'dashboard',
          language: 'fr',
        });
      } catch {
        break;
      }
    }
  }
}
