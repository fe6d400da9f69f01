// French conversations, played against the whole bot at a fixed now (Wednesday 25 November
// 2026, 10:00 in Paris): "demain" is Thursday 26, "samedi" Saturday 28, "vendredi" Friday 27.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  assertBooked,
  fillAt,
  play,
  reservationsOf,
  seedBooking,
  sms,
  voice,
  webchat,
  makeWorld,
  type World,
} from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

describe('réservation en français', () => {
  test("tout d'un coup : 4 personnes demain à 19h30 (exemple du ticket)", async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Bonjour, je voudrais réserver pour 4 personnes demain à 19h30
      bot:  quel nom
      user: Dupont
      bot:  4 personnes, demain jeudi 26 novembre à 19 h 30, au nom de Dupont\\. C'est bien ça \\?
      user: oui
      bot:  Votre réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, {
      partySize: 4,
      date: '2026-11-26',
      time: '19:30',
      name: 'Dupont',
      channel: 'sms',
      language: 'fr',
    });
  });

  test('samedi prochain à midi pour trois (exemple du ticket)', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Vous avez de la place samedi prochain à midi pour trois ?
      bot:  quel nom
      user: Martin
      bot:  3 personnes, samedi 28 novembre à midi, au nom de Martin
      user: oui
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-28', time: '12:00', name: 'Martin' });
  });

  test('on sera huit vendredi soir vers 21h (exemple du ticket)', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: On sera huit vendredi soir vers 21h
      bot:  quel nom
      user: Bernard
      bot:  8 personnes, vendredi 27 novembre à 21 h, au nom de Bernard
      user: c'est bon
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 8, date: '2026-11-27', time: '21:00', name: 'Bernard' });
  });

  test('table pour cinq le 3 décembre à vingt heures trente au nom de Durand (exemple du ticket)', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour cinq le 3 décembre à vingt heures trente, au nom de Durand
      bot:  5 personnes, jeudi 3 décembre à 20 h 30, au nom de Durand\\. C'est bien ça
      user: oui
      bot:  réservation est confirmée : 5 personnes
    `,
    );
    await assertBooked(w, ch.from, { partySize: 5, date: '2026-12-03', time: '20:30', name: 'Durand' });
  });

  test('pas à pas : chaque question en son temps', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Bonjour, je voudrais réserver une table
      bot:  combien de personnes
      user: deux
      bot:  quel jour
      user: samedi
      bot:  quelle heure
      user: 20h
      bot:  quel nom
      user: Petit
      bot:  2 personnes, samedi 28 novembre à 20 h, au nom de Petit
      user: oui
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-28', time: '20:00', name: 'Petit' });
  });

  test('au téléphone : trois personnes demain à vingt heures, au nom de Marchand (voice.mjs)', async () => {
    const ch = voice();
    await play(
      w,
      ch,
      `
      user: Bonjour, je voudrais réserver une table pour trois personnes demain à vingt heures
      bot:  quel nom
      user: Au nom de Marchand
      bot:  C'est bien ça
      say:  3 personnes, demain jeudi 26 novembre à 20 heures, au nom de Marchand
      user: Oui, c'est parfait
      bot:  réservation est confirmée
      end:
    `,
    );
    await assertBooked(w, ch.from, {
      partySize: 3,
      date: '2026-11-26',
      time: '20:00',
      name: 'Marchand',
      channel: 'voice',
    });
  });

  test('sur le web chat, le numéro de téléphone est demandé', async () => {
    const ch = webchat();
    await play(
      w,
      ch,
      `
      user: Une table pour 2 demain à 13h au nom de Leroy
      bot:  numéro de téléphone
      user: 06 12 34 56 78
      bot:  2 personnes, demain jeudi 26 novembre à 13 h, au nom de Leroy
      user: oui
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, '+33612345678', {
      partySize: 2,
      date: '2026-11-26',
      time: '13:00',
      name: 'Leroy',
      channel: 'webchat',
    });
  });

  test('heure prise : le créneau le plus proche est proposé, « oui » le prend', async () => {
    await fillAt(w, '2026-12-01', '20:00');
    const [first] = await w.bookings.alternatives('2026-12-01', '20:00', 2);
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Une table pour 2 le 1er décembre à 20h
      bot:  mardi 1er décembre à 20 h, c'est complet
      bot:  Voulez-vous que je réserve
      user: oui
      bot:  quel nom
      user: Roux
      bot:  mardi 1er décembre à ${first.time.replace(':', ' h ')}
      user: oui
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-01', time: first.time, name: 'Roux' });
  });

  test('heure prise : le guest choisit « la deuxième »', async () => {
    await fillAt(w, '2026-12-02', '20:00');
    const alts = await w.bookings.alternatives('2026-12-02', '20:00', 2);
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 le 2 décembre à 20h au nom de Faure
      bot:  complet
      user: la deuxième
      bot:  mercredi 2 décembre à ${alts[1].time.replace(':', ' h ')}, au nom de Faure
      user: oui
      bot:  réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-02', time: alts[1].time, name: 'Faure' });
  });

  test('heure prise : le guest répond par une heure (« 22h »)', async () => {
    await fillAt(w, '2026-12-04', '20:00');
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: pour 2 le 4 décembre à 20h au nom de Blanc
      bot:  complet
      user: 22h
      bot:  vendredi 4 décembre à 22 h, au nom de Blanc
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-04', time: '22:00', name: 'Blanc' });
  });

  test('heure prise : « non » puis une autre heure', async () => {
    await fillAt(w, '2026-12-05', '20:00');
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: pour 2 le 5 décembre à 20h au nom de Robin
      bot:  complet
      user: non
      bot:  quelle heure
      user: 13h
      bot:  samedi 5 décembre à 13 h
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-12-05', time: '13:00', name: 'Robin' });
  });

  test("relecture : « non » puis ce qu'il faut changer ; la table tenue est relâchée", async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 demain à 12h30 au nom de Garnier
      bot:  12 h 30, au nom de Garnier\\. C'est bien ça
      user: non
      bot:  Que faut-il changer
      user: plutôt 13h
      bot:  demain jeudi 26 novembre à 13 h, au nom de Garnier\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '13:00', name: 'Garnier' });
    const held = (await w.store.findReservations({ restaurantId: w.restaurant.id })).filter(
      (r) => r.customerPhone === ch.from && r.status === 'held',
    );
    assert.equal(held.length, 0, 'no hold left behind');
  });

  test("relecture corrigée d'un coup : « non, pour quatre »", async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: pour 3 samedi à 19h au nom de Chevalier
      bot:  3 personnes
      user: non, pour quatre
      bot:  4 personnes, samedi 28 novembre à 19 h, au nom de Chevalier
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-28', time: '19:00', name: 'Chevalier' });
  });

  test('hors des heures de service : on propose le plus proche', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: une table pour 2 demain à 16h
      bot:  À 16 h, nous ne recevons pas
      bot:  13 h 30
      user: oui
      bot:  quel nom
      user: Lambert
      bot:  demain jeudi 26 novembre à 13 h 30
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '13:30', name: 'Lambert' });
  });

  test('trop loin : on le dit et on redemande le jour', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: une table pour 2 le 15 mars à 20h
      bot:  60 jours à l'avance
      bot:  quel jour
      user: demain
      bot:  quel nom
      user: Mercier
      bot:  demain jeudi 26 novembre à 20 h
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00', name: 'Mercier' });
  });

  test('heure passée : on propose la plus proche à venir', async () => {
    const evening = await makeWorld({ now: new Date('2026-11-25T20:00:00Z') });
    const ch = sms();
    await play(
      evening,
      ch,
      `
      user: une table pour 2 aujourd'hui à 20h au nom de Fontaine
      bot:  déjà passé
      bot:  Voulez-vous que je réserve à 21 h 30
      user: oui
      bot:  aujourd'hui mercredi 25 novembre à 21 h 30, au nom de Fontaine
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(evening, ch.from, { partySize: 2, date: '2026-11-25', time: '21:30', name: 'Fontaine' });
  });

  test('jour de fermeture : on le dit et on propose le jour ouvert suivant', async () => {
    const closed = await makeWorld({
      tweak: (r) => {
        r.closures = [{ date: '2026-11-30', reason: 'congés' }];
      },
    });
    const ch = sms();
    await play(
      closed,
      ch,
      `
      user: une table pour 2 lundi à 20h au nom de Picard
      bot:  fermés le lundi 30 novembre
      bot:  Voulez-vous que je réserve mardi 1er décembre à 20 h \\?
      user: mardi
      bot:  mardi 1er décembre à 20 h, au nom de Picard
    `,
    );
  });
});

describe('personne, incompréhensions, questions', () => {
  test("groupe trop grand : la main passe à l'équipe (large_party)", async () => {
    const ch = sms();
    const before = w.handoffs.length;
    await play(
      w,
      ch,
      `
      user: Nous serons 12 samedi à 20h
      bot:  c'est l'équipe qui s'en occupe
      event: handoff large_party
    `,
    );
    assert.equal(w.handoffs.length, before + 1);
    assert.match(w.handoffs[w.handoffs.length - 1].summary, /party of 12/);
  });

  test("demander quelqu'un : handoff requested, la voix est transférée", async () => {
    await play(
      w,
      voice(),
      `
      user: Je voudrais parler à quelqu'un
      bot:  Je vous passe un membre de l'équipe
      event: handoff requested
    `,
    );
  });

  test("trois incompréhensions de suite à l'accueil : handoff misunderstood", async () => {
    await play(
      w,
      sms(),
      `
      user: blablabla
      bot:  pas bien compris
      event!: handoff
      user: gloubiboulga
      bot:  pas bien compris
      user: zzzz
      event: handoff misunderstood
    `.replace(/\n\s*event!: handoff/, ''),
    );
  });

  test('trois incompréhensions pendant la réservation : handoff misunderstood', async () => {
    await play(
      w,
      sms(),
      `
      user: je voudrais réserver
      bot:  combien de personnes
      user: bleu
      bot:  pas bien compris.*combien de personnes
      user: vert
      bot:  combien de personnes
      user: jaune
      event: handoff misunderstood
    `,
    );
  });

  test('une réponse comprise remet le compteur à zéro', async () => {
    const played = await play(
      w,
      sms(),
      `
      user: je voudrais réserver
      user: bleu
      user: vert
      user: deux
      bot:  quel jour
      user: bleu
      bot:  pas bien compris.*quel jour
    `,
    );
    assert.ok(!played.replies.some((a) => a.type === 'event'), 'no handoff');
  });

  test('horaires, adresse, carte', async () => {
    await play(
      w,
      sms(),
      `
      user: Quels sont vos horaires ?
      bot:  tous les jours, de midi à 14 h 30 et de 19 h à 23 h
      user: Quelle est votre adresse ?
      bot:  12 rue des Martyrs
      user: Qu'y a-t-il au menu ?
      bot:  Bœuf bourguignon \\(22 €\\)
    `,
    );
  });

  test('une question en passant pendant la réservation, puis on reprend', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: réserver pour 2 demain
      bot:  quelle heure
      user: quelle est votre adresse ?
      bot:  rue des Martyrs.*quelle heure
      user: 20h30
      bot:  quel nom
      user: Gauthier
      user: oui
      bot:  confirmée
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:30', name: 'Gauthier' });
  });

  test('« aide » pendant la réservation redit la question', async () => {
    await play(
      w,
      sms(),
      `
      user: je voudrais réserver
      user: aide
      bot:  recommencer.*combien de personnes
    `,
    );
  });

  test('« recommencer » repart de zéro', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 demain à 20h
      bot:  quel nom
      user: recommencer
      bot:  on recommence.*Que puis-je faire
      user: table pour 3 samedi à 13h au nom de Noël
      bot:  3 personnes, samedi 28 novembre à 13 h, au nom de Noël
    `,
    );
  });

  test('« laisse tomber » à la relecture relâche la table', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 demain à 21h au nom de Roy
      bot:  C'est bien ça
      user: laisse tomber
      bot:  j'arrête là
    `,
    );
    const mine = (await w.store.findReservations({ restaurantId: w.restaurant.id })).filter(
      (r) => r.customerPhone === ch.from,
    );
    assert.ok(mine.length >= 1 && mine.every((r) => r.status === 'expired'), 'the hold is released');
  });

  test('merci', async () => {
    await play(
      w,
      sms(),
      `
      user: merci
      bot:  Avec plaisir
    `,
    );
  });
});

describe('modifier et annuler', () => {
  test('décaler sa réservation à 21h', async () => {
    const ch = sms();
    const r = await seedBooking(w, { phone: ch.from, name: 'Moreau', partySize: 3, date: '2026-11-28', time: '19:00' });
    await play(
      w,
      ch,
      `
      user: Je voudrais décaler ma réservation à 21h
      bot:  trouvé votre réservation : 3 personnes, samedi 28 novembre à 19 h
      bot:  Je change votre réservation de samedi 28 novembre : 3 personnes, à 21 h au lieu de 19 h, au nom de Moreau\\.
      bot:  C'est bien ça
      user: oui
      bot:  votre réservation est modifiée
    `,
    );
    const after = await w.bookings.get(r.id);
    assert.equal(after && w.bookings.localOf(w.restaurant, after).time, '21:00');
  });

  test('plusieurs réservations : laquelle, puis quoi changer', async () => {
    const ch = sms();
    await seedBooking(w, { phone: ch.from, name: 'Roger', partySize: 2, date: '2026-11-27', time: '12:30' });
    const second = await seedBooking(w, {
      phone: ch.from,
      name: 'Roger',
      partySize: 2,
      date: '2026-12-06',
      time: '20:00',
    });
    await play(
      w,
      ch,
      `
      user: je voudrais modifier ma réservation
      bot:  plusieurs réservations.*Laquelle
      user: la deuxième
      bot:  Que voulez-vous changer
      user: pour 5 personnes
      bot:  de dimanche 6 décembre : 5 personnes au lieu de 2, à 20 h
      user: oui
      bot:  modifiée
    `,
    );
    assert.equal((await w.bookings.get(second.id))?.partySize, 5);
  });

  test('annuler sa réservation', async () => {
    const ch = sms();
    const r = await seedBooking(w, { phone: ch.from, name: 'Fabre', partySize: 2, date: '2026-11-29', time: '12:00' });
    await play(
      w,
      ch,
      `
      user: Je voudrais annuler ma réservation
      bot:  vraiment annuler la réservation de 2 personnes, dimanche 29 novembre à midi
      user: oui
      bot:  est annulée
    `,
    );
    assert.equal((await w.bookings.get(r.id))?.status, 'cancelled');
    const conv = (await w.store.listConversations(200)).find((c) => c.id === ch.conversationId);
    assert.equal(conv?.outcome, 'cancelled');
  });

  test('annuler puis se raviser : la réservation est gardée', async () => {
    const ch = sms();
    const r = await seedBooking(w, { phone: ch.from, name: 'Brun', partySize: 2, date: '2026-11-29', time: '12:15' });
    await play(
      w,
      ch,
      `
      user: je veux annuler ma réservation
      user: non
      bot:  je garde votre réservation
    `,
    );
    assert.equal((await w.bookings.get(r.id))?.status, 'confirmed');
  });

  test('aucune réservation trouvée', async () => {
    await play(
      w,
      sms(),
      `
      user: je voudrais annuler ma réservation
      bot:  aucune réservation à venir
    `,
    );
  });

  test('sur le web chat, annuler demande le numéro', async () => {
    const r = await seedBooking(w, {
      phone: '+33611111111',
      name: 'Colin',
      partySize: 4,
      date: '2026-12-02',
      time: '12:00',
    });
    await play(
      w,
      webchat(),
      `
      user: je veux annuler ma réservation
      bot:  numéro de téléphone
      user: 06 11 11 11 11
      bot:  vraiment annuler
      user: oui
      bot:  annulée
    `,
    );
    assert.equal((await w.bookings.get(r.id))?.status, 'cancelled');
  });

  test("changer d'avis en cours de réservation : annuler une réservation", async () => {
    await play(
      w,
      sms(),
      `
      user: table pour 2 demain
      bot:  quelle heure
      user: en fait je voudrais annuler ma réservation
      bot:  aucune réservation à venir
    `,
    );
  });
});

describe('langue et canal', () => {
  test("passer à l'anglais sur demande", async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: Bonjour
      bot:  Que puis-je faire
      locale: en-US
      user: in English please
      bot:  continue in English
      user: a table for 2 tomorrow at 8pm
      bot:  Under which name
      user: Smith
      bot:  2 people, tomorrow, Thursday 26 November at 8 pm, under the name Smith
      user: yes
      bot:  Your reservation is confirmed
    `,
    );
    await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00', name: 'Smith', language: 'en' });
  });

  test('le web chat ouvert : accueil dans la langue du navigateur', async () => {
    await play(
      w,
      webchat('fr-FR'),
      `
      open:
      bot:  Bonjour, vous échangez avec l'assistant automatique du restaurant Le Petit Bistro
    `,
    );
  });

  test('les premiers mots décident, pas la locale devinée', async () => {
    const ch = sms(undefined, 'en-US');
    await play(
      w,
      ch,
      `
      locale: fr-FR
      user: Bonjour, une table pour 2 samedi à 12h15 au nom de Perrin
      bot:  C'est bien ça
    `,
    );
  });

  test('le transcript garde chaque message et la réservation faite', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 samedi à 13h15 au nom de Vidal
      user: oui
      bot:  confirmée
    `,
    );
    const [r] = await reservationsOf(w, ch.from);
    const entries = await w.store.getTranscript(ch.conversationId);
    assert.deepEqual(
      entries.map((e) => e.from),
      ['guest', 'bot', 'guest', 'bot'],
    );
    assert.equal(entries[3].reservationId, r.id);
    const conv = (await w.store.listConversations(200)).find((c) => c.id === ch.conversationId);
    assert.equal(conv?.outcome, 'booked');
    assert.deepEqual(conv?.reservationIds, [r.id]);
  });
});

describe('modifier : le jour nomme la réservation', () => {
  test('« ma réservation de samedi » parmi deux : c’est celle-là, puis quoi changer', async () => {
    const ch = sms();
    await seedBooking(w, { phone: ch.from, name: 'Marin', partySize: 2, date: '2026-11-28', time: '12:00' });
    const other = await seedBooking(w, {
      phone: ch.from,
      name: 'Marin',
      partySize: 2,
      date: '2026-12-07',
      time: '20:00',
    });
    const sat = (await reservationsOf(w, ch.from)).find((r) => r.id !== other.id);
    await play(
      w,
      ch,
      `
      user: je voudrais modifier ma réservation de samedi
      bot:  trouvé votre réservation : 2 personnes, samedi 28 novembre à midi
      bot:  Que voulez-vous changer
      user: à 13h
      bot:  Je change votre réservation de samedi 28 novembre : 2 personnes, à 13 h au lieu de midi
      user: oui
      bot:  modifiée
    `,
    );
    const after = sat && (await w.bookings.get(sat.id));
    assert.equal(after && w.bookings.localOf(w.restaurant, after).time, '13:00');
  });
});
