import { it, expect } from 'vitest';
import { openDatabase } from '@/db/client';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { setReadiness } from '@/db/readiness';
import * as s from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { demoUser, DEMO_EMAILS } from './demo-users';
it('race', async () => {
  const d = await openDatabase({ dataDir: 'memory://' });
  await d.prepare(async (db) => { await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD); });
  const hr = await demoUser(d.db, DEMO_EMAILS.hr);
  const [u] = await d.db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR'));
  const [p] = await d.db.select().from(s.periods).where(eq(s.periods.kind, 'delar'));
  const r = await Promise.allSettled([1,2,3].map(() => setReadiness(d.db, hr, { unitId: u!.id, periodId: p!.id, ready: true, baseSeq: 0 })));
  console.log(r.map((x) => x.status === 'rejected' ? JSON.stringify((x.reason as any).newer) : 'ok'));
  await d.close();
});
