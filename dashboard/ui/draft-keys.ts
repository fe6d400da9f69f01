// Keys for the rows of an edited draft (menu dishes, services, closures, turn times). Those rows
// have no id of their own and the editors copy the whole draft on each change, so each object is
// given a key once and every copy carries it over: a row keeps its key when the one above it is
// removed or when it moves, and its inputs keep their focus while they are typed in.
const keys = new WeakMap<object, string>();
let next = 0;

/** The row's key, made the first time it is asked for. */
export function keyOf(row: object): string {
  let key = keys.get(row);
  if (!key) {
    key = `row${++next}`;
    keys.set(row, key);
  }
  return key;
}

/** A deep copy of a draft whose objects keep the keys of the ones they copy. */
export function copyDraft<T>(draft: T): T {
  const copy = structuredClone(draft);
  carryKeys(draft, copy);
  return copy;
}

function carryKeys(from: unknown, to: unknown): void {
  if (!from || typeof from !== 'object' || !to || typeof to !== 'object') return;
  const key = keys.get(from);
  if (key) keys.set(to, key);
  for (const [name, value] of Object.entries(from)) carryKeys(value, (to as Record<string, unknown>)[name]);
}
