// Cancelling one of several bookings by what the guest says of it ("my Saturday booking", "the
// 8pm one"): the bot picks it without asking which, and asks only when several fit, listing
// just those. Fixed now: Wednesday 25 November 2026, 10:00 in Paris.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeWorld, play, seedBooking, sms, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

const en = () => sms(undefined, 'en-US');

async function booked(phone: string, ...at: Array<[string, string, number?]>) {
  const out = [];
  for (const [date, time, partySize] of at)
    out.push(await seedBooking(w, { phone, name: 'Carter', partySize: partySize ?? 2, date, time, language: 'en' }));
  return out;
}

async function statuses(...ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await w.bookings.get(id))?.status ?? 'missing'));
}

describe('cancel by description (EN)', () => {
  test('"cancel my Saturday booking": the Saturday one, no "which one"', async () => {
    const ch = en();
    const [sat, sun] = await booked(ch.from, ['2026-11-28', '19:30'], ['2026-11-29', '12:30']);
    await play(
      w,
      ch,
      `
      user: cancel my Saturday booking
      bot!: which one
      bot:  cancel the reservation for 2 people, Saturday 28 November at 7:30 pm
      user: yes
      bot:  is cancelled
    `,
    );
    assert.deepEqual(await statuses(sat.id, sun.id), ['cancelled', 'confirmed']);
  });

  test('"I need to cancel the one on Friday"', async () => {
    const ch = en();
    const [fri, sat] = await booked(ch.from, ['2026-11-27', '20:00'], ['2026-11-28', '20:00']);
    await play(
      w,
      ch,
      `
      user: I need to cancel the one on Friday
      bot!: which one
      bot:  Friday 27 November at 8 pm
      user: yes please
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(fri.id, sat.id), ['cancelled', 'confirmed']);
  });

  test('"cancel the 8pm one": the time names it', async () => {
    const ch = en();
    const [lunch, dinner] = await booked(ch.from, ['2026-11-28', '13:00'], ['2026-11-27', '20:00']);
    await play(
      w,
      ch,
      `
      user: cancel the 8pm one
      bot!: which one
      bot:  Friday 27 November at 8 pm
      user: yes
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(lunch.id, dinner.id), ['confirmed', 'cancelled']);
  });

  test('"cancel the booking for 6": the party names it', async () => {
    const ch = en();
    const [two, six] = await booked(ch.from, ['2026-11-28', '19:00', 2], ['2026-12-04', '20:00', 6]);
    await play(
      w,
      ch,
      `
      user: please cancel the booking for 6
      bot:  6 people, Friday 4 December at 8 pm
      user: yes
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(two.id, six.id), ['confirmed', 'cancelled']);
  });

  test('a Saturday that is not the coming one: "my Saturday booking" still finds it', async () => {
    const ch = en();
    const [sat, sun] = await booked(ch.from, ['2026-12-05', '19:30'], ['2026-12-06', '12:30']);
    await play(
      w,
      ch,
      `
      user: I'd like to cancel my Saturday booking
      bot!: which one
      bot:  Saturday 5 December at 7:30 pm
      user: yes
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(sat.id, sun.id), ['cancelled', 'confirmed']);
  });

  test('two on Saturday: only those two are listed, "the 8pm one" picks', async () => {
    const ch = en();
    const [lunch, dinner, sun] = await booked(
      ch.from,
      ['2026-11-28', '12:30'],
      ['2026-11-28', '20:00'],
      ['2026-11-29', '20:00'],
    );
    await play(
      w,
      ch,
      `
      user: cancel my Saturday booking
      bot:  2 reservations match: 1\\) 2 people, Saturday 28 November at 12:30 pm
      bot:  2\\) 2 people, Saturday 28 November at 8 pm.*Which one
      bot!: Sunday
      user: the 8pm one
      bot:  cancel the reservation for 2 people, Saturday 28 November at 8 pm
      user: yes
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(lunch.id, dinner.id, sun.id), ['confirmed', 'cancelled', 'confirmed']);
  });

  test('no description: the list, then "the one on the 3rd"', async () => {
    const ch = en();
    const [third, fifth] = await booked(ch.from, ['2026-12-03', '20:00'], ['2026-12-05', '20:00']);
    await play(
      w,
      ch,
      `
      user: I want to cancel my reservation
      bot:  You have several reservations.*Which one
      user: the one on the 3rd
      bot:  Thursday 3 December at 8 pm
      user: yes
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(third.id, fifth.id), ['cancelled', 'confirmed']);
  });

  test('a description that fits none: said, every booking listed, "the second one"', async () => {
    const ch = en();
    const [sat, sun] = await booked(ch.from, ['2026-11-28', '19:30'], ['2026-11-29', '12:30']);
    await play(
      w,
      ch,
      `
      user: cancel my Tuesday booking
      bot:  can't find a reservation that matches.*You have several reservations.*Which one
      user: the second one
      bot:  Sunday 29 November at 12:30 pm
      user: yes
      bot:  cancelled
    `,
    );
    assert.deepEqual(await statuses(sat.id, sun.id), ['confirmed', 'cancelled']);
  });

  test('"yes, cancel it" at the read-back cancels', async () => {
    const ch = en();
    const [r] = await booked(ch.from, ['2026-11-30', '20:00']);
    await play(
      w,
      ch,
      `
      user: cancel my Monday reservation
      bot:  Monday 30 November at 8 pm
      user: yes cancel it
      bot:  is cancelled
    `,
    );
    assert.deepEqual(await statuses(r.id), ['cancelled']);
  });

  test('"forget it" at the read-back keeps the booking', async () => {
    const ch = en();
    const [r] = await booked(ch.from, ['2026-11-30', '19:00']);
    await play(
      w,
      ch,
      `
      user: cancel my booking on Monday
      bot:  Monday 30 November at 7 pm
      user: forget it
      bot!: is cancelled
    `,
    );
    assert.deepEqual(await statuses(r.id), ['confirmed']);
  });
});
