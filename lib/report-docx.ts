// The "Mål och uppdrag" section of a board's report as a Word document (DOCX), laid out like
// the kommun's own report and the print page (components/report-document.tsx): Word's
// built-in heading styles (so Word's table of contents and navigation pane work), real
// tables, and real numbered and bulleted lists for the reporters' Markdown.
//
// An approved period's report is byte-identical every time it is built: the document's
// timestamps (core properties and the zip entries' dates) are taken from approvedAt, and
// nothing random is written (no hyperlink relationships, no bookmarks from a shared counter).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LeaderType,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  ShadingType,
  SimpleField,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type {
  ReportBoardAssignment,
  ReportFocusArea,
  ReportGoal,
  ReportIndicator,
  ReportModel,
  ReportUnitReport,
  ReportCouncilAssignment,
} from './report-model';
import {
  REPORT_LEGEND,
  REPORT_STATUS_FILL,
  areaParts,
  assignmentsHeading,
  focusAreaHeading,
  legendColours,
  subAreaHeadings,
} from './report-model';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './report-options';
import { COLOURS, colourLabel, colourSymbol, type Colour } from './colour';
import { trendArrow, trendLabel } from './trend';
import { formatOutcome } from './swedish-number';
import { markdownBlocks, type Block, type Run } from './markdown-blocks';
import { setZipTimestamps } from './zip-timestamps';
import { chapterFlow, documentTitle, type BoardDocumentModel, type DocumentChapter } from './board-document';
import { chapterDocx } from './finance-docx';
import {
  BOARD_NOTHING_REPORTED,
  boardApprovalText,
  boardHasContent,
  KOMMUN_INTRO_TITLE,
  KOMMUN_PRELIMINARY_NOTICE,
  KOMMUN_ROLLUP_TITLE,
  kommunDocumentTitle,
  kommunPreliminary,
  PRELIMINARY_TEXT,
  type KommunDocumentModel,
} from './kommun-document';

export const REPORT_TITLE = 'Mål och uppdrag';
export const PRELIMINARY_NOTICE = 'Preliminär – perioden är inte attesterad';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const APP_NAME = 'Målbild';

// A4 with 2,5 cm margins; widths in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The Måluppfyllelse cell's fill (distinct in grey print too); the symbol and word are always written. */
const COLOUR_FILL: Record<Colour, string> = REPORT_STATUS_FILL;
const HEADER_FILL = 'E7ECF3';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const TABLE_BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

const NUMBERED = 'malbild-numbered';
const BULLETED = 'malbild-bulleted';

type Children = (Paragraph | Table | TableOfContents)[];

/** Where blocks are written: in the body (headings as Word headings) or in a table cell. */
interface BlockContext {
  /** The Word heading level a body text's top heading gets (its sub-headings go one deeper). */
  headingBase: number;
  inCell: boolean;
  /** Every run italic (a description). */
  italic?: boolean;
}

/** Builds the DOCX. Deterministic (byte for byte) when model.approvedAt is set. */
export async function buildReportDocx(model: ReportModel, options: ReportOptions = DEFAULT_REPORT_OPTIONS): Promise<Buffer> {
  const builder = new DocxBuilder(model, options);
  return packDocx(pageOf(model), docTitle(model), builder.body());
}

/**
 * The board's whole document (issue 15) as one DOCX: a cover with kommun, board and period, a
 * table of contents, then every chapter of the template in order (chapters as Heading 1, the
 * units' parts as Heading 2). Deterministic when the period is approved, like the chapter alone.
 */
export async function buildBoardDocumentDocx(document: BoardDocumentModel, options: ReportOptions = DEFAULT_REPORT_OPTIONS): Promise<Buffer> {
  const builder = new DocxBuilder(document.report, options);
  const title = `${documentTitle(document.report.period)} – ${document.report.boardName}`;
  return packDocx(pageOf(document.report), title, builder.wholeDocument(document), document.organizationName);
}

/**
 * The kommun's report (issue 15 item 4) as one DOCX: a cover, the table of contents, the
 * kommun's introduction, the whole kommun's rollup per målområde, then each included board in
 * the chosen order (the board as Heading 1 with its approval, its chapters one level below the
 * board's own document), rendered by the same builder as the board's document.
 */
export async function buildKommunDocumentDocx(kommun: KommunDocumentModel, options: ReportOptions = DEFAULT_REPORT_OPTIONS): Promise<Buffer> {
  const builder = new DocxBuilder(null, options);
  const title = `${kommunDocumentTitle(kommun.period)} – ${kommun.organizationName}`;
  const page = {
    headerName: kommun.organizationName,
    periodLabel: kommun.period.label,
    preliminary: kommunPreliminary(kommun),
    preliminaryNotice: KOMMUN_PRELIMINARY_NOTICE,
    approvedAt: null,
  };
  return packDocx(page, title, builder.kommunDocument(kommun), kommun.organizationName);
}

/** What the running header and the core properties say, and the fixed date of an approved document. */
interface PageInfo {
  headerName: string;
  periodLabel: string;
  preliminary: boolean;
  /** What a preliminary document says it is (PRELIMINARY_NOTICE unless told). */
  preliminaryNotice?: string;
  approvedAt: string | null;
}

function pageOf(model: ReportModel): PageInfo {
  return { headerName: model.boardName, periodLabel: model.period.label, preliminary: model.preliminary, approvedAt: model.approvedAt ?? null };
}

/** The A4 document around a body: styles, list numbering, the running header and footer, the core properties. */
async function packDocx(model: PageInfo, title: string, children: Children, creator = model.headerName): Promise<Buffer> {
  const fixedDate = model.approvedAt ? new Date(model.approvedAt) : null;
  if (fixedDate && Number.isNaN(fixedDate.getTime())) throw new Error(`approvedAt is not a date: ${model.approvedAt}`);
  const small = (text: string, extra: { bold?: boolean; color?: string } = {}) => new TextRun({ text, size: 18, ...extra });
  const doc = new Document({
    creator,
    lastModifiedBy: APP_NAME,
    title,
    styles: documentStyles(),
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
        {
          reference: BULLETED,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 709, footer: 709 },
          },
        },
        // The header names the board and period, and an unapproved period is always marked
        // preliminary there (whatever the reader chose about the banner).
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [
                  small(`${model.headerName} – ${model.periodLabel}`, { color: '404040' }),
                  ...(model.preliminary ? [new TextRun({ children: [new Tab()] }), preliminaryRun(18, model.preliminaryNotice)] : []),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  small('Sida '),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                  small(' av '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });

  const date = fixedDate ?? new Date();
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title, creator, date, model.preliminary, model.preliminaryNotice) }]);
  return fixedDate ? setZipTimestamps(buffer, fixedDate) : buffer;
}

function docTitle(model: ReportModel): string {
  return `${REPORT_TITLE} – ${model.boardName} – ${model.period.label}`;
}

/** Superscript note marks: ¹ ² ³ … */
const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
function noteMark(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

class DocxBuilder {
  /** Each list gets its own instance of the numbering, so each starts again at 1. */
  private listInstance = 0;
  /** The Heading 1 and 2 titles, for the table of contents' first (cached) contents. */
  private readonly tocEntries: { title: string; level: number }[] = [];
  /** Levels added to every heading: 1 while a board's chapters sit under the board in the kommun's report. */
  private shift = 0;

  constructor(
    /** The board whose report is being written (the kommun's report goes from board to board). */
    private current: ReportModel | null,
    private readonly options: ReportOptions,
  ) {}

  private get model(): ReportModel {
    if (!this.current) throw new Error('no board report to write from');
    return this.current;
  }

  body(): Children {
    const m = this.model;
    const out: Children = [];

    if (m.preliminary && this.options.preliminaryBanner) {
      out.push(
        new Paragraph({
          children: [preliminaryRun(26)],
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FCE4D6' },
          border: {
            top: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 },
            left: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 },
            right: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 },
          },
          spacing: { after: 240 },
        }),
      );
    }
    const content: Children = [];
    content.push(this.heading(REPORT_TITLE, 1));

    if (m.intro) content.push(...this.blocks(markdownBlocks(m.intro), { headingBase: 2, inCell: false }));
    content.push(...this.legend());
    for (const area of m.focusAreas) content.push(...this.focusArea(area));
    for (const section of m.sections) {
      content.push(this.heading(section.heading, 2));
      content.push(...this.blocks(markdownBlocks(section.body), { headingBase: 3, inCell: false }));
    }
    if (m.boardAssignments.groups.length > 0) content.push(...this.boardAssignments());

    const [title, ...rest] = content;
    out.push(title!);
    if (this.options.tableOfContents) {
      // The table of contents follows the title; its contents are written from the headings
      // (levels 1–2) so it shows at once, and it is marked dirty for Word to update (with page
      // numbers) when the document is opened. docx can fill it in itself, but it bookmarks the
      // headings with ids from a process-wide counter, which would make every build differ.
      out.push(
        new Paragraph({ children: [new TextRun({ text: 'Innehåll', bold: true })], spacing: { before: 120 } }),
        new TableOfContents('Innehåll', {
          headingStyleRange: '1-2',
          beginDirty: true,
          // The written entries have no page numbers until Word updates the field, so no dot leaders
          // that would lead to nothing (in LibreOffice and in a PDF made from it).
          tabLeader: LeaderType.NONE,
          cachedEntries: this.tocEntries,
        }),
      );
    }
    out.push(...rest);
    return out;
  }

  /** The whole document: cover, table of contents, then each chapter in the template's order. */
  wholeDocument(document: BoardDocumentModel): Children {
    const m = this.model;
    const cover: Children = [
      new Paragraph({ children: [new TextRun({ text: document.organizationName, bold: true, size: 48, color: '1F3864' })], spacing: { before: 2400, after: 480 } }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(documentTitle(m.period))], spacing: { after: 240 } }),
      new Paragraph({ children: [new TextRun({ text: m.boardName, size: 36 })], spacing: { after: 480 } }),
    ];
    if (m.preliminary) {
      cover.push(new Paragraph({ children: [preliminaryRun(26)], spacing: { before: 240 } }));
    }

    const content: Children = [];
    document.chapters.forEach((chapter, i) => {
      const heading = this.heading(chapter.title, 1);
      content.push(i === 0 ? new Paragraph({ heading: headingLevel(1), children: [new TextRun(chapter.title)], pageBreakBefore: true, keepNext: true }) : heading);
      content.push(...this.chapter(chapter));
    });

    const toc: Children = [
      new Paragraph({ children: [new TextRun({ text: 'Innehåll', bold: true, size: 28 })], spacing: { before: 480, after: 120 }, pageBreakBefore: true }),
      new TableOfContents('Innehåll', { headingStyleRange: '1-2', beginDirty: true, tabLeader: LeaderType.NONE, cachedEntries: this.tocEntries }),
    ];
    return [...cover, ...toc, ...content];
  }

  /** The kommun's report: cover, contents, introduction, rollup, then each board with its approval and chapters. */
  kommunDocument(kommun: KommunDocumentModel): Children {
    const preliminary = kommunPreliminary(kommun);
    const cover: Children = [
      new Paragraph({ children: [new TextRun({ text: kommun.organizationName, bold: true, size: 48, color: '1F3864' })], spacing: { before: 2400, after: 480 } }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(kommunDocumentTitle(kommun.period))], spacing: { after: 240 } }),
    ];
    if (preliminary) cover.push(new Paragraph({ children: [preliminaryRun(26, KOMMUN_PRELIMINARY_NOTICE)], spacing: { before: 240 } }));

    const firstHeading = (text: string) => {
      this.tocEntries.push({ title: text, level: 1 });
      return new Paragraph({ heading: headingLevel(1), children: [new TextRun(text)], pageBreakBefore: true, keepNext: true });
    };
    const content: Children = [firstHeading(KOMMUN_INTRO_TITLE)];
    if (kommun.intro) content.push(...this.blocks(markdownBlocks(kommun.intro), { headingBase: 2, inCell: false }));
    else content.push(this.para([new TextRun({ text: 'Ingen inledning är skriven ännu.', italics: true })]));

    content.push(this.heading(KOMMUN_ROLLUP_TITLE, 1), ...this.kommunRollup(kommun));

    for (const board of kommun.boards) {
      content.push(firstHeading(board.boardName));
      content.push(this.para([new TextRun({ text: boardApprovalText(board.approval), bold: true })]));
      if (!board.approval) content.push(this.para([new TextRun({ text: 'Preliminär.', bold: true, color: '9C0006' }), new TextRun(` ${PRELIMINARY_TEXT}`)]));
      this.current = board.document.report;
      this.shift = 1;
      if (boardHasContent(board.document)) for (const chapter of board.document.chapters) content.push(this.heading(chapter.title, 1), ...this.chapter(chapter));
      else content.push(this.para([new TextRun({ text: BOARD_NOTHING_REPORTED, italics: true })]));
      this.shift = 0;
    }

    const toc: Children = [
      new Paragraph({ children: [new TextRun({ text: 'Innehåll', bold: true, size: 28 })], spacing: { before: 480, after: 120 }, pageBreakBefore: true }),
      new TableOfContents('Innehåll', { headingStyleRange: '1-2', beginDirty: true, tabLeader: LeaderType.NONE, cachedEntries: this.tocEntries }),
    ];
    return [...cover, ...toc, ...content];
  }

  /** The whole kommun's goals by colour per målområde, with words (never colour alone), and its assignments. */
  private kommunRollup(kommun: KommunDocumentModel): Children {
    const areas = kommun.rollup.areas;
    if (areas.length === 0) return [this.para([new TextRun({ text: 'Inga målområden för perioden.', italics: true })])];
    const header = ['Målområde', 'Måluppfyllelse', ...COLOURS.map(colourLabel), 'Uppdrag'];
    const first = 2150;
    const second = 1850;
    const rest = Math.floor((TEXT_WIDTH - first - second) / (COLOURS.length + 1));
    const widths = [first, second, ...COLOURS.map(() => rest), TEXT_WIDTH - first - second - rest * COLOURS.length];
    const rows = areas.map((area) => [
      [this.text(area.number === null ? area.name : `${area.number}. ${area.name}`)],
      [this.text(area.rollup.metText)],
      ...COLOURS.map((c) => [this.para([new TextRun(String(area.rollup.goals[c]))], { alignment: AlignmentType.RIGHT })]),
      [this.para([new TextRun(String(area.assignments.length))], { alignment: AlignmentType.RIGHT })],
    ]);
    return [
      this.table(widths, header, rows, { rightAligned: [2, 3, 4, 5, 6], fills: areas.map(() => [undefined, undefined, ...COLOURS.map((c) => COLOUR_FILL[c])]) }),
      this.para([]),
    ];
  }

  /** A chapter's content under its heading, by its kind. */
  private chapter(chapter: DocumentChapter): Children {
    const m = this.model;
    const out: Children = [];
    switch (chapter.kind) {
      case 'goals':
        if (m.intro) out.push(...this.blocks(markdownBlocks(m.intro), { headingBase: 2, inCell: false }));
        out.push(...this.legend());
        for (const area of m.focusAreas) out.push(...this.focusArea(area));
        return out;
      case 'overall_perspective':
        for (const section of m.sections) out.push(...this.blocks(markdownBlocks(section.body), { headingBase: 2, inCell: false }));
        return out;
      case 'board_assignments':
        return this.boardAssignments(null);
      case 'narrative':
      case 'finance_result':
      case 'investments':
        for (const item of chapterFlow(chapter)) {
          if (item.kind === 'blocks') {
            // The finance tables in issue 16's Word rendering; their headings join the contents.
            const blocks = item.blocks.map((b) => (b.kind === 'heading' ? { ...b, level: Math.min(3, b.level + this.shift) as 1 | 2 | 3 } : b));
            for (const b of blocks) if (b.kind === 'heading' && b.level <= 2) this.tocEntries.push({ title: b.text, level: b.level });
            out.push(...chapterDocx(blocks));
            continue;
          }
          const { part } = item;
          if (part.heading) out.push(this.heading(part.heading, 2));
          if (part.body) out.push(...this.blocks(markdownBlocks(part.body), { headingBase: part.heading ? 3 : 2, inCell: false }));
          else out.push(this.para([new TextRun({ text: `${part.unitName} har inte skrivit någon text ännu.`, italics: true })]));
        }
        return out;
    }
  }

  // --- Building blocks ---

  private heading(text: string, headingLevelInBoard: number): Paragraph {
    const level = headingLevelInBoard + this.shift;
    if (level <= 2) this.tocEntries.push({ title: text, level });
    return new Paragraph({ heading: headingLevel(level), children: [new TextRun(text)], keepNext: true, keepLines: true });
  }

  private para(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    return new Paragraph({ ...options, children });
  }

  private text(text: string, options: { bold?: boolean; italic?: boolean; keepNext?: boolean } = {}): Paragraph {
    return this.para(textRuns(text, options), options.keepNext ? { keepNext: true } : {});
  }

  /** Markdown blocks as paragraphs, headings and lists (each list numbered from 1). */
  private blocks(blocks: Block[], ctx: BlockContext): Paragraph[] {
    const out: Paragraph[] = [];
    const topLevel = Math.min(...blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level));
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading': {
          const runs = runChildren(block.runs, { italic: ctx.italic });
          if (ctx.inCell) {
            out.push(this.para(runChildren(block.runs, { bold: true, italic: ctx.italic }), { keepNext: true }));
          } else {
            const level = Math.min(6, ctx.headingBase + this.shift + (block.level - topLevel));
            if (level <= 2) this.tocEntries.push({ title: block.runs.map((r) => r.text).join(''), level });
            out.push(new Paragraph({ heading: headingLevel(level), children: runs, keepNext: true, keepLines: true }));
          }
          break;
        }
        case 'paragraph':
          out.push(this.para(runChildren(block.runs, { italic: ctx.italic })));
          break;
        case 'list': {
          const instance = ++this.listInstance;
          const reference = block.ordered ? NUMBERED : BULLETED;
          block.items.forEach((item, i) => {
            out.push(
              this.para(runChildren(item, { italic: ctx.italic }), {
                numbering: { reference, level: 0, instance },
                spacing: { after: i === block.items.length - 1 ? 120 : 40 },
              }),
            );
          });
          break;
        }
      }
    }
    return out;
  }

  /** The seed's "Förklaring till måluppfyllelse:", each colour shown as its fill with its symbol. */
  private legend(): Paragraph[] {
    const label = (text: string, before = 0) =>
      this.para([new TextRun({ text, bold: true })], { spacing: { before, after: 40 }, keepNext: true });
    const out: Paragraph[] = [label('Förklaring till måluppfyllelse:', 240), label('Färg')];
    for (const c of legendColours(this.options)) {
      out.push(
        this.para(
          [
            new TextRun({
              text: ` ${colourSymbol(c.colour)} `,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOUR_FILL[c.colour] },
              border: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 0 },
            }),
            new TextRun(` ${c.text}`),
          ],
          { spacing: { after: 40 }, keepNext: true },
        ),
      );
    }
    out.push(label('Trend', 120));
    REPORT_LEGEND.trends.forEach((t, i) => {
      const last = i === REPORT_LEGEND.trends.length - 1;
      out.push(this.para([new TextRun(`${trendArrow(t.trend)} ${t.text}`)], { spacing: { after: last ? 240 : 40 }, keepNext: !last }));
    });
    return out;
  }

  /**
   * A målområde in the seed's outline: its heading (level 2), the KF-mål and notes of a
   * målområde without goals, then its parts in the plan's order; a sub-area's heading (level 3)
   * where the målområde is divided into sub-areas, and "Uppdrag" where the seed sets a
   * målområde's assignments apart.
   */
  private focusArea(area: ReportFocusArea): Children {
    const out: Children = [this.heading(focusAreaHeading(area), 2)];

    if (area.goals.length === 0 && area.councilGoals.length > 0) {
      out.push(this.para([new TextRun({ text: 'Kommunfullmäktiges mål:', bold: true })], { keepNext: true }));
      for (const goal of area.councilGoals) out.push(this.text(goal));
    }
    for (const note of area.notes) {
      if (note.heading) out.push(this.heading(note.heading, 3));
      out.push(...this.blocks(markdownBlocks(note.body), { headingBase: note.heading ? 4 : 3, inCell: false }));
    }

    const parts = areaParts(area);
    const headed = subAreaHeadings(parts);
    let level = 3;
    if (assignmentsHeading(area)) {
      out.push(this.heading('Uppdrag', 3));
      level = 4;
    }
    for (const part of parts) {
      const partLevel = headed && part.subArea ? level + 1 : level;
      if (headed && part.subArea) out.push(this.heading(part.subArea, level));
      for (const i of part.goals) out.push(...this.goal(area.goals[i]!, partLevel));
      for (const i of part.councilAssignments) out.push(...this.councilAssignment(area.councilAssignments[i]!, partLevel));
    }
    return out;
  }

  private councilAssignment(assignment: ReportCouncilAssignment, level: number): Children {
    return [
      this.table(
        [3009, TEXT_WIDTH - 3009],
        ['Kommunfullmäktiges målområde', 'Uppdrag'],
        [[[this.text(assignment.focusAreaLabel)], [this.text(assignment.title)]]],
      ),
      ...this.unitReports(assignment.reports, level),
    ];
  }

  private goal(goal: ReportGoal, level: number): Children {
    const year = this.model.period.year;
    const out: Children = [this.heading(`${goal.title}: ${goal.text}`, level)];
    // The goal's lines stay with its table.
    const keepNext = goal.indicators.length > 0;
    for (const bearing of goal.bearings) out.push(this.text(`Bäring på kommunfullmäktiges mål ${bearing}.`, { keepNext }));
    if (goal.methodText) out.push(this.text(`Mått/metod: ${goal.methodText}`, { keepNext }));
    if (goal.addressedTo.length > 0) out.push(this.text(`Adressering: ${goal.addressedTo.join(', ')}`, { keepNext }));

    const notes: string[] = [];
    if (goal.indicators.length > 0) {
      // The seed's two headers: "Mål 2024 | Utfall 2024", or "Mål | Utfall" with "År | 2024 | 2024" under it.
      const header = goal.yearRow ? ['', 'Mål', 'Utfall', 'Måluppfyllelse'] : ['', `Mål ${year}`, `Utfall ${year}`, 'Måluppfyllelse'];
      const rows = goal.indicators.map((ind) => this.indicatorRow(ind, notes));
      out.push(
        this.table(goalColumnWidths(goal, header), header, rows, {
          subHeader: goal.yearRow ? ['År', String(year), String(year), ''] : undefined,
          rightAligned: [2],
          fills: goal.indicators.map((ind) => [undefined, undefined, undefined, COLOUR_FILL[ind.colour]]),
        }),
      );
    }
    const tableNotes = notes.length;
    notes.forEach((note, i) => {
      out.push(this.para(textRuns(`${noteMark(i + 1)} ${note}`), { spacing: { before: i === 0 ? 60 : 0, after: 40 }, style: 'NoteText' }));
    });
    // Space between a table and what follows (another table, in the seed's målområde 2).
    if (goal.indicators.length > 0 && notes.length === 0) out.push(this.para([], { spacing: { after: 0 }, style: 'NoteText' }));

    if (this.options.goalAttainment) {
      const assessment: ParagraphChild[] = [];
      if (goal.colour) {
        assessment.push(
          ...textRuns(`Måluppfyllelse: ${colourSymbol(goal.colour)} ${colourLabel(goal.colour)}${this.noteFor(goal.chosenColour, 'Färgen är', notes)}.`),
        );
      }
      if (goal.forecastColour) {
        if (assessment.length) assessment.push(new TextRun(' '));
        assessment.push(...textRuns(`Prognos helår: ${colourSymbol(goal.forecastColour)} ${colourLabel(goal.forecastColour)}.`));
      }
      if (assessment.length) {
        out.push(this.para(assessment, { spacing: { before: 120 }, keepLines: true, keepNext: notes.length > tableNotes }));
        notes.slice(tableNotes).forEach((note, i) => {
          out.push(this.para(textRuns(`${noteMark(tableNotes + i + 1)} ${note}`), { spacing: { after: 40 }, style: 'NoteText' }));
        });
      }
    }
    if (goal.analysis) out.push(...this.blocks(markdownBlocks(goal.analysis), { headingBase: level + 1, inCell: false }));
    return out;
  }

  /** The note mark for a colour or arrow the reporter chose ('' for none), its note added to notes. */
  private noteFor(chosen: { justification: string | null } | null | undefined, what: string, notes: string[]): string {
    if (!chosen || !this.options.overrideNotes) return '';
    notes.push(`${what} vald av rapportören${chosen.justification ? `: ${chosen.justification}` : ' (ingen motivering angiven).'}`);
    return noteMark(notes.length);
  }

  /** An indicator's row; a colour or arrow the reporter chose gets a note mark, its note added to notes. */
  private indicatorRow(ind: ReportIndicator, notes: string[]): Paragraph[][] {
    const mark = (chosen: { justification: string | null } | null | undefined, what: string) => this.noteFor(chosen, what, notes);
    const status: ParagraphChild[] = [
      new TextRun({ text: `${colourSymbol(ind.colour)} ${colourLabel(ind.colour)}${mark(ind.chosenColour, 'Färgen är')}`, bold: true }),
    ];
    if (ind.trend) {
      const arrow = `${trendArrow(ind.trend)}${this.options.trendWords ? ` ${trendLabel(ind.trend)}` : ''}`;
      status.push(new TextRun(` ${arrow}${mark(ind.chosenTrend, 'Pilen är')}`));
    }
    const attainment: Paragraph[] = [this.para(status)];
    if (ind.analysis) attainment.push(...this.blocks(markdownBlocks(ind.analysis), { headingBase: 4, inCell: true }));
    if (ind.rankStatement) attainment.push(this.text(ind.rankStatement));
    if (ind.referenceNote) attainment.push(this.text(ind.referenceNote, { italic: true }));
    return [
      [this.text(ind.name)],
      [this.text(ind.targetLabel)],
      [this.para([new TextRun(formatOutcome(ind.outcome, ind.decimals))], { alignment: AlignmentType.RIGHT })],
      attainment,
    ];
  }

  /** The units' återrapportering: each report's heading one level below the part it is in. */
  private unitReports(reports: ReportUnitReport[], level: number): Paragraph[] {
    if (reports.length === 0) {
      return [this.para([new TextRun({ text: 'Ingen återrapportering för perioden.', italics: true })], { spacing: { before: 120 } })];
    }
    const out: Paragraph[] = [];
    for (const r of reports) {
      if (r.heading) out.push(this.heading(r.heading, level));
      if (r.body) out.push(...this.blocks(markdownBlocks(r.body), { headingBase: r.heading ? level + 1 : level, inCell: false }));
    }
    return out;
  }

  /** The board's assignments under a level-2 heading, or (heading null) under the chapter's own. */
  private boardAssignments(heading: string | null = 'Uppföljning av nämnds uppdrag till förvaltning'): Children {
    const { intro, groups } = this.model.boardAssignments;
    const out: Children = heading ? [this.heading(heading, 2)] : [];
    if (intro) out.push(...this.blocks(markdownBlocks(intro), { headingBase: 3, inCell: false }));
    for (const group of groups) {
      out.push(
        this.table(
          [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
          [group.label, 'Uppföljning'],
          group.assignments.map((a) => this.boardAssignmentRow(a)),
        ),
      );
      out.push(this.para([]));
    }
    return out;
  }

  private boardAssignmentRow(a: ReportBoardAssignment): Paragraph[][] {
    const left: Paragraph[] = [this.text(a.title)];
    if (a.description) {
      left.push(...this.blocks(markdownBlocks(a.description), { headingBase: 4, inCell: true, italic: true }));
    }
    const right: Paragraph[] = [];
    for (const r of a.followUp) {
      if (r.heading) right.push(this.para([new TextRun({ text: r.heading, bold: true })], { keepNext: true }));
      if (r.body) right.push(...this.blocks(markdownBlocks(r.body), { headingBase: 4, inCell: true }));
    }
    if (right.length === 0) right.push(this.para([new TextRun({ text: 'Ingen uppföljning för perioden.', italics: true })]));
    return [left, right];
  }

  /**
   * A bordered table with a bold, shaded header row, marked as the header (repeated on each
   * page and kept with the first row). Body rows may split across pages, so no text is ever
   * cut off by a row taller than a page.
   */
  private table(
    widths: number[],
    header: string[],
    rows: Paragraph[][][],
    options: { subHeader?: string[]; rightAligned?: number[]; fills?: (string | undefined)[][] } = {},
  ): Table {
    const headerRow = (texts: string[], bold: boolean) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: texts.map((h, i) =>
          cell(
            [
              new Paragraph({
                children: h ? [new TextRun({ text: h, bold })] : [],
                alignment: options.rightAligned?.includes(i) ? AlignmentType.RIGHT : undefined,
                keepNext: true,
              }),
            ],
            i,
            HEADER_FILL,
          ),
        ),
      });
    const cell = (children: Paragraph[], i: number, fill?: string) =>
      new TableCell({
        children: children.length > 0 ? children : [new Paragraph({})],
        width: { size: widths[i]!, type: WidthType.DXA },
        shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
      });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      margins: CELL_MARGINS,
      rows: [
        headerRow(header, true),
        ...(options.subHeader ? [headerRow(options.subHeader, false)] : []),
        ...rows.map((row, r) => new TableRow({ children: row.map((children, i) => cell(children, i, options.fills?.[r]?.[i])) })),
      ],
    });
  }
}

/** Twentieths of a point a line of text takes in Calibri 11 (bold), generously: for column widths. */
function textWidth(text: string): number {
  return Math.ceil(text.length * 112);
}

/**
 * A goal table's columns fitted to its content: the target and outcome columns as wide as their
 * longest unbroken entry (header included), the rest shared between the indicator's name and
 * Måluppfyllelse by how much text each holds.
 */
export function goalColumnWidths(goal: ReportGoal, header: string[]): number[] {
  const pad = CELL_MARGINS.left + CELL_MARGINS.right + 40;
  const fit = (texts: string[], min: number, max: number) => Math.min(max, Math.max(min, ...texts.map((t) => textWidth(t) + pad)));
  const target = fit([header[1]!, ...goal.indicators.map((i) => i.targetLabel)], 900, 2000);
  const outcome = fit([header[2]!, ...goal.indicators.map((i) => formatOutcome(i.outcome, i.decimals))], 800, 1600);
  const rest = TEXT_WIDTH - target - outcome;
  // Lines of text each column would take at an even split: the wordier column gets the room.
  const nameText = Math.max(...goal.indicators.map((i) => i.name.length));
  const statusText = Math.max(...goal.indicators.map((i) => 16 + (i.analysis?.length ?? 0) + (i.referenceNote?.length ?? 0)));
  const min = 2200;
  const name = Math.round(Math.min(rest - min, Math.max(min, (rest * Math.sqrt(nameText)) / (Math.sqrt(nameText) + Math.sqrt(statusText)))));
  return [name, target, outcome, rest - name];
}

function headingLevel(level: number) {
  switch (level) {
    case 1:
      return HeadingLevel.HEADING_1;
    case 2:
      return HeadingLevel.HEADING_2;
    case 3:
      return HeadingLevel.HEADING_3;
    case 4:
      return HeadingLevel.HEADING_4;
    case 5:
      return HeadingLevel.HEADING_5;
    default:
      return HeadingLevel.HEADING_6;
  }
}

function preliminaryRun(size: number, notice = PRELIMINARY_NOTICE): TextRun {
  return new TextRun({ text: notice.toUpperCase(), bold: true, color: '9C0006', size });
}

/** Text with '\n' as line breaks. */
function textRuns(text: string, options: { bold?: boolean; italic?: boolean } = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: options.bold || undefined, italics: options.italic || undefined }),
  );
}

/** Markdown runs as Word runs; links as HYPERLINK fields (no relationship ids, so deterministic). */
function runChildren(runs: Run[], extra: { bold?: boolean; italic?: boolean }): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const style = { bold: extra.bold || run.bold, italic: extra.italic || run.italic };
    if (!run.link) return textRuns(run.text, style);
    const linkRuns = run.text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          style: 'Hyperlink',
          bold: style.bold || undefined,
          italics: style.italic || undefined,
        }),
    );
    return [new HyperlinkField(run.link, linkRuns)];
  });
}

/**
 * A hyperlink as Word's HYPERLINK field (w:fldSimple) with the link text as its result.
 * docx's ExternalHyperlink would add a relationship with a random id on every build.
 */
class HyperlinkField extends SimpleField {
  constructor(url: string, runs: TextRun[]) {
    // In a field instruction a quote ends the argument and a backslash starts a switch.
    super(` HYPERLINK "${url.replace(/"/g, '%22').replace(/\\/g, '%5C')}" `);
    this.root.push(...runs);
  }
}

function documentStyles() {
  const heading = (size: number, before: number, color = '1F3864') => ({
    run: { size, bold: true, color, font: 'Calibri' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, language: { value: 'sv-SE', eastAsia: 'sv-SE', bidirectional: 'ar-SA' } },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
      heading1: heading(36, 240),
      heading2: heading(30, 360),
      heading3: heading(24, 240),
      heading4: heading(22, 200, '262626'),
      heading5: { ...heading(22, 160, '262626'), run: { size: 22, bold: true, italics: true, color: '262626' } },
      heading6: { ...heading(22, 120, '262626'), run: { size: 22, italics: true, color: '262626' } },
      hyperlink: { run: { color: '0563C1', underline: {} } },
      listParagraph: { paragraph: { spacing: { after: 40 } } },
    },
    paragraphStyles: [
      {
        // The notes under a table (a colour or arrow the reporter chose, with the reason).
        id: 'NoteText',
        name: 'Note Text',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 18 },
        paragraph: { spacing: { after: 40 } },
      },
      {
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        paragraph: { spacing: { after: 60 } },
      },
      {
        id: 'TOC2',
        name: 'toc 2',
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        paragraph: { spacing: { after: 40 }, indent: { left: 220 } },
      },
    ],
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** W3CDTF without milliseconds: "2024-09-20T10:15:00Z". */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** docProps/core.xml with the given timestamps (docx always writes the current time). */
function coreProperties(title: string, author: string, date: Date, preliminary: boolean, notice = PRELIMINARY_NOTICE): string {
  const stamp = w3cdtf(date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    (preliminary ? `<dc:description>${escapeXml(notice)}</dc:description>` : '') +
    `<dc:creator>${escapeXml(author)}</dc:creator>` +
    `<cp:lastModifiedBy>${APP_NAME}</cp:lastModifiedBy>` +
    '<dc:language>sv-SE</dc:language>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
