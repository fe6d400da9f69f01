// The expiring records contract on the MongoDB store (FerretDB in CI: no TTL index involved).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import mongoose from 'mongoose';
import { MongoStore } from '../../../booking-core/stores/mongo-store';
import { MONGODB_URI, mongoSkip, NO_MONGO_REASON, RUN_TAG, uriWithDatabase } from '../../helpers/mongo-uri';
import { runRecordsContract } from './records-contract';

if (!MONGODB_URI) {
  if (process.env.CI === 'true')
    it('the MongoDB records suite runs in CI', () => assert.fail(`${NO_MONGO_REASON} (CI=true)`));
  else console.log(`# skipping the MongoDB records suite: ${NO_MONGO_REASON}`);
}

let counter = 0;
runRecordsContract(
  'mongo',
  async () => {
    const uri = uriWithDatabase(MONGODB_URI, `${RUN_TAG}_records_${++counter}`);
    const store = new MongoStore(uri, { warn: () => undefined });
    await store.init();
    return {
      records: store.records(),
      dispose: async () => {
        await store.close();
        const conn = await mongoose.createConnection(uri).asPromise();
        await conn.dropDatabase();
        await conn.close();
      },
    };
  },
  { skip: mongoSkip },
);
