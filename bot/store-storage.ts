// botbuilder's Storage on the store port's documents, so conversation state lives in the same
// database as the bookings (SQLite file or MongoDB) and survives a restart. Etags map onto
// putDocument's compare-and-set: a write with an etag fails if someone else wrote first;
// "*" (what BotState sends) or no etag writes whatever is there.
import type { Storage, StoreItems } from 'botbuilder';
import type { Store } from '../booking-core';

const COLLECTION = 'botState';
const MAX_BLIND_WRITE_ATTEMPTS = 5;
const MAX_REMEMBERED_ETAGS = 10_000;

export class StoreStorage implements Storage {
  /** Last etag seen per key: a blind write usually needs no extra read. */
  private readonly etags = new Map<string, string | null>();

  constructor(
    private readonly store: Pick<Store, 'getDocument' | 'putDocument' | 'deleteDocument'>,
    private readonly collection = COLLECTION,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const doc = await this.store.getDocument<Record<string, unknown>>(this.collection, key);
        this.remember(key, doc ? doc.etag : null);
        if (doc) items[key] = { ...doc.value, eTag: doc.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        await this.store.deleteDocument(this.collection, key);
        this.remember(key, null);
      }),
    );
  }

  private remember(key: string, etag: string | null): void {
    this.etags.delete(key);
    this.etags.set(key, etag);
    if (this.etags.size > MAX_REMEMBERED_ETAGS) {
      const oldest = this.etags.keys().next().value;
      if (oldest !== undefined) this.etags.delete(oldest);
    }
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...value } = item;
    if (typeof eTag === 'string' && eTag !== '*') {
      const etag = await this.store.putDocument(this.collection, key, value, eTag);
      if (!etag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      this.remember(key, etag);
      return;
    }
    let expected = this.etags.has(key)
      ? (this.etags.get(key) ?? null)
      : ((await this.store.getDocument(this.collection, key))?.etag ?? null);
    for (let attempt = 0; attempt < MAX_BLIND_WRITE_ATTEMPTS; attempt++) {
      const etag = await this.store.putDocument(this.collection, key, value, expected);
      if (etag) {
        this.remember(key, etag);
        return;
      }
      expected = (await this.store.getDocument(this.collection, key))?.etag ?? null;
    }
    throw new Error(`Storage: could not write "${key}" (kept changing).`);
  }
}
