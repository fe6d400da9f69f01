// Un changement dit comme un fait sur une réservation existante (« on sera finalement 6 au lieu
// de 4 », « on peut décaler vendredi à 20h30 ? ») : trouvée par le téléphone de l’invité, relue
// face à ce qu’elle était, changée par le cœur de réservation après un oui, refusée avec des
// créneaux proches quand le cœur dit non. Jamais une deuxième réservation.
// Maintenant fixe : mercredi 25 novembre 2026, 10 h à Paris.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fillAt, localOf, makeWorld, play, reservationsOf, seedBooking, sms, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

async function seed(phone: string, date: string, time: string, partySize: number, name = 'Moreau') {
  return seedBooking(w, { phone, name, partySize, date, time });
}

async function standing(phone: string): Promise<Array<[string, string, number]>> {
  return (await reservationsOf(w, phone)).map((r) => {
    const { date, time } = localOf(w, r);
    return [date, time, r.partySize];
  });
}

describe('un changement dit comme un fait (FR)', () => {
  test('« on sera 6 au lieu de 4, mon fils est allergique aux œufs » : l’allergie va avec le changement', async () => {
    const ch = sms();
    await seed(ch.from, '2026-12-12', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: on sera 6 au lieu de 4, mon fils est allergique aux œufs
      bot:  C'est noté \\(œufs\\), ce sera indiqué sur votre réservation\\.
      bot:  Je change votre réservation de samedi 12 décembre : 6 personnes au lieu de 4
      user: oui
      bot:  modifiée
    `,
    );
    const [r] = await reservationsOf(w, ch.from);
    assert.equal(r.partySize, 6);
    assert.equal(r.notes, 'Allergies et régime : œufs');
  });

  test('« on sera finalement 6 au lieu de 4 » : relu face à l’ancienne, changé après oui', async () => {
    const ch = sms();
    await seed(ch.from, '2026-12-12', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: on sera finalement 6 au lieu de 4
      bot:  Je change votre réservation de samedi 12 décembre : 6 personnes au lieu de 4, à 20 h,
      bot:  à 20 h, au nom de Moreau\\. C'est bien ça \\?
      user: oui
      bot:  votre réservation est modifiée : 6 personnes, samedi 12 décembre à 20 h
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-12', '20:00', 6]]);
  });

  test('« on sera 5 au lieu de 4 samedi » : deux réservations, samedi désigne la bonne', async () => {
    const ch = sms();
    await seed(ch.from, '2026-11-28', '20:00', 4);
    await seed(ch.from, '2026-11-29', '12:30', 4);
    await play(
      w,
      ch,
      `
      user: on sera 5 au lieu de 4 samedi
      bot!: laquelle
      bot:  de samedi 28 novembre : 5 personnes au lieu de 4, à 20 h
      user: oui c'est ça
      bot:  modifiée
    `,
    );
    assert.deepEqual(await standing(ch.from), [
      ['2026-11-28', '20:00', 5],
      ['2026-11-29', '12:30', 4],
    ]);
  });

  test('« est-ce qu’on peut décaler vendredi à 20h30 »', async () => {
    const ch = sms();
    await seed(ch.from, '2026-11-27', '19:30', 2);
    await play(
      w,
      ch,
      `
      user: est-ce qu'on peut décaler vendredi à 20h30
      bot:  de vendredi 27 novembre : 2 personnes, à 20 h 30 au lieu de 19 h 30
      user: oui
      bot:  modifiée
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-27', '20:30', 2]]);
  });

  test('« finalement ce sera à 21h »', async () => {
    const ch = sms();
    await seed(ch.from, '2026-11-30', '20:00', 3);
    await play(
      w,
      ch,
      `
      user: finalement ce sera à 21h
      bot:  3 personnes, à 21 h au lieu de 20 h
      user: oui
      bot:  modifiée
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-30', '21:00', 3]]);
  });

  test('« plutôt dimanche que samedi » : le jour change', async () => {
    const ch = sms();
    await seed(ch.from, '2026-11-28', '20:00', 2);
    await play(
      w,
      ch,
      `
      user: plutôt dimanche que samedi
      bot:  le dimanche 29 novembre au lieu du samedi 28 novembre, à 20 h
      user: oui
      bot:  modifiée
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-29', '20:00', 2]]);
  });

  test('le nom élidé à la relecture du changement : « au nom d’Inès »', async () => {
    const ch = sms();
    await seed(ch.from, '2026-12-01', '19:30', 2, 'Inès');
    await play(
      w,
      ch,
      `
      user: finalement on sera 3
      bot:  3 personnes au lieu de 2, à 19 h 30, au nom d'Inès
      bot!: de Inès
      user: oui
      bot:  au nom d'Inès
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-01', '19:30', 3]]);
  });

  test('une correction à la relecture : « non, 7 personnes » relit à nouveau', async () => {
    const ch = sms();
    await seed(ch.from, '2026-12-02', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: on sera finalement 6 au lieu de 4
      bot:  6 personnes au lieu de 4
      user: non, 7 personnes
      bot:  7 personnes au lieu de 4.*C'est bien ça
      user: oui
      bot:  modifiée
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-02', '20:00', 7]]);
  });

  test('une heure prise : le cœur dit non, les créneaux proches sont proposés', async () => {
    const ch = sms();
    await seed(ch.from, '2026-12-03', '19:00', 2);
    await fillAt(w, '2026-12-03', '21:00');
    await play(
      w,
      ch,
      `
      user: finalement ce sera à 21h
      bot:  Désolé.*complet
      bot:  Voulez-vous que je réserve
      user: oui
      bot:  au lieu de 19 h.*C'est bien ça
      user: oui
      bot:  modifiée
    `,
    );
    const [[date, time, party]] = await standing(ch.from);
    assert.equal(date, '2026-12-03');
    assert.ok(time !== '21:00' && time !== '19:00', time);
    assert.equal(party, 2);
  });

  test('un groupe au-delà de la limite : l’équipe prend le relais, rien ne change', async () => {
    const ch = sms();
    await seed(ch.from, '2026-12-07', '20:00', 4);
    await play(
      w,
      ch,
      `
      user: on sera finalement 12 au lieu de 4
      event: handoff large_party
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-12-07', '20:00', 4]]);
  });

  test('réservé dans cette conversation, puis « finalement on sera 6 » : celle-ci change', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: une table pour 4 demain à 20h au nom de Lefèvre
      bot:  C'est bien ça
      user: oui
      bot:  confirmée
      user: finalement on sera 6
      bot:  Je change votre réservation de demain jeudi 26 novembre : 6 personnes au lieu de 4, à 20 h
      user: oui
      bot:  modifiée
    `,
    );
    assert.deepEqual(await standing(ch.from), [['2026-11-26', '20:00', 6]]);
  });

  test('sans réservation, les mêmes mots commencent une réservation', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: on sera 5 au lieu de 4 samedi
      bot:  À quelle heure
    `,
    );
    assert.deepEqual(await standing(ch.from), []);
  });
});
