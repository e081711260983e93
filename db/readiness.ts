// Klarmarkering: a unit marks its part of a period ready, or takes it back, until the
// board's period is approved. Each change is a new version (db/history.ts); the newest counts.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { buildMyReporting, readinessRefusal } from '@/lib/my-reporting';
import { appendVersion, newestVersions } from './history';
import { getPeriod } from './queries/periods';
import { loadPeriodContent } from './period-content';
import type { CurrentUser } from '@/lib/current-user';
import { authorize } from '@/lib/policy';
import { ContentIndex, liveContent } from '@/lib/period-content';
import { todayInStockholm } from '@/lib/time-format';
import { readinessRefusalForFinance } from '@/lib/finance-checks';
import { countUnexplainedFinance } from './finance';

export async function setReadiness(
  db: Db,
  user: CurrentUser,
  input: { unitId: string; periodId: string; ready: boolean; baseSeq: number; reason?: string | null },
): Promise<{ seq: number }> {
  const org = user.organizationId;
  const period = await getPeriod(db, user, input.periodId);
  const content = await loadPeriodContent(db, org, period);
  const index = new ContentIndex(liveContent(content));
  if (!index.tree.get(input.unitId)) throw new NotFoundError('unit');
  authorize(user, 'report', {
    kind: 'unit',
    organizationId: org,
    unitIds: [input.unitId],
    locked: index.isLockedForAny(index.boardsOfUnit(input.unitId)),
  });
  // Ready means everything due is reported, or the unit says why it is ready anyway.
  let reason: string | null = null;
  if (input.ready) {
    const today = todayInStockholm();
    const [mine] = buildMyReporting(content, user, [input.unitId], today).readiness;
    const missing = mine?.missing ?? 0;
    const refusal = readinessRefusal(missing, input.reason);
    if (refusal) throw new ValidationError('Enheten är inte markerad som klar: ett skäl krävs.', { reason: [refusal] });
    reason = missing > 0 ? input.reason!.trim() : null;
    // issue 16: a board is not ready while its finance tables have an unexplained difference.
    if (index.tree.get(input.unitId)?.kind === 'board') {
      const financeRefusal = readinessRefusalForFinance(await countUnexplainedFinance(db, org, input.unitId, input.periodId));
      if (financeRefusal) throw new ValidationError(financeRefusal);
    }
  }
  const newest = index.readiness(input.unitId);
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: newest?.seq ?? 0,
    newer: async () => {
      const [again] = await newestVersions(
        db,
        'readinessEvents',
        org,
        { seq: s.readinessEvents.seq, ready: s.readinessEvents.ready },
        and(eq(s.readinessEvents.unitId, input.unitId), eq(s.readinessEvents.periodId, input.periodId)),
      );
      return again ?? null;
    },
    write: async (tx, seq) => {
      await tx.insert(s.readinessEvents).values({
        organizationId: org,
        unitId: input.unitId,
        periodId: input.periodId,
        seq,
        ready: input.ready,
        comment: reason,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: input.ready ? 'readiness.mark' : 'readiness.unmark',
        entityType: 'unit',
        entityId: input.unitId,
        changes: reason ? { periodId: input.periodId, seq, reason } : { periodId: input.periodId, seq },
      });
    },
  });
}
