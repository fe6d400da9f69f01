// Questions de régime et d'allergie, répondues d'après la carte (régimes et allergènes de chaque
// plat), jamais par la carte entière ; la cuisine confirme les allergies sur place ; une allergie
// dite en réservant va dans les notes de la réservation. Maintenant fixe : mercredi 25 novembre
// 2026, 10 h à Paris ("demain" est jeudi 26, "samedi" le 28).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertBooked, makeWorld, play, reservationsOf, sms, voice, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

const KITCHEN = 'La cuisine confirme les allergies sur place';
// The whole menu answers with prices and with dishes that do not fit the question.
const WHOLE_MENU = 'Notre carte :|€|Bœuf bourguignon';

describe('questions sur la carte', () => {
  test('« vous avez des plats végétariens ? » : les plats végétariens, pas toute la carte', async () => {
    await play(
      w,
      sms(),
      `
      user: vous avez des plats végétariens ?
      bot:  Nos plats végétariens : Œufs mayonnaise, Velouté de potimarron, Risotto aux champignons, Crème brûlée,
      bot:  Tarte Tatin et Moelleux au chocolat et noisettes\\.
      bot:  ${KITCHEN}
      bot!: ${WHOLE_MENU}|Confit de canard
    `,
    );
  });

  test('« le risotto est-il sans gluten ? » : oui, pour le risotto seulement', async () => {
    await play(
      w,
      sms(),
      `
      user: le risotto est-il sans gluten ?
      bot:  Risotto aux champignons : oui, c'est un plat sans gluten\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}|Tarte Tatin
    `,
    );
  });

  test('« la tarte tatin contient-elle des noix ? » : non, d’après la carte', async () => {
    await play(
      w,
      sms(),
      `
      user: la tarte tatin contient-elle des noix ?
      bot:  Tarte Tatin : non, pas de fruits à coque d'après notre carte\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('« est-ce que le moelleux contient des noisettes ? » : oui', async () => {
    await play(
      w,
      sms(),
      `
      user: est-ce que le moelleux contient des noisettes ?
      bot:  Moelleux au chocolat et noisettes : oui, ce plat contient des fruits à coque\\.
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('« y a-t-il du lactose dans le risotto ? » : oui, du lait', async () => {
    await play(
      w,
      sms(),
      `
      user: y a-t-il du lactose dans le risotto ?
      bot:  Risotto aux champignons : oui, ce plat contient du lait\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('au téléphone : une réponse faite pour l’oreille', async () => {
    await play(
      w,
      voice(),
      `
      user: euh est-ce que le risotto est sans gluten
      say:  Risotto aux champignons, oui, c'est un plat sans gluten\\. ${KITCHEN}
    `,
    );
  });

  test('un plat qui n’est pas à la carte : dit, et les plats qui conviennent', async () => {
    await play(
      w,
      sms(),
      `
      user: le brownie est-il sans gluten ?
      bot:  Je ne trouve pas "brownie" sur notre carte\\. Nos plats sans gluten : Œufs mayonnaise,
      bot!: ${WHOLE_MENU}|Tarte Tatin
    `,
    );
  });

  test('« vs avez des plats vegan ? » en plein milieu d’une réservation, puis la réservation reprend', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: pr 4 vendredi
      bot:  quelle heure
      user: vs avez des plats vegan ?
      bot:  Nos plats végans : Velouté de potimarron\\. ${KITCHEN}.*quelle heure
      user: 20h au nom de Garnier
      bot:  4 personnes, vendredi 27 novembre à 20 h, au nom de Garnier\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-27', time: '20:00' });
    assert.equal(r.notes, '');
  });
});

describe('une allergie dite au restaurant', () => {
  test('« je suis allergique aux noix », sans réservation : noté, et les plats à éviter', async () => {
    await play(
      w,
      sms(),
      `
      user: je suis allergique aux noix
      bot:  C'est noté \\(fruits à coque\\)\\.
      bot:  À éviter, ils contiennent des fruits à coque : Moelleux au chocolat et noisettes\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('dans la demande de réservation : dans les notes de la réservation', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 demain 20h, je suis allergique aux noix
      bot:  C'est noté \\(fruits à coque\\), ce sera indiqué sur votre réservation\\. ${KITCHEN}
      bot:  quel nom
      user: Faure
      bot:  2 personnes, demain jeudi 26 novembre à 20 h, au nom de Faure\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00' });
    assert.equal(r.notes, 'Allergies et régime : fruits à coque');
  });

  test('à la relecture, « mon fils est allergique aux œufs » : noté, relu, puis dans les notes', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 3 samedi 20h au nom de Morel
      bot:  au nom de Morel\\. C'est bien ça
      user: mon fils est allergique aux œufs
      bot:  C'est noté \\(œufs\\), ce sera indiqué sur votre réservation\\.
      bot:  3 personnes, samedi 28 novembre à 20 h, au nom de Morel\\. C'est bien ça
      user: oui
      bot:  confirmée
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-28', time: '20:00' });
    assert.equal(r.notes, 'Allergies et régime : œufs');
  });

  test('après la réservation, « au fait je suis cœliaque » : ajouté aux notes', async () => {
    const ch = sms();
    await play(
      w,
      ch,
      `
      user: table pour 2 samedi 21h au nom de Blanc
      bot:  C'est bien ça
      user: oui
      bot:  confirmée
      user: au fait je suis cœliaque
      bot:  C'est noté \\(sans gluten\\), ce sera indiqué sur votre réservation\\.
      bot:  Nos plats sans gluten : Œufs mayonnaise, Velouté de potimarron, Confit de canard
      bot:  ${KITCHEN}
    `,
    );
    const [r] = await reservationsOf(w, ch.from);
    assert.equal(r.notes, 'Allergies et régime : sans gluten');
  });
});

describe('un ingrédient que la carte ne détaille pas', () => {
  for (const question of [
    'vous avez des plats sans porc ?',
    'y a-t-il du porc dans le bourguignon ?',
    'des plats sans ail svp ?',
  ]) {
    test(`« ${question} » : qui peut répondre, jamais toute la carte`, async () => {
      await play(
        w,
        sms(),
        `
        user: ${question}
        bot:  Je n'ai pas le détail des ingrédients de chaque plat pour « (porc|ail) » : l'équipe vous le dira au 01
        bot:  Je peux vous dire quels plats sont végétariens, vegan ou sans gluten, et leurs allergènes\\.
        bot!: ${WHOLE_MENU}
      `,
      );
    });
  }
});
