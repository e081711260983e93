// On a real server a stuck statement cannot hold a request (and the user) for ever: it is
// cancelled after the statement timeout, and the connection is usable again afterwards.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { freshPostgresUrl, hasPostgres } from './engines';

for (const _ of hasPostgres ? [1] : []) {
  describe('bounded statements on a real server', () => {
    it('cancels a statement that runs past the timeout, and goes on working', async () => {
      const fresh = await freshPostgresUrl();
      const database = await openDatabase({ url: fresh.url, statementTimeoutMs: 300 });
      try {
        const error = await database.db.execute(sql`select pg_sleep(10)`).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).not.toBeNull();
        let code: string | undefined;
        for (let e: unknown = error; e && !code; e = (e as { cause?: unknown }).cause) code = (e as { code?: string }).code;
        expect(code).toBe('57014'); // query_canceled: statement timeout
        const [row] = (await database.db.execute(sql`select 1 as one`)) as unknown as { one: number }[];
        expect(row?.one).toBe(1);
      } finally {
        await database.close();
        await fresh.drop();
      }
    });
  });
}
