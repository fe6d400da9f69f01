// SMS billing: segments counted as Twilio counts them, and the guest texts that stay within two
// segments for every month, weekday, time, party size and a long name, in French and English.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { demoRestaurant, type Language, type PublicReservation } from '../../../booking-core';
import {
  gsmLetters,
  messagesForChange,
  plainTypography,
  reminderMessage,
  smsSegments,
  type ChangeKind,
} from '../../../booking-core/notifications';

describe('segments', () => {
  test('GSM-7: 160 in one segment, 153 per segment beyond', () => {
    assert.deepEqual(smsSegments('a'.repeat(160)), { encoding: 'GSM-7', segments: 1, units: 160, nonGsm: [] });
    assert.equal(smsSegments('a'.repeat(161)).segments, 2);
    assert.equal(smsSegments('a'.repeat(306)).segments, 2);
    assert.equal(smsSegments('a'.repeat(307)).segments, 3);
    assert.equal(smsSegments('').segments, 1);
  });

  test('French letters of GSM-7 keep it GSM-7; the extension table counts two', () => {
    assert.equal(smsSegments('é è à ù ì ò É Ç ä ö ü ñ').encoding, 'GSM-7');
    assert.deepEqual(smsSegments('€'.repeat(80)), { encoding: 'GSM-7', segments: 1, units: 160, nonGsm: [] });
    assert.equal(smsSegments('€'.repeat(81)).segments, 2);
    // An escape pair is never split: 152 plain characters and a € need a second segment.
    assert.equal(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(7)}`).segments, 2);
    assert.equal(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(153)}`).segments, 3);
  });

  test('one character outside GSM-7 makes it UCS-2: 70, then 67 per segment', () => {
    for (const ch of ['â', 'ê', 'î', 'ô', 'û', 'ç', 'À', '’', '«', 'œ', '😀']) {
      assert.equal(smsSegments(`${ch} bonjour`).encoding, 'UCS-2', ch);
    }
    assert.deepEqual(smsSegments(`ç${'a'.repeat(69)}`), { encoding: 'UCS-2', segments: 1, units: 70, nonGsm: ['ç'] });
    assert.equal(smsSegments(`ç${'a'.repeat(70)}`).segments, 2);
    assert.equal(smsSegments(`ç${'a'.repeat(133)}`).segments, 2);
    assert.equal(smsSegments(`ç${'a'.repeat(134)}`).segments, 3);
    // An emoji is two UTF-16 units and is not split between segments.
    assert.deepEqual(smsSegments(`${'a'.repeat(68)}😀`), { encoding: 'UCS-2', segments: 1, units: 70, nonGsm: ['😀'] });
    assert.equal(smsSegments(`${'a'.repeat(65)}😀${'a'.repeat(67)}`).segments, 2);
    assert.equal(smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`).segments, 3);
  });

  test('typography made plain, letters written with their GSM-7 form', () => {
    assert.equal(plainTypography('L’œuf « maison » — 3…'), 'L\'oeuf "maison" - 3...');
    assert.equal(gsmLetters('François Bâtard-Hôtel Où'), 'Francois Batard-Hotel Où');
    assert.equal(gsmLetters('山田'), '山田', 'other scripts are left as they are');
  });
});

const restaurant = demoRestaurant();
/** Names with the party size they book for: the longest with the longest party. */
const GUESTS: Array<[string, number]> = [
  ['Wolfeschlegelsteinhausenbergerdorff Jean', 120], // 40 characters
  ['Marie-Françoise de la Châtaigneraie-Bû', 1], // letters outside GSM-7
  ['Œdipe d’Aubigné-Ledû «le Grand» Ménétrî', 8], // typography
  ['山田太郎 Yamada', 12], // another script: left out of the SMS
];

/** Party sizes at their shortest and longest spellings: "1 personne", and three digits (the staff API stops at 100). */
const PARTY_SIZES = [1, 120];

/** A booking on `weekday` (1 = Monday) of `month` in 2027, at the day's latest dinner slot. */
function bookingOn(month: number, weekday: number, over: Partial<PublicReservation>): PublicReservation {
  let d = DateTime.fromObject({ year: 2027, month, day: 20 }, { zone: restaurant.timezone });
  while (d.weekday !== weekday) d = d.plus({ days: 1 });
  const start = d.set({ hour: 21, minute: 45 });
  return {
    id: 'b6f0c2de-2f4e-4a39-9d7c-1c0c8f4b9a11',
    restaurantId: restaurant.id,
    customerName: 'Dupont',
    customerPhone: '+33612345678',
    customerEmail: null,
    partySize: 4,
    startAt: start.toUTC().toISO() ?? '',
    endAt: start.plus({ hours: 2 }).toUTC().toISO() ?? '',
    tableIds: ['T3', 'T4'],
    status: 'confirmed',
    channel: 'website',
    language: 'fr',
    notes: '',
    createdAt: '2027-01-01T09:00:00.000Z',
    updatedAt: '2027-01-01T09:00:00.000Z',
    ...over,
  };
}

const settings = {
  managerEmails: [],
  managerPhones: ['+33600000001'],
  dashboardBaseUrl: 'https://maitre.example.test',
};

describe('every guest SMS fits in two GSM-7 segments', () => {
  const kinds: ChangeKind[] = ['created', 'changed', 'cancelled'];
  test('confirmation, change, cancellation and reminder × month × weekday × language × name × party', () => {
    let checked = 0;
    const worst = { segments: 0, text: '' };
    for (const oneWaySms of [false, true])
      for (const language of ['fr', 'en'] as Language[])
        for (let month = 1; month <= 12; month++)
          for (let weekday = 1; weekday <= 7; weekday++)
            for (const [customerName] of GUESTS)
              for (const partySize of PARTY_SIZES) {
                const r = bookingOn(month, weekday, { language, customerName, partySize });
                const texts = [
                  ...kinds.flatMap((k) => messagesForChange(k, restaurant, r, { ...settings, oneWaySms }, 'v2')),
                  reminderMessage(restaurant, r, 'day-before'),
                ].filter((m) => m?.kind === 'sms');
                assert.equal(texts.length, 7, 'three changes (guest and manager) and the reminder');
                for (const m of texts) {
                  const s = smsSegments(m?.body ?? '');
                  assert.equal(s.encoding, 'GSM-7', `${m?.body} ${s.nonGsm}`);
                  assert.ok(s.segments <= 2, `${s.segments} segments: ${m?.body}`);
                  if (
                    s.segments > worst.segments ||
                    (s.segments === worst.segments && (m?.body.length ?? 0) > worst.text.length)
                  )
                    Object.assign(worst, { segments: s.segments, text: m?.body });
                  checked++;
                }
              }
    assert.equal(checked, 2 * 2 * 12 * 7 * GUESTS.length * PARTY_SIZES.length * 7);
    console.log(
      `${checked} texts, the longest (${worst.segments} segments, ${worst.text.length} chars): ${worst.text}`,
    );
  });

  test("the restaurant's number as the guest writes it: nationally at home, internationally abroad", () => {
    const fr = bookingOn(4, 2, { language: 'fr', customerPhone: '+33612345678' });
    const frSms = messagesForChange('created', restaurant, fr, settings).find(
      (m) => m.purpose === 'guest_confirmation',
    );
    assert.match(frSms?.body ?? '', /appelez le 01 00 00 00 00\.$/);
    const uk = bookingOn(4, 2, { language: 'en', customerPhone: '+447400123456' });
    const ukSms = messagesForChange('created', restaurant, uk, settings).find(
      (m) => m.purpose === 'guest_confirmation',
    );
    assert.match(ukSms?.body ?? '', /call \+33 1 00 00 00 00\.$/);
    // The staff read the British guest's number in international form, grouped as Britain groups it.
    const staff = messagesForChange('created', restaurant, uk, { ...settings, managerEmails: ['m@example.test'] }).find(
      (m) => m.purpose === 'manager_alert' && m.kind === 'email',
    );
    assert.match(staff?.body ?? '', /Téléphone : \+44 7400 123456/);
  });

  test('French months with letters outside GSM-7 are written plainly in SMS, not on WhatsApp', () => {
    const r = bookingOn(8, 3, { language: 'fr', customerName: 'François' });
    const sms = messagesForChange('created', restaurant, r, settings).find((m) => m.purpose === 'guest_confirmation');
    assert.match(sms?.body ?? '', /au nom de Francois, 4 personnes, le mercredi 25 aout à 21h45/);
    const wa = messagesForChange('created', restaurant, { ...r, channel: 'whatsapp' }, settings).find(
      (m) => m.purpose === 'guest_confirmation',
    );
    assert.equal(wa?.kind, 'whatsapp');
    assert.match(wa?.body ?? '', /au nom de François, 4 personnes, le mercredi 25 août à 21h45/);
  });

  test('a name in another script is left out of the SMS, kept on WhatsApp', () => {
    const r = bookingOn(3, 5, { language: 'en', customerName: '山田太郎' });
    const sms = messagesForChange('created', restaurant, r, settings).find((m) => m.purpose === 'guest_confirmation');
    assert.match(sms?.body ?? '', /^Le Petit Bistro: your table is booked, 4 guests, Friday 26 March at 9:45 pm\./);
    const wa = messagesForChange('created', restaurant, { ...r, channel: 'whatsapp' }, settings).find(
      (m) => m.purpose === 'guest_confirmation',
    );
    assert.match(wa?.body ?? '', /booked for 山田太郎/);
  });

  test('no guest text tells the guest to send an opt-out word', () => {
    const optOutWords = /\b(STOP|STOPALL|ARRET|ARRÊT|CANCEL|END|QUIT|UNSUBSCRIBE|REVOKE|OPTOUT)\b/;
    for (const language of ['fr', 'en'] as Language[]) {
      const r = bookingOn(5, 6, { language });
      const all = [
        ...kinds.flatMap((k) => messagesForChange(k, restaurant, r, settings)),
        reminderMessage(restaurant, r, 'day-before'),
      ].filter((m) => m && m.purpose !== 'manager_alert');
      for (const m of all) assert.doesNotMatch(m?.body ?? '', optOutWords, m?.body);
    }
  });
});
