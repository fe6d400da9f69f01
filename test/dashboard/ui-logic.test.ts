// The dashboard's pure logic, without a browser: the Today timeline's geometry and the
// settings form's rules (which must refuse what the API refuses), the Messages page's rows.
import { readTime } from '../../dashboard/ui/time-field';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoRestaurant } from '../../booking-core';
import {
  addressProblem,
  awaitsReceipt,
  canRetry,
  isInFlight,
  newestFirst,
  reminderAllowed,
  summaryOf,
  whenText,
} from '../../dashboard/ui/outbox-logic';
import { copyDraft, keyOf } from '../../dashboard/ui/draft-keys';
import { validateSettings } from '../../dashboard/ui/settings-rules';
import { localOf } from '../../dashboard/ui/time';
import { currentSegment, placement, segmentsFor } from '../../dashboard/ui/timeline';
import type { Reservation, Restaurant } from '../../dashboard/ui/types';

const lunch = { name: 'lunch', open: '12:00', close: '14:30', lastSeatingMinutes: 60 };
const dinner = { name: 'dinner', open: '19:00', close: '23:00', lastSeatingMinutes: 60 };
const booking = (startAt: string, minutes: number): Reservation => ({
  id: startAt,
  restaurantId: 'le-petit-bistro',
  customerName: 'X',
  customerPhone: '+33600000000',
  customerEmail: null,
  partySize: 2,
  startAt,
  endAt: new Date(new Date(startAt).getTime() + minutes * 60000).toISOString(),
  tableIds: ['T1'],
  status: 'confirmed',
  channel: 'sms',
  language: 'fr',
  notes: '',
  createdAt: startAt,
  updatedAt: startAt,
});

test('times are read in the restaurant’s timezone', () => {
  assert.deepEqual(localOf('2026-07-01T18:30:00Z', 'Europe/Paris'), {
    date: '2026-07-01',
    time: '20:30',
    minutes: 1230,
  });
  assert.equal(localOf('2026-12-31T23:30:00Z', 'Europe/Paris').date, '2027-01-01');
});

test('the timeline has one stretch per service, widened to its bookings', () => {
  // 13:30 Paris (last seating) for 120 min runs to 15:30; a 17:00 staff booking gets its own stretch.
  const segs = segmentsFor(
    [lunch, dinner],
    [booking('2026-07-01T11:30:00Z', 120), booking('2026-07-01T15:00:00Z', 90)],
    'Europe/Paris',
  );
  assert.deepEqual(
    segs.map((s) => [s.name, s.start / 60, s.end / 60]),
    [
      ['lunch', 12, 15.5],
      ['other', 17, 19],
      ['dinner', 19, 23],
    ],
  );
  assert.equal(currentSegment(segs, 20 * 60), 2);
  assert.equal(currentSegment(segs, 16 * 60), 1);
  assert.equal(currentSegment(segs, 23.5 * 60), 2);
  assert.deepEqual(placement({ name: 'dinner', start: 1140, end: 1380 }, 1200, 120), { left: 25, width: 50 });
  assert.equal(placement({ name: 'dinner', start: 1140, end: 1380 }, 700, 60), null);
  const late = segmentsFor(
    [{ name: 'late', open: '19:00', close: '01:30', lastSeatingMinutes: 60 }],
    [booking('2026-07-01T21:30:00Z', 120)],
    'Europe/Paris',
  );
  assert.deepEqual(
    late.map((x) => [x.name, x.start, x.end]),
    [['late', 1140, 1530]],
    'a service past midnight draws to 01:30',
  );
});

test('the settings form refuses what the API refuses', () => {
  const ok = JSON.parse(JSON.stringify(demoRestaurant())) as Restaurant;
  assert.deepEqual(validateSettings(ok, 'en'), {});
  const bad: Restaurant = structuredClone(ok);
  bad.rules.slotStepMinutes = 7;
  bad.rules.maxPartySize = 0;
  bad.rules.bufferMinutes = Number.NaN;
  bad.services['1'][0].close = '11:00';
  bad.closures.push({ date: '2026-02-30' });
  bad.defaultLanguage = 'en';
  bad.languages = ['fr'];
  const errors = validateSettings(bad, 'fr');
  assert.deepEqual(Object.keys(errors).sort(), [
    'closures.0.date',
    'defaultLanguage',
    'rules.bufferMinutes',
    'rules.maxPartySize',
    'rules.slotStepMinutes',
    'services.1.0.close',
  ]);
  assert.match(errors['rules.slotStepMinutes'], /15/);
  const late: Restaurant = structuredClone(ok);
  late.services['5'] = [{ name: 'soirée', open: '19:00', close: '01:30', lastSeatingMinutes: 90 }];
  assert.deepEqual(validateSettings(late, 'en'), {}, 'a service may end after midnight');
  late.services['5'][0].close = '19:00';
  assert.deepEqual(Object.keys(validateSettings(late, 'en')), ['services.5.0.close']);
});

test('a Messages row says what the message is about and what can be done with it', () => {
  assert.equal(
    summaryOf({ subject: 'Nouvelle réservation : Martin', body: 'ignored' }),
    'Nouvelle réservation : Martin',
  );
  assert.equal(
    summaryOf({ subject: null, body: '\n  Le Petit Bistro : votre table\n est réservée' }),
    'Le Petit Bistro : votre table',
  );
  assert.equal(summaryOf({ subject: '  ', body: 'a'.repeat(100) }, 10), `${'a'.repeat(9)}…`);
  assert.deepEqual(
    (['failed', 'not_configured', 'sent', 'pending', 'sending', 'suppressed'] as const).map((s) => canRetry(s)),
    [true, true, false, false, false, false],
  );
  assert.deepEqual(
    (['pending', 'sending', 'sent', 'failed'] as const).map((s) => isInFlight(s)),
    [true, true, false, false],
  );
  // A text sent 3 minutes ago still waits for Twilio's receipt; after 10 minutes, or once
  // delivered, or for an email (no receipts), nothing more is awaited.
  const now = new Date('2026-07-01T12:10:00Z');
  assert.deepEqual(
    [
      { kind: 'sms', status: 'sent', sentAt: '2026-07-01T12:07:00Z' },
      { kind: 'whatsapp', status: 'sent', sentAt: '2026-07-01T12:07:00Z' },
      { kind: 'sms', status: 'sent', sentAt: '2026-07-01T11:59:00Z' },
      { kind: 'sms', status: 'delivered', sentAt: '2026-07-01T12:07:00Z' },
      { kind: 'email', status: 'sent', sentAt: '2026-07-01T12:07:00Z' },
    ].map((e) => awaitsReceipt(e as Parameters<typeof awaitsReceipt>[0], now)),
    [true, true, false, false, false],
  );
  const rows = newestFirst([
    { id: 'a', createdAt: '2026-07-01T10:00:00Z' },
    { id: 'b', createdAt: '2026-07-01T12:00:00Z' },
    { id: 'c', createdAt: '2026-07-01T10:00:00Z' },
  ]);
  assert.deepEqual(
    rows.map((r) => r.id),
    ['b', 'a', 'c'],
  );
});

test('Messages times are the restaurant’s: the time today, the day too otherwise', () => {
  const now = new Date('2026-07-01T20:00:00Z');
  assert.equal(whenText('2026-07-01T18:30:00Z', 'Europe/Paris', 'fr', now), '20:30');
  assert.equal(whenText('2026-06-30T18:30:00Z', 'Europe/Paris', 'en', now), 'Tue 30 Jun 20:30');
  assert.equal(whenText(null, 'Europe/Paris', 'fr', now), '—');
  // 23:30 UTC on 1 July is already 2 July in Paris: "today" is the restaurant's day.
  assert.match(whenText('2026-07-01T23:30:00Z', 'Europe/Paris', 'fr', new Date('2026-07-02T08:00:00Z')), /^01:30$/);
});

test('a reminder is offered for confirmed bookings still to come; test addresses are checked as the API does', () => {
  const now = new Date('2026-07-01T12:00:00Z');
  assert.equal(reminderAllowed({ status: 'confirmed', startAt: '2026-07-01T18:00:00Z' }, now), true);
  assert.equal(reminderAllowed({ status: 'confirmed', startAt: '2026-07-01T11:00:00Z' }, now), false);
  assert.equal(reminderAllowed({ status: 'seated', startAt: '2026-07-01T18:00:00Z' }, now), false);
  assert.equal(addressProblem('email', ''), null, 'empty: the managers');
  assert.equal(addressProblem('email', 'chef@example.test'), null);
  assert.equal(addressProblem('email', 'chef'), 'email');
  assert.equal(addressProblem('sms', '0612345678'), 'phone');
  assert.equal(addressProblem('whatsapp', 'whatsapp:+33612345678'), null);
  assert.equal(addressProblem('sms', '+33612345678'), null);
});

test('an edited list keeps each row’s key through copies, removals and moves', () => {
  const draft = { closures: [{ date: '2026-12-24' }, { date: '2026-12-25' }, { date: '2026-12-31' }] };
  const [first, second, third] = draft.closures.map(keyOf);
  assert.equal(new Set([first, second, third]).size, 3);
  const copy = copyDraft(draft);
  copy.closures.splice(0, 1);
  copy.closures.push({ date: '2027-01-01' });
  assert.deepEqual(copy.closures.slice(0, 2).map(keyOf), [second, third]);
  assert.ok(![first, second, third].includes(keyOf(copy.closures[2])), 'a new row gets a key of its own');
  const again = copyDraft(copy);
  [again.closures[0], again.closures[1]] = [again.closures[1], again.closures[0]];
  assert.deepEqual(again.closures.slice(0, 2).map(keyOf), [third, second]);
});

test('times are read as people type them in 24 hours, whatever the browser speaks', () => {
  const cases: Array<[string, string | null]> = [
    ['20:30', '20:30'],
    ['20h30', '20:30'],
    ['20h', '20:00'],
    ['9:05', '09:05'],
    ['2030', '20:30'],
    ['0930', '09:30'],
    ['20.30', '20:30'],
    ['24:00', null],
    ['20:75', null],
    ['8 PM', null],
    ['', null],
  ];
  for (const [typed, expected] of cases) assert.equal(readTime(typed), expected, typed);
});
