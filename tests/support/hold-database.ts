// A separate process that opens the embedded database in a folder, loads the demo and
// keeps it open until killed: the "other server" of the lock tests.
import { openDatabase } from '@/db/client';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { DataDirLockedError } from '@/db/lock';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-database.ts <data dir>');

async function main() {
  const database = await openDatabase({ dataDir });
  await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
  console.log(`ready ${process.pid}`);
  setInterval(() => {}, 60_000);
}

main().catch((error) => {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(3);
});
