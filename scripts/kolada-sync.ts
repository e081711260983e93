// `npm run kolada:sync` (for cron): fetches every Kolada-linked indicator of the
// organization of KOLADA_SYNC_AS (an admin's email: every version names who wrote it) into
// the open periods, all or nothing, as the admin's "Hämta och spara" for everything does.
// `-- --dry-run` lists what would change and writes nothing. Uses DATABASE_URL, else the
// local embedded database (which the running app holds: stop it first, or use PostgreSQL).
// Exit code 0: done (or nothing to do); 1: Kolada failed or nothing could be written.
import { getDatabase } from '@/db/client';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { runKoladaFetch } from '@/server/kolada-sync';
import { formatOutcome } from '@/lib/swedish-number';

async function main(): Promise<number> {
  const email = process.env.KOLADA_SYNC_AS;
  if (!email) {
    console.error('Ange KOLADA_SYNC_AS: e-postadressen till en systemförvaltare, som hämtningen sparas i namn av.');
    return 1;
  }
  const dryRun = process.argv.includes('--dry-run');
  const database = await getDatabase();
  try {
    const [candidate] = await findLoginCandidates(database.db, email);
    const user = candidate ? await loadCurrentUser(database.db, candidate.organizationId, candidate.id) : null;
    if (!user || !user.roles.includes('admin')) {
      console.error(`${email} är ingen aktiv systemförvaltare.`);
      return 1;
    }
    const started = Date.now();
    const result = await runKoladaFetch(database.db, user, { kind: 'organization' }, { dryRun, trigger: 'command' });
    for (const c of result.changes) {
      console.log(`${c.status.padEnd(9)} ${c.indicatorName} · ${c.periodLabel} · ${c.kpiId} ${c.year}: ${formatOutcome(c.from, 2)} → ${formatOutcome(c.to, 2)}`);
    }
    console.log(`${result.message} (${result.requests} anrop till Kolada, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
