// A database that does not answer: every action says "nothing was saved, try again in a
// moment" in Swedish and never throws — when nothing listens (connection refused) and when a
// server on this machine's loopback accepts the connection and stays silent (the connect
// timeout ends the wait). Only 127.0.0.1 is ever contacted.
import net from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, CONNECT_TIMEOUT_S, type Database } from '@/db/client';
import type { CurrentUser } from '@/lib/current-user';
import { runAction } from '@/server/action';
import { setUserDisabledAction } from '@/app/(inloggad)/admin/anvandare/set-user-disabled';

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
      const result = await runAction(setUserDisabledAction, admin, { userId: '00000000-0000-4000-8000-000000000003', disabled: 'true' }, database.db);
      expect(result).toEqual({ status: 'error', code: 'unavailable', message: 'Inget sparades. Försök igen om en stund.' });
      expect(logged).toHaveBeenCalled(); // an outage is logged for the operator
    } finally {
      logged.mockRestore();
    }
  });

  it('answers the same when a server accepts the connection and never answers (bounded by the connect timeout)', async () => {
    // A silent server on this machine's loopback: it accepts TCP connections and says nothing.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/malbild` });
    opened.push(database);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const result = await runAction(setUserDisabledAction, admin, { userId: '00000000-0000-4000-8000-000000000003', disabled: 'false' }, database.db);
      expect(result).toEqual({ status: 'error', code: 'unavailable', message: 'Inget sparades. Försök igen om en stund.' });
    } finally {
      logged.mockRestore();
      silent.close();
    }
  }, (CONNECT_TIMEOUT_S + 60) * 1000);
});
