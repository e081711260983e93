// A database that does not answer: every action says "nothing was saved, try again in a
// moment" in Swedish, within the connect timeout, and never throws. Runs without a server:
// nothing listens on the port (connection refused).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, CONNECT_TIMEOUT_S, type Database } from '@/db/client';
import type { CurrentUser } from '@/lib/current-user';
import { runAction } from '@/server/action';
import { setUserDisabledAction } from '@/app/admin/anvandare/set-user-disabled';

const admin: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000001',
  organizationId: '00000000-0000-4000-8000-000000000002',
  organizationName: 'Askersund',
  name: 'Admin',
  email: 'admin@askersund.example',
  title: null,
  roles: ['admin'],
  grantUnits: [],
  coveredUnitIds: [],
};

describe('a database outage', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close().catch(() => {})));
  });

  it('answers "Inget sparades. Försök igen om en stund." when nothing listens (connection refused)', async () => {
    const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/malbild' });
    opened.push(database);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const started = Date.now();
      const result = await runAction(setUserDisabledAction, admin, { userId: '00000000-0000-4000-8000-000000000003', disabled: 'true' }, database.db);
      expect(result).toEqual({ status: 'error', code: 'unavailable', message: 'Inget sparades. Försök igen om en stund.' });
      expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_S * 1000);
      expect(logged).toHaveBeenCalled(); // an outage is logged for the operator
    } finally {
      logged.mockRestore();
    }
  });

  // KNOWN GAP, skipped: a server that accepts the TCP connection but never answers the
  // startup (here: an address this machine's network accepts and drops) is NOT bounded by
  // postgres.js' connect_timeout: the query waited > 27 s (and end() hung) in a plain
  // postgres.js script with connect_timeout: 2. Unskip once db/client.ts bounds it.
  it.skip(
    'gives up within the connect timeout when the server does not answer at all',
    async () => {
      const database = await openDatabase({ url: 'postgres://postgres@10.255.255.1:5432/malbild' });
      opened.push(database);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const started = Date.now();
        const result = await runAction(setUserDisabledAction, admin, { userId: '00000000-0000-4000-8000-000000000003', disabled: 'false' }, database.db);
        const elapsed = Date.now() - started;
        expect(result).toEqual({ status: 'error', code: 'unavailable', message: 'Inget sparades. Försök igen om en stund.' });
        expect(elapsed).toBeLessThan((CONNECT_TIMEOUT_S + 3) * 1000);
      } finally {
        logged.mockRestore();
      }
    },
    (CONNECT_TIMEOUT_S + 10) * 1000,
  );
});
