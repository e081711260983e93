// Excel import of indicator values: the template's rows, the dry run (every row checked
// by the same rules as a save in the form: the indicator's code and the period, due-ness,
// locks, the judged colour against the same earlier value, analysis when not green) and
// the apply, which writes every changed row as a new history version in one transaction,
// or nothing at all.
import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { ConflictError, isUniqueViolation } from '@/lib/errors';
import { isLockedFor, loadPeriodLock, type PeriodLock } from '../locks';
import { judgingColumns } from '../indicator-judging';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import type { Target } from '@/lib/target';
import type { Colour } from '@/lib/colour';
import { isDueInPeriod } from '@/lib/frequency';
import { isLive } from '@/lib/live';
import { ImportProblemsError, normalizeText } from '@/lib/excel-import';
import { periodLabel } from '@/lib/period';
import { parseSwedishNumber } from '@/lib/swedish-number';
import { choicesThatHold, judgeIndicatorValue, MAX_TEXT, type JudgedValue } from '@/lib/indicator-value-input';
import type { ImportProblem, ImportRow, TemplateRow, ValueColumn } from '@/lib/value-import';

export const IMPORT_REASON = 'Import från Excel';
const MAX_REFERENCE_NOTE = 300;
const CHUNK = 500;

export interface ValueSnapshot {
  outcome: number | null;
  referenceNote: string | null;
  analysis: string | null;
}

export interface ImportChange {
  row: number;
  code: string;
  period: string;
  decimals: number;
  /** The newest version now (null: nothing saved yet). */
  before: ValueSnapshot | null;
  after: ValueSnapshot;
  colour: Colour;
}

export interface DryRunResult {
  rows: number;
  problems: ImportProblem[];
  changes: ImportChange[];
  unchanged: number;
}

type PeriodRow = { id: string; year: number; kind: 'T1' | 'delar' | 'helar'; state: 'draft' | 'open' | 'closed' };

interface PlannedWrite {
  indicatorId: string;
  periodId: string;
  seq: number;
  value: JudgedValue;
  snapshot: ValueSnapshot;
  colourJustification: string | null;
  trendJustification: string | null;
  judgedAgainst: Record<string, unknown>;
}

const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Loads every indicator with its plan and board, every period, and their locks. */
async function loadContext(db: Db, org: string) {
  const [indicators, periods] = await Promise.all([
    db
      .select({
        id: s.indicators.id,
        code: s.indicators.code,
        name: s.indicators.name,
        decimals: s.indicators.decimals,
        targetLabel: s.indicators.targetLabel,
        ...judgingColumns,
        sortOrder: s.indicators.sortOrder,
      })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(eq(s.indicators.organizationId, org))
      .orderBy(s.plans.year, s.boardGoals.sortOrder, s.boardGoals.number, s.indicators.sortOrder, s.indicators.code),
    db
      .select({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, state: s.periods.state })
      .from(s.periods)
      .where(eq(s.periods.organizationId, org))
      .orderBy(s.periods.endDate),
  ]);
  const locks = new Map<string, PeriodLock>();
  for (const p of periods) locks.set(p.id, (await loadPeriodLock(db, org, p.id))!);
  return { indicators, periods: periods as PeriodRow[], locks };
}

type Indicator = Awaited<ReturnType<typeof loadContext>>['indicators'][number];

/** The one rule of what is live (lib/live.ts): an indicator of this year's plan, none of plan, goal or indicator archived. */
const isLiveIn = (ind: Indicator, period: { year: number }) =>
  isLive(
    { kind: 'indicator', planYear: ind.planYear, planArchivedAt: ind.planArchivedAt, goalArchivedAt: ind.goalArchivedAt, archivedAt: ind.archivedAt },
    period,
  );

/** The newest version per (indicator, period) of the given indicators and periods. */
async function newestVersions(db: Db, org: string, indicatorIds: string[], periodIds: string[]) {
  const found = new Map<string, typeof s.indicatorValues.$inferSelect>();
  if (!periodIds.length) return found;
  for (let i = 0; i < indicatorIds.length; i += CHUNK) {
    const rows = await db
      .selectDistinctOn([s.indicatorValues.indicatorId, s.indicatorValues.periodId])
      .from(s.indicatorValues)
      .where(
        and(
          eq(s.indicatorValues.organizationId, org),
          inArray(s.indicatorValues.indicatorId, indicatorIds.slice(i, i + CHUNK)),
          inArray(s.indicatorValues.periodId, periodIds),
        ),
      )
      .orderBy(s.indicatorValues.indicatorId, s.indicatorValues.periodId, desc(s.indicatorValues.seq));
    for (const r of rows) found.set(`${r.indicatorId}|${r.periodId}`, r);
  }
  return found;
}

const sameText = (a: string | null, b: string | null) => normalizeText(a) === normalizeText(b);

/** Checks every row; returns the problems, the planned writes and what they change. */
async function plan(db: Db, user: CurrentUser, rows: ImportRow[]) {
  const org = authorizeInOwnOrganization(user, 'manage', 'value');
  const { indicators, periods, locks } = await loadContext(db, org);
  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));
  const periodByLabel = new Map(periods.map((p) => [labelKey(periodLabel(p.kind, p.year)), p]));

  const problems: ImportProblem[] = [];
  const problem = (row: ImportRow, column: ValueColumn | null, message: string) =>
    problems.push({ sheet: row.sheet, row: row.row, column, message });

  // First pass: resolve code and period; collect what to read.
  const resolved: { row: ImportRow; ind: Indicator; period: PeriodRow }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const ind = byCode.get(row.code.trim().toLowerCase());
    const period = periodByLabel.get(labelKey(row.period));
    if (!ind) problem(row, 'Kod', `Okänd kod: ${row.code}.`);
    if (!period) problem(row, 'Period', `Okänd period: ${row.period}. Skriv till exempel "Delår 2024".`);
    if (!ind || !period) continue;
    const key = `${ind.id}|${period.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(row, 'Kod', `Samma mått och period finns redan på rad ${first}.`);
      continue;
    }
    seen.set(key, row.row);
    resolved.push({ row, ind, period });
  }

  // The newest versions of the rows' items, and of last year's items (the earlier value).
  const lastYearOf = (p: PeriodRow) => periods.find((q) => q.year === p.year - 1 && q.kind === p.kind);
  const indicatorIds = new Set<string>();
  const periodIds = new Set<string>();
  for (const { ind, period } of resolved) {
    indicatorIds.add(ind.id);
    periodIds.add(period.id);
    const lastYear = lastYearOf(period);
    if (ind.continuesId && lastYear) {
      indicatorIds.add(ind.continuesId);
      periodIds.add(lastYear.id);
    }
  }
  const newest = await newestVersions(db, org, [...indicatorIds], [...periodIds]);

  // Rows are judged in the order of their periods (last year's first), and a row's earlier
  // value is the one this file gives last year's item when it has a row for it: one file with
  // 2023 and 2024 judges 2024 exactly as a 2023 file applied first would, whatever the order
  // of the rows.
  const periodOrder = new Map(periods.map((p, i) => [p.id, i]));
  resolved.sort((a, b) => periodOrder.get(a.period.id)! - periodOrder.get(b.period.id)! || a.row.row - b.row.row);
  /** The outcome each resolved row leaves its (indicator, period) with, when the file is applied. */
  const outcomeAfter = new Map<string, number | null>();
  const outcomeOf = (indicatorId: string, periodId: string) => {
    const key = `${indicatorId}|${periodId}`;
    return outcomeAfter.has(key) ? outcomeAfter.get(key)! : (newest.get(key)?.outcome ?? null);
  };

  const writes: PlannedWrite[] = [];
  const changes: ImportChange[] = [];
  let unchanged = 0;
  for (const { row, ind, period } of resolved) {
    const label = periodLabel(period.kind, period.year);
    if (period.year !== ind.planYear) {
      problem(row, 'Period', `Måttet hör till planen för ${ind.planYear}, inte till ${label}.`);
      continue;
    }
    if (!isLiveIn(ind, period)) {
      // The plan's year matches (above), so what is not live is archived: plan, goal or indicator.
      problem(row, 'Kod', 'Måttet är arkiverat och tar inte emot värden.');
      continue;
    }
    if (!isDueInPeriod(ind.frequency, ind.yearlyPeriodKind, period.kind)) {
      problem(row, 'Period', `Måttet ska inte rapporteras i ${label}.`);
      continue;
    }
    const lock = locks.get(period.id)!;
    if (isLockedFor(lock, ind.boardId)) {
      const message =
        lock.periodState === 'closed'
          ? `${label} är stängd. Inga värden kan sparas.`
          : lock.periodState === 'draft'
            ? `${label} är inte öppen för rapportering än.`
            : `Nämndens ${label} är attesterad och låst.`;
      problem(row, 'Period', message);
      continue;
    }

    const parsed = parseSwedishNumber(row.outcome);
    if (!parsed.ok) {
      problem(row, 'Utfall', `${parsed.error} "${row.outcome}" är inte ett tal.`);
      continue;
    }
    if (row.referenceNote.length > MAX_REFERENCE_NOTE) {
      problem(row, 'Avser', `Noteringen får vara högst ${MAX_REFERENCE_NOTE} tecken.`);
      continue;
    }
    if (row.analysis.length > MAX_TEXT) {
      problem(row, 'Analys', `Analysen får vara högst ${MAX_TEXT.toLocaleString('sv-SE')} tecken.`);
      continue;
    }

    // The earlier value, exactly as getIndicatorReport finds it: last year's same period
    // through `continues` when measured, else the baseline from an earlier year.
    const lastYear = lastYearOf(period);
    const lastYearOutcome = ind.continuesId && lastYear ? outcomeOf(ind.continuesId, lastYear.id) : null;
    const earlier =
      lastYearOutcome !== null
        ? lastYearOutcome
        : ind.baselineValue !== null && ind.baselineYear !== null && ind.baselineYear < period.year
          ? ind.baselineValue
          : null;
    const target: Target = {
      comparator: ind.comparator,
      value: ind.targetValue,
      low: ind.targetLow,
      high: ind.targetHigh,
      direction: ind.direction,
      tolerance: ind.tolerance,
    };

    const latest = newest.get(`${ind.id}|${period.id}`);
    const snapshot: ValueSnapshot = {
      outcome: parsed.value,
      referenceNote: normalizeText(row.referenceNote) || null,
      analysis: normalizeText(row.analysis) || null,
    };
    // Unchanged: the same as the newest version (whitespace aside), or an empty row where
    // nothing is saved yet (the untouched template's row of an indicator not yet reported).
    const same = latest
      ? latest.outcome === snapshot.outcome && sameText(latest.referenceNote, snapshot.referenceNote) && sameText(latest.analysis, snapshot.analysis)
      : snapshot.outcome === null && snapshot.referenceNote === null && snapshot.analysis === null;
    if (same) {
      outcomeAfter.set(`${ind.id}|${period.id}`, latest?.outcome ?? null);
      unchanged += 1;
      continue;
    }

    // A reporter's earlier choices (colour, arrow) stand, as in the form, where the rules allow
    // them and only while the outcome they were chosen for stays (choicesThatHold).
    const held = choicesThatHold(
      {
        outcome: row.outcome,
        chosenColour: latest?.chosenColour ?? '',
        colourJustification: latest?.colourJustification ?? '',
        chosenTrend: latest?.chosenTrend ?? '',
        trendJustification: latest?.trendJustification ?? '',
      },
      latest ?? null,
    );
    const judged = judgeIndicatorValue({ ...held, analysis: snapshot.analysis ?? '' }, { target, earlier, trendTolerance: ind.trendTolerance });
    if (!judged.ok) {
      if (judged.errors.analysis) problem(row, 'Analys', 'Analys krävs när måluppfyllelsen inte blir grön.');
      if (judged.errors.outcome) problem(row, 'Utfall', judged.errors.outcome.join(' '));
      for (const [field, messages] of Object.entries(judged.errors)) {
        if (field !== 'analysis' && field !== 'outcome') problem(row, null, (messages ?? []).join(' '));
      }
      continue;
    }
    const value = judged.value;
    outcomeAfter.set(`${ind.id}|${period.id}`, snapshot.outcome);
    writes.push({
      indicatorId: ind.id,
      periodId: period.id,
      seq: (latest?.seq ?? 0) + 1,
      value,
      snapshot,
      colourJustification: value.chosenColour ? held.colourJustification : null,
      trendJustification: value.chosenTrend ? held.trendJustification : null,
      judgedAgainst: { ...target, previous: earlier },
    });
    changes.push({
      row: row.row,
      code: ind.code,
      period: label,
      decimals: ind.decimals,
      before: latest ? { outcome: latest.outcome, referenceNote: latest.referenceNote, analysis: latest.analysis } : null,
      after: snapshot,
      colour: value.shownColour,
    });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  changes.sort((a, b) => a.row - b.row);
  return { org, problems, writes, changes, unchanged };
}

/** Checks the rows without writing anything: the problems, or what an import would change. */
export async function dryRunValueImport(db: Db, user: CurrentUser, rows: ImportRow[]): Promise<DryRunResult> {
  const { problems, changes, unchanged } = await plan(db, user, rows);
  return { rows: rows.length, problems, changes, unchanged };
}

/**
 * Checks the rows again and writes every changed one as a new version, all in one
 * transaction; any problem writes nothing (ValidationError), and a version saved by
 * someone else meanwhile rolls everything back (ConflictError).
 */
export async function applyValueImport(
  db: Db,
  user: CurrentUser,
  rows: ImportRow[],
): Promise<{ written: number; unchanged: number }> {
  const { org, problems, writes, unchanged } = await plan(db, user, rows);
  if (problems.length) throw new ImportProblemsError(problems);
  if (!writes.length) return { written: 0, unchanged };
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < writes.length; i += CHUNK) {
        await tx.insert(s.indicatorValues).values(
          writes.slice(i, i + CHUNK).map((w) => ({
            organizationId: org,
            indicatorId: w.indicatorId,
            periodId: w.periodId,
            seq: w.seq,
            outcome: w.snapshot.outcome,
            referenceNote: w.snapshot.referenceNote,
            analysis: w.snapshot.analysis,
            computedColour: w.value.computedColour,
            chosenColour: w.value.chosenColour,
            colourJustification: w.colourJustification,
            computedTrend: w.value.computedTrend,
            chosenTrend: w.value.chosenTrend,
            trendJustification: w.trendJustification,
            judgedAgainst: w.judgedAgainst,
            authorId: user.id,
            reason: IMPORT_REASON,
            source: 'import' as const,
          })),
        );
      }
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'indicator_value.import',
        entityType: 'indicator_value',
        entityId: null,
        changes: { rows: rows.length, written: writes.length, unchanged },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError(null); // someone saved a value meanwhile: nothing was written
  }
  return { written: writes.length, unchanged };
}

/** The template's rows: every indicator due in an open period that can be reported on now, with its newest values. */
export async function getValueTemplateRows(db: Db, user: CurrentUser | null): Promise<TemplateRow[]> {
  const org = authorizeInOwnOrganization(user, 'manage', 'value');
  const { indicators, periods, locks } = await loadContext(db, org);
  const open = periods.filter((p) => p.state === 'open');
  const pairs = open.flatMap((period) =>
    indicators
      .filter(
        (ind) =>
          isLiveIn(ind, period) &&
          isDueInPeriod(ind.frequency, ind.yearlyPeriodKind, period.kind) &&
          !isLockedFor(locks.get(period.id)!, ind.boardId),
      )
      .map((ind) => ({ ind, period })),
  );
  const newest = await newestVersions(
    db,
    org,
    [...new Set(pairs.map((p) => p.ind.id))],
    open.map((p) => p.id),
  );
  return pairs.map(({ ind, period }) => {
    const latest = newest.get(`${ind.id}|${period.id}`);
    return {
      code: ind.code,
      period: periodLabel(period.kind, period.year),
      outcome: latest?.outcome ?? null,
      decimals: ind.decimals,
      referenceNote: latest?.referenceNote ?? null,
      analysis: latest?.analysis ?? null,
      name: ind.name,
      targetLabel: ind.targetLabel,
    };
  });
}
