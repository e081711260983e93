// The board's whole document for a period (issue 15): a cover, then the chapters of the
// organization's report template in order. Narrative chapters hold the parts written by the
// board's own units; "Mål och uppdrag", "Övergripande perspektiv" and the board's assignments
// come from the Mål och uppdrag model (lib/report-model.ts); the finance chapters add the board's
// finance tables (issue 16, chapterExtraBlocks). The page, the DOCX and the print
// are rendered from this one shape, and an approval freezes it into the snapshot.
import type { ChapterKind, PeriodContent } from './period-content';
import { ContentIndex, liveContent } from './period-content';
import type { ReportModel } from './report-model';
import type { CheckedWarning } from './finance-checks';
import { financeResultChapter, investmentsChapter, type ChapterBlock } from './finance-chapters';
import type { FinanceTables } from './finance-model';

/** A chapter's kind as the admin reads it. */
export const CHAPTER_KIND_LABELS: Record<ChapterKind, string> = {
  narrative: 'Text från enheterna',
  goals: 'Mål och uppdrag',
  overall_perspective: 'Övergripande perspektiv (nämndens text)',
  board_assignments: 'Uppföljning av nämndens uppdrag',
  finance_result: 'Delårsresultat och prognos (text och ekonomitabeller)',
  investments: 'Investeringar (text och ekonomitabeller)',
};

/** The kinds whose chapter holds parts written by units. */
export const CHAPTER_KINDS_WITH_PARTS: readonly ChapterKind[] = ['narrative', 'finance_result', 'investments'];

export interface DocumentPart {
  partId: string;
  /** null: the chapter's opening text (no heading of its own). */
  heading: string | null;
  unitName: string;
  /** Markdown; null when the unit has written nothing for the period. */
  body: string | null;
}

/**
 * What a chapter shows after its parts' text: issue 16's finance blocks (lib/finance-chapters.ts),
 * one block model for the finance page and the whole document alike.
 */
export type DocumentBlock = ChapterBlock;

export interface DocumentChapter {
  kind: ChapterKind;
  title: string;
  parts: DocumentPart[];
  /** What the chapter shows after its parts' text (chapterExtraBlocks). */
  extra: DocumentBlock[];
}

export interface BoardDocumentModel {
  version: 1;
  organizationName: string;
  /** The Mål och uppdrag model; its preliminary/approvedAt mark the whole document. */
  report: ReportModel;
  chapters: DocumentChapter[];
}

/** The board's finance for the period, as the document shows it (db/finance.ts reads it). */
export interface DocumentFinance {
  tables: FinanceTables;
  /**
   * The checked warnings: unexplained ones mark their cells, as on the finance page. A
   * preliminary document passes them; an approval freezes the chapters with none, so an
   * approved document never shows a mark.
   */
  warnings: readonly CheckedWarning[];
}

/**
 * The blocks a chapter shows after its narrative parts: for 'finance_result' the result summary,
 * the driftredovisning and its analyses; for 'investments' the investment tables — issue 16's
 * chapter blocks without their chapter heading and opening text (the document has its own
 * heading, and the units' narrative parts are that text; printing both would say it twice).
 * Each analysis keeps its text after its table: it exists only there. Built at approval like the
 * rest, so the snapshot freezes them too.
 */
export function chapterExtraBlocks(
  kind: ChapterKind,
  finance: DocumentFinance | null,
  period: { year: number; endDate: string },
): DocumentBlock[] {
  if (!finance || (kind !== 'finance_result' && kind !== 'investments')) return [];
  const input = { tables: finance.tables, warnings: finance.warnings, period };
  const blocks = kind === 'finance_result' ? financeResultChapter(input) : investmentsChapter(input);
  return blocks.filter((b) => !(b.kind === 'heading' && b.level === 1) && !(b.kind === 'markdown' && b.lead));
}

/** The parts of a chapter the board's document holds: those written by units in the board. */
export function boardParts(content: PeriodContent, boardId: string) {
  const live = liveContent(content);
  const { tree } = new ContentIndex(live);
  return live.chapterParts.filter((p) => tree.boardOf(p.unitId) === boardId);
}

/** The document's chapters from the period's live content (what an approval freezes). */
export function buildDocumentChapters(content: PeriodContent, boardId: string, finance: DocumentFinance | null): DocumentChapter[] {
  const live = liveContent(content);
  const { tree } = new ContentIndex(live);
  const parts = boardParts(content, boardId);
  const text = new Map(live.narratives.map((n) => [n.partId, n.body]));
  return live.chapters
    .map((c): DocumentChapter => ({
      kind: c.kind,
      title: c.title,
      parts: parts
        .filter((p) => p.chapterId === c.id)
        .map((p) => ({ partId: p.id, heading: p.heading, unitName: tree.name(p.unitId), body: text.get(p.id) ?? null })),
      extra: chapterExtraBlocks(c.kind, finance, content.period),
    }))
    .filter((c) => !(c.kind === 'narrative' && c.parts.length === 0)); // another board's chapter
}

/** A chapter's content in reading order: its parts and its finance blocks. */
export type ChapterFlowItem = { kind: 'part'; part: DocumentPart; index: number } | { kind: 'blocks'; blocks: DocumentBlock[] };

/**
 * The seed's order: the chapter's opening text (its parts without a heading), then the finance
 * blocks before their first heading (the summary table the opening text speaks of: Resultat,
 * Nettoutgifter), then the headed parts, then the rest of the blocks (driftredovisning,
 * investeringsredovisning, analyses). Index: the part's place among the chapter's parts.
 */
export function chapterFlow(chapter: DocumentChapter): ChapterFlowItem[] {
  const parts = chapter.parts.map((part, index) => ({ kind: 'part' as const, part, index }));
  const opening = parts.findIndex((p) => p.part.heading !== null);
  const split = opening < 0 ? parts.length : opening;
  const firstHeading = chapter.extra.findIndex((b) => b.kind === 'heading');
  const cut = firstHeading < 0 ? chapter.extra.length : firstHeading;
  const blocks = (list: DocumentBlock[]): ChapterFlowItem[] => (list.length ? [{ kind: 'blocks', blocks: list }] : []);
  return [...parts.slice(0, split), ...blocks(chapter.extra.slice(0, cut)), ...parts.slice(split), ...blocks(chapter.extra.slice(cut))];
}

/** The document's outline (chapters, and the parts with a heading), for tables of contents. */
export function documentOutline(chapters: DocumentChapter[]): { title: string; level: 1 | 2; id: string }[] {
  return chapters.flatMap((c, i) => [
    { title: c.title, level: 1 as const, id: `kapitel-${i + 1}` },
    ...c.parts.flatMap((p, j) => (p.heading ? [{ title: p.heading, level: 2 as const, id: `kapitel-${i + 1}-${j + 1}` }] : [])),
  ]);
}

/** What the board's document of a kind of period is called: "Delårsbokslut". */
export function documentKindName(kind: string): string {
  return kind === 'helar' ? 'Årsredovisning' : kind === 'delar' ? 'Delårsbokslut' : 'Tertialrapport';
}

/** The document's title on its cover: "Delårsbokslut 2024-01-01 – 2024-08-31". */
export function documentTitle(period: { year: number; kind: string; endDate: string }): string {
  return `${documentKindName(period.kind)} ${period.year}-01-01 – ${period.endDate}`;
}
