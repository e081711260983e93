// What the REST API v1 answers (issue 17): each response as a zod schema (the OpenAPI
// document is generated from these, lib/api-openapi.ts) and the pure builders that make
// them from a period's content and the overview's parts, the same builders every page
// uses. Pure code.
import { z } from '@/lib/zod';
import { COLOURS } from './colour';
import { periodLabel, type Period } from './period';
import { ContentIndex, liveContent, type PeriodContent } from './period-content';
import type { OverviewParts } from './overview-parts';
import type { OverviewDTO } from './overview';
import { assignmentStatus } from './assignment-status';

const colour = z.enum(COLOURS);
const trend = z.enum(['better', 'same', 'worse']);
const reportStatus = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);
const id = z.uuid();

export const periodSchema = z
  .object({
    id,
    label: z.string().meta({ example: 'Delår 2024' }),
    year: z.int(),
    kind: z.enum(['T1', 'delar', 'helar']),
    endDate: z.iso.date(),
    deadline: z.iso.date().nullable(),
    state: z.enum(['draft', 'open', 'closed']),
  });

export const planSchema = z
  .object({ id, code: z.string(), year: z.int(), boardId: id, boardName: z.string(), archived: z.boolean() });

export const targetSchema = z
  .object({
    comparator: z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'between', 'not_worse']),
    value: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    direction: z.enum(['higher', 'lower']).nullable(),
    tolerance: z.number().nullable(),
  });

export const indicatorSchema = z
  .object({
    id,
    /** Null only for an indicator frozen in an approved board's snapshot that no longer exists. */
    code: z.string().nullable(),
    name: z.string(),
    unitOfMeasure: z.string().nullable(),
    decimals: z.int(),
    target: targetSchema.nullable(),
    targetLabel: z.string().meta({ example: 'Lägre än 5,00' }),
    responsibleUnitId: id,
    /** As shown for the period: an approved board's from its snapshot. */
    outcome: z.number().nullable(),
    colour: colour,
    trend: trend.nullable(),
    analysis: z.string().nullable(),
    reported: z.boolean(),
  });

export const goalSchema = z
  .object({
    id,
    boardId: id,
    boardName: z.string(),
    focusAreaId: id,
    number: z.int(),
    text: z.string(),
    rule: z.enum(['all', 'majority', 'manual']),
    colour: colour.nullable(),
    forecastColour: colour.nullable(),
    unitIds: z.array(id),
    indicators: z.array(indicatorSchema),
  });

export const goalsResponseSchema = z
  .object({ period: periodSchema, approvedBoardIds: z.array(id), goals: z.array(goalSchema) });

export const valueSchema = z
  .object({
    indicatorId: id,
    seq: z.int().meta({ description: 'The version; send it as baseSeq to write the next one.' }),
    outcome: z.number().nullable(),
    referenceNote: z.string().nullable(),
    analysis: z.string().nullable(),
    computedColour: colour,
    chosenColour: colour.nullable(),
    colourJustification: z.string().nullable(),
    computedTrend: trend.nullable(),
    chosenTrend: trend.nullable(),
    trendJustification: z.string().nullable(),
  });

export const valuesResponseSchema = z.object({ period: periodSchema, values: z.array(valueSchema) });

export const valueVersionSchema = z
  .object({
    seq: z.int(),
    periodId: id,
    periodLabel: z.string(),
    outcome: z.number().nullable(),
    referenceNote: z.string().nullable(),
    analysis: z.string().nullable(),
    computedColour: colour,
    chosenColour: colour.nullable(),
    colourJustification: z.string().nullable(),
    computedTrend: trend.nullable(),
    chosenTrend: trend.nullable(),
    trendJustification: z.string().nullable(),
    authorName: z.string(),
    createdAt: z.iso.datetime(),
  });

export const valueHistoryResponseSchema = z
  .object({
    indicator: z.object({ id, name: z.string(), unitOfMeasure: z.string().nullable(), targetLabel: z.string() }),
    versions: z.array(valueVersionSchema).meta({ description: 'Every version over every period, newest period first.' }),
  });

export const reportSchema = z
  .object({
    unitId: id,
    seq: z.int().meta({ description: 'The version; send it as baseSeq to write the next one.' }),
    status: reportStatus.nullable(),
    heading: z.string().nullable(),
    body: z.string().nullable(),
    createdAt: z.iso.datetime(),
  });

export const assignmentSchema = z
  .object({
    id,
    code: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    issuer: z.enum(['council', 'board']),
    focusAreaId: id.nullable(),
    dueDate: z.iso.date().nullable(),
    unitIds: z.array(id),
    status: reportStatus.nullable().meta({ description: 'Derived from every unit’s newest report.' }),
    reports: z.array(reportSchema),
  });

export const assignmentsResponseSchema = z
  .object({ period: periodSchema, assignments: z.array(assignmentSchema) });

export const reportHistoryResponseSchema = z
  .object({
    assignment: z.object({ id, title: z.string() }),
    versions: z.array(
      z.object({
        seq: z.int(),
        periodId: id,
        periodLabel: z.string(),
        unitId: id,
        unitName: z.string(),
        status: reportStatus.nullable(),
        cancelReason: z.string().nullable(),
        heading: z.string().nullable(),
        body: z.string().nullable(),
        authorName: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
  });

const colourCounts = z.object({ green: z.int(), yellow: z.int(), red: z.int(), grey: z.int() });

export const rollupSchema = z
  .object({
    focusAreaId: id,
    number: z.int().nullable(),
    name: z.string(),
    goals: colourCounts,
    total: z.int(),
    met: z.int(),
    metText: z.string().meta({ example: '1 av 2 mål uppfyllda' }),
    assignments: z.object({ not_started: z.int(), in_progress: z.int(), done: z.int(), cancelled: z.int(), none: z.int() }),
    overdue: z.int(),
    forecast: colourCounts.nullable(),
    lastYearMet: z.int().nullable(),
  });

export const rollupsResponseSchema = z
  .object({ period: periodSchema, boardId: id.nullable(), rollups: z.array(rollupSchema) });

export const plansResponseSchema = z.object({ plans: z.array(planSchema) });
export const periodsResponseSchema = z.object({ periods: z.array(periodSchema) });

export const writeResponseSchema = z
  .object({ seq: z.int().meta({ description: 'The version stored.' }), message: z.string() });

export type ApiPeriod = z.infer<typeof periodSchema>;

export function apiPeriod(p: Period): ApiPeriod {
  return { id: p.id, label: periodLabel(p.kind, p.year), year: p.year, kind: p.kind, endDate: p.endDate, deadline: p.deadline, state: p.state };
}

/** The period's goals with their indicators as the overview shows them (approved boards from their snapshot). */
export function apiGoals(content: PeriodContent, parts: OverviewParts): z.infer<typeof goalsResponseSchema> {
  const indicatorOf = new Map(content.indicators.map((i) => [i.id, i]));
  return {
    period: apiPeriod(content.period),
    approvedBoardIds: parts.approvedBoards,
    goals: parts.goals.map((g) => ({
      id: g.id,
      boardId: g.boardId,
      boardName: g.boardName,
      focusAreaId: g.focusAreaId,
      number: g.number,
      text: g.text,
      rule: g.rule,
      colour: g.colour,
      forecastColour: g.forecastColour,
      unitIds: g.unitIds,
      indicators: g.indicators.map((row) => {
        const ind = indicatorOf.get(row.id);
        return {
          id: row.id,
          code: ind?.code ?? null,
          name: row.name,
          unitOfMeasure: ind?.unitOfMeasure ?? null,
          decimals: row.decimals,
          target: ind?.target ?? null,
          targetLabel: row.targetLabel,
          responsibleUnitId: row.responsibleUnitId,
          outcome: row.outcome,
          colour: row.colour,
          trend: row.trend,
          analysis: row.analysis,
          reported: row.reported,
        };
      }),
    })),
  };
}

/** The newest version of every live indicator's value in the period (what a write builds on). */
export function apiValues(content: PeriodContent): z.infer<typeof valuesResponseSchema> {
  const live = liveContent(content);
  const liveIds = new Set(live.indicators.map((i) => i.id));
  return {
    period: apiPeriod(content.period),
    values: live.values
      .filter((v) => liveIds.has(v.indicatorId))
      .map((v) => ({
        indicatorId: v.indicatorId,
        seq: v.seq,
        outcome: v.outcome,
        referenceNote: v.referenceNote,
        analysis: v.analysis,
        computedColour: v.computedColour,
        chosenColour: v.chosenColour,
        colourJustification: v.colourJustification,
        computedTrend: v.computedTrend,
        chosenTrend: v.chosenTrend,
        trendJustification: v.trendJustification,
      })),
  };
}

/** The live assignments of the period with each responsible unit's newest report. */
export function apiAssignments(content: PeriodContent): z.infer<typeof assignmentsResponseSchema> {
  const live = liveContent(content);
  const index = new ContentIndex(live);
  return {
    period: apiPeriod(content.period),
    assignments: live.assignments.map((a) => {
      const reports = a.unitIds.flatMap((unitId) => {
        const r = index.report(a.id, unitId);
        return r ? [{ unitId, seq: r.seq, status: r.status, heading: r.heading, body: r.body, createdAt: r.createdAt }] : [];
      });
      return {
        id: a.id,
        code: a.code,
        title: a.title,
        description: a.description,
        issuer: a.issuer,
        focusAreaId: a.focusAreaId,
        dueDate: a.dueDate,
        unitIds: a.unitIds,
        status: assignmentStatus(a.unitIds.map((u) => index.report(a.id, u)?.status ?? null)),
        reports,
      };
    }),
  };
}

/** The rollup per målområde, exactly as the overview shows it. */
export function apiRollups(overview: OverviewDTO): z.infer<typeof rollupsResponseSchema> {
  return {
    period: apiPeriod(overview.period),
    boardId: overview.boardId,
    rollups: overview.focusAreas.map((a) => ({
      focusAreaId: a.id,
      number: a.number,
      name: a.name,
      goals: a.rollup.goals,
      total: a.rollup.total,
      met: a.rollup.met,
      metText: a.rollup.metText,
      assignments: a.rollup.assignments,
      overdue: a.rollup.overdue,
      forecast: a.forecast,
      lastYearMet: a.lastYearMet,
    })),
  };
}
