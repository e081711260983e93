// Next.js runs register() once when a server process starts and waits for it before
// serving: open the database, migrate and load the demo here, not on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootOrExit } = await import('./db/boot');
    await bootOrExit();
  }
}
