// Next.js runs register() once when a server process starts and waits for it before
// serving: open the database, migrate and load the demo here, not on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootOrExit } = await import('./db/boot');
    await bootOrExit();
    // Issue 18: the daily Kolada fetch (pg-boss, only on PostgreSQL), started beside the first requests.
    if (process.env.DATABASE_URL) (await import('./server/kolada-schedule')).startKoladaSchedulerInBackground();
  }
}
