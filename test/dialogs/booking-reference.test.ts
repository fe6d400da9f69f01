// Which of a guest's bookings a description fits: every detail given must hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describesBooking, matchingBookings } from '../../dialogs/booking-reference';

// Paris is UTC+1 in winter: 19:00Z is 20:00 local.
const list = [
  { id: 'sat-lunch', startAt: '2026-11-28T11:30:00Z', partySize: 2 },
  { id: 'sat-dinner', startAt: '2026-11-28T19:00:00Z', partySize: 4 },
  { id: 'dec-12', startAt: '2026-12-12T19:00:00Z', partySize: 6 },
];
const ids = (ref: Parameters<typeof matchingBookings>[1]) =>
  matchingBookings(list, ref, 'Europe/Paris').map((r) => r.id);

test('each detail narrows; together they must all hold', () => {
  assert.deepEqual(ids({ date: '2026-11-28' }), ['sat-lunch', 'sat-dinner']);
  assert.deepEqual(ids({ time: '20:00' }), ['sat-dinner', 'dec-12']);
  assert.deepEqual(ids({ date: '2026-11-28', time: '20:00' }), ['sat-dinner']);
  assert.deepEqual(ids({ partySize: 6 }), ['dec-12']);
  assert.deepEqual(ids({ weekday: 6 }), ['sat-lunch', 'sat-dinner', 'dec-12']);
  assert.deepEqual(ids({ dayOfMonth: 12 }), ['dec-12']);
  assert.deepEqual(ids({ partOfDay: 'lunch' }), ['sat-lunch']);
  assert.deepEqual(ids({ partOfDay: 'dinner', weekday: 6 }), ['sat-dinner', 'dec-12']);
  assert.deepEqual(ids({ date: '2026-11-29' }), []);
});

test('nothing said fits every booking, and says nothing', () => {
  assert.deepEqual(ids({}), ['sat-lunch', 'sat-dinner', 'dec-12']);
  assert.equal(describesBooking({}), false);
  assert.equal(describesBooking({ dayOfMonth: 3 }), true);
});
