// A guest whose number already has as many bookings to come as one guest may have
// (ACTIVE_BOOKINGS_PER_GUEST, 3 here) asks for another: told why, politely, in their language,
// offered to change or cancel instead; nothing is held. Fixed now: Wednesday 25 November 2026.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeWorld, play, seedBooking, sms, voice, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld({ limits: { activeBookingsPerGuest: 3 } });
});

async function threeBookings(phone: string, language: 'fr' | 'en') {
  for (const date of ['2026-11-26', '2026-11-27', '2026-11-28'])
    await seedBooking(w, { phone, name: 'Morel', partySize: 2, date, time: '20:00', language });
}

async function upcoming(phone: string) {
  return (await w.bookings.upcomingFor(phone)).length;
}

describe('one guest, three bookings to come', () => {
  test('by SMS in English: a fourth is refused with the reason and an offer', async () => {
    const ch = sms(undefined, 'en-US');
    await threeBookings(ch.from, 'en');
    await play(
      w,
      ch,
      `
      user: Hi, a table for two on Sunday at 8pm please, name Morel
      bot:  You already have several reservations to come with us.*change or cancel one of them if you like\\. .*\\?
    `,
    );
    assert.equal(await upcoming(ch.from), 3);
    const held = await w.store.findReservations({ restaurantId: w.restaurant.id, statuses: ['held'] });
    assert.equal(held.filter((r) => r.customerPhone === ch.from).length, 0, 'nothing held');
  });

  test('on the phone in French: the same, in French', async () => {
    const ch = voice();
    await threeBookings(ch.from, 'fr');
    await play(
      w,
      ch,
      `
      user: Bonjour, une table pour deux dimanche à 20h au nom de Morel
      bot:  Vous avez déjà plusieurs réservations à venir chez nous.*en modifier ou en annuler une si vous le souhaitez
    `,
    );
    assert.equal(await upcoming(ch.from), 3);
  });
});
