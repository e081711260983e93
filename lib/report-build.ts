// The "Mål och uppdrag" section of a board's report (lib/report-model.ts) built from the
// period's live content: what an open period shows as preliminary, and what an approval
// freezes into its snapshot.
import { goalAttainment } from './goal-rule';
import { assignmentStatus } from './assignment-status';
import { periodLabel } from './period';
import { boardGoalTitle, genitive, nameInRunningText } from './swedish-text';
import { ContentIndex, liveContent, type PeriodContent } from './period-content';
import type { ReportAreaPart, ReportCouncilAssignment, ReportFocusArea, ReportGoal, ReportModel, ReportUnitReport } from './report-model';
import { rankStatement } from './kolada-rank';

const SECTION_HEADINGS = { overall_perspective: 'Övergripande perspektiv' } as const;

/** The board's report from the period's live content (preliminary until approved). */
export function buildReport(content: PeriodContent, board: { id: string; name: string }): ReportModel {
  const live = liveContent(content);
  const index = new ContentIndex(live);
  const { tree } = index;
  const { period } = live;
  const plan = live.plans.find((p) => p.boardId === board.id);
  const areas = live.focusAreas;
  const councilGoals = live.councilGoals;
  const goals = live.goals.filter((g) => g.planId === plan?.id);
  const texts = live.texts.filter((t) => t.planId === plan?.id);
  const assignments = live.assignments;
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const topOf = (id: string): string => {
    const parent = areaById.get(id)?.parentId;
    return parent && areaById.has(parent) ? topOf(parent) : id;
  };
  const subName = (id: string) => {
    const a = areaById.get(id);
    return a?.parentId ? a.name : null;
  };
  const councilGoal = new Map(councilGoals.map((c) => [c.id, c]));
  const unitsOf = (assignmentId: string) => assignments.find((a) => a.id === assignmentId)?.unitIds ?? [];
  const unitReports = (assignmentId: string): ReportUnitReport[] =>
    unitsOf(assignmentId).flatMap((unitId) => {
      const r = index.report(assignmentId, unitId);
      return r ? [{ unitName: tree.name(unitId), status: r.status, heading: r.heading, body: r.body }] : [];
    });
  const statusOf = (assignmentId: string) => assignmentStatus(unitsOf(assignmentId).map((u) => index.report(assignmentId, u)?.status ?? null));
  const areaLabel = (focusAreaId: string | null) => {
    if (!focusAreaId) return '';
    const top = areaById.get(topOf(focusAreaId));
    const sub = subName(focusAreaId);
    return `${top?.number != null ? `Målområde ${top.number} - ` : ''}${top?.name ?? ''}${sub ? `: ${sub}` : ''}`;
  };
  // A council assignment belongs in this board's report when one of its responsible units is in the board.
  const councilAssignments = assignments.filter((a) => a.issuer === 'council' && unitsOf(a.id).some((u) => tree.boardOf(u) === board.id));

  const goalOf = (g: (typeof goals)[number]): ReportGoal => {
    const inds = index.indicatorsOfGoal(g.id).map((i) => {
      const v = index.value(i.id);
      const chosenColour = v?.chosenColour != null && v.chosenColour !== v.computedColour;
      const chosenTrend = v?.chosenTrend != null && v.chosenTrend !== v.computedTrend;
      const rank = v?.koladaContext && v.koladaContext.rank !== null ? rankStatement(v.koladaContext, v.koladaContext.municipalityName) : null;
      return {
        name: i.name,
        targetLabel: i.targetLabel,
        decimals: i.decimals,
        unitOfMeasure: i.unitOfMeasure,
        outcome: v?.outcome ?? null,
        colour: index.indicatorColour(i.id),
        trend: index.indicatorTrend(i.id),
        analysis: v?.analysis ?? null,
        referenceNote: v?.referenceNote ?? null,
        chosenColour: chosenColour ? { justification: v?.colourJustification ?? null } : null,
        chosenTrend: chosenTrend ? { justification: v?.trendJustification ?? null } : null,
        ...(rank ? { rankStatement: rank } : {}),
      };
    });
    const assessed = index.assessment(g.id);
    return {
      title: boardGoalTitle(board.name, g.number),
      text: g.text,
      bearings: g.councilGoalIds
        .map((id) => councilGoal.get(id))
        .flatMap((c) => (c ? [c.phrase ?? `om ${c.text.replace(/\.$/, '').toLowerCase()}`] : [])),
      methodText: g.methodText,
      // The seed's "Adressering: Sydnärkes utbildningsförbund, kommunledningsförvaltningen".
      addressedTo: g.unitIds.map((u, i) => (i === 0 ? tree.name(u) : nameInRunningText(tree.name(u)))),
      subArea: subName(g.focusAreaId),
      yearRow: g.reportYearRow ?? false,
      colour: assessed?.chosenColour ?? assessed?.computedColour ?? goalAttainment(g.rule, inds.map((i) => i.colour)),
      chosenColour:
        assessed?.chosenColour != null && assessed.chosenColour !== assessed.computedColour
          ? { justification: assessed.justification ?? null }
          : null,
      forecastColour: assessed?.forecastColour ?? null,
      analysis: assessed?.analysis ?? null,
      indicators: inds,
    };
  };

  // A målområde's blocks in the plan's order: its own goals (by number) and assignments (by their
  // Ordning), then each sub-area in the focus areas' Ordning (areas come sorted by it).
  const focusAreas: ReportFocusArea[] = areas
    .filter((a) => a.parentId === null)
    .map((area) => {
      const areaGoals = goals.filter((g) => topOf(g.focusAreaId) === area.id);
      const areaAssignments = councilAssignments.filter((a) => a.focusAreaId && topOf(a.focusAreaId) === area.id);
      const partIds = [area.id, ...areas.filter((a) => a.id !== area.id && topOf(a.id) === area.id).map((a) => a.id)];
      const orderedGoals = partIds.flatMap((id) => areaGoals.filter((g) => g.focusAreaId === id));
      const orderedAssignments = partIds.flatMap((id) => areaAssignments.filter((a) => a.focusAreaId === id));
      const parts: ReportAreaPart[] = partIds
        .map((id) => ({
          subArea: id === area.id ? null : (areaById.get(id)?.name ?? null),
          goals: orderedGoals.flatMap((g, i) => (g.focusAreaId === id ? [i] : [])),
          councilAssignments: orderedAssignments.flatMap((a, i) => (a.focusAreaId === id ? [i] : [])),
        }))
        .filter((p) => p.goals.length + p.councilAssignments.length > 0);
      return {
        number: area.number,
        name: area.name,
        councilGoals: councilGoals.filter((c) => topOf(c.focusAreaId) === area.id).map((c) => c.text),
        notes: texts
          .filter((t) => t.slot === 'focus_area_note' && t.focusAreaId && topOf(t.focusAreaId) === area.id)
          .map((t) => ({ heading: t.heading, body: t.body })),
        goals: orderedGoals.map(goalOf),
        councilAssignments: orderedAssignments.map(
          (a): ReportCouncilAssignment => ({
            focusAreaLabel: areaLabel(a.focusAreaId),
            subArea: a.focusAreaId ? subName(a.focusAreaId) : null,
            title: a.title,
            status: statusOf(a.id),
            reports: unitReports(a.id),
          }),
        ),
        parts,
      };
    });

  const boardAssignments = assignments.filter((a) => a.issuer === 'board' && a.issuerBoardId === board.id);
  const groupLabels = [...new Set(boardAssignments.map((a) => a.groupLabel ?? 'Uppdrag'))];
  const text = (slot: string) => texts.find((t) => t.slot === slot) ?? null;
  return {
    version: 1,
    boardName: board.name,
    boardGenitive: genitive(board.name),
    period: { year: period.year, kind: period.kind, label: periodLabel(period.kind, period.year), endDate: period.endDate },
    preliminary: true,
    approvedAt: null,
    intro: text('goals_intro')?.body ?? null,
    focusAreas,
    sections: (['overall_perspective'] as const).flatMap((slot) => {
      const t = text(slot);
      return t ? [{ heading: t.heading ?? SECTION_HEADINGS[slot], body: t.body }] : [];
    }),
    boardAssignments: {
      intro: text('assignments_intro')?.body ?? null,
      groups: groupLabels.map((label) => ({
        label,
        assignments: boardAssignments
          .filter((a) => (a.groupLabel ?? 'Uppdrag') === label)
          .map((a) => ({ title: a.title, description: a.description, status: statusOf(a.id), followUp: unitReports(a.id) })),
      })),
    },
  };
}
