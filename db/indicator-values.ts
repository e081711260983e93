// Reporting an indicator's outcome for a period: what the form shows beside it (target,
// earlier values, the newest version), the save (a new history row with the next
// sequence number, or a conflict), and the item's whole history.
import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import * as s from './schema';
import { changeWithAudit } from './audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { appendVersion, newestVersionsQuery } from './history';
import { builtOnce } from './prepared';
import { isLockedFor, newestApprovalsJson, periodLock } from './locks';
import { parsedJson } from './json-column';
import { judgingColumns } from './indicator-judging';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';
import type { Target } from '@/lib/target';
import type { Colour } from '@/lib/colour';
import type { RankContext } from '@/lib/kolada-rank';

export type ValueSource = 'manual' | 'import' | 'kolada';
import type { Trend } from '@/lib/trend';
import { isDueInPeriod } from '@/lib/frequency';
import { ARCHIVED_MESSAGE, isLive } from '@/lib/live';
import { periodLabel, type PeriodKind, type PeriodState } from '@/lib/period';
import { boardGoalTitle } from '@/lib/swedish-text';
import { choicesThatHold, judgeIndicatorValue, type IndicatorValueInput, type JudgedValue } from '@/lib/indicator-value-input';

export interface ValueVersionDTO {
  seq: number;
  periodLabel: string;
  outcome: number | null;
  referenceNote: string | null;
  analysis: string | null;
  computedColour: Colour;
  chosenColour: Colour | null;
  colourJustification: string | null;
  computedTrend: Trend | null;
  chosenTrend: Trend | null;
  trendJustification: string | null;
  authorName: string;
  createdAt: string; // ISO
  /** Where the outcome came from (issue 18): typed, imported from a file, or fetched from Kolada. */
  source: ValueSource;
  kpiId: string | null;
  fetchedAt: string | null; // ISO
  /** With a Kolada value: the rank in the län it was made of. */
  koladaContext: RankContext | null;
}

export interface EarlierValueDTO {
  label: string; // "Delår 2023", "Basvärde 2023", "Tertial 1 2024"
  outcome: number | null;
  colour: Colour | null;
  analysis: string | null;
}

export interface IndicatorReportDTO {
  indicator: {
    id: string;
    name: string;
    unitOfMeasure: string | null;
    decimals: number;
    targetLabel: string;
    target: Target;
    trendTolerance: number | null;
    responsibleUnitId: string;
    responsibleUnitName: string;
    goalId: string;
    goalTitle: string;
    goalText: string;
  };
  period: { id: string; year: number; kind: PeriodKind; state: PeriodState; label: string };
  /** Live in the period (lib/live.ts): an archived indicator, or one under an archived goal or plan, is not. */
  live: boolean;
  /** Due in the period by its frequency. */
  due: boolean;
  locked: boolean;
  /** The signed-in user may report on it now (their unit, an open and unlocked period). */
  canReport: boolean;
  latest: ValueVersionDTO | null;
  /** What trend and a not_worse target compare with: last year's same period, else the baseline. */
  earlier: EarlierValueDTO | null;
  /** The earlier period of the same year (T1 beside delår). */
  previousPeriod: EarlierValueDTO | null;
  /** The same period last year, through the indicator's `continues` link. */
  lastYear: EarlierValueDTO | null;
  /** For "start from last period's text": the newest earlier analysis. */
  previousAnalysis: string | null;
}

const valueColumns = {
  seq: s.indicatorValues.seq,
  periodId: s.indicatorValues.periodId,
  outcome: s.indicatorValues.outcome,
  referenceNote: s.indicatorValues.referenceNote,
  analysis: s.indicatorValues.analysis,
  computedColour: s.indicatorValues.computedColour,
  chosenColour: s.indicatorValues.chosenColour,
  colourJustification: s.indicatorValues.colourJustification,
  computedTrend: s.indicatorValues.computedTrend,
  chosenTrend: s.indicatorValues.chosenTrend,
  trendJustification: s.indicatorValues.trendJustification,
  authorName: s.users.name,
  createdAt: s.indicatorValues.createdAt,
  source: s.indicatorValues.source,
  kpiId: s.indicatorValues.kpiId,
  fetchedAt: s.indicatorValues.fetchedAt,
  koladaContext: s.indicatorValues.koladaContext,
};

type ValueRow = {
  seq: number;
  periodId: string;
  outcome: number | null;
  referenceNote: string | null;
  analysis: string | null;
  computedColour: Colour;
  chosenColour: Colour | null;
  colourJustification: string | null;
  computedTrend: Trend | null;
  chosenTrend: Trend | null;
  trendJustification: string | null;
  authorName: string;
  createdAt: Date;
  source: ValueSource;
  kpiId: string | null;
  fetchedAt: Date | null;
  koladaContext: unknown;
};

function toVersion(row: ValueRow, label: string): ValueVersionDTO {
  return {
    ...row,
    periodLabel: label,
    createdAt: row.createdAt.toISOString(),
    fetchedAt: row.fetchedAt?.toISOString() ?? null,
    koladaContext: (row.koladaContext ?? null) as RankContext | null,
  };
}

function toEarlier(row: ValueRow | undefined, label: string): EarlierValueDTO | null {
  return row ? { label, outcome: row.outcome, colour: row.chosenColour ?? row.computedColour, analysis: row.analysis } : null;
}

// getIndicatorReport's two reads, run by every reporting form and every save, built once per
// database (db/prepared.ts): the indicator with the organization's periods and the period's
// approvals (its state and approvals make its lock); then the newest values of the indicator
// (and the one it continues) in the period, the period before it and last year's.
const reportIndicatorQuery = builtOnce((db) => {
  const org = sql.placeholder('organizationId');
  const board = alias(s.units, 'board');
  const responsible = alias(s.units, 'responsible');
  return db
    .select({
      id: s.indicators.id,
      name: s.indicators.name,
      unitOfMeasure: s.indicators.unitOfMeasure,
      decimals: s.indicators.decimals,
      targetLabel: s.indicators.targetLabel,
      ...judgingColumns,
      responsibleUnitId: s.indicators.responsibleUnitId,
      responsibleUnitName: responsible.name,
      goalId: s.boardGoals.id,
      goalNumber: s.boardGoals.number,
      goalText: s.boardGoals.text,
      boardName: board.name,
      periods: sql<{ id: string; year: number; kind: PeriodKind; state: PeriodState; endDate: string }[] | string>`coalesce((
        select json_agg(json_build_object('id', p.id, 'year', p.year, 'kind', p.kind, 'state', p.state, 'endDate', p.end_date) order by p.end_date)
        from ${s.periods} p where p.organization_id = ${org}
      ), '[]'::json)`,
      approvals: newestApprovalsJson(db, org, sql.placeholder('periodId')),
    })
    .from(s.indicators)
    .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
    .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
    .innerJoin(board, and(eq(board.organizationId, org), eq(board.id, s.plans.boardId)))
    .innerJoin(responsible, and(eq(responsible.organizationId, org), eq(responsible.id, s.indicators.responsibleUnitId)))
    .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, sql.placeholder('indicatorId'))))
    .prepare('indicator_report');
});

/** The values' read: every id a placeholder, null where there is none (`in` never matches null). */
const reportValuesQuery = builtOnce((db) =>
  newestVersionsQuery(
    db,
    'indicatorValues',
    sql.placeholder('organizationId'),
    { indicatorId: s.indicatorValues.indicatorId, ...valueColumns },
    and(
      inArray(s.indicatorValues.indicatorId, [sql.placeholder('indicatorId'), sql.placeholder('continuesId')]),
      inArray(s.indicatorValues.periodId, [sql.placeholder('periodId'), sql.placeholder('previousPeriodId'), sql.placeholder('lastYearPeriodId')]),
    ),
    { withAuthor: true },
  ).prepare('indicator_report_values'),
);

export async function getIndicatorReport(
  db: Db,
  user: CurrentUser | null,
  indicatorId: string,
  periodId: string,
): Promise<IndicatorReportDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'indicator');
  const [row] = await reportIndicatorQuery(db).execute({ organizationId: org, indicatorId, periodId });
  if (!row) throw new NotFoundError('indicator');
  const { periods: periodsJson, approvals: approvalsJson, ...ind } = row;
  const periods = parsedJson(periodsJson);
  const approvals = parsedJson(approvalsJson);

  const period = periods.find((p) => p.id === periodId);
  if (!period || period.year !== ind.planYear) throw new NotFoundError('period');
  const previousPeriod = periods.filter((p) => p.year === period.year && p.endDate < period.endDate).at(-1);
  const lastYearPeriod = periods.find((p) => p.year === period.year - 1 && p.kind === period.kind);

  const lock = periodLock(period.state, approvals);
  const values = await reportValuesQuery(db).execute({
    organizationId: org,
    indicatorId: ind.id,
    continuesId: ind.continuesId,
    periodId: period.id,
    previousPeriodId: previousPeriod?.id ?? null,
    lastYearPeriodId: lastYearPeriod?.id ?? null,
  });
  const find = (indicator: string | null, p: { id: string } | undefined) =>
    indicator && p ? values.find((v) => v.indicatorId === indicator && v.periodId === p.id) : undefined;
  const latestRow = find(ind.id, period);
  const previousRow = find(ind.id, previousPeriod);
  const lastYearRow = find(ind.continuesId, lastYearPeriod);

  const lastYear = lastYearPeriod ? toEarlier(lastYearRow, periodLabel(lastYearPeriod.kind, lastYearPeriod.year)) : null;
  const baseline =
    ind.baselineValue !== null && ind.baselineYear !== null && ind.baselineYear < period.year
      ? { label: `Basvärde ${ind.baselineYear}`, outcome: ind.baselineValue, colour: null, analysis: null }
      : null;
  const locked = isLockedFor(lock, ind.boardId);
  const target: Target = {
    comparator: ind.comparator,
    value: ind.targetValue,
    low: ind.targetLow,
    high: ind.targetHigh,
    direction: ind.direction,
    tolerance: ind.tolerance,
  };
  const live = isLive({ kind: 'indicator', ...ind }, period);
  const due = isDueInPeriod(ind.frequency, ind.yearlyPeriodKind, period.kind);
  return {
    indicator: {
      id: ind.id,
      name: ind.name,
      unitOfMeasure: ind.unitOfMeasure,
      decimals: ind.decimals,
      targetLabel: ind.targetLabel,
      target,
      trendTolerance: ind.trendTolerance,
      responsibleUnitId: ind.responsibleUnitId,
      responsibleUnitName: ind.responsibleUnitName,
      goalId: ind.goalId,
      goalTitle: boardGoalTitle(ind.boardName, ind.goalNumber),
      goalText: ind.goalText,
    },
    period: { id: period.id, year: period.year, kind: period.kind, state: period.state, label: periodLabel(period.kind, period.year) },
    live,
    due,
    locked,
    canReport: live && due && can(user, 'report', { kind: 'value', organizationId: org, unitIds: [ind.responsibleUnitId], locked }),
    latest: latestRow ? toVersion(latestRow, periodLabel(period.kind, period.year)) : null,
    earlier: lastYear?.outcome != null ? lastYear : baseline,
    previousPeriod: previousPeriod ? toEarlier(previousRow, periodLabel(previousPeriod.kind, previousPeriod.year)) : null,
    lastYear,
    previousAnalysis: previousRow?.analysis ?? lastYearRow?.analysis ?? null,
  };
}

/**
 * Saves a new version of the indicator's value in the period, based on version `baseSeq`
 * (0: none yet). A newer version than the base is a ConflictError carrying it.
 */
export async function saveIndicatorValue(
  db: Db,
  user: CurrentUser,
  input: IndicatorValueInput,
): Promise<{ seq: number; value: JudgedValue }> {
  const report = await getIndicatorReport(db, user, input.indicatorId, input.periodId);
  const org = user.organizationId;
  authorize(user, 'report', {
    kind: 'value',
    organizationId: org,
    unitIds: [report.indicator.responsibleUnitId],
    locked: report.locked,
  });
  if (!report.live) throw new ValidationError(ARCHIVED_MESSAGE);
  if (!report.due) throw new ValidationError('Måttet ska inte rapporteras i den här perioden.');

  // A chosen colour or arrow holds only for the value it was chosen for.
  const held = choicesThatHold(input, report.latest);
  const judged = judgeIndicatorValue(held, {
    target: report.indicator.target,
    earlier: report.earlier?.outcome ?? null,
    trendTolerance: report.indicator.trendTolerance,
  });
  if (!judged.ok) throw new ValidationError('Uppgifterna behöver rättas. Se markeringarna vid fälten.', judged.errors);
  const value = judged.value;

  const { seq } = await appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: report.latest?.seq ?? 0,
    newer: async () => (await getIndicatorReport(db, user, input.indicatorId, input.periodId)).latest,
    // The row and its audit event in one statement (db/audit.ts changeWithAudit).
    oneStatement: true,
    write: async (tx, seq) => {
      const insert = tx.insert(s.indicatorValues).values({
        organizationId: org,
        indicatorId: input.indicatorId,
        periodId: input.periodId,
        seq,
        outcome: value.outcome,
        referenceNote: input.referenceNote || null,
        analysis: input.analysis.trim() ? input.analysis : null,
        computedColour: value.computedColour,
        chosenColour: value.chosenColour,
        colourJustification: value.chosenColour ? held.colourJustification : null,
        computedTrend: value.computedTrend,
        chosenTrend: value.chosenTrend,
        trendJustification: value.chosenTrend ? held.trendJustification : null,
        judgedAgainst: { ...report.indicator.target, previous: report.earlier?.outcome ?? null },
        authorId: user.id,
        // The same outcome keeps where it came from (a unit writing its analysis under a value
        // fetched from Kolada); a new outcome is the reporter's own.
        ...(report.latest && report.latest.outcome === value.outcome && report.latest.source !== 'manual'
          ? {
              source: report.latest.source,
              kpiId: report.latest.kpiId,
              fetchedAt: report.latest.fetchedAt ? new Date(report.latest.fetchedAt) : null,
              koladaContext: report.latest.koladaContext,
            }
          : {}),
      });
      await changeWithAudit(tx, insert, {
        organizationId: org,
        actorId: user.id,
        action: 'indicator_value.save',
        entityType: 'indicator',
        entityId: input.indicatorId,
        changes: { periodId: input.periodId, seq, outcome: value.outcome, colour: value.shownColour },
      });
    },
  });
  return { seq, value };
}

/** The indicator and the ones it continues (last year's, the year before, ...), newest first. */
async function continuesChain(db: Db, organizationId: string, indicatorId: string): Promise<string[]> {
  const chain: string[] = [];
  for (let id: string | null = indicatorId; id && !chain.includes(id) && chain.length < 25; ) {
    const [row] = await db
      .select({ continuesId: s.indicators.continuesId })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, organizationId), eq(s.indicators.id, id)));
    if (!row) break;
    chain.push(id);
    id = row.continuesId;
  }
  if (!chain.length) throw new NotFoundError('indicator');
  return chain;
}

/** The indicator and every version of its values over every period and, through `continues`, earlier years (newest first). */
export async function getIndicatorHistory(db: Db, user: CurrentUser | null, indicatorId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'indicator');
  const chain = await continuesChain(db, org, indicatorId);
  const [[ind], rows] = await Promise.all([
    db
      .select({
        id: s.indicators.id,
        name: s.indicators.name,
        unitOfMeasure: s.indicators.unitOfMeasure,
        decimals: s.indicators.decimals,
        targetLabel: s.indicators.targetLabel,
        comparator: s.indicators.comparator,
        targetValue: s.indicators.targetValue,
        targetLow: s.indicators.targetLow,
        targetHigh: s.indicators.targetHigh,
      })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, indicatorId))),
    db
      .select({ ...valueColumns, year: s.periods.year, kind: s.periods.kind, endDate: s.periods.endDate })
      .from(s.indicatorValues)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.indicatorValues.authorId)))
      .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.indicatorValues.periodId)))
      .where(and(eq(s.indicatorValues.organizationId, org), inArray(s.indicatorValues.indicatorId, chain)))
      .orderBy(desc(s.periods.endDate), desc(s.indicatorValues.seq)),
  ]);
  if (!ind) throw new NotFoundError('indicator');
  return {
    indicator: ind,
    versions: rows.map((r) => ({ ...toVersion(r, periodLabel(r.kind, r.year)), periodId: r.periodId, endDate: r.endDate })),
  };
}

export type IndicatorHistoryDTO = Awaited<ReturnType<typeof getIndicatorHistory>>;
