// Annuler une réservation parmi plusieurs d’après ce que l’invité en dit (« celle du 12 », « ma
// résa de samedi ») : le bot la prend sans demander laquelle, et ne demande que si plusieurs
// correspondent, en ne listant qu’elles. Maintenant fixe : mercredi 25 novembre 2026, 10 h à Paris.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeWorld, play, seedBooking, sms, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

async function booked(phone: string, ...at: Array<[string, string, number?]>) {
  const out = [];
  for (const [date, time, partySize] of at)
    out.push(await seedBooking(w, { phone, name: 'Moreau', partySize: partySize ?? 2, date, time }));
  return out;
}

async function statuses(...ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await w.bookings.get(id))?.status ?? 'missing'));
}

describe('annuler d’après ce qu’on en dit (FR)', () => {
  test('« annulez celle du 12 » : celle du 12, sans demander laquelle', async () => {
    const ch = sms();
    const [fifth, twelfth] = await booked(ch.from, ['2026-12-05', '20:00'], ['2026-12-12', '20:00']);
    await play(
      w,
      ch,
      `
      user: annulez celle du 12
      bot!: laquelle
      bot:  annuler la réservation de 2 personnes, samedi 12 décembre à 20 h
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(fifth.id, twelfth.id), ['confirmed', 'cancelled']);
  });

  test('« je voudrais annuler ma réservation de samedi »', async () => {
    const ch = sms();
    const [sat, sun] = await booked(ch.from, ['2026-11-28', '19:30'], ['2026-11-29', '12:30']);
    await play(
      w,
      ch,
      `
      user: je voudrais annuler ma réservation de samedi
      bot!: laquelle
      bot:  samedi 28 novembre à 19 h 30
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(sat.id, sun.id), ['cancelled', 'confirmed']);
  });

  test('« annule la résa de 20h stp » : l’heure la désigne', async () => {
    const ch = sms();
    const [lunch, dinner] = await booked(ch.from, ['2026-11-28', '12:30'], ['2026-11-27', '20:00']);
    await play(
      w,
      ch,
      `
      user: annuler la résa de 20h stp
      bot!: laquelle
      bot:  vendredi 27 novembre à 20 h
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(lunch.id, dinner.id), ['confirmed', 'cancelled']);
  });

  test('deux le samedi : seules ces deux sont listées, « celle du soir » ou « la 2 » choisit', async () => {
    const ch = sms();
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
      user: je dois annuler ma réservation de samedi
      bot:  2 réservations correspondent : 1\\) 2 personnes, samedi 28 novembre à 12 h 30
      bot:  2\\) 2 personnes, samedi 28 novembre à 20 h.*Laquelle
      bot!: dimanche
      user: la 2
      bot:  annuler la réservation de 2 personnes, samedi 28 novembre à 20 h
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(lunch.id, dinner.id, sun.id), ['confirmed', 'cancelled', 'confirmed']);
  });

  test('sans précision : la liste, puis « celle du 12 »', async () => {
    const ch = sms();
    const [fifth, twelfth] = await booked(ch.from, ['2026-12-05', '19:00'], ['2026-12-12', '19:00']);
    await play(
      w,
      ch,
      `
      user: je voudrais annuler ma réservation
      bot:  Vous avez plusieurs réservations.*Laquelle
      user: celle du 12
      bot:  samedi 12 décembre à 19 h
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(fifth.id, twelfth.id), ['confirmed', 'cancelled']);
  });

  test('sans précision : « le 5 » est le 5 décembre, pas la cinquième de la liste', async () => {
    const ch = sms();
    const [fifth, twelfth] = await booked(ch.from, ['2026-12-05', '12:00'], ['2026-12-12', '12:00']);
    await play(
      w,
      ch,
      `
      user: je voudrais annuler ma réservation
      bot:  Laquelle
      user: le 5
      bot:  samedi 5 décembre à midi
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(fifth.id, twelfth.id), ['cancelled', 'confirmed']);
  });

  test('une précision qui ne correspond à aucune : dit, toutes listées, « la première »', async () => {
    const ch = sms();
    const [sat, sun] = await booked(ch.from, ['2026-11-28', '19:30'], ['2026-11-29', '12:30']);
    await play(
      w,
      ch,
      `
      user: je voudrais annuler ma réservation de mardi
      bot:  Je ne trouve pas de réservation qui corresponde.*plusieurs réservations.*Laquelle
      user: la première
      bot:  samedi 28 novembre à 19 h 30
      user: oui
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(sat.id, sun.id), ['cancelled', 'confirmed']);
  });

  test('« oui, annulez » à la relecture annule', async () => {
    const ch = sms();
    const [r] = await booked(ch.from, ['2026-11-30', '20:00']);
    await play(
      w,
      ch,
      `
      user: annuler ma réservation de lundi
      bot:  lundi 30 novembre à 20 h
      user: oui annulez
      bot:  est annulée
    `,
    );
    assert.deepEqual(await statuses(r.id), ['cancelled']);
  });

  test('« laissez tomber » à la relecture garde la réservation', async () => {
    const ch = sms();
    const [r] = await booked(ch.from, ['2026-11-30', '19:00']);
    await play(
      w,
      ch,
      `
      user: annuler ma réservation de lundi
      bot:  lundi 30 novembre à 19 h
      user: laissez tomber
      bot!: est annulée
    `,
    );
    assert.deepEqual(await statuses(r.id), ['confirmed']);
  });

  test('le nom élidé dans la relecture : « au nom d’Anne »', async () => {
    const ch = sms();
    const r = await seedBooking(w, { phone: ch.from, name: 'Anne', partySize: 3, date: '2026-12-02', time: '20:00' });
    await play(
      w,
      ch,
      `
      user: annulez ma réservation de mercredi
      bot:  3 personnes, mercredi 2 décembre à 20 h, au nom d'Anne
      bot!: de Anne
      user: oui
      bot:  au nom d'Anne est annulée
    `,
    );
    assert.deepEqual(await statuses(r.id), ['cancelled']);
  });
});
