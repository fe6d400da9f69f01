// The calendar invite on its own: what a calendar reads in it (ical.js parses it), and that an
// organizer address `ics` refuses costs the organizer line, never the invite or the email.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { PublicReservation } from '../../../booking-core';
import { calendarInvite } from '../../../booking-core/notifications';

const booking = {
  id: 'b6f0c2de-2f4e-4a39-9d7c-1c0c8f4b9a11',
  customerName: 'Anne "la Grande" <Durand>',
  customerEmail: 'anne@example.test',
  partySize: 3,
  startAt: '2026-12-12T19:30:00.000Z',
  endAt: '2026-12-12T21:30:00.000Z',
  language: 'fr',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
} as PublicReservation;
const restaurant = { name: 'Le Petit Bistro', address: '12 rue des Martyrs, 75009 Paris' };

const read = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  assert.ok(event);
  return { calendar, event };
};

describe('calendar invite', () => {
  test('one event at the booking, with its UID, SEQUENCE, place and people', () => {
    const invite = calendarInvite('changed', restaurant, booking, {
      organizerEmail: 'booking@example.test',
      description: 'Votre réservation est modifiée.',
      sequence: 2,
    });
    assert.equal(invite?.method, 'REQUEST');
    const { calendar, event } = read(invite?.content ?? '');
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(event.getFirstPropertyValue('uid'), `${booking.id}@maitre`);
    assert.equal(event.getFirstPropertyValue('sequence'), 2);
    assert.equal(String(event.getFirstPropertyValue('dtstart')), '2026-12-12T19:30:00Z');
    assert.equal(event.getFirstPropertyValue('location'), 'Le Petit Bistro, 12 rue des Martyrs, 75009 Paris');
    assert.match(String(event.getFirstPropertyValue('organizer')), /booking@example\.test/i);
    assert.match(String(event.getFirstPropertyValue('attendee')), /anne@example\.test/i);
  });

  test('a cancellation is METHOD:CANCEL and STATUS:CANCELLED', () => {
    const invite = calendarInvite('cancelled', restaurant, booking, {
      organizerEmail: 'booking@example.test',
      description: 'Annulée.',
      sequence: 3,
    });
    const { calendar, event } = read(invite?.content ?? '');
    assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(event.getFirstPropertyValue('status'), 'CANCELLED');
  });

  test('an organizer that is not an email address drops that line only', () => {
    const invite = calendarInvite('created', restaurant, booking, {
      organizerEmail: 'Maître',
      description: 'Réservée.',
      sequence: 0,
    });
    assert.ok(invite, 'still an invite');
    const { event } = read(invite.content);
    assert.equal(event.getFirstPropertyValue('organizer'), null);
    assert.equal(event.getFirstPropertyValue('uid'), `${booking.id}@maitre`);
  });
});
