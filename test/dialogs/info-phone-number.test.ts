// Numbers in the bot's answers are written as the guest writes numbers: a French guest reads the
// restaurant's "01 00 00 00 00" and their own "06 12 34 00 02", a guest texting from abroad
// "+33 1 00 00 00 00".
import { before, describe, test } from 'node:test';
import { makeWorld, play, sms, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

describe('numbers as the guest writes them', () => {
  test('nationally to a French mobile', async () => {
    await play(
      w,
      sms('+33612340001'),
      `
      user: Quelle est votre adresse ?
      bot:  Téléphone : 01 00 00 00 00\\.
    `,
    );
  });

  test('with the country code to a British mobile', async () => {
    await play(
      w,
      sms('+447400123459', 'en-US'),
      `
      user: What is your address?
      bot:  \\+33 1 00 00 00 00
    `,
    );
  });

  test("the guest's own number, nationally, when no booking is found for it", async () => {
    await play(
      w,
      sms('+33612340002'),
      `
      user: Je voudrais annuler ma réservation
      bot:  Je ne trouve aucune réservation à venir pour le 06 12 34 00 02\.
    `,
    );
  });
});
