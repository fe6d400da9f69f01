// Leases between server instances that share one store (see TurnLeases in adapters/replay-guard.ts).
import type { TurnLeases } from '../adapters/replay-guard';
import type { Store } from '../booking-core';

/**
 * Leases in the store's documents: inserting a document that must not exist yet is atomic on
 * both stores, so of two instances wanting the same key (a retried webhook, one guest's
 * conversation), one gets it. A lease left by a killed instance is taken over once it has
 * lapsed (a compare-and-set on its etag).
 * Wall-clock time, not the restaurant's injectable clock: leases are between processes.
 */
export function storeLeases(
  store: Pick<Store, 'getDocument' | 'putDocument' | 'deleteDocument'>,
  collection: string,
): TurnLeases {
  const live = (lease: { value: TurnLease } | null) => lease !== null && lease.value.until > Date.now();
  const until = (ms: number): TurnLease => ({ until: Date.now() + ms });
  return {
    async acquire(key, ms) {
      const taken = await store.putDocument<TurnLease>(collection, key, until(ms), null);
      if (taken) return taken;
      const current = await store.getDocument<TurnLease>(collection, key);
      if (live(current)) return null;
      return store.putDocument<TurnLease>(collection, key, until(ms), current?.etag ?? null);
    },
    renew: (key, token, ms) => store.putDocument<TurnLease>(collection, key, until(ms), token),
    async held(key) {
      return live(await store.getDocument<TurnLease>(collection, key));
    },
    release: (key) => store.deleteDocument(collection, key),
  };
}

interface TurnLease {
  until: number;
}
