// English guests as they really write: a name given early, changes stated as facts, a booking
// named by what the guest says of it, diet and allergy questions, corrections at the read-back,
// everything in three short messages. Fixed now: Wednesday 25 November 2026, 10:00 in Paris
// ("tomorrow" is Thursday 26, "Friday" the 27th, "Saturday" the 28th).
import { before, describe, test } from 'node:test';
import { assertBooked, makeWorld, play, sms, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

const en = (phone?: string) => sms(phone, 'en-US');

describe('a name given early is kept', () => {
  test('"This is Priya Sharma" first: greeted by name, never asked again', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      locale: en-US
      user: This is Priya Sharma
      bot:  Hello Priya Sharma! How can I help
      user: a table for 2 tomorrow at 8pm
      bot!: which name
      bot:  2 people, tomorrow, Thursday 26 November at 8 pm, under the name Priya Sharma\\. Is that right
      user: yes
      bot:  reservation is confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00', name: 'Priya Sharma' });
  });

  test('the name in the first message, the rest piece by piece', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      locale: en-US
      user: Hi, this is Tom Baker, I'd like to book a table
      bot:  how many people
      user: 4
      bot:  which day
      user: Friday
      bot:  what time
      user: 7:30pm
      bot!: which name
      bot:  under the name Tom Baker\\. Is that right
      user: yes please
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-27', time: '19:30', name: 'Tom Baker' });
  });

  test('"under" in the first message with everything else', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      locale: en-US
      user: table for 3 on Saturday at 12:30 under Okafor
      bot:  3 people, Saturday 28 November at 12:30 pm, under the name Okafor\\. Is that right
      user: yep
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-28', time: '12:30', name: 'Okafor' });
  });
});

describe('three short messages, and a correction at the read-back', () => {
  test('a guest who texts everything in three messages', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      locale: en-US
      user: hi it's Sam Lee
      bot:  How can I help
      user: table for 2 tomorrow
      bot:  what time
      user: 8pm
      bot!: which name
      bot:  2 people, tomorrow, Thursday 26 November at 8 pm, under the name Sam Lee\\. Is that right
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00', name: 'Sam Lee' });
  });

  test('"no, make it 4 people" at the read-back changes the party and reads back again', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      locale: en-US
      user: table for 2 on Friday at 7pm under Grant
      bot:  Is that right
      user: no, for 4 people
      bot:  4 people, Friday 27 November at 7 pm, under the name Grant\\. Is that right
      user: yes
      bot:  confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-27', time: '19:00', name: 'Grant' });
  });
});
