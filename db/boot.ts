// Opens the database, applies migrations and loads the demo into an empty database.
// Called once per server process from instrumentation.ts, before the first request.
import { getDatabase } from './client';
import { loadDemoIfEmpty } from './demo/load';
import { askersund } from './demo/askersund';
import { DataDirLockedError } from './lock';

export async function boot(): Promise<void> {
  const database = await getDatabase();
  await database.prepare(async (db) => {
    if (await loadDemoIfEmpty(db, askersund)) {
      console.log(`Målbild: demodata inläst (${askersund.organization.name}).`);
    }
  });
}

/** boot(), or a clear message and exit code 1: a server without its database must not serve. */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\nMålbild kan inte starta: ${error.message}\n`);
    } else {
      console.error('\nMålbild kan inte starta: databasen gick inte att öppna.\n', error);
    }
    process.exit(1);
  }
}
