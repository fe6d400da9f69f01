// Which tables free up soonest for a waiting party, and what a guest's answer to "your table is
// ready" means: case tables, each row a situation a host meets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readWaitlistReply, soonestSeatings, type SoonestInput } from '../../booking-core/waitlist';
import type { Table } from '../../booking-core/model';

const table = (id: string, seatsMin: number, seatsMax: number): Table => ({
  id,
  restaurantId: 'r',
  name: id,
  seatsMin,
  seatsMax,
  zone: 'salle',
  active: true,
});
const TABLES = [table('T1', 1, 2), table('T2', 1, 2), table('T3', 2, 4), table('T4', 2, 4), table('T7', 4, 6)];
const COMBOS = [{ tableIds: ['T3', 'T4'], seatsMin: 5, seatsMax: 8 }];
const NOW = new Date('2026-12-02T19:00:00Z');
const at = (hhmm: string) => `2026-12-02T${hhmm}:00.000Z`;
const booking = (tableIds: string[], start: string, end: string, status = 'confirmed') => ({
  tableIds,
  startAt: at(start),
  endAt: at(end),
  status: status as 'confirmed',
});

function soonest(partySize: number, reservations: SoonestInput['reservations'], limit = 3) {
  return soonestSeatings({
    tables: TABLES,
    combinations: COMBOS,
    reservations,
    partySize,
    now: NOW,
    turnMinutes: 90,
    limit,
  }).map((s) => `${s.tableIds.join('+')}@${s.inMinutes}`);
}

const CASES: Array<[string, number, SoonestInput['reservations'], string[]]> = [
  ['an empty room: the smallest tables that fit, free now', 2, [], ['T1@0', 'T2@0', 'T3@0']],
  [
    'a seated table frees at its booked end',
    2,
    [booking(['T1'], '18:30', '19:40', 'seated'), booking(['T2'], '18:00', '19:20', 'seated')],
    ['T3@0', 'T4@0', 'T2@20'],
  ],
  [
    'a table with a booking due within the turn waits until after it',
    3,
    [booking(['T3'], '20:00', '21:30'), booking(['T4'], '18:30', '19:30', 'seated')],
    ['T4@30', 'T3@150'],
  ],
  [
    'a seated party past its booked end is taken to leave now',
    6,
    [booking(['T7'], '17:00', '18:30', 'seated')],
    ['T7@0', 'T3+T4@0'],
  ],
  [
    'joined tables are free when both are',
    7,
    [booking(['T3'], '18:30', '19:15', 'seated'), booking(['T4'], '18:45', '19:45', 'seated')],
    ['T3+T4@45'],
  ],
  [
    'cancelled and finished bookings hold nothing',
    2,
    [booking(['T1'], '19:00', '20:30', 'cancelled'), booking(['T2'], '17:00', '18:30', 'completed')],
    ['T1@0', 'T2@0', 'T3@0'],
  ],
  ['a party too large for any seating has none', 12, [], []],
];

for (const [name, party, reservations, expected] of CASES)
  test(`soonest seatings: ${name}`, () => assert.deepEqual(soonest(party, reservations), expected));

const REPLIES: Array<[string, 'coming' | 'cancel' | null]> = [
  ['OK', 'coming'],
  ['ok !', 'coming'],
  ["J'arrive", 'coming'],
  ['j’arrive dans 5 min', 'coming'],
  ['Oui', 'coming'],
  ['on our way', 'coming'],
  ['cancel', 'cancel'],
  ['On annule', 'cancel'],
  ['non merci on annule', 'cancel'],
  ['CANCEL please', 'cancel'],
  ['Annuler', 'cancel'],
  ['Bonjour, je voudrais réserver demain', null],
  ['', null],
  ['okra soup?', null],
];
for (const [text, meaning] of REPLIES)
  test(`a guest's reply "${text}" means ${meaning ?? 'nothing for the waitlist'}`, () =>
    assert.equal(readWaitlistReply(text), meaning));
