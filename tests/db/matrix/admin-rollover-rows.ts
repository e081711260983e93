// Matrix rows for the year rollover (/admin/arsskifte). The preview reads the demo's
// KS-2024; the allowed apply acts on a board and plan of its own, made inside the admin's
// call with fresh codes (KS-2025 may be created only once, and later rows use KS-2024).
// Refused callers are pointed at KS-2024 and are stopped before anything is read or written.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { previewRollover } from '@/db/admin/rollover';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { applyRolloverAction } from '@/app/(inloggad)/admin/arsskifte/apply-rollover';
import { action, adminOnly, read, type Context, type MatrixRow } from './harness';

async function demoPlanId(ctx: Context): Promise<string> {
  const [plan] = await ctx.db.select({ id: s.plans.id }).from(s.plans).where(eq(s.plans.code, 'KS-2024'));
  return plan!.id;
}

/** A fresh board with a 2060 plan and one goal, for the admin's allowed rollover. */
async function ownPlanId(ctx: Context): Promise<string> {
  const org = ctx.users.admin!.organizationId;
  const code = `ARS-${randomUUID().slice(0, 8)}`;
  const [area] = await ctx.db.select({ id: s.focusAreas.id }).from(s.focusAreas).where(eq(s.focusAreas.organizationId, org)).limit(1);
  const [board] = await ctx.db
    .insert(s.units)
    .values({ organizationId: org, code, kind: 'board', name: `Nämnd ${code}` })
    .returning({ id: s.units.id });
  const [plan] = await ctx.db
    .insert(s.plans)
    .values({ organizationId: org, code: `${code}-2060`, boardId: board!.id, year: 2060 })
    .returning({ id: s.plans.id });
  await ctx.db.insert(s.boardGoals).values({
    organizationId: org,
    code: `${code}-2060-M1`,
    planId: plan!.id,
    focusAreaId: area!.id,
    number: 1,
    text: 'Ett mål att föra över',
    rule: 'all',
  });
  return plan!.id;
}

const isAdmin = (ctx: Context, user: CurrentUser | null) => user !== null && user.id === ctx.users.admin!.id;

export const adminRolloverRows: MatrixRow[] = [
  {
    name: 'read: the rollover preview (page /admin/arsskifte)',
    writes: false,
    expected: adminOnly,
    call: async (ctx, user) => {
      const planId = await demoPlanId(ctx);
      return read(() => previewRollover(ctx.db, user, { planId }));
    },
  },
  {
    name: 'action: roll a plan over to next year (plan.rollover)',
    writes: true,
    expected: { ...adminOnly, anonymous: 'unauthenticated' },
    call: async (ctx, user) => {
      const planId = isAdmin(ctx, user) ? await ownPlanId(ctx) : await demoPlanId(ctx);
      return action(await runAction(applyRolloverAction, user, { planId }, ctx.db));
    },
  },
];
