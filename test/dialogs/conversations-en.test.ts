// English conversations, played against the whole bot at a fixed now (Wednesday 25 November
// 2026, 10:00 in Paris): "tomorrow" is Thursday 26, "Saturday" the 28th, "Friday" the 27th.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  assertBooked,
  fillAt,
  makeWorld,
  play,
  seedBooking,
  sms,
  voice,
  webchat,
  type World,
} from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});
const en = (phone?: string) => sms(phone, 'en-US');

describe('booking in English', () => {
  test('Hi, table for two tomorrow at 8pm (issue example)', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: Hi, table for two tomorrow at 8pm
      bot:  Under which name
      user: Taylor
      bot:  2 people, tomorrow, Thursday 26 November at 8 pm, under the name Taylor\\. Is that right\\?
      user: yes
      bot:  Your reservation is confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00', name: 'Taylor', language: 'en' });
  });

  test('Do you have room for 3 next Saturday at noon? (issue example)', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: Do you have room for 3 next Saturday at noon?
      bot:  name
      user: Jones
      bot:  3 people, Saturday 28 November at noon, under the name Jones
      user: yes please
      bot:  reservation is confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-28', time: '12:00', name: 'Jones' });
  });

  test('Party of seven on Friday around 9 in the evening (issue example)', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: Party of seven on Friday around 9 in the evening
      bot:  name
      user: Brown
      bot:  7 people, Friday 27 November at 9 pm, under the name Brown
      user: yes
      bot:  reservation is confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 7, date: '2026-11-27', time: '21:00', name: 'Brown' });
  });

  test('a table for four tonight at seven thirty under Smith (issue example)', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: a table for four tonight at seven thirty under Smith
      bot:  4 people, today, Wednesday 25 November at 7:30 pm, under the name Smith\\. Is that right
      user: yes
      bot:  reservation is confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-25', time: '19:30', name: 'Smith' });
  });

  test('step by step', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: I'd like to book a table
      bot:  how many people
      user: a couple
      bot:  which day
      user: Saturday
      bot:  What time
      user: half past seven
      bot:  Under which name
      user: Wilson
      bot:  2 people, Saturday 28 November at 7:30 pm, under the name Wilson
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-28', time: '19:30', name: 'Wilson' });
  });

  test('on the phone, in English, with an ear-friendly read-back', async () => {
    const ch = voice(undefined, 'en-US');
    await play(
      w,
      ch,
      `
      user: Hello, I'd like a table for 2 tomorrow at 12:30
      bot:  name
      user: my name is Clarke
      say:  2 people, tomorrow, Thursday 26 November at 12 30 pm, under the name Clarke
      user: yes that's right
      bot:  reservation is confirmed
      end:
    `,
    );
    await assertBooked(w, ch.from, {
      partySize: 2,
      date: '2026-11-26',
      time: '12:30',
      name: 'Clarke',
      channel: 'voice',
    });
  });

  test('web chat asks for the phone number', async () => {
    const ch = webchat('en-US');
    await play(
      w,
      ch,
      `
      user: table for 2 tomorrow at 1pm under Hall
      bot:  phone number
      user: +44 7400 123123
      bot:  under the name Hall
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, '+447400123123', {
      partySize: 2,
      date: '2026-11-26',
      time: '13:00',
      name: 'Hall',
      channel: 'webchat',
    });
  });

  test('taken time: the nearest free time is offered, "yes" takes it', async () => {
    await fillAt(w, '2026-12-08', '20:00');
    const [first] = await w.bookings.alternatives('2026-12-08', '20:00', 2);
    const ch = en();
    await play(
      w,
      ch,
      `
      user: a table for 2 on 8 December at 8pm
      bot:  Tuesday 8 December at 8 pm is fully booked
      bot:  Shall I book
      user: yes
      bot:  name
      user: Green
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-08', time: first.time, name: 'Green' });
  });

  test('taken time: "the second one"', async () => {
    await fillAt(w, '2026-12-09', '20:00');
    const alts = await w.bookings.alternatives('2026-12-09', '20:00', 2);
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 on 9 December at 8pm under Baker
      bot:  fully booked
      user: the second one
      bot:  under the name Baker\\. Is that right
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-09', time: alts[1].time, name: 'Baker' });
  });

  test('taken time: "no", then another time', async () => {
    await fillAt(w, '2026-12-10', '20:00');
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 on 10 December at 8pm under Hill
      bot:  fully booked
      user: no
      bot:  What time
      user: 1pm
      bot:  Thursday 10 December at 1 pm
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-10', time: '13:00', name: 'Hill' });
  });

  test('read-back "no", then what to change', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 tomorrow at 12:45 under Ward
      bot:  Is that right
      user: no
      bot:  What should be different
      user: make it 1:15pm
      bot:  at 1:15 pm, under the name Ward
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '13:15', name: 'Ward' });
  });

  test('outside the hours: the nearest time is offered', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 tomorrow at 4pm under King
      bot:  We don't seat at 4 pm
      bot:  Shall I book at 1:30 pm
      user: yes
      bot:  1:30 pm, under the name King
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '13:30', name: 'King' });
  });

  test('too far ahead: said, and the day asked again', async () => {
    await play(
      w,
      en(),
      `
      user: table for 2 on 20 March at 8pm
      bot:  up to 60 days ahead
      bot:  which day
    `,
    );
  });
});

describe('a person, misunderstandings, questions', () => {
  test('a party above the limit goes to a person', async () => {
    await play(
      w,
      en(),
      `
      user: table for 10 on Saturday at 8pm
      bot:  our team takes care of it
      event: handoff large_party
    `,
    );
  });

  test('asking for a person', async () => {
    await play(
      w,
      en(),
      `
      user: can I speak to a human please
      bot:  someone will get back to you
      event: handoff requested
    `,
    );
  });

  test('three misunderstandings in a row', async () => {
    await play(
      w,
      en(),
      `
      user: flibbertigibbet
      bot:  didn't quite get that
      user: wibble wobble
      user: zzzz
      event: handoff misunderstood
    `,
    );
  });

  test('opening hours, address, menu', async () => {
    await play(
      w,
      en(),
      `
      user: what are your opening hours?
      bot:  open every day, noon to 2:30 pm and 7 pm to 11 pm
      user: what's your address?
      bot:  12 rue des Martyrs
      user: what's on the menu?
      bot:  Beef bourguignon \\(€22\\)
    `,
    );
  });

  test('a side question during a booking, then back to it', async () => {
    await play(
      w,
      en(),
      `
      user: book a table for 2 tomorrow
      bot:  What time
      user: what time do you open?
      bot:  open every day.*What time
      user: 8pm
      bot:  name
    `,
    );
  });

  test('help during a booking repeats the question', async () => {
    await play(
      w,
      en(),
      `
      user: I want to book
      user: help
      bot:  start over.*how many people
    `,
    );
  });

  test('start over', async () => {
    await play(
      w,
      en(),
      `
      user: table for 2 tomorrow at 8pm
      bot:  name
      user: start over
      bot:  let's start over.*How can I help
    `,
    );
  });

  test('cancel that, at the read-back, releases the table', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 tomorrow at 9pm under Scott
      bot:  Is that right
      user: cancel that
      bot:  stopped there
    `,
    );
    const mine = (await w.store.findReservations({ restaurantId: w.restaurant.id })).filter(
      (r) => r.customerPhone === ch.from,
    );
    assert.ok(mine.length >= 1 && mine.every((r) => r.status === 'expired'));
  });

  test('thanks', async () => {
    await play(
      w,
      en(),
      `
      user: thanks, bye
      bot:  You're welcome
    `,
    );
  });
});

describe('change and cancel', () => {
  test('move a booking to 9pm', async () => {
    const ch = en();
    const r = await seedBooking(w, {
      phone: ch.from,
      name: 'Evans',
      partySize: 2,
      date: '2026-11-28',
      time: '19:15',
      language: 'en',
    });
    await play(
      w,
      ch,
      `
      user: can I move my booking to 9pm
      bot:  I found your reservation: 2 people, Saturday 28 November at 7:15 pm
      bot:  I'll change your reservation for Saturday 28 November: 2 people, at 9 pm instead of 7:15 pm.*Is that right
      user: yes
      bot:  your reservation is changed
    `,
    );
    const after = await w.bookings.get(r.id);
    assert.equal(after && w.bookings.localOf(w.restaurant, after).time, '21:00');
  });

  test('change the party size', async () => {
    const ch = en();
    const r = await seedBooking(w, {
      phone: ch.from,
      name: 'Hughes',
      partySize: 2,
      date: '2026-12-06',
      time: '12:00',
      language: 'en',
    });
    await play(
      w,
      ch,
      `
      user: I need to change my reservation
      bot:  What would you like to change
      user: we'll be 4 people
      bot:  for Sunday 6 December: 4 people instead of 2, at noon
      user: yes
      bot:  changed
    `,
    );
    assert.equal((await w.bookings.get(r.id))?.partySize, 4);
  });

  test('cancel a booking', async () => {
    const ch = en();
    const r = await seedBooking(w, {
      phone: ch.from,
      name: 'Lewis',
      partySize: 2,
      date: '2026-11-29',
      time: '13:00',
      language: 'en',
    });
    await play(
      w,
      ch,
      `
      user: I want to cancel my reservation
      bot:  Do you really want to cancel the reservation for 2 people, Sunday 29 November at 1 pm
      user: yes
      bot:  is cancelled
    `,
    );
    assert.equal((await w.bookings.get(r.id))?.status, 'cancelled');
  });

  test('cancel, then keep it', async () => {
    const ch = en();
    const r = await seedBooking(w, {
      phone: ch.from,
      name: 'Young',
      partySize: 2,
      date: '2026-11-29',
      time: '13:15',
      language: 'en',
    });
    await play(
      w,
      ch,
      `
      user: I want to cancel my reservation
      user: no
      bot:  keeping your reservation
    `,
    );
    assert.equal((await w.bookings.get(r.id))?.status, 'confirmed');
  });

  test('no booking to cancel', async () => {
    await play(
      w,
      en(),
      `
      user: I want to cancel my reservation
      bot:  can't find any upcoming reservation
    `,
    );
  });
});

describe('language', () => {
  test('switch to French on request', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: Hello
      bot:  How can I help
      locale: fr-FR
      user: en français s'il vous plaît
      bot:  continuons en français
      user: une table pour 2 samedi à 12h45 au nom de Dubois
      bot:  2 personnes, samedi 28 novembre à 12 h 45, au nom de Dubois\\. C'est bien ça
      user: oui
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-28', time: '12:45', name: 'Dubois', language: 'fr' });
  });

  test("first words win over the channel's guess", async () => {
    await play(
      w,
      sms(undefined, 'fr-FR'),
      `
      locale: en-US
      user: Hi, a table for 2 on Saturday at 1pm under Allen
      bot:  Is that right
    `,
    );
  });

  test("web chat opening greets in the browser's language", async () => {
    await play(
      w,
      webchat('en-US'),
      `
      open:
      bot:  Hello, you're chatting with the automated assistant of Le Petit Bistro
    `,
    );
  });
});
