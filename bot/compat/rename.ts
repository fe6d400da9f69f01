// Field renaming for the earlier designs' bodies: an old name is read as today's, and a body
// carrying both names with different values is refused rather than guessed.
import { BookingError } from '../../booking-core';

export type Renames = Record<string, string>;

/** `body` with each old field under today's name; throws invalid_input on a disagreeing pair. */
export function renameFields(body: unknown, renames: Renames): { body: unknown; usedOld: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { body, usedOld: false };
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  let usedOld = false;
  for (const [old, current] of Object.entries(renames)) {
    if (!(old in out)) continue;
    usedOld = true;
    if (current in out && JSON.stringify(out[current]) !== JSON.stringify(out[old]))
      throw new BookingError('invalid_input', `${old} and ${current} name the same field and disagree; send one.`, {
        field: current,
      });
    out[current] = out[old];
    delete out[old];
  }
  return { body: out, usedOld };
}

/** A bearer token shaped like a staff JWT (header.payload.signature), not a guest's manage token. */
export function bearerIsStaffToken(authorization: unknown): boolean {
  const token = /^Bearer\s+(\S+)$/i.exec(String(authorization ?? ''))?.[1] ?? '';
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}
