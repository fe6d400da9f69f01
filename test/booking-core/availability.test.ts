// Availability as a table of cases, as cal.com tests its slots: each row gives the
// restaurant's rules, what is already booked, `now`, and the start times that must come out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  computeAvailability,
  demoRestaurant,
  demoTables,
  refusalAt,
  type Occupancy,
  type Restaurant,
  type Table,
} from '../../booking-core';

type Change = (r: Restaurant) => void;
interface Case {
  name: string;
  date: string;
  party: number;
  now: string;
  change?: Change;
  tables?: Table[];
  booked?: Array<Partial<Occupancy> & { tableIds: string[]; startAt: string; endAt: string }>;
  /** Exact list of local start times. */
  times?: string[];
  /** Times that must be (or not be) offered. */
  includes?: string[];
  excludes?: string[];
  refusal?: string;
  /** Tables given for a time. */
  tablesAt?: [string, string[]];
  /** UTC instant of a local time. */
  instantAt?: [string, string];
}

const MON = '2026-11-23';
const SUN_BEFORE = '2026-11-22T09:00:00Z';
const LUNCH = ['12:00', '12:15', '12:30', '12:45', '13:00', '13:15', '13:30'];
const DINNER = [
  '19:00',
  '19:15',
  '19:30',
  '19:45',
  '20:00',
  '20:15',
  '20:30',
  '20:45',
  '21:00',
  '21:15',
  '21:30',
  '21:45',
  '22:00',
];
const table = (id: string, seatsMin: number, seatsMax: number): Table => ({
  id,
  restaurantId: 'r',
  name: id,
  seatsMin,
  seatsMax,
  zone: 'main',
  active: true,
});
const only = (...t: Table[]) => t;
const everyDay =
  (services: Restaurant['services'][string]): Change =>
  (r) => {
    r.services = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, services]));
  };
const booked = (tableIds: string[], startAt: string, endAt: string, extra: Partial<Occupancy> = {}) => ({
  tableIds,
  startAt,
  endAt,
  ...extra,
});

const cases: Case[] = [
  {
    name: 'the demo bistro on a Monday: lunch and dinner, every quarter hour',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    times: [...LUNCH, ...DINNER],
  },
  {
    name: 'last seating is an hour before closing',
    date: MON,
    party: 4,
    now: SUN_BEFORE,
    includes: ['13:30', '22:00'],
    excludes: ['13:45', '14:00', '22:15', '22:45'],
  },
  {
    name: 'a booked 2-top leaves the other 2-top, then the 4-tops',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    booked: [booked(['T1'], '2026-11-23T19:00:00Z', '2026-11-23T20:30:00Z')],
    tablesAt: ['20:00', ['T2']],
  },
  {
    name: 'large tables are kept for large parties: a couple gets a 2-top, a party of 3 a 4-top',
    date: MON,
    party: 3,
    now: SUN_BEFORE,
    tablesAt: ['20:00', ['T3']],
  },
  {
    name: 'a party of 8 sits at T3+T4 pushed together',
    date: MON,
    party: 8,
    now: SUN_BEFORE,
    tablesAt: ['20:00', ['T3', 'T4']],
  },
  {
    name: 'a party of 8 cannot sit when T3 is taken',
    date: MON,
    party: 8,
    now: SUN_BEFORE,
    booked: [booked(['T3'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z')],
    excludes: ['19:00', '19:45', '20:00'],
    includes: ['20:30', '21:00'],
  },
  {
    name: 'turn time of 120 minutes for 5 and more: both 6-tops and the pair taken at 19:00',
    date: MON,
    party: 5,
    now: SUN_BEFORE,
    booked: [
      booked(['T7'], '2026-11-23T18:00:00Z', '2026-11-23T20:00:00Z'),
      booked(['T8'], '2026-11-23T18:00:00Z', '2026-11-23T20:00:00Z'),
      booked(['T3'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z'),
    ],
    excludes: ['19:00', '20:00', '20:15'],
    includes: ['20:30', '21:00'],
  },
  {
    name: 'a table is free again when the previous turn ends (no buffer)',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2)),
    booked: [booked(['A'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z')],
    change: everyDay([{ name: 'dinner', open: '19:00', close: '23:00', lastSeatingMinutes: 60 }]),
    times: ['20:30', '20:45', '21:00', '21:15', '21:30', '21:45', '22:00'],
  },
  {
    name: 'a 15-minute buffer keeps the table for clearing',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2)),
    booked: [booked(['A'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z')],
    change: (r) => {
      everyDay([{ name: 'dinner', open: '19:00', close: '23:00', lastSeatingMinutes: 60 }])(r);
      r.rules.bufferMinutes = 15;
    },
    times: ['20:45', '21:00', '21:15', '21:30', '21:45', '22:00'],
  },
  {
    name: 'the buffer also stands before an existing booking',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2)),
    booked: [booked(['A'], '2026-11-23T20:00:00Z', '2026-11-23T21:30:00Z')],
    change: (r) => {
      everyDay([{ name: 'dinner', open: '19:00', close: '23:00', lastSeatingMinutes: 60 }])(r);
      r.rules.bufferMinutes = 15;
    },
    times: ['19:00', '19:15'],
  },
  {
    name: 'pacing: 6 covers per slot, 4 already start at 19:00, so a party of 3 waits until 19:15',
    date: MON,
    party: 3,
    now: SUN_BEFORE,
    change: (r) => {
      r.rules.maxCoversPerSlot = 6;
    },
    booked: [booked(['T5'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z', { partySize: 4 })],
    excludes: ['19:00'],
    includes: ['19:15', '19:30'],
  },
  {
    name: 'pacing lets a couple in beside the party of 4',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    change: (r) => {
      r.rules.maxCoversPerSlot = 6;
    },
    booked: [booked(['T5'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z', { partySize: 4 })],
    includes: ['19:00'],
  },
  {
    name: 'a closure day offers nothing',
    date: '2026-12-25',
    party: 2,
    now: SUN_BEFORE,
    change: (r) => {
      r.closures = [{ date: '2026-12-25', reason: 'Noël' }];
    },
    times: [],
    refusal: 'closed',
  },
  {
    name: 'a weekday without services is closed',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    change: (r) => {
      r.services['1'] = [];
    },
    times: [],
    refusal: 'closed',
  },
  {
    name: 'minimum notice of 30 minutes: at 11:50 lunch starts at 12:30',
    date: '2026-11-22',
    party: 2,
    now: '2026-11-22T10:50:00Z',
    includes: ['12:30', '19:00'],
    excludes: ['12:00', '12:15'],
  },
  {
    name: 'minimum notice of a day',
    date: '2026-11-22',
    party: 2,
    now: '2026-11-22T08:00:00Z',
    change: (r) => {
      r.rules.minNoticeMinutes = 24 * 60;
    },
    times: [],
  },
  {
    name: 'a day in the past is refused',
    date: '2026-11-21',
    party: 2,
    now: SUN_BEFORE,
    times: [],
    refusal: 'past_time',
  },
  {
    name: 'the horizon is 60 days: the 60th day is bookable',
    date: '2027-01-21',
    party: 2,
    now: SUN_BEFORE,
    includes: ['12:00'],
  },
  {
    name: 'the horizon is 60 days: the 61st day is not',
    date: '2027-01-22',
    party: 2,
    now: SUN_BEFORE,
    times: [],
    refusal: 'too_far',
  },
  {
    name: 'a party above the self-service limit is refused',
    date: MON,
    party: 9,
    now: SUN_BEFORE,
    times: [],
    refusal: 'party_too_large',
  },
  {
    name: 'a party larger than any table or pair is refused even under the limit',
    date: MON,
    party: 7,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2), table('B', 1, 6)),
    change: (r) => {
      r.tableCombinations = [];
    },
    times: [],
    refusal: 'party_too_large',
  },
  {
    name: 'a live hold blocks its table',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2)),
    booked: [
      booked(['A'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z', {
        status: 'held',
        holdExpiresAt: '2026-11-22T09:05:00Z',
      }),
    ],
    excludes: ['19:00', '20:00'],
    includes: ['20:30'],
  },
  {
    name: 'an expired hold blocks nothing',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2)),
    booked: [
      booked(['A'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z', {
        status: 'held',
        holdExpiresAt: '2026-11-22T08:59:00Z',
      }),
    ],
    includes: ['19:00', '20:00'],
  },
  {
    name: 'cancelled and no-show bookings block nothing',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only(table('A', 1, 2)),
    booked: [
      booked(['A'], '2026-11-23T18:00:00Z', '2026-11-23T19:30:00Z', { status: 'cancelled' }),
      booked(['A'], '2026-11-23T19:00:00Z', '2026-11-23T20:30:00Z', { status: 'no_show' }),
    ],
    includes: ['19:00', '20:00'],
  },
  {
    name: 'an inactive table seats nobody',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    tables: only({ ...table('A', 1, 2), active: false }),
    times: [],
  },
  {
    name: 'a service past midnight',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    change: everyDay([{ name: 'late', open: '22:00', close: '02:00', lastSeatingMinutes: 60 }]),
    times: [
      '22:00',
      '22:15',
      '22:30',
      '22:45',
      '23:00',
      '23:15',
      '23:30',
      '23:45',
      '00:00',
      '00:15',
      '00:30',
      '00:45',
      '01:00',
    ],
    instantAt: ['00:30', '2026-11-23T23:30:00.000Z'],
  },
  {
    name: 'a 30-minute slot step',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    change: (r) => {
      r.rules.slotStepMinutes = 30;
    },
    times: ['12:00', '12:30', '13:00', '13:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30', '22:00'],
  },
  // Daylight saving time in Europe/Paris.
  {
    name: 'spring forward (2027-03-28): dinner at 19:00 is 17:00 UTC',
    date: '2027-03-28',
    party: 2,
    now: '2027-03-20T09:00:00Z',
    instantAt: ['19:00', '2027-03-28T17:00:00.000Z'],
    times: [...LUNCH, ...DINNER],
  },
  {
    name: 'the day before spring forward: dinner at 19:00 is 18:00 UTC',
    date: '2027-03-27',
    party: 2,
    now: '2027-03-20T09:00:00Z',
    instantAt: ['19:00', '2027-03-27T18:00:00.000Z'],
  },
  {
    name: 'spring forward: the skipped hour 02:00–03:00 offers no slot',
    date: '2027-03-28',
    party: 2,
    now: '2027-03-20T09:00:00Z',
    change: everyDay([{ name: 'night', open: '01:00', close: '04:00', lastSeatingMinutes: 0 }]),
    times: ['01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30', '03:45', '04:00'],
    instantAt: ['03:00', '2027-03-28T01:00:00.000Z'],
  },
  {
    name: 'fall back (2026-10-25): dinner at 19:00 is 18:00 UTC',
    date: '2026-10-25',
    party: 2,
    now: '2026-10-20T09:00:00Z',
    instantAt: ['19:00', '2026-10-25T18:00:00.000Z'],
    times: [...LUNCH, ...DINNER],
  },
  {
    name: 'fall back: the repeated hour is offered once, at its first occurrence',
    date: '2026-10-25',
    party: 2,
    now: '2026-10-20T09:00:00Z',
    change: everyDay([{ name: 'night', open: '01:30', close: '03:00', lastSeatingMinutes: 0 }]),
    times: ['01:30', '01:45', '02:00', '02:15', '02:30', '02:45', '03:00'],
    instantAt: ['02:30', '2026-10-25T00:30:00.000Z'],
  },
  {
    name: 'a booking across the fall-back night blocks by real time, not wall-clock time',
    date: '2026-10-25',
    party: 2,
    now: '2026-10-20T09:00:00Z',
    tables: only(table('A', 1, 2)),
    change: everyDay([{ name: 'night', open: '01:30', close: '04:00', lastSeatingMinutes: 0 }]),
    // 01:30 CEST (23:30 UTC) for 90 minutes ends at 01:00 UTC = 02:00 CET; the first 02:00–02:45
    // (CEST, 00:00–00:45 UTC) are inside it, and 03:00 CET (02:00 UTC) is free.
    booked: [booked(['A'], '2026-10-24T23:30:00Z', '2026-10-25T01:00:00Z')],
    times: ['03:00', '03:15', '03:30', '03:45', '04:00'],
  },
  // Another timezone.
  {
    name: 'a New York restaurant: dinner at 18:00 is 23:00 UTC',
    date: MON,
    party: 2,
    now: SUN_BEFORE,
    change: (r) => {
      r.timezone = 'America/New_York';
      everyDay([{ name: 'dinner', open: '17:30', close: '22:00', lastSeatingMinutes: 60 }])(r);
    },
    instantAt: ['18:00', '2026-11-23T23:00:00.000Z'],
    includes: ['17:30', '21:00'],
    excludes: ['21:15'],
  },
  {
    name: 'New York: late evening UTC is still today there, so tonight is bookable',
    date: '2026-11-23',
    party: 2,
    now: '2026-11-23T22:10:00Z',
    change: (r) => {
      r.timezone = 'America/New_York';
      everyDay([{ name: 'dinner', open: '17:30', close: '22:00', lastSeatingMinutes: 60 }])(r);
    },
    excludes: ['17:30'],
    includes: ['17:45', '21:00'],
  },
  {
    name: 'Tokyo: the Paris date is not the local date',
    date: '2026-11-23',
    party: 2,
    now: '2026-11-22T20:00:00Z',
    change: (r) => {
      r.timezone = 'Asia/Tokyo';
    },
    includes: ['12:00'],
    instantAt: ['12:00', '2026-11-23T03:00:00.000Z'],
  },
];

describe('availability (pure function)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const restaurant = demoRestaurant();
      c.change?.(restaurant);
      const tables = c.tables ?? demoTables(restaurant.id);
      const occupancies: Occupancy[] = (c.booked ?? []).map((b, i) => ({
        id: `b${i}`,
        partySize: 2,
        status: 'confirmed',
        holdExpiresAt: null,
        ...b,
      }));
      const result = computeAvailability({
        restaurant,
        tables,
        occupancies,
        date: c.date,
        partySize: c.party,
        now: new Date(c.now),
      });
      const times = result.slots.map((s) => s.time);
      if (c.times) assert.deepEqual(times, c.times);
      for (const t of c.includes ?? []) assert.ok(times.includes(t), `${t} should be offered: ${times.join(' ')}`);
      for (const t of c.excludes ?? []) assert.ok(!times.includes(t), `${t} should not be offered: ${times.join(' ')}`);
      assert.equal(result.refusal, c.refusal ?? null);
      const { tablesAt, instantAt } = c;
      if (tablesAt) assert.deepEqual(result.slots.find((s) => s.time === tablesAt[0])?.tableIds, tablesAt[1]);
      if (instantAt)
        assert.equal(result.slots.find((s) => s.time === instantAt[0])?.startAt.toISOString(), instantAt[1]);
    });
  }

  it('does not depend on the order of the bookings it is given', () => {
    const restaurant = demoRestaurant();
    const occ: Occupancy[] = ['T1', 'T2', 'T3'].map((t, i) => ({
      id: `o${i}`,
      tableIds: [t],
      startAt: '2026-11-23T18:00:00Z',
      endAt: '2026-11-23T19:30:00Z',
      partySize: 2,
      status: 'confirmed',
      holdExpiresAt: null,
    }));
    const a = computeAvailability({
      restaurant,
      tables: demoTables(),
      occupancies: occ,
      date: MON,
      partySize: 2,
      now: new Date(SUN_BEFORE),
    });
    const b = computeAvailability({
      restaurant,
      tables: demoTables(),
      occupancies: [...occ].reverse(),
      date: MON,
      partySize: 2,
      now: new Date(SUN_BEFORE),
    });
    assert.deepEqual(a, b);
    assert.deepEqual(a.slots.find((s) => s.time === '19:00')?.tableIds, ['T4']);
  });

  it('ignores the booking being modified', () => {
    const restaurant = demoRestaurant();
    const occ: Occupancy[] = [
      {
        id: 'me',
        tableIds: ['A'],
        startAt: '2026-11-23T18:00:00Z',
        endAt: '2026-11-23T19:30:00Z',
        partySize: 2,
        status: 'confirmed',
        holdExpiresAt: null,
      },
    ];
    const tables = [table('A', 1, 2)];
    const blocked = computeAvailability({
      restaurant,
      tables,
      occupancies: occ,
      date: MON,
      partySize: 2,
      now: new Date(SUN_BEFORE),
    });
    const free = computeAvailability({
      restaurant,
      tables,
      occupancies: occ,
      date: MON,
      partySize: 2,
      now: new Date(SUN_BEFORE),
      ignoreReservationId: 'me',
    });
    assert.ok(!blocked.slots.some((s) => s.time === '19:30'));
    assert.ok(free.slots.some((s) => s.time === '19:30'));
  });
});

// Why a request breaks the rules, whatever is booked: what the booking service refuses with and
// what the dialogs tell the guest. Now is Sunday 22 November 2026, 10:00 in Paris.
const refusals: Array<{
  ask: string;
  date: string;
  time: string;
  party: number;
  expect: string | null;
  change?: Change;
}> = [
  { ask: 'a free-looking dinner', date: MON, time: '20:00', party: 2, expect: null },
  { ask: 'between lunch and dinner', date: MON, time: '16:00', party: 2, expect: 'closed time' },
  { ask: 'earlier today', date: '2026-11-22', time: '09:00', party: 2, expect: 'past_time time' },
  { ask: 'a day gone', date: '2026-11-21', time: '20:00', party: 2, expect: 'past_time date' },
  { ask: 'within the notice', date: '2026-11-22', time: '10:15', party: 2, expect: 'too_soon time' },
  { ask: 'beyond the horizon', date: '2027-03-01', time: '20:00', party: 2, expect: 'too_far date' },
  { ask: 'more than taken online', date: MON, time: '20:00', party: 9, expect: 'party_too_large partySize' },
  { ask: 'no such date', date: '2026-02-30', time: '20:00', party: 2, expect: 'invalid_date date' },
  { ask: 'no such time', date: MON, time: '25:00', party: 2, expect: 'invalid_input time' },
  {
    ask: 'a closure',
    date: MON,
    time: '20:00',
    party: 2,
    expect: 'closed date',
    change: (r) => {
      r.closures = [{ date: MON, reason: 'works' }] as Restaurant['closures'];
    },
  },
  ...['23:45', '00:00', '00:30'].map((time) => ({
    ask: `${time}, in a service ending after midnight`,
    date: MON,
    time,
    party: 2,
    expect: time === '00:30' ? 'closed time' : null,
    change: (r: Restaurant) => {
      r.services['1'] = [{ name: 'late', open: '19:00', close: '01:00', lastSeatingMinutes: 60 }];
    },
  })),
];

describe('refusalAt: why a request breaks the rules', () => {
  for (const c of refusals) {
    it(`${c.ask}: ${c.expect ?? 'allowed'}`, () => {
      const restaurant = demoRestaurant();
      c.change?.(restaurant);
      const request = { date: c.date, time: c.time, partySize: c.party };
      const r = refusalAt(restaurant, demoTables(restaurant.id), request, new Date(SUN_BEFORE));
      assert.equal(r ? `${r.code} ${r.field}` : null, c.expect);
    });
  }
});
