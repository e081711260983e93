// The kommun's report for a period (issue 15 item 4): the kommunstyrelse's staff assemble one
// document from every board's document — a kommun-level introduction, the rollup per målområde
// for the whole kommun (the overview's own), then each board's chapters in a chosen order, each
// with its approval (an approved board's part is its approval snapshot; one not yet approved is
// "ej attesterad" and its current text preliminary). Which boards, in which order, is a setting
// saved with history (the layout). The page and the DOCX are rendered from this one shape.
import { z } from './zod';
import type { Period } from './period';
import type { FocusAreaDTO } from './overview';
import type { BoardDocumentModel } from './board-document';
import { reportStamp, type ReportApprovalStamp } from './report-print';

/** One board in the layout: its place is its index. */
export interface LayoutEntry {
  boardId: string;
  included: boolean;
}

/** A saved layout as stored (jsonb): read back through this schema, never trusted as it is. */
export const layoutSchema = z.array(z.object({ boardId: z.string(), included: z.boolean() }));

export const LAYOUT_CHANGES = ['up', 'down', 'include', 'exclude'] as const;
export type LayoutChange = (typeof LAYOUT_CHANGES)[number];

/**
 * The boards of the period in the saved order. A board the saved layout does not know (made
 * after it was saved) comes last and is included; an entry that is no longer a board is dropped.
 * With nothing saved: every board, in the organization's order.
 */
export function resolveLayout<B extends { id: string; name: string }>(boards: readonly B[], saved: readonly LayoutEntry[] | null): (B & { included: boolean })[] {
  const byId = new Map(boards.map((b) => [b.id, b]));
  const seen = new Set<string>();
  const out: (B & { included: boolean })[] = [];
  for (const entry of saved ?? []) {
    const board = byId.get(entry.boardId);
    if (!board || seen.has(entry.boardId)) continue;
    seen.add(entry.boardId);
    out.push({ ...board, included: entry.included });
  }
  for (const board of boards) if (!seen.has(board.id)) out.push({ ...board, included: true });
  return out;
}

/** The layout after one change: a board moved up or down one place, or put in or left out. */
export function applyLayoutChange(layout: readonly LayoutEntry[], boardId: string, change: LayoutChange): LayoutEntry[] {
  const out = layout.map((e) => ({ boardId: e.boardId, included: e.included }));
  const i = out.findIndex((e) => e.boardId === boardId);
  if (i < 0) return out;
  if (change === 'include' || change === 'exclude') {
    out[i] = { boardId, included: change === 'include' };
    return out;
  }
  const j = change === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** A board's part of the kommun's report: its whole document, from its approval snapshot when approved. */
export interface KommunBoardSection {
  boardId: string;
  boardName: string;
  /** Who approved the board's period and when; null: "ej attesterad", its text preliminary. */
  approval: ReportApprovalStamp | null;
  document: BoardDocumentModel;
}

export interface KommunDocumentModel {
  organizationName: string;
  period: Period & { label: string };
  /** The kommun-level introduction (Markdown), null while none is written. */
  intro: string | null;
  /** The whole kommun's rollup per målområde, from the overview's builder. */
  rollup: { areas: FocusAreaDTO[]; lastYearLabel: string | null };
  /** The boards included, in the chosen order. */
  boards: KommunBoardSection[];
  /** The boards left out by choice, in the layout's order. */
  leftOut: { id: string; name: string }[];
}

/** What the kommun's report of a kind of period is called: "Delårsrapport". */
export function kommunDocumentKindName(kind: string): string {
  return kind === 'helar' ? 'Årsredovisning' : kind === 'delar' ? 'Delårsrapport' : 'Tertialrapport';
}

/** Its title: "Delårsrapport 2024-01-01 – 2024-08-31". */
export function kommunDocumentTitle(period: { year: number; kind: string; endDate: string }): string {
  return `${kommunDocumentKindName(period.kind)} ${period.year}-01-01 – ${period.endDate}`;
}

export const KOMMUN_INTRO_TITLE = 'Inledning';
export const KOMMUN_ROLLUP_TITLE = 'Måluppfyllelse per målområde';
export const NOT_APPROVED = 'Ej attesterad';
/** Under a board not yet approved, after "Preliminär.". */
export const PRELIMINARY_TEXT = 'Nämndens period är inte attesterad och texten kan ändras.';
/** On the cover and in the running header while any board is not approved. */
export const KOMMUN_PRELIMINARY_NOTICE = 'Preliminär – inte alla nämnder är attesterade';

/** A board's approval as the report shows it: "Attesterad 20 september 2024 av …", or "Ej attesterad". */
export function boardApprovalText(approval: ReportApprovalStamp | null): string {
  return approval ? reportStamp({ preliminary: false }, approval) : NOT_APPROVED;
}

/** The report is preliminary while any board it holds is not approved. */
export function kommunPreliminary(model: Pick<KommunDocumentModel, 'boards'>): boolean {
  return model.boards.some((b) => b.approval === null);
}

/** Said under a board, in place of its chapters, when it has nothing for the period. */
export const BOARD_NOTHING_REPORTED = 'Nämnden har inte rapporterat något för perioden.';

/**
 * Whether a board's document has anything of its own for the period: a unit's text, a goal,
 * a KF assignment it reports on, one of its own text blocks or assignments, or a finance
 * table. The KF-mål under each målområde are the kommun's, and a part its units have not
 * written is only "har inte skrivit någon text ännu": neither is something to read. A board
 * with nothing shows one line instead of a row of empty chapter headings.
 */
export function boardHasContent(document: BoardDocumentModel): boolean {
  const { report, chapters } = document;
  const written = (text: string | null | undefined) => Boolean(text && text.trim());
  return (
    written(report.intro) ||
    report.sections.some((s) => written(s.body)) ||
    written(report.boardAssignments.intro) ||
    report.boardAssignments.groups.some((g) => g.assignments.length > 0) ||
    report.focusAreas.some((a) => a.goals.length > 0 || a.councilAssignments.length > 0 || a.notes.some((n) => written(n.body))) ||
    chapters.some((c) => c.extra.length > 0 || c.parts.some((p) => written(p.body)))
  );
}
