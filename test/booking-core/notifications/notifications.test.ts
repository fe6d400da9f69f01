// The pure side of notifications: who gets what, reminder times, backoff, texts, answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoRestaurant, type PublicReservation } from '../../../booking-core';
import {
  afterFailure,
  dueReminder,
  formatTime,
  guestChannels,
  messagesForChange,
  NOTIFICATION_TEXTS,
  smsCountriesOf,
  withheldReason,
  readReminderAnswer,
  reminderSlots,
  retryDelayMs,
  testMessage,
  handoffAlertMessages,
  DEFAULT_BACKOFF,
} from '../../../booking-core/notifications';

const restaurant = demoRestaurant();
const reservation = (over: Partial<PublicReservation> = {}): PublicReservation => ({
  id: 'r1',
  restaurantId: restaurant.id,
  customerName: 'Dupont',
  customerPhone: '+33612345678',
  customerEmail: null,
  partySize: 4,
  startAt: '2026-12-04T18:30:00.000Z',
  endAt: '2026-12-04T20:00:00.000Z',
  tableIds: ['T3'],
  status: 'confirmed',
  channel: 'sms',
  language: 'fr',
  notes: '',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...over,
});
const settings = {
  managerEmails: ['m@example.test'],
  managerPhones: ['+33600000001'],
  dashboardBaseUrl: 'https://maitre.example.test/',
};

describe('who is told', () => {
  test('a caller on a landline, or a guest abroad, has the SMS withheld; managers never', () => {
    const countries = smsCountriesOf(restaurant, null);
    assert.ok(countries.includes('BE') && !countries.includes('US'));
    assert.deepEqual(smsCountriesOf(restaurant, ['FR']), ['FR']);
    const reasons = (phone: string, channel: PublicReservation['channel']) =>
      messagesForChange('created', restaurant, reservation({ customerPhone: phone, channel }), settings)
        .filter((m) => m.kind === 'sms')
        .map((m) => [m.purpose, withheldReason(m, countries)]);
    assert.deepEqual(reasons('+33140000000', 'voice'), [
      ['manager_alert', null],
      ['guest_confirmation', 'a landline: no SMS'],
    ]);
    assert.deepEqual(reasons('+12125550142', 'website'), [
      ['manager_alert', null],
      ['guest_confirmation', 'US is not in SMS_COUNTRIES'],
    ]);
    assert.deepEqual(reasons('+32470123456', 'sms'), [
      ['manager_alert', null],
      ['guest_confirmation', null],
    ]);
  });

  test('the guest on the channel used', () => {
    assert.deepEqual(guestChannels(reservation({ channel: 'voice' })), ['sms']);
    assert.deepEqual(guestChannels(reservation({ channel: 'sms', customerEmail: 'a@b.c' })), ['sms']);
    assert.deepEqual(guestChannels(reservation({ channel: 'whatsapp', customerEmail: 'a@b.c' })), ['whatsapp']);
    assert.deepEqual(guestChannels(reservation({ channel: 'website', customerEmail: 'a@b.c' })), ['sms', 'email']);
    assert.deepEqual(guestChannels(reservation({ channel: 'webchat' })), ['sms']);
    assert.deepEqual(
      guestChannels(reservation({ channel: 'website', customerPhone: '0612345678' })),
      [],
      'no texting a number that is not E.164',
    );
  });

  test('managers in the restaurant language, the guest in theirs, each message with its own dedupe key', () => {
    const msgs = messagesForChange('created', restaurant, reservation({ language: 'en' }), settings);
    assert.deepEqual(
      msgs.map((m) => `${m.purpose}:${m.kind}:${m.language}`),
      ['manager_alert:email:fr', 'manager_alert:sms:fr', 'guest_confirmation:sms:en'],
    );
    assert.equal(new Set(msgs.map((m) => m.dedupeKey)).size, 3);
    assert.match(msgs[0].body, /https:\/\/maitre\.example\.test\/#\/bookings\?date=2026-12-04&open=r1/);
    assert.match(msgs[2].body, /Friday 4 December at 7:30 pm/);
    const changed = messagesForChange('changed', restaurant, reservation(), settings, 'v2');
    assert.ok(changed.every((m) => m.dedupeKey.startsWith('changed:r1:v2:')));
  });
});

describe('a guest who needs a person', () => {
  const notice = {
    conversationId: 'sms:+33612345678',
    channel: 'sms',
    address: '+33612345678',
    reason: 'large_party',
    summary: '14 personnes samedi',
  };
  test('managers get an email and an SMS in the restaurant language, with the conversation link', () => {
    const msgs = handoffAlertMessages(restaurant, notice, settings, new Date('2026-11-30T07:05:10Z'));
    assert.deepEqual(
      msgs.map((m) => `${m.purpose}:${m.kind}:${m.to}:${m.language}`),
      ['handoff_alert:email:m@example.test:fr', 'handoff_alert:sms:+33600000001:fr'],
    );
    // The guest's number as French staff write a French number.
    assert.equal(msgs[0].subject, "Maître : 06 12 34 56 78 demande un membre de l'équipe");
    assert.match(
      msgs[0].body,
      /^Demande pour un grand groupe \(SMS\)\.\nClient : 06 12 34 56 78\nRésumé : 14 personnes samedi/,
    );
    assert.match(msgs[0].body, /https:\/\/maitre\.example\.test\/#\/conversations\?open=sms%3A%2B33612345678$/);
    assert.ok(msgs[1].body.length <= 160, msgs[1].body);
    // The same handoff seen twice within a minute is one alert.
    assert.equal(
      handoffAlertMessages(restaurant, notice, settings, new Date('2026-11-30T07:05:50Z'))[0].dedupeKey,
      msgs[0].dedupeKey,
    );
  });

  test('in English for an English restaurant; a website guest is named as such', () => {
    const english = { ...restaurant, defaultLanguage: 'en' as const };
    const [email] = handoffAlertMessages(
      english,
      { ...notice, channel: 'webchat', address: 'webchat:4f1c', reason: 'requested', summary: '' },
      settings,
      new Date(),
    );
    assert.equal(email.subject, 'Maître: a website chat guest needs a person');
    assert.match(email.body, /^A guest asked for a person \(.+\)\.\nGuest: a website chat guest\nSummary: —/);
  });
});

describe('messages nobody should get', () => {
  test("a desk booking carrying the restaurant's own number tells the managers, not the restaurant's phone", () => {
    const desk = reservation({
      channel: 'dashboard',
      customerPhone: restaurant.phone.replace(/\s/g, ''),
      customerEmail: null,
    });
    assert.deepEqual(
      messagesForChange('created', restaurant, desk, settings).map((m) => m.purpose),
      ['manager_alert', 'manager_alert'],
    );
  });

  test("a test message says when it was sent in the restaurant's time and language", () => {
    const now = new Date('2026-11-30T07:05:00Z');
    assert.match(testMessage(restaurant, 'sms', '+33600000001', now, 'fr').body, /le lundi 30 novembre, 8h05\./);
    assert.match(
      testMessage(restaurant, 'email', 'm@example.test', now, 'en').body,
      /on Monday 30 November, 8:05 am\./,
    );
  });
});

describe('reminders', () => {
  test('default: the day before at 10:00 local and two hours before', () => {
    const slots = reminderSlots(restaurant, reservation());
    assert.deepEqual(
      slots.map((s) => `${s.key}@${s.at.toISOString()}`),
      ['day-before@2026-12-03T09:00:00.000Z', '120m@2026-12-04T16:30:00.000Z'],
    );
    // Summer time: 10:00 in Paris is 08:00Z.
    assert.equal(
      reminderSlots(restaurant, reservation({ startAt: '2026-07-10T17:30:00.000Z' }))[0].at.toISOString(),
      '2026-07-09T08:00:00.000Z',
    );
  });

  test('the restaurant setting decides; none when turned off', () => {
    const custom = { ...restaurant, reminders: { dayBeforeAt: null, minutesBefore: [60, 1440] } };
    assert.deepEqual(
      reminderSlots(custom, reservation()).map((s) => s.key),
      ['1440m', '60m'],
    );
    assert.deepEqual(
      reminderSlots({ ...restaurant, reminders: { dayBeforeAt: null, minutesBefore: [] } }, reservation()),
      [],
    );
  });

  test('due: the latest slot reached, for a confirmed booking made well before it', () => {
    const r = reservation();
    assert.equal(dueReminder(restaurant, r, new Date('2026-12-03T08:59:59Z')), null);
    assert.equal(dueReminder(restaurant, r, new Date('2026-12-03T09:00:00Z'))?.key, 'day-before');
    assert.equal(
      dueReminder(restaurant, r, new Date('2026-12-04T17:00:00Z'))?.key,
      '120m',
      'a missed earlier slot is not sent late',
    );
    assert.equal(dueReminder(restaurant, r, new Date('2026-12-04T18:30:00Z')), null, 'not once it has started');
    assert.equal(dueReminder(restaurant, { ...r, status: 'cancelled' }, new Date('2026-12-04T17:00:00Z')), null);
    assert.equal(
      dueReminder(restaurant, { ...r, createdAt: '2026-12-04T16:00:00Z' }, new Date('2026-12-04T17:00:00Z')),
      null,
      'just booked: the confirmation is enough',
    );
  });
});

describe('backoff', () => {
  test('doubles from the base, capped, then fails', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((a) => retryDelayMs(DEFAULT_BACKOFF, a)),
      [30_000, 60_000, 120_000, 240_000, 480_000],
    );
    assert.equal(retryDelayMs({ ...DEFAULT_BACKOFF, maxMs: 90_000 }, 5), 90_000);
    const now = new Date('2026-01-01T00:00:00Z');
    assert.deepEqual(afterFailure(DEFAULT_BACKOFF, 1, now, false), {
      status: 'pending',
      nextAttemptAt: new Date('2026-01-01T00:00:30Z'),
    });
    assert.deepEqual(afterFailure(DEFAULT_BACKOFF, DEFAULT_BACKOFF.maxAttempts, now, false), { status: 'failed' });
    assert.deepEqual(
      afterFailure(DEFAULT_BACKOFF, 1, now, true),
      { status: 'failed' },
      'a permanent refusal is not retried',
    );
  });
});

describe('texts', () => {
  test('French and English catalogues have the same keys', () => {
    assert.deepEqual(Object.keys(NOTIFICATION_TEXTS.fr).sort(), Object.keys(NOTIFICATION_TEXTS.en).sort());
  });

  test('times as each language says them', () => {
    const at = (iso: string) => new Date(iso);
    assert.equal(formatTime(at('2026-12-04T18:30:00Z'), 'Europe/Paris', 'fr'), '19h30');
    assert.equal(formatTime(at('2026-12-04T19:00:00Z'), 'Europe/Paris', 'fr'), '20h');
    assert.equal(formatTime(at('2026-12-04T11:00:00Z'), 'Europe/Paris', 'en'), '12 pm');
    assert.equal(formatTime(at('2026-12-04T18:45:00Z'), 'Europe/Paris', 'en'), '7:45 pm');
  });

  test('reminder answers: 1 or 9 alone', () => {
    assert.equal(readReminderAnswer('1'), '1');
    assert.equal(readReminderAnswer(' 9. '), '9');
    assert.equal(readReminderAnswer('１'), '1', 'full-width digits from some keyboards');
    assert.equal(readReminderAnswer('19h'), null);
    assert.equal(readReminderAnswer('STOP'), null);
  });
});
