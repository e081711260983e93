// "Avvikelser": only what needs attention in a period — indicators that miss their target
// or get worse, indicators not reported, goals not met (or not expected to be), assignments
// overdue or without a report, units not marked ready, and items sent back for revision
// that are not answered yet. For the whole kommun or one board; a pure function of the
// period's live content.
import type { CurrentUser } from './current-user';
import { isDueInPeriod } from './frequency';
import { goalAttainment } from './goal-rule';
import { assignmentStatus, isOverdue, overdueDay, OVERDUE_LABEL, type ReportStatus } from './assignment-status';
import { colourLabel, type Colour } from './colour';
import type { Trend } from './trend';
import { formatOutcome } from './swedish-number';
import { formatDate, periodLabel, type Period } from './period';
import { boardGoalTitle } from './swedish-text';
import { liveContent, type PeriodContent } from './period-content';
import { UnitTree } from './unit-tree';
import { picksReportingUnit } from './my-reporting';
import { formatDateTime } from './time-format';
import { pageOfSections, type PageInfo } from './paging';

export type DeviationKind =
  | 'indicator_not_met'
  | 'indicator_not_reported'
  | 'goal_not_met'
  | 'assignment_overdue_or_unreported'
  | 'unit_not_ready'
  | 'sent_back';

export interface DeviationDTO {
  kind: DeviationKind;
  /** The indicator, goal or assignment; for 'unit_not_ready' the unit. */
  itemId: string;
  title: string;
  /** What the item is, in a few words ("Mått under Kommunstyrelsens mål 3"). */
  context: string;
  /** The unit that answers (for goals: the addressed units, comma separated). */
  unitId: string | null;
  unitName: string;
  /** Swedish text: why the item is listed. */
  detail: string;
  href: string;
  /** The shown colour (indicators, goals). */
  colour?: Colour;
  /** The shown trend (indicators). */
  trend?: Trend | null;
  /** Indicators: the outcome, formatted ("15"), and the target as shown (">20"). */
  outcome?: string;
  targetLabel?: string;
  /** Goals: the forecast for the full year, where one is given. */
  forecastColour?: Colour;
  /** Assignments: why listed. */
  overdue?: boolean;
  missingReport?: boolean;
  /** 'sent_back': the director's comment, who sent it and when (ISO timestamp). */
  sentBack?: { comment: string; authorName: string; createdAt: string; itemKind: 'indicator' | 'goal' | 'assignment' };
}

export interface DeviationGroupDTO {
  kind: DeviationKind;
  heading: string;
  /** The group's entries (of the page shown, once paged). */
  entries: DeviationDTO[];
  /** Entries of the group over all pages. */
  count: number;
}

export interface DeviationsDTO {
  period: Period;
  /** The board filtered on, or null for the whole kommun. */
  board: { id: string; name: string } | null;
  /** Every kind in a fixed order, also those with no entries. */
  groups: DeviationGroupDTO[];
  /** Entries over all groups. */
  total: number;
  /** The page shown; one page holding everything when no page was asked for. */
  page: PageInfo;
}

/** Entries per page of Avvikelser: the page stays small at any size of kommun (issue 19). */
export const DEVIATIONS_PER_PAGE = 40;

const HEADINGS: Record<DeviationKind, string> = {
  indicator_not_met: 'Mått som inte når målet eller försämras',
  indicator_not_reported: 'Mått som inte är rapporterade',
  goal_not_met: 'Mål som inte uppfylls eller inte väntas uppfyllas',
  assignment_overdue_or_unreported: 'Uppdrag som är försenade eller saknar återrapportering',
  unit_not_ready: 'Enheter som inte är klarmarkerade eller är klarmarkerade med skäl',
  sent_back: 'Skickat tillbaka för komplettering',
};

/** The order of the sections. */
export const DEVIATION_KINDS: readonly DeviationKind[] = [
  'indicator_not_met',
  'indicator_not_reported',
  'goal_not_met',
  'assignment_overdue_or_unreported',
  'unit_not_ready',
  'sent_back',
];

export function deviationHeading(kind: DeviationKind): string {
  return HEADINGS[kind];
}


/** "2 mått, 1 mål och 3 uppdrag" (the nouns are the same in singular and plural). */
function countPhrase(counts: { indicators: number; goals: number; assignments: number }): string {
  const parts = [
    counts.indicators ? `${counts.indicators} mått` : null,
    counts.goals ? `${counts.goals} mål` : null,
    counts.assignments ? `${counts.assignments} uppdrag` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)}`;
}

/**
 * What needs attention in a period, for the whole kommun (boardId null) or one board: its
 * plans' goals and indicators, the assignments it issued or its units answer for, its units
 * (and external units answering for its items). `today` (ISO date) decides what is overdue.
 * `page`: that page of DEVIATIONS_PER_PAGE entries (every section keeps its count); without
 * it, every entry.
 */
export function buildDeviations(
  content: PeriodContent,
  user: CurrentUser | null,
  boardId: string | null,
  today: string,
  page: number | null = null,
): DeviationsDTO {
  const live = liveContent(content);
  return assemble({
    page,
    user,
    period: live.period,
    tree: new UnitTree(live.units),
    boardId,
    today,
    // Every live indicator of the year's plans (also those not due: goals are judged on all).
    indicatorRows: live.indicators.map((i) => ({
      id: i.id,
      goalId: i.goalId,
      name: i.name,
      unitOfMeasure: i.unitOfMeasure,
      decimals: i.decimals,
      targetLabel: i.targetLabel,
      frequency: i.frequency,
      yearlyPeriodKind: i.yearlyPeriodKind,
      unitId: i.responsibleUnitId,
    })),
    goalRows: live.goals.map((g) => ({ id: g.id, number: g.number, text: g.text, rule: g.rule, boardId: g.boardId })),
    goalUnitRows: live.goals.flatMap((g) => g.unitIds.map((unitId) => ({ goalId: g.id, unitId }))),
    assignmentRows: live.assignments.flatMap((a) =>
      a.unitIds.map((unitId) => ({ id: a.id, title: a.title, issuer: a.issuer, issuerBoardId: a.issuerBoardId, dueDate: a.dueDate, unitId })),
    ),
    values: live.values,
    assessments: live.assessments,
    reports: live.reports,
    readiness: live.readiness,
    requests: live.revisions.filter((r): r is typeof r & { itemKind: 'indicator' | 'goal' | 'assignment' } => r.itemKind !== 'narrative'),
  });
}

// ---------------------------------------------------------------- in memory

interface Loaded {
  page: number | null;
  user: CurrentUser | null;
  period: Period;
  tree: UnitTree;
  boardId: string | null;
  today: string;
  indicatorRows: {
    id: string;
    goalId: string;
    name: string;
    unitOfMeasure: string | null;
    decimals: number;
    targetLabel: string;
    frequency: 'every_period' | 'yearly';
    yearlyPeriodKind: Period['kind'] | null;
    unitId: string;
  }[];
  goalRows: { id: string; number: number; text: string; rule: 'all' | 'majority' | 'manual'; boardId: string }[];
  goalUnitRows: { goalId: string; unitId: string }[];
  assignmentRows: {
    id: string;
    title: string;
    issuer: 'council' | 'board';
    issuerBoardId: string | null;
    dueDate: string | null;
    unitId: string;
  }[];
  values: {
    indicatorId: string;
    outcome: number | null;
    computedColour: Colour;
    chosenColour: Colour | null;
    computedTrend: Trend | null;
    chosenTrend: Trend | null;
  }[];
  assessments: { goalId: string; computedColour: Colour | null; chosenColour: Colour | null; forecastColour: Colour | null }[];
  reports: { assignmentId: string; unitId: string; status: ReportStatus | null }[];
  readiness: { unitId: string; ready: boolean; comment: string | null }[];
  requests: {
    itemKind: 'indicator' | 'goal' | 'assignment';
    itemId: string;
    unitId: string;
    comment: string;
    createdAt: string;
    authorName: string;
  }[];
}

function assemble(d: Loaded): DeviationsDTO {
  const { period, tree, boardId } = d;
  const q = `?period=${period.id}`;
  const periodName = periodLabel(period.kind, period.year).toLowerCase();
  const picksUnit = d.user ? picksReportingUnit(d.user) : false;
  const byBoard = (board: string | null) => boardId === null || board === boardId;

  const goalById = new Map(d.goalRows.map((g) => [g.id, g]));
  const goalTitle = (g: Loaded['goalRows'][number]) => boardGoalTitle(tree.name(g.boardId), g.number);
  const valueOf = new Map(d.values.map((v) => [v.indicatorId, v]));
  const assessmentOf = new Map(d.assessments.map((a) => [a.goalId, a]));
  const reportOf = new Map(d.reports.map((r) => [`${r.assignmentId}:${r.unitId}`, r]));
  const readinessOf = new Map(d.readiness.map((r) => [r.unitId, r]));
  /** Rows by a key, in their order (the lists grow in place: no copy per row). */
  const groupBy = <T,>(rows: T[], key: (row: T) => string) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return map;
  };
  const unitsOfGoal = new Map([...groupBy(d.goalUnitRows, (gu) => gu.goalId)].map(([goalId, rows]) => [goalId, rows.map((gu) => gu.unitId)]));

  // Indicators of live goals only (the goal query already drops archived goals and plans).
  const indicators = d.indicatorRows.filter((i) => goalById.has(i.goalId));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const indicatorsOfGoal = groupBy(indicators, (i) => i.goalId);
  const shownColour = (indicatorId: string): Colour => {
    const v = valueOf.get(indicatorId);
    return v ? (v.chosenColour ?? v.computedColour) : 'grey';
  };
  const boardOfIndicator = (i: (typeof indicators)[number]) => goalById.get(i.goalId)!.boardId;
  const indicatorContext = (i: (typeof indicators)[number]) => `Mått under ${goalTitle(goalById.get(i.goalId)!)}`;

  // Each section's entries as they are found, each made into its DTO (its words, its link) only
  // if it falls on the page shown: the whole kommun has thousands, a page shows 40 (issue 19).
  const groups: Record<DeviationKind, (() => DeviationDTO)[]> = {
    indicator_not_met: [],
    indicator_not_reported: [],
    goal_not_met: [],
    assignment_overdue_or_unreported: [],
    unit_not_ready: [],
    sent_back: [],
  };

  // What each unit answers for in the period (over the whole kommun), and for the filtered board.
  const answers = new Map<string, { indicators: number; goals: number; assignments: number; forBoard: boolean }>();
  const answer = (unitId: string, what: 'indicators' | 'goals' | 'assignments', forBoard: boolean) => {
    const a = answers.get(unitId) ?? { indicators: 0, goals: 0, assignments: 0, forBoard: false };
    a[what] += 1;
    a.forBoard ||= forBoard;
    answers.set(unitId, a);
  };

  // ---- indicators
  const dueIndicators = indicators.filter((i) => isDueInPeriod(i.frequency, i.yearlyPeriodKind, period.kind));
  for (const i of dueIndicators) {
    const inScope = byBoard(boardOfIndicator(i));
    answer(i.unitId, 'indicators', inScope);
    if (!inScope) continue;
    const base = () => ({
      itemId: i.id,
      title: i.name,
      context: indicatorContext(i),
      unitId: i.unitId,
      unitName: tree.name(i.unitId),
      href: `/rapportering/matt/${i.id}${q}`,
    });
    const v = valueOf.get(i.id);
    if (!v) {
      groups.indicator_not_reported.push(() => ({
        ...base(),
        kind: 'indicator_not_reported',
        detail: `Inget värde är rapporterat för ${periodName}. Målvärde: ${i.targetLabel}.`,
        targetLabel: i.targetLabel,
      }));
      continue;
    }
    const colour = v.chosenColour ?? v.computedColour;
    const trend = v.chosenTrend ?? v.computedTrend;
    const notMet = colour === 'red' || colour === 'yellow';
    const worse = trend === 'worse';
    if (!notMet && !worse) continue;
    groups.indicator_not_met.push(() => {
      const outcome = formatOutcome(v.outcome, i.decimals);
      const outcomeText = v.outcome === null ? 'inget utfall' : `${outcome}${i.unitOfMeasure ? ` ${i.unitOfMeasure}` : ''}`;
      const reasons = [notMet ? colourLabel(colour).toLowerCase() : null, worse ? 'sämre än året innan' : null].filter(Boolean);
      return {
        ...base(),
        kind: 'indicator_not_met',
        detail: `Utfall: ${outcomeText}. Målvärde: ${i.targetLabel}. ${capitalize(reasons.join(' och '))}.`,
        colour,
        trend,
        outcome,
        targetLabel: i.targetLabel,
      };
    });
  }

  // ---- goals
  for (const g of d.goalRows) {
    const inScope = byBoard(g.boardId);
    const unitIds = unitsOfGoal.get(g.id) ?? [];
    for (const u of unitIds) answer(u, 'goals', inScope);
    if (!inScope) continue;
    const assessed = assessmentOf.get(g.id);
    const byRule = goalAttainment(
      g.rule,
      (indicatorsOfGoal.get(g.id) ?? []).map((i) => shownColour(i.id)),
    );
    const assessedColour = assessed ? (assessed.chosenColour ?? assessed.computedColour) : null;
    const colour = assessed ? assessedColour : byRule;
    const forecast = assessed?.forecastColour ?? null;
    const notMet = colour === 'red';
    const forecastNotMet = forecast === 'red' || forecast === 'yellow';
    if (!notMet && !forecastNotMet) continue;
    groups.goal_not_met.push(() => {
      const parts = [
        colour
          ? assessed
            ? `Bedömning: ${colourLabel(colour).toLowerCase()}.`
            : `Enligt målets mått: ${colourLabel(colour).toLowerCase()} (ingen bedömning är gjord ännu).`
          : 'Ingen bedömning är gjord ännu.',
        forecast ? `Prognos för helåret: ${colourLabel(forecast).toLowerCase()}.` : null,
      ].filter(Boolean);
      return {
        kind: 'goal_not_met',
        itemId: g.id,
        title: `${goalTitle(g)}: ${g.text}`,
        context: 'Mål',
        unitId: unitIds[0] ?? null,
        unitName: unitIds.map((u) => tree.name(u)).join(', '),
        detail: parts.join(' '),
        href: `/rapportering/mal/${g.id}${q}`,
        ...(colour ? { colour } : {}),
        ...(forecast ? { forecastColour: forecast } : {}),
      };
    });
  }

  // ---- assignments
  const unitsOfAssignment = groupBy(d.assignmentRows, (a) => a.id);
  const assignmentById = new Map<string, Loaded['assignmentRows'][number]>();
  // An assignment's unit entry belongs to the board that issued it and to the unit's own board.
  const assignmentUnitInScope = (a: Loaded['assignmentRows'][number], unitId: string) =>
    boardId === null || a.issuerBoardId === boardId || tree.boardOf(unitId) === boardId;
  for (const rows of unitsOfAssignment.values()) {
    const first = rows[0]!;
    assignmentById.set(first.id, first);
    const statuses = rows.map((r) => reportOf.get(`${r.id}:${r.unitId}`)?.status ?? null);
    const status = assignmentStatus(statuses);
    const overdue = isOverdue(status, first.dueDate, overdueDay(period, d.today));
    const closed = status === 'done' || status === 'cancelled';
    for (const [index, r] of rows.entries()) {
      const inScope = assignmentUnitInScope(r, r.unitId);
      const report = reportOf.get(`${r.id}:${r.unitId}`);
      const unitStatus = statuses[index] ?? null;
      const unitClosed = unitStatus === 'done' || unitStatus === 'cancelled';
      if (!closed) answer(r.unitId, 'assignments', inScope);
      if (!inScope) continue;
      const unitOverdue = overdue && !unitClosed;
      const missing = !report && !closed;
      if (!unitOverdue && !missing) continue;
      groups.assignment_overdue_or_unreported.push(() => {
        const parts = [
          unitOverdue ? `${OVERDUE_LABEL}: skulle vara klart ${formatDate(first.dueDate!)}.` : null,
          missing ? `Ingen återrapportering för ${periodName}.` : null,
        ].filter(Boolean);
        return {
          kind: 'assignment_overdue_or_unreported',
          itemId: r.id,
          title: r.title,
          context: r.issuer === 'council' ? 'Uppdrag från kommunfullmäktige' : 'Uppdrag från nämnden',
          unitId: r.unitId,
          unitName: tree.name(r.unitId),
          detail: parts.join(' '),
          href: `/rapportering/uppdrag/${r.id}/${r.unitId}${q}`,
          overdue: unitOverdue,
          missingReport: missing,
        };
      });
    }
  }

  // ---- units not ready: in tree order
  for (const u of tree.units) {
    const a = answers.get(u.id);
    if (!a) continue;
    const board = tree.boardOf(u.id);
    if (boardId !== null && !(board === boardId || (board === null && a.forBoard))) continue;
    const readiness = readinessOf.get(u.id);
    const ready = readiness?.ready;
    // A unit ready with a reason (items were missing) stays listed, with its reason for the reviewer.
    if (ready === true && !readiness?.comment) continue;
    groups.unit_not_ready.push(() => {
      const state =
        ready === true
          ? `Klarmarkerad trots att allt inte var rapporterat. Skäl: ”${readiness!.comment}”.`
          : ready === false
            ? 'Klarmarkeringen är borttagen.'
            : `Inte klarmarkerad för ${periodName}.`;
      return {
        kind: 'unit_not_ready',
        itemId: u.id,
        title: u.name,
        context: 'Klarmarkering',
        unitId: u.id,
        unitName: u.name,
        detail: `${state} Svarar för ${countPhrase(a)}.`,
        href: `/rapportering${q}${picksUnit ? `&enhet=${u.id}` : ''}`,
      };
    });
  }

  // ---- sent back, not yet answered (oldest first)
  for (const r of d.requests) {
    let item: { title: string; context: string; href: string; board: boolean } | null = null;
    if (r.itemKind === 'indicator') {
      const i = indicatorById.get(r.itemId);
      if (i) item = { title: i.name, context: indicatorContext(i), href: `/rapportering/matt/${i.id}${q}`, board: byBoard(boardOfIndicator(i)) };
    } else if (r.itemKind === 'goal') {
      const g = goalById.get(r.itemId);
      if (g) item = { title: `${goalTitle(g)}: ${g.text}`, context: 'Mål', href: `/rapportering/mal/${g.id}${q}`, board: byBoard(g.boardId) };
    } else {
      const a = assignmentById.get(r.itemId);
      if (a) {
        item = {
          title: a.title,
          context: a.issuer === 'council' ? 'Uppdrag från kommunfullmäktige' : 'Uppdrag från nämnden',
          href: `/rapportering/uppdrag/${a.id}/${r.unitId}${q}`,
          board: assignmentUnitInScope(a, r.unitId),
        };
      }
    }
    if (!item || !item.board) continue; // archived, or another board's
    const shown = item;
    groups.sent_back.push(() => ({
      kind: 'sent_back',
      itemId: r.itemId,
      title: shown.title,
      context: shown.context,
      unitId: r.unitId,
      unitName: tree.name(r.unitId),
      detail: `Skickat tillbaka av ${r.authorName} ${formatDateTime(r.createdAt)}: ”${r.comment}”`,
      href: shown.href,
      sentBack: { comment: r.comment, authorName: r.authorName, createdAt: r.createdAt, itemKind: r.itemKind },
    }));
  }

  const pending = DEVIATION_KINDS.map((kind) => groups[kind]);
  const all = pending.reduce((n, entries) => n + entries.length, 0);
  const { sections, info } = pageOfSections(pending, d.page ?? 1, d.page === null ? Math.max(1, all) : DEVIATIONS_PER_PAGE);
  return {
    period,
    board: boardId ? { id: boardId, name: tree.name(boardId) } : null,
    groups: DEVIATION_KINDS.map((kind, n) => ({ kind, heading: HEADINGS[kind], entries: sections[n]!.map((make) => make()), count: groups[kind].length })),
    total: info.total,
    page: info,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
