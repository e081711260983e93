// Kolada in the database (issue 18): the organization's settings (its kommun, the group of
// "liknande kommuner"), each indicator's link to a KPI, what a fetch would write (the
// targets: linked, live indicators in open, unlocked periods where they are due, with their
// newest value) and the fetch itself — every planned value appended as a new version in one
// transaction with the fetch log, or nothing.
import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { appendVersionsTogether } from './history';
import { getIndicatorReport, type IndicatorReportDTO } from './indicator-values';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import type { KoladaLink } from '@/lib/kolada-link';
import type { KoladaLinkInput } from '@/lib/kolada-link-schema';
import type { KoladaGender } from '@/lib/kolada-response';
import type { KoladaMeasure, RankContext, RankOrder } from '@/lib/kolada-rank';
import type { Colour } from '@/lib/colour';
import type { Trend } from '@/lib/trend';
import { boardGoalTitle } from '@/lib/swedish-text';

export interface KoladaSettingsDTO {
  municipalityCode: string;
  comparisonGroupId: string | null;
  comparisonGroupTitle: string | null;
}

export async function getKoladaSettings(db: Db, user: CurrentUser | null): Promise<KoladaSettingsDTO | null> {
  const org = authorizeInOwnOrganization(user, 'read', 'organization');
  const [row] = await db
    .select({
      municipalityCode: s.koladaSettings.municipalityCode,
      comparisonGroupId: s.koladaSettings.comparisonGroupId,
      comparisonGroupTitle: s.koladaSettings.comparisonGroupTitle,
    })
    .from(s.koladaSettings)
    .where(eq(s.koladaSettings.organizationId, org));
  return row ?? null;
}

export async function saveKoladaSettings(db: Db, user: CurrentUser, input: KoladaSettingsDTO): Promise<void> {
  const org = authorizeInOwnOrganization(user, 'manage', 'organization');
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const values = { ...input, updatedAt: new Date() };
    await tx
      .insert(s.koladaSettings)
      .values({ organizationId: org, ...values })
      .onConflictDoUpdate({ target: s.koladaSettings.organizationId, set: values });
    await recordAudit(tx, { organizationId: org, actorId: user.id, action: 'kolada.settings', entityType: 'organization', entityId: org, changes: { ...input } });
  });
}

export interface KoladaIndicatorDTO {
  id: string;
  name: string;
  decimals: number;
  targetLabel: string;
  goalTitle: string;
  boardId: string;
  boardName: string;
  planYear: number;
  link: KoladaLink | null;
}

const linkColumns = {
  kpiId: s.indicatorKoladaLinks.kpiId,
  gender: s.indicatorKoladaLinks.gender,
  municipalityCode: s.indicatorKoladaLinks.municipalityCode,
  yearOffset: s.indicatorKoladaLinks.yearOffset,
  measure: s.indicatorKoladaLinks.measure,
  rankOrder: s.indicatorKoladaLinks.rankOrder,
};

type LinkRow = { [K in keyof typeof linkColumns]: (typeof linkColumns)[K]['_']['data'] | null };

function toLink(indicatorId: string, row: LinkRow): KoladaLink | null {
  if (row.kpiId === null) return null;
  return {
    indicatorId,
    kpiId: row.kpiId,
    gender: row.gender as KoladaGender,
    municipalityCode: row.municipalityCode,
    yearOffset: row.yearOffset ?? 0,
    measure: row.measure as KoladaMeasure,
    order: row.rankOrder as RankOrder,
  };
}

/** Live indicators (not archived, in live goals and plans), with their Kolada link if any; optionally one board's or one indicator's. */
async function indicatorsWithLinks(db: Db, org: string, scope: FetchScope): Promise<KoladaIndicatorDTO[]> {
  const board = alias(s.units, 'board');
  const rows = await db
    .select({
      id: s.indicators.id,
      name: s.indicators.name,
      decimals: s.indicators.decimals,
      targetLabel: s.indicators.targetLabel,
      goalNumber: s.boardGoals.number,
      boardId: s.plans.boardId,
      boardName: board.name,
      planYear: s.plans.year,
      ...linkColumns,
    })
    .from(s.indicators)
    .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
    .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
    .innerJoin(board, and(eq(board.organizationId, org), eq(board.id, s.plans.boardId)))
    .leftJoin(
      s.indicatorKoladaLinks,
      and(eq(s.indicatorKoladaLinks.organizationId, org), eq(s.indicatorKoladaLinks.indicatorId, s.indicators.id)),
    )
    .where(
      and(
        eq(s.indicators.organizationId, org),
        isNull(s.indicators.archivedAt),
        isNull(s.boardGoals.archivedAt),
        isNull(s.plans.archivedAt),
        scope.kind === 'indicator' ? eq(s.indicators.id, scope.id) : undefined,
        scope.kind === 'board' ? eq(s.plans.boardId, scope.id) : undefined,
      ),
    )
    .orderBy(desc(s.plans.year), asc(board.name), asc(s.boardGoals.number), asc(s.indicators.sortOrder));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    decimals: r.decimals,
    targetLabel: r.targetLabel,
    goalTitle: boardGoalTitle(r.boardName, r.goalNumber),
    boardId: r.boardId,
    boardName: r.boardName,
    planYear: r.planYear,
    link: toLink(r.id, r),
  }));
}

/** The admin's list: every live indicator with its link (the Kolada page). */
export async function listKoladaIndicators(db: Db, user: CurrentUser | null): Promise<KoladaIndicatorDTO[]> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  return indicatorsWithLinks(db, org, { kind: 'organization' });
}

export async function saveKoladaLink(db: Db, user: CurrentUser, input: KoladaLinkInput): Promise<{ name: string }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [ind] = await tx
      .select({ name: s.indicators.name })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, input.indicatorId)));
    if (!ind) throw new NotFoundError('indicator');
    const values = {
      kpiId: input.kpiId,
      gender: input.gender,
      municipalityCode: input.municipalityCode,
      yearOffset: input.yearOffset,
      measure: input.measure,
      rankOrder: input.order,
      updatedAt: new Date(),
    };
    await tx
      .insert(s.indicatorKoladaLinks)
      .values({ organizationId: org, indicatorId: input.indicatorId, ...values })
      .onConflictDoUpdate({ target: [s.indicatorKoladaLinks.organizationId, s.indicatorKoladaLinks.indicatorId], set: values });
    // The indicator's own source field says where its values come from.
    await tx
      .update(s.indicators)
      .set({ source: 'kolada', sourceRef: input.kpiId })
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, input.indicatorId)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'kolada.link',
      entityType: 'indicator',
      entityId: input.indicatorId,
      changes: { ...input },
    });
    return { name: ind.name };
  });
}

export async function removeKoladaLink(db: Db, user: CurrentUser, input: { indicatorId: string }): Promise<{ name: string }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [ind] = await tx
      .select({ name: s.indicators.name, sourceRef: s.indicators.sourceRef })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, input.indicatorId)));
    if (!ind) throw new NotFoundError('indicator');
    const removed = await tx
      .delete(s.indicatorKoladaLinks)
      .where(and(eq(s.indicatorKoladaLinks.organizationId, org), eq(s.indicatorKoladaLinks.indicatorId, input.indicatorId)))
      .returning({ kpiId: s.indicatorKoladaLinks.kpiId });
    if (!removed.length) throw new NotFoundError('kolada link');
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'kolada.unlink',
      entityType: 'indicator',
      entityId: input.indicatorId,
      changes: { kpiId: removed[0]!.kpiId },
    });
    return { name: ind.name };
  });
}

export type FetchScope = { kind: 'indicator'; id: string } | { kind: 'board'; id: string } | { kind: 'organization' };

/** One place a fetch may write: a linked indicator in an open period where it is due and unlocked. */
export interface FetchTarget {
  indicator: KoladaIndicatorDTO & { link: KoladaLink };
  period: { id: string; year: number; label: string };
  report: IndicatorReportDTO;
}

/**
 * Where a fetch in the scope may write: every linked, live indicator × every open period
 * of its plan's year where it is due and its board's period is not locked. Read-only.
 */
export async function loadFetchTargets(db: Db, user: CurrentUser, scope: FetchScope): Promise<FetchTarget[]> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  const linked = (await indicatorsWithLinks(db, org, scope)).filter(
    (i): i is KoladaIndicatorDTO & { link: KoladaLink } => i.link !== null,
  );
  if (scope.kind === 'indicator' && !linked.length) throw new NotFoundError('kolada link');
  const open = await db
    .select({ id: s.periods.id, year: s.periods.year })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.state, 'open')))
    .orderBy(asc(s.periods.endDate));
  const out: FetchTarget[] = [];
  for (const indicator of linked) {
    for (const period of open.filter((p) => p.year === indicator.planYear)) {
      const report = await getIndicatorReport(db, user, indicator.id, period.id);
      if (!report.live || !report.due || report.locked) continue;
      out.push({ indicator, period: { id: period.id, year: period.year, label: report.period.label }, report });
    }
  }
  return out;
}

/** A version a fetch writes: the new outcome judged, with the rank it was made of. */
export interface KoladaWrite {
  target: FetchTarget;
  outcome: number;
  computedColour: Colour;
  computedTrend: Trend | null;
  /** The reporter's choices of the newest version, kept only when the outcome is unchanged. */
  keepChoices: boolean;
  context: RankContext;
  year: number;
}

export interface FetchLog {
  scope: FetchScope;
  requests: number;
  message: string;
  /** 'manual' (the page, the default), 'schedule' (the daily job) or 'command' (npm run kolada:sync). */
  trigger?: KoladaFetchTrigger;
}

export type KoladaFetchTrigger = 'manual' | 'schedule' | 'command';

function scopeColumns(scope: FetchScope) {
  return { scope: scope.kind, scopeId: scope.kind === 'organization' ? null : scope.id };
}

/**
 * Appends every write as the next version of its value, in one transaction with the fetch
 * log: all or nothing. The unit's analysis and reference note are carried over untouched.
 */
export async function applyKoladaWrites(
  db: Db,
  user: CurrentUser,
  writes: readonly KoladaWrite[],
  fetchedAt: Date,
  log: FetchLog,
): Promise<{ changed: number }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  await appendVersionsTogether(
    db,
    writes.map((w) => {
      const latest = w.target.report.latest;
      const { target } = w.target.report.indicator;
      return {
        baseSeq: latest?.seq ?? 0,
        newestSeq: latest?.seq ?? 0,
        newer: async () => (await getIndicatorReport(db, user, w.target.indicator.id, w.target.period.id)).latest,
        write: async (tx: Db, seq: number) => {
          const keep = w.keepChoices && latest !== null;
          await tx.insert(s.indicatorValues).values({
            organizationId: org,
            indicatorId: w.target.indicator.id,
            periodId: w.target.period.id,
            seq,
            outcome: w.outcome,
            referenceNote: latest?.referenceNote ?? null,
            analysis: latest?.analysis ?? null,
            computedColour: w.computedColour,
            chosenColour: keep ? latest.chosenColour : null,
            colourJustification: keep ? latest.colourJustification : null,
            computedTrend: w.computedTrend,
            chosenTrend: keep ? latest.chosenTrend : null,
            trendJustification: keep ? latest.trendJustification : null,
            judgedAgainst: { ...target, previous: w.target.report.earlier?.outcome ?? null },
            authorId: user.id,
            reason: `Hämtat från Kolada (${w.target.indicator.link.kpiId}, ${w.year})`,
            source: 'kolada',
            kpiId: w.target.indicator.link.kpiId,
            fetchedAt,
            koladaContext: w.context,
          });
          await recordAudit(tx, {
            organizationId: org,
            actorId: user.id,
            action: 'indicator_value.kolada',
            entityType: 'indicator',
            entityId: w.target.indicator.id,
            changes: { periodId: w.target.period.id, seq, outcome: w.outcome, kpiId: w.target.indicator.link.kpiId, year: w.year },
          });
        },
      };
    }),
    async (tx) => {
      await tx.insert(s.koladaFetches).values({
        organizationId: org,
        ...scopeColumns(log.scope),
        ok: true,
        message: log.message,
        changed: writes.length,
        requests: log.requests,
        trigger: log.trigger ?? 'manual',
        actorId: user.id,
        createdAt: fetchedAt,
      });
    },
  );
  return { changed: writes.length };
}

/** A failed fetch is logged (nothing else is written), so the page can say when the last one failed. */
export async function recordFailedKoladaFetch(db: Db, user: CurrentUser, log: FetchLog): Promise<void> {
  await recordKoladaFetchWithoutValues(db, user, log, false);
}

/** A fetch that wrote no value (failed, or found nothing linked) is logged all the same: the scheduled run shows on the page. */
export async function recordKoladaFetchWithoutValues(db: Db, user: CurrentUser, log: FetchLog, ok: boolean): Promise<void> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  await db.insert(s.koladaFetches).values({
    organizationId: org,
    ...scopeColumns(log.scope),
    ok,
    message: log.message,
    requests: log.requests,
    trigger: log.trigger ?? 'manual',
    actorId: user.id,
  });
}

export interface KoladaFetchDTO {
  ok: boolean;
  message: string;
  changed: number;
  trigger: KoladaFetchTrigger;
  at: string; // ISO
}

const fetchColumns = {
  ok: s.koladaFetches.ok,
  message: s.koladaFetches.message,
  changed: s.koladaFetches.changed,
  trigger: s.koladaFetches.trigger,
  at: s.koladaFetches.createdAt,
};

/** The newest fetch made by the daily schedule (successful or not), for the page. */
export async function lastScheduledKoladaFetch(db: Db, user: CurrentUser | null): Promise<KoladaFetchDTO | null> {
  const org = authorizeInOwnOrganization(user, 'read', 'indicator');
  const [row] = await db
    .select(fetchColumns)
    .from(s.koladaFetches)
    .where(and(eq(s.koladaFetches.organizationId, org), eq(s.koladaFetches.trigger, 'schedule')))
    .orderBy(desc(s.koladaFetches.createdAt))
    .limit(1);
  return row ? { ...row, trigger: row.trigger as KoladaFetchTrigger, at: row.at.toISOString() } : null;
}

/** The newest fetch and the newest successful one. */
export async function lastKoladaFetches(db: Db, user: CurrentUser | null): Promise<{ last: KoladaFetchDTO | null; lastOk: KoladaFetchDTO | null }> {
  const org = authorizeInOwnOrganization(user, 'read', 'indicator');
  const columns = fetchColumns;
  const [last] = await db.select(columns).from(s.koladaFetches).where(eq(s.koladaFetches.organizationId, org)).orderBy(desc(s.koladaFetches.createdAt)).limit(1);
  const [lastOk] = await db
    .select(columns)
    .from(s.koladaFetches)
    .where(and(eq(s.koladaFetches.organizationId, org), eq(s.koladaFetches.ok, true)))
    .orderBy(desc(s.koladaFetches.createdAt))
    .limit(1);
  const dto = (r: typeof last) => (r ? { ...r, trigger: r.trigger as KoladaFetchTrigger, at: r.at.toISOString() } : null);
  return { last: dto(last), lastOk: dto(lastOk) };
}
