// Klarmarkering: a unit marks its part of a period ready, or takes it back, until the
// board's period is approved. Each change is a new row; the newest counts.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError, isUniqueViolation } from '@/lib/errors';
import { loadUnitTree } from './unit-tree';
import { boardsOfUnit, isLockedForAny, loadPeriodLock } from './locks';
import type { CurrentUser } from '@/lib/current-user';
import { authorize } from '@/lib/policy';

export async function setReadiness(
  db: Db,
  user: CurrentUser,
  input: { unitId: string; periodId: string; ready: boolean; baseSeq: number },
): Promise<{ seq: number }> {
  const org = user.organizationId;
  const [tree, lock, [period]] = await Promise.all([
    loadUnitTree(db, org),
    loadPeriodLock(db, org, input.periodId),
    db
      .select({ year: s.periods.year })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, input.periodId))),
  ]);
  if (!lock || !period || !tree.get(input.unitId)) throw new NotFoundError('unit or period');
  const boards = await boardsOfUnit(db, org, input.unitId, period.year, tree.boardOf(input.unitId));
  authorize(user, 'report', {
    kind: 'unit',
    organizationId: org,
    unitIds: [input.unitId],
    locked: isLockedForAny(lock, boards),
  });
  const newestRow = async () => {
    const [row] = await db
      .select({ seq: s.readinessEvents.seq, ready: s.readinessEvents.ready })
      .from(s.readinessEvents)
      .where(
        and(
          eq(s.readinessEvents.organizationId, org),
          eq(s.readinessEvents.unitId, input.unitId),
          eq(s.readinessEvents.periodId, input.periodId),
        ),
      )
      .orderBy(desc(s.readinessEvents.seq))
      .limit(1);
    return row ?? null;
  };
  const newest = await newestRow();
  if ((newest?.seq ?? 0) !== input.baseSeq) throw new ConflictError(newest);
  const seq = input.baseSeq + 1;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(s.readinessEvents).values({
        organizationId: org,
        unitId: input.unitId,
        periodId: input.periodId,
        seq,
        ready: input.ready,
        authorId: user.id,
      });
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: input.ready ? 'readiness.mark' : 'readiness.unmark',
        entityType: 'unit',
        entityId: input.unitId,
        changes: { periodId: input.periodId, seq },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(await newestRow());
    throw error;
  }
  return { seq };
}
