// The catalogues: same keys in both languages, days and times said each language's way, and
// every question worded so a reader of the reply (the acceptance harness reads them with
// regexes, as a person would) knows what is asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forTheEar, messageOf, plainApostrophes } from '../../dialogs/turn';
import { en } from '../../dialogs/texts/en';
import { fr } from '../../dialogs/texts/fr';
import { article, de, que } from '../../dialogs/texts/french';
import type { Texts } from '../../dialogs/texts';

// The acceptance harness's words for "booked" and "shall I book?", as alternatives.
const BOOKED = new RegExp(
  `(${['réservation (est )?confirmée', 'reservation (is )?confirmed', "c'est noté", 'is booked', "you're booked"]
    .concat(['vous êtes inscrit', 'à bientôt', 'see you'])
    .join('|')})`,
);
const CONFIRM_QUESTION = new RegExp(
  `(${['confirm', 'correct', "c'est bien ça", 'est-ce bien', 'is that right', 'shall i book', 'je réserve']
    .concat(['dois-je', 'voulez-vous que je', 'should i'])
    .join('|')})`,
);

/** The acceptance harness's reading of a bot question (shared/acceptance/harness.mjs `converse`). */
function harnessReads(reply: string): string | null {
  const low = reply.toLowerCase();
  if (BOOKED.test(low) && !/\?\s*$/.test(low)) return 'done';
  if (CONFIRM_QUESTION.test(low)) return 'confirm';
  if (/(nom|name)/.test(low)) return 'name';
  if (/(combien|how many|personnes|people|guests|couverts)/.test(low)) return 'party';
  if (/(quelle heure|what time|à quelle|heure|time)/.test(low)) return 'time';
  if (/(quel jour|quelle date|which day|what day|date|when|quand)/.test(low)) return 'date';
  if (/(téléphone|phone|numéro)/.test(low)) return 'phone';
  return null;
}

// What goes out has plain apostrophes (see plainApostrophes in dialogs/turn.ts).
const straight = plainApostrophes;
const facts = { partySize: 3, date: '2026-12-05', time: '20:00', name: 'Marchand' };
const today = '2026-11-25';

for (const t of [fr, en]) {
  test(`${t.lang}: each question is read as what it asks`, () => {
    const hours = t.seatingHours([{ open: '19:00', close: '23:00', lastSeating: '22:00' }], false);
    assert.equal(harnessReads(t.askParty.text), 'party');
    assert.equal(harnessReads(t.askDate.text), 'date');
    assert.equal(harnessReads(t.askTime(undefined, '').text), 'time');
    assert.equal(harnessReads(t.askTime('dinner', hours).text), 'time');
    assert.equal(harnessReads(t.askName.text), 'name');
    assert.equal(harnessReads(t.askPhone.text), 'phone');
    assert.equal(harnessReads(straight(t.readBack(facts, today, false).text)), 'confirm');
    assert.equal(
      harnessReads(
        straight(
          t.offer(
            [
              { date: '2026-12-05', time: '21:30' },
              { date: '2026-12-06', time: '20:00' },
            ],
            '2026-12-05',
            today,
            false,
          ).text,
        ),
      ),
      'confirm',
    );
    assert.equal(harnessReads(straight(t.confirmed(facts, today, false).text)), 'done');
  });

  test(`${t.lang}: the disclosure reads as no question, so the question after it is the one answered`, () => {
    for (const said of [t.disclosure.text, t.disclosure.voice ?? '']) assert.equal(harnessReads(straight(said)), null);
    const greeting = t.greeting('Le Petit Bistro');
    for (const said of [greeting.text, greeting.voice ?? '']) assert.equal(harnessReads(straight(said)), null, said);
  });

  test(`${t.lang}: voice variants have no symbols`, () => {
    const said = [
      t.readBack(facts, today, true),
      t.confirmed(facts, today, true),
      t.help,
      t.greeting('Le Petit Bistro'),
      t.disclosure,
      t.menu([{ section: 'Plats', dishes: [{ name: 'Bœuf', price: '22 €' }] }], true),
    ];
    for (const s of said) assert.doesNotMatch(forTheEar(s.voice ?? s.text), /[€:;()«»"]/);
  });
}

test('replies go out with plain apostrophes (GSM-7 SMS; "c\'est bien ça" reads as typed)', () => {
  const msg = messageOf({ texts: fr, voice: true }, [fr.readBack(facts, today, false)], true);
  assert.doesNotMatch(`${msg.text} ${msg.speak}`, /[’‘]/);
  assert.match(msg.text ?? '', /C'est bien ça \?$/);
});

test('both catalogues have the same keys', () => {
  const keys = (t: Texts) => Object.keys(t).sort();
  assert.deepEqual(keys(fr), keys(en));
});

test('days and times, the French way and the English way', () => {
  assert.equal(fr.when('2026-12-05', '20:00', today, false), 'samedi 5 décembre à 20 h');
  assert.equal(fr.when('2026-12-01', '20:30', today, false), 'mardi 1er décembre à 20 h 30');
  assert.equal(fr.when('2026-11-26', '12:00', today, false), 'demain jeudi 26 novembre à midi');
  assert.equal(fr.when('2026-12-05', '20:30', today, true), 'samedi 5 décembre à 20 heures 30');
  assert.equal(en.when('2026-12-05', '20:00', today, false), 'Saturday 5 December at 8 pm');
  assert.equal(en.when('2026-12-05', '19:30', today, false), 'Saturday 5 December at 7:30 pm');
  assert.equal(en.when('2026-12-05', '19:30', today, true), 'Saturday 5 December at 7 30 pm');
  assert.equal(en.when('2026-11-25', '12:00', today, false), 'today, Wednesday 25 November at noon');
  assert.equal(fr.party(1), '1 personne');
  assert.equal(en.party(6), '6 people');
});

test('French elision before a vowel, a mute h or a y before a consonant; none before an aspirated h', () => {
  const cases: Array<[string, string]> = [
    ['Anne', 'd’Anne'],
    ['Inès', 'd’Inès'],
    ['Émile', 'd’Émile'],
    ['Œdipe', 'd’Œdipe'],
    ['Hélène', 'd’Hélène'],
    ['Yves', 'd’Yves'],
    ['Hugo', 'de Hugo'],
    ['Henri Martin', 'de Henri Martin'],
    ['Yann', 'de Yann'],
    ['Yasmine', 'de Yasmine'],
    ['Dupont', 'de Dupont'],
    ['Mme Nicolas', 'de Mme Nicolas'],
    ['homard', 'de homard'],
    ['œufs', 'd’œufs'],
  ];
  for (const [word, said] of cases) assert.equal(de(word), said, word);
  assert.equal(que('Inès'), 'qu’Inès');
  assert.equal(que('Marc'), 'que Marc');
  assert.equal(article('agneau'), 'l’agneau');
  assert.equal(article('homard'), 'le homard');
  assert.equal(article('tarte', true), 'la tarte');
});

test('names in the French read-back are elided: "au nom d’Anne", "au nom de Hugo"', () => {
  const say = (name: string) => straight(fr.readBack({ ...facts, name }, today, false).text);
  assert.match(say('Anne'), /au nom d'Anne\. /);
  assert.match(say('Inès Roux'), /au nom d'Inès Roux\. /);
  assert.match(say('Hugo'), /au nom de Hugo\. /);
  assert.match(straight(fr.confirmed({ ...facts, name: 'Yves' }, today, true).voice ?? ''), /au nom d'Yves\./);
});

test('a closed day is said with its article, but not "le demain"', () => {
  const ctx = { today, hours: '', horizonDays: 60, minNotice: 30 };
  assert.equal(
    fr.refused('closed', { ...ctx, date: '2026-11-30' }).text,
    'Désolé, nous sommes fermés le lundi 30 novembre.',
  );
  assert.equal(
    fr.refused('closed', { ...ctx, date: '2026-11-26' }).text,
    'Désolé, nous sommes fermés demain jeudi 26 novembre.',
  );
  assert.match(fr.refused('no_table_that_day', { ...ctx, date: today }).text, /libre aujourd’hui mercredi/);
});
