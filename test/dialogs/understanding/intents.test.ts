// Goals, languages, yes/no, choices and contact details, as tables at a fixed "now".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { understand, type Expecting, type Intent, type Lang, type Understanding } from '../../../dialogs/understanding';
import { ZONE, paris } from './table';

const now = paris('2026-11-22 18:00');
const read = (text: string, lang: Lang, expecting?: Expecting) =>
  understand(text, { lang, now, timezone: ZONE, expecting });

// utterance | conversation language | intent | language detected | switch requested
const INTENTS: [string, Lang, Intent, Lang | null, Lang | null][] = [
  ['Bonjour', 'fr', 'greeting', 'fr', null],
  ['Bonsoir !', 'en', 'greeting', 'fr', null],
  ['Merci beaucoup', 'fr', 'thanks', 'fr', null],
  ['je voudrais réserver', 'fr', 'book', 'fr', null],
  ['Bonjour, je voudrais réserver une table', 'en', 'book', 'fr', null],
  ['20h', 'fr', 'book', null, null],
  ['je voudrais annuler ma réservation', 'fr', 'cancel', 'fr', null],
  ["j'annule ma réservation de samedi", 'fr', 'cancel', 'fr', null],
  ['je veux modifier ma réservation', 'fr', 'modify', 'fr', null],
  ["est-ce que je peux changer l'heure ?", 'fr', 'modify', 'fr', null],
  ['quels sont vos horaires ?', 'fr', 'hours', 'fr', null],
  ['vous êtes ouverts dimanche ?', 'fr', 'hours', 'fr', null],
  ['quelle est votre adresse ?', 'fr', 'address', 'fr', null],
  ['où êtes-vous situés ?', 'fr', 'address', 'fr', null],
  ['je peux voir la carte ?', 'fr', 'menu', 'fr', null],
  ['vous avez des plats végétariens ?', 'fr', 'menu', 'fr', null],
  ["je voudrais parler à quelqu'un", 'fr', 'human', 'fr', null],
  ['passez-moi un humain', 'fr', 'human', 'fr', null],
  ['aide', 'fr', 'help', 'fr', null],
  ['on recommence', 'fr', 'restart', 'fr', null],
  ['laisse tomber', 'fr', 'abort', 'fr', null],
  ['annuler', 'fr', 'abort', 'fr', null],
  ['oui', 'fr', 'yes', 'fr', null],
  ['non merci', 'fr', 'no', 'fr', null],
  ['en français svp', 'en', 'none', 'fr', 'fr'],
  ['vous parlez anglais ?', 'fr', 'none', 'fr', 'en'],
  ['euh', 'en', 'none', null, null],
  ['Dupont 06', 'fr', 'none', null, null],
  ['Hello', 'en', 'greeting', 'en', null],
  ['Hi there', 'fr', 'greeting', 'en', null],
  ['thanks a lot', 'en', 'thanks', 'en', null],
  ["I'd like to book a table", 'fr', 'book', 'en', null],
  ['I need to cancel my booking', 'en', 'cancel', 'en', null],
  ['can I change my reservation?', 'en', 'modify', 'en', null],
  ['what time do you open?', 'en', 'hours', 'en', null],
  ["what's your address?", 'en', 'address', 'en', null],
  ['do you have vegetarian dishes?', 'en', 'menu', 'en', null],
  ['can I speak to a real person', 'en', 'human', 'en', null],
  ['help', 'en', 'help', 'en', null],
  ['start over', 'en', 'restart', 'en', null],
  ['never mind', 'en', 'abort', 'en', null],
  ['yes', 'en', 'yes', 'en', null],
  ['nope', 'en', 'no', 'en', null],
  ['in English please', 'fr', 'none', 'en', 'en'],
  ['do you speak French?', 'en', 'none', 'en', 'fr'],
  ['Hi, table for two tomorrow at 8pm', 'fr', 'book', 'en', null],
  ['Je voudrais annuler ma réservation de demain à 20h', 'fr', 'cancel', 'fr', null],
  ["Bonjour, c'est Marie Durand", 'fr', 'greeting', 'fr', null],
  ["Hello, this is John, I'd like to book", 'fr', 'book', 'en', null],
];

test('a name answers "which name?" as a booking fact', () => {
  assert.deepEqual(pick(read('Au nom de Marchand', 'fr', 'name')), { intent: 'book', name: 'Marchand' });
  assert.deepEqual(pick(read("Bonjour, c'est Marie Durand", 'fr')), { intent: 'greeting', name: 'Marie Durand' });
});
const pick = (u: Understanding) => ({ intent: u.intent, name: u.name });

for (const [text, lang, intent, language, switchTo] of INTENTS) {
  test(`intent | ${text}`, () => {
    const u = read(text, lang);
    assert.deepEqual(
      { intent: u.intent, language: u.language, switchTo: u.switchTo },
      { intent, language, switchTo },
      JSON.stringify(u),
    );
  });
}

// After "shall I book it?": the answer, and what else it carries.
const CONFIRM: [string, Lang, Intent, Partial<Understanding>][] = [
  ["Oui, c'est parfait", 'fr', 'yes', { yesNo: 'yes' }],
  ['ouais', 'fr', 'yes', { yesNo: 'yes' }],
  ["d'accord", 'fr', 'yes', { yesNo: 'yes' }],
  ['non, plutôt à 21h', 'fr', 'no', { yesNo: 'no', time: '21:00' }],
  ["non ce n'est pas ça", 'fr', 'no', { yesNo: 'no' }],
  ['Yeah sure', 'en', 'yes', { yesNo: 'yes' }],
  ["that's right", 'en', 'yes', { yesNo: 'yes' }],
  ['nah, make it 4 people', 'en', 'no', { yesNo: 'no', partySize: 4 }],
  ['no thanks', 'en', 'no', { yesNo: 'no' }],
];
for (const [text, lang, intent, fields] of CONFIRM) {
  test(`confirm | ${text}`, () => {
    const u = read(text, lang, 'confirm');
    assert.equal(u.intent, intent, JSON.stringify(u));
    for (const [k, v] of Object.entries(fields))
      assert.equal(u[k as keyof Understanding], v, `${k} in ${JSON.stringify(u)}`);
  });
}

// A pick among the offered times or bookings.
const CHOICES: [string, Lang, Expecting | undefined, number | undefined][] = [
  ['2', 'fr', 'choice', 2],
  ['le deuxième', 'fr', 'choice', 2],
  ['la première', 'fr', 'choice', 1],
  ['le 2', 'fr', 'choice', 2],
  ['option 3', 'fr', 'choice', 3],
  ['the second one', 'en', 'choice', 2],
  ['number one', 'en', 'choice', 1],
  ['the first', 'en', 'choice', 1],
  ['the second one', 'en', undefined, 2],
  ['la deuxième proposition', 'fr', undefined, 2],
  ['table pour 2', 'fr', undefined, undefined],
];
for (const [text, lang, expecting, choice] of CHOICES) {
  test(`choice | ${expecting ? `[${expecting}] ` : ''}${text}`, () => {
    const u = read(text, lang, expecting);
    assert.equal(u.choice, choice, JSON.stringify(u));
    if (expecting === 'choice') assert.equal(u.date, undefined, 'a pick is not a day of the month');
  });
}

// Phone numbers (E.164) and e-mail addresses.
const CONTACTS: [string, Lang, Expecting | undefined, string | undefined, string | undefined][] = [
  ["mon numéro c'est le 06 12 34 56 78", 'fr', undefined, '+33612345678', undefined],
  ['+33 6 12 34 56 78', 'fr', 'phone', '+33612345678', undefined],
  ['0033612345678', 'fr', 'phone', '+33612345678', undefined],
  ['my number is +1 415 555 0100', 'en', undefined, '+14155550100', undefined],
  ['(415) 555-0100', 'en', 'phone', '+14155550100', undefined],
  ['jean.dupont@example.fr', 'fr', undefined, undefined, 'jean.dupont@example.fr'],
  ['Email: John.Smith@Example.com, 06.12.34.56.78', 'en', undefined, '+33612345678', 'john.smith@example.com'],
  ['pour 4 personnes le 12/12', 'fr', undefined, undefined, undefined],
];
for (const [text, lang, expecting, phone, email] of CONTACTS) {
  test(`contact | ${text}`, () => {
    const u = read(text, lang, expecting);
    assert.deepEqual({ phone: u.phone, email: u.email }, { phone, email }, JSON.stringify(u));
  });
}

// A change names the old value first and the new one last.
const CHANGES: [string, Lang, string | undefined, string | undefined][] = [
  ['je voudrais changer ma réservation de samedi à vendredi', 'fr', '2026-11-27', undefined],
  ['je voudrais la décaler à 21h au lieu de 20h', 'fr', undefined, '21:00'],
  ['je voudrais décaler ma réservation de 20h à 21h', 'fr', undefined, '21:00'],
  ['can I move my booking from 8 to 9pm', 'en', undefined, '21:00'],
  ['change my reservation to Friday at 7', 'en', '2026-11-27', '19:00'],
  ['move it to Friday instead of Thursday', 'en', '2026-11-27', undefined],
];
for (const [text, lang, date, time] of CHANGES) {
  test(`change | ${text}`, () => {
    const u = read(text, lang);
    assert.deepEqual(
      { intent: u.intent, date: u.date, time: u.time },
      { intent: 'modify', date, time },
      JSON.stringify(u),
    );
  });
}

// Part of the day when no exact time is said.
const PARTS: [string, Lang, 'lunch' | 'dinner' | undefined, string | undefined][] = [
  ['ce soir', 'fr', 'dinner', undefined],
  ['demain midi', 'fr', 'lunch', undefined],
  ['samedi pour le déjeuner', 'fr', 'lunch', undefined],
  ['à midi', 'fr', undefined, '12:00'],
  ['tonight', 'en', 'dinner', undefined],
  ['this evening', 'en', 'dinner', undefined],
  ['tomorrow for lunch', 'en', 'lunch', undefined],
  ['tonight at 8', 'en', undefined, '20:00'],
];
for (const [text, lang, partOfDay, time] of PARTS) {
  test(`part of day | ${text}`, () => {
    const u = read(text, lang);
    assert.deepEqual({ partOfDay: u.partOfDay, time: u.time }, { partOfDay, time }, JSON.stringify(u));
  });
}

test('never throws and reads nothing from empty or odd input', () => {
  for (const text of ['', '   ', '???', '😀', 'a'.repeat(5000), '0'.repeat(40), 'h h h', '::::']) {
    const u = read(text, 'fr');
    assert.equal(typeof u.intent, 'string');
    assert.equal(u.time, undefined, text.slice(0, 20));
  }
  // @ts-expect-error: a channel may hand over a non-string
  assert.equal(understand(undefined, { lang: 'en', now, timezone: ZONE }).intent, 'none');
  assert.equal(understand('demain', { lang: 'fr', now, timezone: 'Not/AZone' }).date !== undefined, true);
});
