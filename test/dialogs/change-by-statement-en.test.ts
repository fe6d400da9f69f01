// Changes stated as facts about a booking the guest already has ("we'll be 5 not 4 on Saturday",
// "can we push Friday to 8:30"): found by the guest's phone, read back against what it was,
// changed through the booking core after yes, refused with alternatives when the core says no.
// Never a second booking. Fixed now: Wednesday 25 November 2026, 10:00 in Paris.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fillAt, localOf, makeWorld, play, reservationsOf, seedBooking, sms, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

const en = () => sms(undefined, 'en-US');

async function seed(phone: string, date: string, time: string, partySize: number, name = 'Reed') {
  return seedBooking(w, { phone, name, partySize, date, time, language: 'en' });
}

/** The guest's live bookings as they stand: [date, time, party]. */
async function standing(phone: string): Promise<Array<[string, string, number]>> {
  return (await reservationsOf(w, phone)).map((r) => {
    const { date, time } = localOf(w, r);
    return [date, time, r.partySize];
  });
}

describe('a change stated as a fact (EN)', () => {
  test('"we\'ll be 5 not 4 on Saturday, my son is allergic to eggs": the allergy goes with the change', async () => {
    const ch = en();
    await seed(ch.from, '2026-11-28', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: we'll be 5 not 4 on Saturday, my son is allergic to eggs
      bot:  Noted \\(eggs\\), it will be on your reservation\\.
      bot:  I'll change your reservation for Saturday 28 November: 5 people instead of 4
      user: yes
      bot:  your reservation is changed
    `,
    );
    const [r] = await reservationsOf(w, ch.from);
    assert.equal(r.partySize, 5);
    assert.equal(r.notes, 'Allergies et régime : œufs');
  });

  test('"we\'ll be 5 not 4 on Saturday": read back against what it was, changed after yes', async () => {
    const ch = en();
    await seed(ch.from, '2026-11-28', '20:00', 4);
    await seed(ch.from, '2026-11-29', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: we'll be 5 not 4 on Saturday
      bot!: which one
      bot:  I'll change your reservation for Saturday 28 November: 5 people instead of 4, at 8 pm,
      bot:  at 8 pm, under the name Reed\\. Is that right\\?
      user: yes
      bot:  your reservation is changed: 5 people, Saturday 28 November at 8 pm
    `,
    );
    assert.deepEqual(await standing(ch.from), [
      ['2026-11-28', '20:00', 5],
      ['2026-11-29', '20:00', 4],
    ]);
  });

  test('"can we push Friday to 8:30": the time moves, the day names the booking', async () => {
    const ch = en();
    await seed(ch.from, '2026-11-27', '19:30', 2);
    await play(
      w,
      ch,
      `
      user: can we push Friday to 8:30
      bot:  for Friday 27 November: 2 people, at 8:30 pm instead of 7:30 pm.*Is that right
      user: yes please
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-27', '20:30', 2]]);
  });

  test('a Friday that is not the coming one: "push Friday to 8:30" keeps its day', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-04', '19:30', 2);
    await play(
      w,
      ch,
      `
      user: can we push Friday to 8:30
      bot:  for Friday 4 December: 2 people, at 8:30 pm instead of 7:30 pm
      user: yes
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-04', '20:30', 2]]);
  });

  test('"actually we\'ll be 3": the party of the one booking', async () => {
    const ch = en();
    await seed(ch.from, '2026-11-28', '12:30', 2);
    await play(
      w,
      ch,
      `
      user: actually we'll be 3
      bot:  3 people instead of 2, at 12:30 pm.*Is that right
      user: yes
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-28', '12:30', 3]]);
  });

  test('"can we make it 9pm instead"', async () => {
    const ch = en();
    await seed(ch.from, '2026-11-30', '20:00', 2);
    await play(
      w,
      ch,
      `
      user: can we make it 9pm instead
      bot:  at 9 pm instead of 8 pm
      user: yes
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-30', '21:00', 2]]);
  });

  test('"we are 6 instead of 4": the core finds a table for 6', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-01', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: hi, we are 6 instead of 4
      bot:  6 people instead of 4
      user: yes
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-01', '20:00', 6]]);
  });

  test('a correction at the read-back: "no, 6" reads back again', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-02', '19:00', 4);
    await play(
      w,
      ch,
      `
      user: we'll be 5 not 4
      bot:  5 people instead of 4
      user: no, 6 people
      bot:  6 people instead of 4.*Is that right
      user: yes
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-02', '19:00', 6]]);
  });

  test('a time that is taken: the core says no, the nearest free times are offered', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-03', '19:00', 2);
    await fillAt(w, '2026-12-03', '21:00');
    await play(
      w,
      ch,
      `
      user: can we make it 9pm instead
      bot:  Sorry.*full
      bot:  Shall I
      user: yes
      bot:  instead of 7 pm.*Is that right
      user: yes
      bot:  changed
    `,
    );
    const [[date, time, party]] = await standing(ch.from);
    assert.equal(date, '2026-12-03');
    assert.notEqual(time, '21:00');
    assert.notEqual(time, '19:00');
    assert.equal(party, 2);
  });

  test('a party above the limit goes to a person, the booking stays as it was', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-07', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: we'll be 12 not 4
      event: handoff large_party
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-07', '20:00', 4]]);
  });

  test('"no" at the read-back changes nothing', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-08', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: we'll be 3 not 4
      bot:  3 people instead of 4
      user: no
      bot:  What would you like to change
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-08', '20:00', 4]]);
  });

  test('a guest with no booking: the same words start a new booking', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: we'll be 5 not 4 on Saturday
      bot:  what time
    `,
    );
    assert.deepEqual(await standing(ch.from), []);
  });

  test('"actually" with a whole new request is a second booking, not a change', async () => {
    const ch = en();
    await seed(ch.from, '2026-12-09', '20:00', 2);
    await play(
      w,
      ch,
      `
      user: actually, a table for 4 on Friday at 8pm under Reed please
      bot:  4 people, Friday 27 November at 8 pm, under the name
      bot!: instead of
      user: yes
      bot:  confirmed
    `,
    );
    assert.deepEqual(await standing(ch.from), [
      ['2026-11-27', '20:00', 4],
      ['2026-12-09', '20:00', 2],
    ]);
  });

  test('booked in this conversation, then "actually we\'ll be 4": that booking changes', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 tomorrow at 8pm under Park
      bot:  Is that right
      user: yes
      bot:  confirmed
      user: actually we'll be 4
      bot:  I'll change your reservation for tomorrow, Thursday 26 November: 4 people instead of 2, at 8 pm
      user: yes
      bot:  changed
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-26', '20:00', 4]]);
  });
});
