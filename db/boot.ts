// Opens the database, applies migrations, loads the demo into an empty database and
// makes sure sessions have a secret. Called once per server process from
// instrumentation.ts, before the first request.
import { defaultDataDir, getDatabase, type Db } from './client';
import { loadDemoIfEmpty } from './demo/load';
import { workingDemoLogins } from './demo/logins';
import { askersund, DEMO_PASSWORD } from './demo/askersund';
import { DataDirLockedError } from './lock';
import { ensureAuthSecret } from '@/server/auth-secret';
import { roleLabel } from '@/lib/roles';

export async function boot(): Promise<void> {
  ensureAuthSecret(defaultDataDir());
  const database = await getDatabase();
  await database.prepare(async (db) => {
    if (await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD)) {
      console.log(`Målbild: demodata inläst (${askersund.organization.name}).`);
    }
  });
  // Checking which demo accounts still have the demo password verifies six argon2 hashes
  // (0,1–1 s): the banner is printed while the server already serves, not before.
  void printDemoLogins(database.db);
}

async function printDemoLogins(db: Db): Promise<void> {
  try {
    const logins = await workingDemoLogins(db, askersund, DEMO_PASSWORD);
    if (logins.length) {
      const width = Math.max(...logins.map((u) => u.email.length));
      console.log(
        `Målbild: demoinloggningar, alla med lösenordet ${DEMO_PASSWORD}:\n` +
          logins.map((u) => `  ${u.email.padEnd(width)}  ${u.name} (${roleLabel(u.role)})`).join('\n'),
      );
    }
  } catch (error) {
    console.error('Målbild: demoinloggningarna kunde inte kontrolleras.', error);
  }
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
