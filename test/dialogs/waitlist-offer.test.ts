// A guest who writes for today and finds no table is offered tonight's waitlist, in their
// language; "oui" puts them on it (the booking core adds them and says their place), "non"
// goes on to the other days. The booking core decides when the offer is made: not on the web
// chat (no number to text when the table is ready), not for another day.
// Now: Wednesday 25 November 2026, 10:00 in Paris; that Wednesday has one seating, at 19:00.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fillAt, makeWorld, play, sms, webchat, type World } from './support/transcript';

const TODAY = '2026-11-25';
let w: World;

before(async () => {
  w = await makeWorld({
    tweak: (r) => {
      r.services['3'] = [{ name: 'dinner', open: '19:00', close: '21:00', lastSeatingMinutes: 120 }];
    },
  });
  await fillAt(w, TODAY, '19:00');
});

async function waiting(phone: string) {
  const list = await w.store.listWaitlist(w.restaurant.id, { since: `${TODAY}T00:00:00Z` });
  return list.filter((e) => e.phone === phone);
}

describe('liste d’attente proposée quand il n’y a plus de table aujourd’hui', () => {
  test('« oui » : le client est sur la liste, avec sa place', async () => {
    const ch = sms('+33655511001');
    await play(
      w,
      ch,
      `
      user: Bonsoir, une table pour 2 ce soir à 19h svp
      bot:  c'est complet
      bot:  voulez-vous être sur la liste d'attente \\?
      user: oui
      bot:  liste d'attente pour 2 personnes \\(position 1\\)
    `,
    );
    const [entry] = await waiting(ch.from);
    assert.equal(entry?.partySize, 2);
    assert.equal(entry?.channel, 'sms');
    assert.equal(entry?.language, 'fr');
    assert.equal(entry?.status, 'waiting');
  });

  test('« non » : les autres jours sont proposés, personne n’est ajouté', async () => {
    const ch = sms('+33655511002');
    await play(
      w,
      ch,
      `
      user: une table pour 3 aujourd'hui à 19h
      bot:  liste d'attente
      user: non merci
      bot:  Je peux vous proposer
    `,
    );
    assert.deepEqual(await waiting(ch.from), []);
  });

  test('déjà sur la liste : pas proposé une seconde fois', async () => {
    const ch = sms('+33655511001');
    await play(
      w,
      ch,
      `
      user: une table pour 2 ce soir à 19h
      bot:  c'est complet
      bot!: liste d'attente
    `,
    );
  });

  test('sur le chat web, pas de numéro à prévenir : pas de liste d’attente', async () => {
    const ch = webchat();
    await play(
      w,
      ch,
      `
      user: une table pour 2 ce soir à 19h
      bot:  c'est complet
      bot!: liste d'attente
    `,
    );
  });
});

describe('waitlist offered in English when nothing is left today', () => {
  test('"yes please" puts the guest on the list', async () => {
    const ch = sms('+447911123456', 'en-US');
    await play(
      w,
      ch,
      `
      user: Hi, a table for 4 tonight at 7pm please
      bot:  fully booked|no table|taken
      bot:  Would you like to be on the waitlist\\?
      user: yes please
      bot:  you are on the waitlist for 4 people \\(position \\d\\)
    `,
    );
    const [entry] = await waiting(ch.from);
    assert.equal(entry?.language, 'en');
    assert.equal(entry?.partySize, 4);
  });

  test('another day that is full is not a waitlist matter', async () => {
    await fillAt(w, '2026-11-26', '20:00');
    const ch = sms('+33655511003', 'en-US');
    await play(
      w,
      ch,
      `
      user: a table for 2 tomorrow at 8pm
      bot!: waitlist
    `,
    );
  });
});
