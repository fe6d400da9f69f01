// Insights computed from reservations and conversation summaries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoRestaurant, type ConversationSummary, type Reservation } from '../../booking-core';
import { computeInsights, serviceOf } from '../../dashboard/insights';

const r = (over: Partial<Reservation>): Reservation => ({
  id: Math.random().toString(36),
  restaurantId: 'le-petit-bistro',
  customerName: 'A',
  customerPhone: '+33600000000',
  customerEmail: null,
  partySize: 2,
  startAt: '2026-07-01T10:30:00.000Z',
  endAt: '2026-07-01T12:00:00.000Z',
  tableIds: ['T1'],
  status: 'completed',
  channel: 'sms',
  language: 'fr',
  notes: '',
  createdAt: '',
  updatedAt: '',
  holdExpiresAt: null,
  manageTokenHash: null,
  conversationId: null,
  ...over,
});
const conv = (over: Partial<ConversationSummary>): ConversationSummary => ({
  id: Math.random().toString(36),
  channel: 'voice',
  address: '+33600000000',
  language: 'fr',
  startedAt: '2026-07-01T09:00:00.000Z',
  lastAt: '2026-07-01T09:05:00.000Z',
  turns: 3,
  reservationIds: [],
  outcome: null,
  ...over,
});

test('covers per service and day, channels, languages, no-show rate, handoffs', () => {
  const restaurant = demoRestaurant();
  const list = [
    r({ partySize: 2 }), // lunch 12:30 Paris
    r({ partySize: 4, startAt: '2026-07-01T18:00:00.000Z', channel: 'voice', language: 'en' }), // dinner 20:00
    r({ partySize: 3, startAt: '2026-07-01T18:30:00.000Z', status: 'no_show', channel: 'webchat' }),
    r({ partySize: 6, status: 'cancelled' }),
    r({ partySize: 2, status: 'held' }),
    r({ partySize: 5, status: 'expired' }), // a hold the guest let go: never a booking, never a cancellation
  ];
  const convs = [
    conv({ outcome: 'handoff' }),
    conv({ outcome: 'booked', channel: 'sms' }),
    conv({ startedAt: '2026-05-01T09:00:00.000Z', outcome: 'handoff' }),
  ];
  const ins = computeInsights(
    restaurant,
    list,
    convs,
    { from: '2026-07-01', to: '2026-07-01' },
    new Date('2026-07-02T00:00:00Z'),
  );
  assert.deepEqual(ins.coversByServiceAndDay, [
    { date: '2026-07-01', service: 'dinner', covers: 4, bookings: 2 },
    { date: '2026-07-01', service: 'lunch', covers: 2, bookings: 1 },
  ]);
  assert.deepEqual(ins.byChannel, { sms: 2, voice: 1, webchat: 1 });
  assert.deepEqual(ins.byLanguage, { fr: 3, en: 1 });
  assert.equal(ins.totals.cancelled, 1);
  assert.equal(ins.noShowRate, 0.333);
  assert.deepEqual(ins.conversations, {
    total: 2,
    handoff: 1,
    handoffRate: 0.5,
    byChannel: { voice: { total: 1, handoff: 1 }, sms: { total: 1, handoff: 0 } },
  });
  assert.equal(serviceOf(restaurant, '2026-07-01', '16:00'), 'other');
});
