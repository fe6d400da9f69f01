// The dashboard's pure logic, without a browser: the Today timeline's geometry and the
// settings form's rules (which must refuse what the API refuses).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoRestaurant } from '../../booking-core';
import { validateSettings } from '../../dashboard/ui/settings-rules';
import { localOf } from '../../dashboard/ui/time';
import { currentSegment, placement, segmentsFor } from '../../dashboard/ui/timeline';
import type { Reservation, Restaurant } from '../../dashboard/ui/types';

const lunch = { name: 'lunch', open: '12:00', close: '14:30', lastSeatingMinutes: 60 };
const dinner = { name: 'dinner', open: '19:00', close: '23:00', lastSeatingMinutes: 60 };
const booking = (startAt: string, minutes: number): Reservation => ({
  id: startAt, customerName: 'X', customerPhone: '+33600000000', customerEmail: null, partySize: 2, startAt,
  endAt: new Date(new Date(startAt).getTime() + minutes * 60000).toISOString(), tableIds: ['T1'], status: 'confirmed',
  channel: 'sms', language: 'fr', notes: '', createdAt: startAt, updatedAt: startAt,
});

test('times are read in the restaurant’s timezone', () => {
  assert.deepEqual(localOf('2026-07-01T18:30:00Z', 'Europe/Paris'), { date: '2026-07-01', time: '20:30', minutes: 1230 });
  assert.equal(localOf('2026-12-31T23:30:00Z', 'Europe/Paris').date, '2027-01-01');
});

test('the timeline has one stretch per service, widened to its bookings', () => {
  // 13:30 Paris (last seating) for 120 min runs to 15:30; a 17:00 staff booking gets its own stretch.
  const segs = segmentsFor([lunch, dinner], [booking('2026-07-01T11:30:00Z', 120), booking('2026-07-01T15:00:00Z', 90)], 'Europe/Paris');
  assert.deepEqual(segs.map((s) => [s.name, s.start / 60, s.end / 60]), [['lunch', 12, 15.5], ['other', 17, 19], ['dinner', 19, 23]]);
  assert.equal(currentSegment(segs, 20 * 60), 2);
  assert.equal(currentSegment(segs, 16 * 60), 1);
  assert.equal(currentSegment(segs, 23.5 * 60), 2);
  assert.deepEqual(placement({ name: 'dinner', start: 1140, end: 1380 }, 1200, 120), { left: 25, width: 50 });
  assert.equal(placement({ name: 'dinner', start: 1140, end: 1380 }, 700, 60), null);
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
  assert.deepEqual(Object.keys(errors).sort(), ['closures.0.date', 'defaultLanguage', 'rules.bufferMinutes', 'rules.maxPartySize', 'rules.slotStepMinutes', 'services.1.0.close']);
  assert.match(errors['rules.slotStepMinutes'], /15/);
});
