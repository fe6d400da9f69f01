// Where the Mongo tests run: MONGODB_URI (FerretDB in CI), each run in databases of its own.
import { randomBytes } from 'node:crypto';

export const MONGODB_URI = process.env.MONGODB_URI ?? '';
export const NO_MONGO_REASON = 'MONGODB_URI not set: start FerretDB with scripts/ferretdb.sh start';
/** Why a Mongo suite is skipped (undefined: it runs). In CI it never is: see requireMongoInCi. */
export const mongoSkip = MONGODB_URI ? undefined : NO_MONGO_REASON;

/** A random tag for this test process: its databases are `<db>_<tag>_...`. */
export const RUN_TAG = randomBytes(4).toString('hex');

/** The same server, another database: `<db>_<suffix>` (the URI's options are kept). */
export function uriWithDatabase(uri: string, suffix: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)(\?.*)?$/.exec(uri);
  if (!m) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${uri}`);
  const db = decodeURIComponent(m[2]) || 'maitre_test';
  return `${m[1]}/${encodeURIComponent(`${db}_${suffix}`)}${m[3] ?? ''}`;
}
