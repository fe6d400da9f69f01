// Diet and allergy questions answered from the menu (each dish's diets and allergens), never
// with the whole menu; the kitchen confirms allergies on site; an allergy told while booking goes
// into the booking's notes. Fixed now: Wednesday 25 November 2026, 10:00 in Paris ("tomorrow" is
// Thursday 26, "Saturday" the 28th).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertBooked, makeWorld, play, reservationsOf, sms, voice, type World } from './support/transcript';

let w: World;
before(async () => {
  w = await makeWorld();
});

const en = () => sms(undefined, 'en-US');
const KITCHEN = 'The kitchen confirms allergies on site';
// The whole menu answers with prices and with dishes that do not fit the question.
const WHOLE_MENU = 'Our menu:|€|Beef bourguignon';

describe('questions about the menu', () => {
  test('"do you have vegetarian dishes?": the vegetarian dishes, not the whole menu', async () => {
    await play(
      w,
      en(),
      `
      user: do you have vegetarian dishes?
      bot:  Our vegetarian dishes: Eggs mayonnaise, Red kuri squash soup, Mushroom risotto, Crème brûlée,
      bot:  Tarte Tatin and Chocolate and hazelnut cake\\.
      bot:  ${KITCHEN}
      bot!: ${WHOLE_MENU}|Duck confit
    `,
    );
  });

  test('"is the risotto gluten-free?": yes, about the risotto only', async () => {
    await play(
      w,
      en(),
      `
      user: is the risotto gluten-free?
      bot:  Mushroom risotto: yes, it is gluten-free\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}|Tarte Tatin
    `,
    );
  });

  test('"does the tarte tatin contain nuts?": no, according to the menu', async () => {
    await play(
      w,
      en(),
      `
      user: does the tarte tatin contain nuts?
      bot:  Tarte Tatin: no nuts in it according to our menu\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('"does the chocolate cake contain nuts?": yes', async () => {
    await play(
      w,
      en(),
      `
      user: does the chocolate cake contain nuts?
      bot:  Chocolate and hazelnut cake: yes, it contains nuts\\.
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('"is the soup vegan?": each soup on the menu answered', async () => {
    await play(
      w,
      en(),
      `
      user: is the soup vegan?
      bot:  French onion soup: no, it is not vegan\\. Red kuri squash soup: yes, it is vegan\\.
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('"is there dairy in the risotto?": yes, milk', async () => {
    await play(
      w,
      en(),
      `
      user: is there dairy in the risotto?
      bot:  Mushroom risotto: yes, it contains milk\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test('on the phone: an answer made for the ear', async () => {
    await play(
      w,
      voice(undefined, 'en-US'),
      `
      user: um is the risotto gluten free
      say:  Mushroom risotto, yes, it is gluten-free\\. ${KITCHEN}
    `,
    );
  });

  test('a dish not on the menu: said, and the dishes that suit', async () => {
    await play(
      w,
      en(),
      `
      user: is the brownie gluten free?
      bot:  I can't find "brownie" on our menu\\. Our gluten-free dishes: Eggs mayonnaise,
      bot!: ${WHOLE_MENU}|Tarte Tatin
    `,
    );
  });

  test('"any vegan options?" in the middle of a booking, then the booking goes on', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: 4 ppl fri
      bot:  what time
      user: any vegan options?
      bot:  Our vegan dishes: Red kuri squash soup\\. ${KITCHEN}.*what time
      user: 8pm under Garner
      bot:  4 people, Friday 27 November at 8 pm, under the name Garner\\. Is that right
      user: yes
      bot:  confirmed
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 4, date: '2026-11-27', time: '20:00' });
    assert.equal(r.notes, '');
  });
});

describe('an allergy told to the restaurant', () => {
  test('"I\'m allergic to nuts", no booking: noted, and the dishes to avoid', async () => {
    await play(
      w,
      en(),
      `
      user: I'm allergic to nuts
      bot:  Noted \\(nuts\\)\\.
      bot:  To avoid, they contain nuts: Chocolate and hazelnut cake\\. ${KITCHEN}
      bot!: ${WHOLE_MENU}
    `,
    );
  });

  test("in the booking request: in the booking's notes", async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 tomorrow at 8pm, I'm allergic to nuts
      bot:  Noted \\(nuts\\), it will be on your reservation\\. ${KITCHEN}
      bot:  name
      user: Foster
      bot:  2 people, tomorrow, Thursday 26 November at 8 pm, under the name Foster\\. Is that right
      user: yes
      bot:  confirmed
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 2, date: '2026-11-26', time: '20:00' });
    // The staff read notes in the restaurant's language (French here).
    assert.equal(r.notes, 'Allergies et régime : fruits à coque');
  });

  test('at the read-back, "my son is allergic to eggs": noted, read back, then in the notes', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 3 Saturday 8pm under Morris
      bot:  under the name Morris\\. Is that right
      user: my son is allergic to eggs
      bot:  Noted \\(eggs\\), it will be on your reservation\\.
      bot:  3 people, Saturday 28 November at 8 pm, under the name Morris\\. Is that right
      user: yes
      bot:  confirmed
    `,
    );
    const r = await assertBooked(w, ch.from, { partySize: 3, date: '2026-11-28', time: '20:00' });
    assert.equal(r.notes, 'Allergies et régime : œufs');
  });

  test('after the booking, "btw I\'m coeliac": added to the notes', async () => {
    const ch = en();
    await play(
      w,
      ch,
      `
      user: table for 2 Saturday 9pm under White
      bot:  Is that right
      user: yes
      bot:  confirmed
      user: btw I'm coeliac
      bot:  Noted \\(gluten-free\\), it will be on your reservation\\.
      bot:  Our gluten-free dishes: Eggs mayonnaise, Red kuri squash soup, Duck confit
      bot:  ${KITCHEN}
    `,
    );
    const [r] = await reservationsOf(w, ch.from);
    assert.equal(r.notes, 'Allergies et régime : sans gluten');
  });
});

describe('an ingredient the menu does not detail', () => {
  for (const question of [
    'any dishes without garlic?',
    'do you have anything pork-free?',
    'is there pork in the stew?',
  ]) {
    test(`"${question}": who can answer, never the whole menu`, async () => {
      await play(
        w,
        en(),
        `
        user: ${question}
        bot:  I don't have every dish's ingredients to check "(garlic|pork)": the team will tell you on
        bot:  I can tell you which dishes are vegetarian, vegan or gluten-free, and their allergens\\.
        bot!: ${WHOLE_MENU}
      `,
      );
    });
  }
});
