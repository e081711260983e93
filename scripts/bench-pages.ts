// The main pages the benchmarks request (issue 19), for one organization of the benchmark
// database: each page's name (prefixed by `tag`), its URL and the session cookie of the user
// who requests it (a viewer, the first editor, the first admin, the first director).
// Used by scripts/bench.ts (every page timed beside its SQL) and scripts/bench-profile.ts
// (one page's CPU profile).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { cookieFor } from './bench-saves';

export interface Page {
  name: string;
  url: string;
  cookie: string;
}

export async function pagesOf(db: Db, orgId: string, tag: string): Promise<Page[]> {
  const [viewer] = await db
    .select({ id: s.users.id })
    .from(s.users)
    .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, orgId), eq(s.roleGrants.userId, s.users.id)))
    .where(and(eq(s.users.organizationId, orgId), eq(s.roleGrants.role, 'viewer')));
  const userWith = async (role: 'admin' | 'director') => {
    const [row] = await db
      .select({ id: s.users.id })
      .from(s.users)
      .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, orgId), eq(s.roleGrants.userId, s.users.id)))
      .where(and(eq(s.users.organizationId, orgId), eq(s.roleGrants.role, role)))
      .orderBy(s.users.email)
      .limit(1);
    return row!;
  };
  const admin = await userWith('admin');
  const director = await userWith('director');
  const [editor] = await db
    .select({ id: s.users.id, unitId: s.roleGrants.unitId })
    .from(s.users)
    .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, orgId), eq(s.roleGrants.userId, s.users.id)))
    .where(and(eq(s.users.organizationId, orgId), eq(s.roleGrants.role, 'editor')))
    .orderBy(s.users.email)
    .limit(1);
  const [period] = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, orgId), eq(s.periods.state, 'open')));
  const [board] = await db
    .select({ id: s.units.id })
    .from(s.units)
    .where(and(eq(s.units.organizationId, orgId), eq(s.units.kind, 'board')))
    .orderBy(s.units.sortOrder)
    .limit(1);
  const [indicator] = await db
    .select({ id: s.indicators.id })
    .from(s.indicators)
    .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, orgId), eq(s.boardGoals.id, s.indicators.goalId)))
    .innerJoin(s.plans, and(eq(s.plans.organizationId, orgId), eq(s.plans.id, s.boardGoals.planId)))
    .where(and(eq(s.indicators.organizationId, orgId), eq(s.plans.year, period!.year), eq(s.indicators.responsibleUnitId, editor!.unitId!)))
    .limit(1);
  const viewerCookie = await cookieFor(db, orgId, viewer!.id);
  const editorCookie = await cookieFor(db, orgId, editor!.id);
  const adminCookie = await cookieFor(db, orgId, admin.id);
  const directorCookie = await cookieFor(db, orgId, director.id);
  const p = `period=${period!.id}`;
  return [
    { name: `${tag} Översikt, hela kommunen`, url: `/?${p}`, cookie: viewerCookie },
    { name: `${tag} Översikt, en nämnd`, url: `/?${p}&namnd=${board!.id}`, cookie: viewerCookie },
    { name: `${tag} Avvikelser`, url: `/avvikelser?${p}`, cookie: viewerCookie },
    { name: `${tag} Avvikelser, en nämnd`, url: `/avvikelser?${p}&namnd=${board!.id}`, cookie: viewerCookie },
    { name: `${tag} Uppdrag`, url: `/uppdrag?${p}`, cookie: viewerCookie },
    { name: `${tag} Rapport, en nämnd`, url: `/rapport?${p}&namnd=${board!.id}`, cookie: viewerCookie },
    { name: `${tag} Min rapportering`, url: `/rapportering?${p}`, cookie: editorCookie },
    ...(indicator ? [{ name: `${tag} Rapportera mått`, url: `/rapportering/matt/${indicator.id}?${p}`, cookie: editorCookie }] : []),
    { name: `${tag} Uppdrag, administration`, url: '/admin/uppdrag', cookie: adminCookie },
    { name: `${tag} Attest, en nämnd`, url: `/attest?${p}&namnd=${board!.id}`, cookie: directorCookie },
    { name: `${tag} Rapportering, direktören en nämnd`, url: `/rapportering?${p}&enhet=${board!.id}`, cookie: directorCookie },
  ];
}
