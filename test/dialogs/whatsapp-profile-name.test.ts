// On WhatsApp the guest's profile name is offered as the booking's name: "oui" / "yes" books
// under it, a name given instead replaces it, a "no" asks for the name; a profile "name" that
// is not one (emoji, a number) is not offered. Fixed now: Wednesday 25 November 2026, Paris.
import { before, describe, test } from 'node:test';
import { assertBooked, makeWorld, play, whatsapp, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

describe('WhatsApp profile name offered as the booking name', () => {
  test('"oui" books under the profile name', async () => {
    const ch = whatsapp('Camille Rousseau');
    await play(
      w,
      ch,
      `
      user: Bonjour, une table pour 2 demain à 20h
      bot:  Je réserve au nom de Camille Rousseau, ou à quel autre nom \\?
      user: oui
      bot:  2 personnes, demain jeudi 26 novembre à 20 h, au nom de Camille Rousseau\\. C'est bien ça \\?
      user: oui
      bot:  Votre réservation est confirmée
    `,
    );
    await assertBooked(w, ch.from, {
      partySize: 2,
      date: '2026-11-26',
      time: '20:00',
      name: 'Camille Rousseau',
      channel: 'whatsapp',
      language: 'fr',
    });
  });

  test('a name given instead of "yes" replaces it', async () => {
    const ch = whatsapp('Cam ✨', undefined, 'en-US');
    await play(
      w,
      ch,
      `
      user: Hello, a table for 3 on Friday at 8pm please
      bot!: Shall I book it under
      bot:  Under which name
      user: Jones
      bot:  3 people, Friday 27 November at 8 pm, under the name Jones
    `,
    );
  });

  test('"no" asks for the name, and the offer is not made again', async () => {
    const ch = whatsapp('Jean Dupuis', undefined, 'en-US');
    await play(
      w,
      ch,
      `
      user: Hi, table for 4 tomorrow at 7pm
      bot:  Shall I book it under Jean Dupuis, or under which other name\\?
      user: no
      bot:  Under which name
      bot!: Jean Dupuis
      user: Smith
      bot:  4 people, tomorrow, Thursday 26 November at 7 pm, under the name Smith
    `,
    );
  });

  test('a name given straight away is taken', async () => {
    const ch = whatsapp('Lucie Martin');
    await play(
      w,
      ch,
      `
      user: Bonjour, une table pour 2 samedi à 12h30
      bot:  Je réserve au nom de Lucie Martin
      user: Bernard
      bot:  au nom de Bernard\\. C'est bien ça
    `,
    );
  });
});
