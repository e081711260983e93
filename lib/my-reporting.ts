// "Min rapportering": everything a unit answers for in a period (indicators due, goals to
// assess, assignments to report on), what is done, what was sent back, and the unit's
// readiness — a pure function of the period's live content.
import type { CurrentUser } from './current-user';
import { can } from './policy';
import { isDueInPeriod } from './frequency';
import { boardGoalTitle } from './swedish-text';
import type { Colour } from './colour';
import { isOverdue, overdueDay, type ReportStatus } from './assignment-status';
import type { Period } from './period';
import type { UnitTree } from './unit-tree';
import { ContentIndex, liveContent, type PeriodContent } from './period-content';

export interface ReportingItemDTO {
  kind: 'indicator' | 'goal' | 'assignment' | 'narrative';
  id: string;
  /** For assignments: the responsible unit the report is for. */
  unitId: string;
  unitName: string;
  title: string;
  context: string;
  reported: boolean;
  colour: Colour | null;
  status: ReportStatus | null;
  overdue: boolean;
  canReport: boolean;
  href: string;
  /** The director's request for revision, while it stands. */
  sentBack: { comment: string; authorName: string; createdAt: string } | null;
}

export interface UnitReadinessDTO {
  unitId: string;
  unitName: string;
  ready: boolean;
  seq: number;
  locked: boolean;
  canChange: boolean;
  /** Items of the unit (and the units under it) not reported yet, or sent back and not answered. */
  missing: number;
  /** The newest readiness version's comment: the unit's reason for marking ready with items missing. */
  reason: string | null;
}

export interface MyReportingDTO {
  period: Period;
  scopeUnitNames: string[];
  items: ReportingItemDTO[];
  reportedCount: number;
  readiness: UnitReadinessDTO[];
}

/** An item that keeps a unit from being simply ready: not reported, or sent back and not answered. */
export function isOutstanding(item: Pick<ReportingItemDTO, 'reported' | 'sentBack'>): boolean {
  return !item.reported || item.sentBack !== null;
}

/**
 * Klarmarkering's rule: ready means everything due is reported, or the unit gives a reason
 * (shown to the reviewer). The field error to show, or null when the marking may be stored.
 */
export function readinessRefusal(missing: number, reason: string | null | undefined): string | null {
  if (missing === 0 || (reason ?? '').trim() !== '') return null;
  const posts = missing === 1 ? '1 post saknar rapportering eller är återsänd' : `${missing} poster saknar rapportering eller är återsända`;
  return `${posts}. Skriv varför enheten ändå är klar, eller rapportera det som saknas först.`;
}

/** Whether the user picks the unit whose reporting page to see (the admin, the director). */
export function picksReportingUnit(user: CurrentUser): boolean {
  return can(user, 'view_reporting', { kind: 'unit', organizationId: user.organizationId });
}

/** The units whose reporting page is shown: an editor's granted units, or the unit an admin or the director picked. */
export function reportingRoots(user: CurrentUser, pickedUnitId: string | null): string[] {
  if (picksReportingUnit(user)) return pickedUnitId ? [pickedUnitId] : [];
  return user.grantUnits.map((u) => u.id);
}

function descendants(tree: UnitTree, roots: string[]): Set<string> {
  return new Set(tree.units.filter((u) => tree.ancestry(u.id).some((a) => roots.includes(a))).map((u) => u.id));
}

export function buildMyReporting(content: PeriodContent, user: CurrentUser, roots: string[], today: string): MyReportingDTO {
  const live = liveContent(content);
  const index = new ContentIndex(live);
  const { tree } = index;
  const { period } = live;
  const periodId = period.id;
  const org = user.organizationId;
  const knownRoots = roots.filter((r) => tree.get(r));
  const scopeSet = descendants(tree, knownRoots);
  const empty = { period, scopeUnitNames: knownRoots.map((r) => tree.name(r)), items: [], reportedCount: 0, readiness: [] };
  if (!scopeSet.size) return empty;

  const goalById = new Map(live.goals.map((g) => [g.id, g]));
  const dueIndicators = live.indicators
    .filter((i) => scopeSet.has(i.responsibleUnitId) && isDueInPeriod(i.frequency, i.yearlyPeriodKind, period.kind))
    .map((i) => {
      const goal = goalById.get(i.goalId)!;
      return { id: i.id, name: i.name, unitId: i.responsibleUnitId, goalNumber: goal.number, boardId: goal.boardId };
    });
  // A goal is assessed by the first of its addressed units in scope.
  const goals = live.goals.flatMap((g) => {
    const unitId = g.unitIds.find((u) => scopeSet.has(u));
    return unitId ? [{ id: g.id, number: g.number, text: g.text, unitId, boardId: g.boardId }] : [];
  });
  const assignments = live.assignments.flatMap((a) =>
    a.unitIds.filter((u) => scopeSet.has(u)).map((unitId) => ({ id: a.id, title: a.title, issuer: a.issuer, dueDate: a.dueDate, unitId })),
  );
  const sentBack = (kind: ReportingItemDTO['kind'], id: string, unitId: string | null) => {
    const r = [...live.revisions].reverse().find((x) => x.itemKind === kind && x.itemId === id && scopeSet.has(x.unitId) && (unitId === null || x.unitId === unitId));
    return r ? { comment: r.comment, authorName: r.authorName, createdAt: r.createdAt } : null;
  };
  const reportable = (kind: 'value' | 'goal' | 'report' | 'narrative', unitId: string, boardId: string | null) =>
    can(user, 'report', { kind, organizationId: org, unitIds: [unitId], locked: index.isLockedFor(boardId) });
  const q = `?period=${periodId}`;

  const items: ReportingItemDTO[] = [
    ...dueIndicators.map((i): ReportingItemDTO => {
      const v = index.value(i.id);
      return {
        kind: 'indicator',
        id: i.id,
        unitId: i.unitId,
        unitName: tree.name(i.unitId),
        title: i.name,
        context: `Mått under ${boardGoalTitle(tree.name(i.boardId), i.goalNumber)}`,
        reported: v !== undefined,
        colour: v ? index.indicatorColour(i.id) : null,
        status: null,
        overdue: false,
        canReport: reportable('value', i.unitId, i.boardId),
        href: `/rapportering/matt/${i.id}${q}`,
        sentBack: sentBack('indicator', i.id, null),
      };
    }),
    ...goals.map((g): ReportingItemDTO => {
      const a = index.assessment(g.id);
      return {
        kind: 'goal',
        id: g.id,
        unitId: g.unitId,
        unitName: tree.name(g.unitId),
        title: `${boardGoalTitle(tree.name(g.boardId), g.number)}: ${g.text}`,
        context: 'Bedömning av målet',
        reported: a !== undefined,
        colour: a ? (a.chosenColour ?? a.computedColour) : null,
        status: null,
        overdue: false,
        canReport: reportable('goal', g.unitId, g.boardId),
        href: `/rapportering/mal/${g.id}${q}`,
        sentBack: sentBack('goal', g.id, null),
      };
    }),
    ...assignments.map((a): ReportingItemDTO => {
      const r = index.report(a.id, a.unitId);
      return {
        kind: 'assignment',
        id: a.id,
        unitId: a.unitId,
        unitName: tree.name(a.unitId),
        title: a.title,
        context: a.issuer === 'council' ? 'Uppdrag från kommunfullmäktige' : 'Uppdrag från nämnden',
        reported: r !== undefined,
        colour: null,
        status: r?.status ?? null,
        overdue: isOverdue(r?.status ?? null, a.dueDate, overdueDay(period, today)),
        canReport: reportable('report', a.unitId, tree.boardOf(a.unitId)),
        href: `/rapportering/uppdrag/${a.id}/${a.unitId}${q}`,
        sentBack: sentBack('assignment', a.id, a.unitId),
      };
    }),
    // The unit's parts of the board's document (chapters of the report template).
    ...live.chapterParts
      .filter((p) => scopeSet.has(p.unitId))
      .map((p): ReportingItemDTO => {
        const chapter = live.chapters.find((c) => c.id === p.chapterId)!;
        const n = live.narratives.find((x) => x.partId === p.id);
        return {
          kind: 'narrative',
          id: p.id,
          unitId: p.unitId,
          unitName: tree.name(p.unitId),
          title: p.heading ?? `${chapter.title}: inledande text`,
          context: `Text i kapitlet ${chapter.title}`,
          reported: n !== undefined && n.body.trim() !== '',
          colour: null,
          status: null,
          overdue: false,
          canReport: reportable('narrative', p.unitId, tree.boardOf(p.unitId)),
          href: `/rapportering/text/${p.id}${q}`,
          sentBack: sentBack('narrative', p.id, null),
        };
      }),
  ].sort((x, y) => Number(!x.sentBack) - Number(!y.sentBack) || Number(x.reported) - Number(y.reported)); // sent back, then missing, first

  return {
    period,
    scopeUnitNames: knownRoots.map((r) => tree.name(r)),
    items,
    reportedCount: items.filter((i) => i.reported).length,
    readiness: knownRoots.map((unitId) => {
      const boards = index.boardsOfUnit(unitId);
      const locked = index.isLockedForAny(boards);
      const under = descendants(tree, [unitId]);
      const newest = index.readiness(unitId);
      return {
        unitId,
        unitName: tree.name(unitId),
        ready: newest?.ready ?? false,
        seq: newest?.seq ?? 0,
        locked,
        canChange: can(user, 'report', { kind: 'unit', organizationId: org, unitIds: [unitId], locked }),
        missing: items.filter((i) => under.has(i.unitId) && isOutstanding(i)).length,
        reason: newest?.ready ? newest.comment : null,
      };
    }),
  };
}
