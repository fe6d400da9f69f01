import type { Table, TableCombination } from './model';

/** T2 before T10. */
export const byTableName = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Every way to seat a party on the free tables, best first: single tables that fit, smallest
 * first, then combinations of joinable tables, smallest first. Sorting by capacity keeps the
 * large tables for the large parties whenever a smaller table fits. When a race takes the
 * first choice, the next one is tried.
 */
export function tableOptions(
  freeTables: readonly Table[],
  combinations: readonly TableCombination[],
  partySize: number,
): string[][] {
  const singles = freeTables
    .filter((t) => t.active && partySize >= t.seatsMin && partySize <= t.seatsMax)
    .sort((a, b) => a.seatsMax - b.seatsMax || byTableName(a.name, b.name))
    .map((t) => [t.id]);
  const free = new Set(freeTables.filter((t) => t.active).map((t) => t.id));
  const combos = combinations
    .filter((c) => partySize >= c.seatsMin && partySize <= c.seatsMax && c.tableIds.every((id) => free.has(id)))
    .sort((a, b) => a.seatsMax - b.seatsMax || a.tableIds.length - b.tableIds.length)
    .map((c) => [...c.tableIds]);
  return [...singles, ...combos];
}

/** The most guests the restaurant can seat together. */
export function largestSeating(tables: readonly Table[], combinations: readonly TableCombination[]): number {
  let max = 0;
  for (const t of tables) if (t.active) max = Math.max(max, t.seatsMax);
  for (const c of combinations) max = Math.max(max, c.seatsMax);
  return max;
}
