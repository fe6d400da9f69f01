// The expiring records contract on the embedded store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../booking-core/stores/sqlite-store';
import { runRecordsContract } from './records-contract';

runRecordsContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'maitre-records-'));
  const store = new SqliteStore(join(dir, 'maitre.db'));
  await store.init();
  return {
    records: store.records(),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
