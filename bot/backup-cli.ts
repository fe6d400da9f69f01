// `npm run backup [DIR]` and `npm run restore FILE` for the embedded store (DATA_DIR).
// With MONGODB_URI set, the database is MongoDB's: use mongodump / mongorestore (README).
import { resolve } from 'node:path';
import { backupSqlite, checkMaitreDatabase, restoreSqlite, sqliteFileIn } from './backup';

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (process.env.MONGODB_URI) {
    console.error('MONGODB_URI is set: back up MongoDB with mongodump and restore with mongorestore (see README).');
    process.exit(2);
  }
  const dataDir = resolve(process.env.DATA_DIR?.trim() || './data');
  const dbFile = sqliteFileIn(dataDir);
  if (command === 'backup') {
    const target = await backupSqlite(dbFile, resolve(arg ?? `${dataDir}/backups`));
    console.log(`backup: ${target} (${checkMaitreDatabase(target).reservations} reservations)`);
  } else if (command === 'restore' && arg) {
    const { kept } = restoreSqlite(resolve(arg), dbFile);
    console.log(`restored ${resolve(arg)} to ${dbFile}${kept ? `; the previous database is kept as ${kept}` : ''}`);
  } else {
    console.error('usage: npm run backup [DIR]   |   npm run restore FILE   (stop the server before restoring)');
    process.exit(2);
  }
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
