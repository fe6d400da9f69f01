// The store contract on the embedded SQLite store, on a temporary file (so reopen is a restart).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../booking-core/stores/sqlite-store';
import { runCallbackContract } from './callback-contract';
import { runStoreContract, type StoreUnderTest } from './store-contract';

async function sqliteStore(): Promise<StoreUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'maitre-sqlite-'));
  const file = join(dir, 'maitre.db');
  let current = new SqliteStore(file);
  await current.init();
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = new SqliteStore(file);
      await current.init();
      return current;
    },
    async dispose() {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

runStoreContract('sqlite', sqliteStore);
runCallbackContract('sqlite', sqliteStore);
