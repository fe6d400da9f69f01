// French guests as they really write: a name given early, changes stated as facts, a booking
// named by what the guest says of it, diet and allergy questions, corrections at the read-back,
// everything in three short messages. Fixed now: Wednesday 25 November 2026, 10:00 in Paris
// ("demain" is Thursday 26, "vendredi" Friday 27, "samedi" Saturday 28).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertBooked, makeWorld, play, sms, webchat, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

describe('un nom donné tôt est gardé', () => {
  test('« Bonjour, c’est Mme Nicolas » puis la réservation : le nom n’est pas redemandé', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Bonjour, c'est Mme Nicolas
      bot:  Que puis-je faire
      user: une table pour 2 demain à 20h
      bot!: quel nom
      bot:  2 personnes, demain jeudi 26 novembre à 20 h, au nom de (Mme )?Nicolas\\. C'est bien ça
      user: oui
      bot:  réservation est confirmée
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00' });
    assert.match(r.customerName, /^(Mme )?Nicolas$/);
  });

  test('« au nom de » dans le premier message, le reste ensuite', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Bonsoir, je voudrais réserver au nom de Leclerc
      bot:  combien de personnes
      user: 3
      bot:  quel jour
      user: samedi
      bot:  quelle heure
      user: 19h30
      bot!: quel nom
      bot:  3 personnes, samedi 28 novembre à 19 h 30, au nom de Leclerc\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-28', time: '19:30', name: 'Leclerc' });
  });

  test('le nom d’Inès, élidé dans la relecture et la confirmation', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 4 vendredi à 21h
      bot:  quel nom
      user: Inès
      bot:  au nom d'Inès\\. C'est bien ça
      user: oui
      bot:  confirmée : 4 personnes, vendredi 27 novembre à 21 h, au nom d'Inès
    `,
    );
    await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-27', time: '21:00', name: 'Inès' });
  });

  test('au nom de Hugo : pas d’élision devant un h aspiré', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: une table pour 2 samedi à 12h30 au nom de Hugo
      bot:  au nom de Hugo\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-28', time: '12:30', name: 'Hugo' });
  });

  test('web chat : le numéro donné pour réserver sert à annuler ensuite, sans le redemander', async () => {
    const ch = webchat();
    await play(
      w,
      ch,
      `
      user: Une table pour 2 demain à 13h au nom de Perrin
      bot:  numéro de téléphone
      user: 06 98 76 54 32
      bot:  C'est bien ça
      user: oui
      bot:  confirmée
      user: finalement je voudrais annuler ma réservation
      bot!: numéro de téléphone
      bot:  annuler la réservation de 2 personnes, demain jeudi 26 novembre à 13 h
      user: oui
      bot:  est annulée
    `,
    );
    const all = await w.store.findReservations({ restaurantId: w.restaurant.id, customerPhone: '+33698765432' });
    assert.deepEqual(
      all.filter((r) => r.status !== 'expired').map((r) => r.status),
      ['cancelled'],
    );
  });
});

describe('en trois messages courts, et corrigé à la relecture', () => {
  test('un guest qui écrit tout en trois SMS', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Bonjour, c'est Laurent
      bot:  Que puis-je faire
      user: une table pour 3 vendredi
      bot:  quelle heure
      user: 20h30
      bot!: quel nom
      bot:  3 personnes, vendredi 27 novembre à 20 h 30, au nom de Laurent\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-27', time: '20:30', name: 'Laurent' });
  });

  test('à la relecture, « non, plutôt à 21h » change l’heure et relit', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 samedi à 20h au nom de Roussel
      bot:  au nom de Roussel\\. C'est bien ça
      user: non, plutôt à 21h
      bot:  2 personnes, samedi 28 novembre à 21 h, au nom de Roussel\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-28', time: '21:00' });
  });
});
