// Availability and seating, pure: how the day's computation grows with the number of tables.
import {
  computeAvailability,
  demoRestaurant,
  tableOptions,
  type Occupancy,
  type Restaurant,
  type Table,
} from '../booking-core';
import { median, timeSync } from './measure';

const DAY = '2026-11-23';
const NOW = new Date('2026-11-22T09:00:00Z');

function restaurantWith(tableCount: number): { restaurant: Restaurant; tables: Table[] } {
  const restaurant = demoRestaurant();
  const tables: Table[] = Array.from({ length: tableCount }, (_, i) => ({
    id: `T${i + 1}`,
    restaurantId: restaurant.id,
    name: `T${i + 1}`,
    seatsMin: 1,
    seatsMax: [2, 4, 4, 6][i % 4],
    zone: 'main',
    active: true,
  }));
  restaurant.tableCombinations = [];
  const seats = (ts: Table[]) => ts.reduce((n, t) => n + t.seatsMax, 0);
  for (let i = 0; i + 1 < tableCount; i += 2)
    restaurant.tableCombinations.push({
      tableIds: [tables[i].id, tables[i + 1].id],
      seatsMin: 5,
      seatsMax: seats(tables.slice(i, i + 2)),
    });
  for (let i = 0; i + 3 < tableCount; i += 4)
    restaurant.tableCombinations.push({
      tableIds: tables.slice(i, i + 4).map((t) => t.id),
      seatsMin: 9,
      seatsMax: seats(tables.slice(i, i + 4)),
    });
  restaurant.rules.maxPartySize = 20;
  return { restaurant, tables };
}

/** About `perTable` bookings on each table over the day, on the 15-minute grid. */
function bookingsFor(tables: Table[], perTable: number): Occupancy[] {
  const out: Occupancy[] = [];
  const starts = ['11:00', '12:45', '18:00', '20:00', '21:30'];
  tables.forEach((t, ti) => {
    for (let k = 0; k < perTable; k++) {
      const [h, m] = starts[(ti + k) % starts.length].split(':').map(Number);
      const start = new Date(Date.UTC(2026, 10, 23, h, m));
      out.push({
        id: `${t.id}-${k}`,
        tableIds: [t.id],
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
        partySize: 2,
        status: 'confirmed',
        holdExpiresAt: null,
      });
    }
  });
  return out;
}

export function benchAvailability() {
  const rows: Array<{ name: string; medianMs: number }> = [];
  for (const n of [10, 50, 200, 500]) {
    const { restaurant, tables } = restaurantWith(n);
    const occupancies = bookingsFor(tables, 3);
    const samples = timeSync(
      () => computeAvailability({ restaurant, tables, occupancies, date: DAY, partySize: 4, now: NOW }),
      15,
      n >= 200 ? 20 : 200,
    );
    rows.push({
      name: `availability, one day, party of 4, ${n} tables, ${occupancies.length} bookings`,
      medianMs: median(samples),
    });
  }
  {
    const { restaurant, tables } = restaurantWith(5);
    const occupancies = bookingsFor(tables, 30).slice(0, 150);
    const samples = timeSync(
      () => computeAvailability({ restaurant, tables, occupancies, date: DAY, partySize: 2, now: NOW }),
      15,
      200,
    );
    rows.push({ name: 'availability, one day, 5 tables, 150 bookings (peer: 35 ms)', medianMs: median(samples) });
  }
  {
    const { restaurant, tables } = restaurantWith(20);
    const samples = timeSync(() => tableOptions(tables, restaurant.tableCombinations, 12), 15, 2000);
    rows.push({
      name: 'best seating for a party of 12 over 20 tables with joinable pairs (peer: 95 ms)',
      medianMs: median(samples),
    });
    const full = timeSync(
      () =>
        computeAvailability({
          restaurant,
          tables,
          occupancies: bookingsFor(tables, 2),
          date: DAY,
          partySize: 12,
          now: NOW,
        }),
      15,
      100,
    );
    rows.push({ name: 'a whole day of seatings for a party of 12 over 20 tables', medianMs: median(full) });
  }
  return rows;
}
