// The "Mål och uppdrag" section of a board's report (lib/report-model.ts) built from the
// period's live content: what an open period shows as preliminary, and what an approval
// freezes into its snapshot.
import { goalAttainment } from './goal-rule';
import { assignmentStatus } from './assignment-status';
import { periodLabel } from './period';
import { boardGoalTitle, genitive } from './swedish-text';
import { ContentIndex, liveContent, type PeriodContent } from './period-content';
import type { ReportFocusArea, ReportModel, ReportUnitReport } from './report-model';

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
    return `${top?.number != null ? `Målområde ${top.number} – ` : ''}${top?.name ?? ''}${sub ? `: ${sub}` : ''}`;
  };
  // A council assignment belongs in this board's report when one of its responsible units is in the board.
  const councilAssignments = assignments.filter((a) => a.issuer === 'council' && unitsOf(a.id).some((u) => tree.boardOf(u) === board.id));

  const focusAreas: ReportFocusArea[] = areas
    .filter((a) => a.parentId === null)
    .map((area) => ({
      number: area.number,
      name: area.name,
      councilGoals: councilGoals.filter((c) => topOf(c.focusAreaId) === area.id).map((c) => c.text),
      notes: texts
        .filter((t) => t.slot === 'focus_area_note' && t.focusAreaId && topOf(t.focusAreaId) === area.id)
        .map((t) => ({ heading: t.heading, body: t.body })),
      goals: goals
        .filter((g) => topOf(g.focusAreaId) === area.id)
        .map((g) => {
          const inds = index
            .indicatorsOfGoal(g.id)
            .map((i) => {
              const v = index.value(i.id);
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
            addressedTo: g.unitIds.map((u) => tree.name(u)),
            subArea: subName(g.focusAreaId),
            colour: assessed?.chosenColour ?? assessed?.computedColour ?? goalAttainment(g.rule, inds.map((i) => i.colour)),
            forecastColour: assessed?.forecastColour ?? null,
            analysis: assessed?.analysis ?? null,
            indicators: inds,
          };
        }),
      councilAssignments: councilAssignments
        .filter((a) => a.focusAreaId && topOf(a.focusAreaId) === area.id)
        .map((a) => ({ focusAreaLabel: areaLabel(a.focusAreaId), title: a.title, status: statusOf(a.id), reports: unitReports(a.id) })),
    }));

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
