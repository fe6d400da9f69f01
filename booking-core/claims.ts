// A reservation claims one row per (restaurant, table, block) it occupies. Blocks are a fixed
// 15-minute grid of absolute time, whatever the slot step, so that claims made under one
// setting still collide with claims made under another. Every real timezone offset is a
// multiple of 15 minutes, so the grid is also the local quarter-hour grid.

export const BLOCK_MINUTES = 15;
const BLOCK_MS = BLOCK_MINUTES * 60_000;

export interface SlotClaim {
  restaurantId: string;
  tableId: string;
  /** Start of the 15-minute block, ISO 8601 UTC. */
  slotStart: string;
  reservationId: string;
  /** Set for a hold's claims: after this instant the claim no longer counts. */
  expiresAt: string | null;
}

/** Block indexes [from, to) covered by an occupation from `start` to `end` (buffer included). */
export function blockRange(start: Date, end: Date): [number, number] {
  return [Math.floor(start.getTime() / BLOCK_MS), Math.ceil(end.getTime() / BLOCK_MS)];
}

export function claimsFor(
  reservation: {
    id: string;
    restaurantId: string;
    tableIds: string[];
    startAt: string;
    endAt: string;
    holdExpiresAt: string | null;
  },
  bufferMinutes: number,
): SlotClaim[] {
  const [from, to] = blockRange(
    new Date(reservation.startAt),
    new Date(Date.parse(reservation.endAt) + bufferMinutes * 60_000),
  );
  const claims: SlotClaim[] = [];
  for (const tableId of reservation.tableIds) {
    for (let b = from; b < to; b++) {
      claims.push({
        restaurantId: reservation.restaurantId,
        tableId,
        slotStart: new Date(b * BLOCK_MS).toISOString(),
        reservationId: reservation.id,
        expiresAt: reservation.holdExpiresAt,
      });
    }
  }
  return claims;
}

export function claimKey(c: Pick<SlotClaim, 'restaurantId' | 'tableId' | 'slotStart'>): string {
  return `${c.restaurantId}|${c.tableId}|${c.slotStart}`;
}
