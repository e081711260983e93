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
} from './report-model';
import { REPORT_LEGEND } from './report-model';
import { colourLabel, colourSymbol, type Colour } from './colour';
import { trendArrow, trendLabel } from './trend';
import { formatOutcome } from './swedish-number';
import { markdownBlocks, type Block, type Run } from './markdown-blocks';
import { setZipTimestamps } from './zip-timestamps';

export const REPORT_TITLE = 'Mål och uppdrag';
export const PRELIMINARY_NOTICE = 'Preliminär – perioden är inte attesterad';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const APP_NAME = 'Målbild';

// A4 with 2,5 cm margins; widths in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Light fills for the Måluppfyllelse cell; the colour's word is always written too. */
const COLOUR_FILL: Record<Colour, string> = {
  green: 'D9EAD3',
  yellow: 'FFF2CC',
  red: 'F4CCCC',
  grey: 'E7E6E6',
};
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
export async function buildReportDocx(model: ReportModel): Promise<Buffer> {
  const fixedDate = model.approvedAt ? new Date(model.approvedAt) : null;
  if (fixedDate && Number.isNaN(fixedDate.getTime())) throw new Error(`approvedAt is not a date: ${model.approvedAt}`);

  const builder = new DocxBuilder(model);
  const doc = new Document({
    creator: APP_NAME,
    lastModifiedBy: APP_NAME,
    title: docTitle(model),
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
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: model.preliminary
          ? { default: new Header({ children: [new Paragraph({ children: [preliminaryRun(18)] })] }) }
          : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${model.boardName} – ${model.period.label} – sida `, size: 18 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: builder.body(),
      },
    ],
  });

  const date = fixedDate ?? new Date();
  const buffer = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreProperties(docTitle(model), date, model.preliminary) },
  ]);
  return fixedDate ? setZipTimestamps(buffer, fixedDate) : buffer;
}

function docTitle(model: ReportModel): string {
  return `${REPORT_TITLE} – ${model.boardName} – ${model.period.label}`;
}

class DocxBuilder {
  /** Each list gets its own instance of the numbering, so each starts again at 1. */
  private listInstance = 0;
  /** The Heading 1 and 2 titles, for the table of contents' first (cached) contents. */
  private readonly tocEntries: { title: string; level: number }[] = [];

  constructor(private readonly model: ReportModel) {}

  body(): Children {
    const m = this.model;
    const out: Children = [];

    if (m.preliminary) {
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
    out.push(
      new Paragraph({
        children: [new TextRun({ text: `${m.boardName} – ${m.period.label}`, size: 26, color: '404040' })],
        spacing: { after: 120 },
      }),
    );
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

    // The table of contents follows the title; its contents are written from the headings
    // (levels 1–2) so it shows at once, and it is marked dirty for Word to update (with page
    // numbers) when the document is opened. docx can fill it in itself, but it bookmarks the
    // headings with ids from a process-wide counter, which would make every build differ.
    const [title, ...rest] = content;
    out.push(title!);
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
      ...rest,
    );
    return out;
  }

  // --- Building blocks ---

  private heading(text: string, level: number, keepNext = true): Paragraph {
    if (level <= 2) this.tocEntries.push({ title: text, level });
    return new Paragraph({ heading: headingLevel(level), children: [new TextRun(text)], keepNext });
  }

  private para(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    return new Paragraph({ ...options, children });
  }

  private text(text: string, options: { bold?: boolean; italic?: boolean } = {}): Paragraph {
    return this.para(textRuns(text, options));
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
            const level = Math.min(6, ctx.headingBase + (block.level - topLevel));
            if (level <= 2) this.tocEntries.push({ title: block.runs.map((r) => r.text).join(''), level });
            out.push(new Paragraph({ heading: headingLevel(level), children: runs, keepNext: true }));
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

  private legend(): Paragraph[] {
    const out: Paragraph[] = [
      this.para([new TextRun({ text: 'Förklaring till måluppfyllelse:', bold: true })], {
        spacing: { before: 240 },
        keepNext: true,
      }),
      this.para([new TextRun({ text: 'Färg', bold: true })], { keepNext: true }),
    ];
    for (const c of REPORT_LEGEND.colours) {
      out.push(
        this.para(
          [
            new TextRun({
              text: ` ${colourSymbol(c.colour)} `,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOUR_FILL[c.colour] },
            }),
            new TextRun(` ${c.text} (${colourLabel(c.colour)})`),
          ],
          { spacing: { after: 40 }, keepNext: true },
        ),
      );
    }
    out.push(this.para([new TextRun({ text: 'Trend', bold: true })], { spacing: { before: 120 }, keepNext: true }));
    REPORT_LEGEND.trends.forEach((t, i) => {
      out.push(
        this.para([new TextRun(`${trendArrow(t.trend)} ${t.text}`)], {
          spacing: { after: i === REPORT_LEGEND.trends.length - 1 ? 240 : 40 },
          keepNext: i < REPORT_LEGEND.trends.length - 1,
        }),
      );
    });
    return out;
  }

  private focusArea(area: ReportFocusArea): Children {
    const out: Children = [];
    out.push(this.heading(area.number !== null ? `Målområde ${area.number} – ${area.name}` : area.name, 2));

    if (area.goals.length === 0 && area.councilGoals.length > 0) {
      out.push(this.para([new TextRun({ text: 'Kommunfullmäktiges mål:', bold: true })], { keepNext: true }));
      for (const goal of area.councilGoals) out.push(this.text(goal));
    }
    for (const note of area.notes) {
      if (note.heading) out.push(this.heading(note.heading, 3));
      out.push(...this.blocks(markdownBlocks(note.body), { headingBase: note.heading ? 4 : 3, inCell: false }));
    }

    for (const goal of area.goals.filter((g) => !g.subArea)) out.push(...this.goal(goal));
    const subAreas = [...new Set(area.goals.map((g) => g.subArea).filter((s): s is string => Boolean(s)))];
    for (const sub of subAreas) {
      out.push(this.heading(sub, 3));
      for (const goal of area.goals.filter((g) => g.subArea === sub)) out.push(...this.goal(goal));
    }

    for (const assignment of area.councilAssignments) {
      out.push(
        this.table(
          [3009, TEXT_WIDTH - 3009],
          ['Kommunfullmäktiges målområde', 'Uppdrag'],
          [[[this.text(assignment.focusAreaLabel)], [this.text(assignment.title)]]],
        ),
      );
      out.push(...this.unitReports(assignment.reports));
    }
    return out;
  }

  private goal(goal: ReportGoal): Children {
    const year = this.model.period.year;
    const out: Children = [this.heading(`${goal.title}: ${goal.text}`, 3)];
    for (const bearing of goal.bearings) out.push(this.text(`Bäring på kommunfullmäktiges mål ${bearing}.`));
    if (goal.methodText) out.push(this.text(`Mått/metod: ${goal.methodText}`));
    if (goal.addressedTo.length > 0) out.push(this.text(`Adressering: ${goal.addressedTo.join(', ')}`));

    if (goal.indicators.length > 0) {
      out.push(
        this.table(
          [3160, 1805, 1085, TEXT_WIDTH - 3160 - 1805 - 1085],
          ['Mått', `Mål ${year}`, `Utfall ${year}`, 'Måluppfyllelse'],
          goal.indicators.map((ind) => this.indicatorRow(ind)),
          { rightAligned: [2], fills: goal.indicators.map((ind) => [undefined, undefined, undefined, COLOUR_FILL[ind.colour]]) },
        ),
      );
    }

    const assessment: ParagraphChild[] = [];
    if (goal.colour) assessment.push(...textRuns(`Måluppfyllelse: ${colourSymbol(goal.colour)} ${colourLabel(goal.colour)}.`));
    if (goal.forecastColour) {
      if (assessment.length) assessment.push(new TextRun(' '));
      assessment.push(
        ...textRuns(`Prognos helår: ${colourSymbol(goal.forecastColour)} ${colourLabel(goal.forecastColour)}.`),
      );
    }
    if (assessment.length) out.push(this.para(assessment, { spacing: { before: 120 } }));
    if (goal.analysis) out.push(...this.blocks(markdownBlocks(goal.analysis), { headingBase: 4, inCell: false }));
    return out;
  }

  private indicatorRow(ind: ReportIndicator): Paragraph[][] {
    const attainment: Paragraph[] = [
      this.para([new TextRun({ text: `${colourSymbol(ind.colour)} ${colourLabel(ind.colour)}`, bold: true })]),
    ];
    if (ind.trend) attainment.push(this.text(`${trendArrow(ind.trend)} ${trendLabel(ind.trend)}`));
    if (ind.analysis) attainment.push(...this.blocks(markdownBlocks(ind.analysis), { headingBase: 4, inCell: true }));
    if (ind.referenceNote) attainment.push(this.text(ind.referenceNote, { italic: true }));
    return [
      [this.text(ind.name)],
      [this.text(ind.targetLabel)],
      [this.para([new TextRun(formatOutcome(ind.outcome, ind.decimals))], { alignment: AlignmentType.RIGHT })],
      attainment,
    ];
  }

  private unitReports(reports: ReportUnitReport[]): Paragraph[] {
    if (reports.length === 0) {
      return [this.para([new TextRun({ text: 'Ingen återrapportering för perioden.', italics: true })], { spacing: { before: 120 } })];
    }
    const out: Paragraph[] = [];
    for (const r of reports) {
      if (r.heading) {
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(r.heading)], keepNext: true }));
      }
      if (r.body) out.push(...this.blocks(markdownBlocks(r.body), { headingBase: r.heading ? 5 : 4, inCell: false }));
    }
    return out;
  }

  private boardAssignments(): Children {
    const { intro, groups } = this.model.boardAssignments;
    const out: Children = [this.heading('Uppföljning av nämnds uppdrag till förvaltning', 2)];
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

  /** A bordered table with a bold, shaded header row that repeats on each page. */
  private table(
    widths: number[],
    header: string[],
    rows: Paragraph[][][],
    options: { rightAligned?: number[]; fills?: (string | undefined)[][] } = {},
  ): Table {
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
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: header.map((h, i) =>
            cell(
              [
                new Paragraph({
                  children: [new TextRun({ text: h, bold: true })],
                  alignment: options.rightAligned?.includes(i) ? AlignmentType.RIGHT : undefined,
                  keepNext: true,
                }),
              ],
              i,
              HEADER_FILL,
            ),
          ),
        }),
        ...rows.map(
          // A row stays on one page (a long follow-up may still break inside its cell in Word).
          (row, r) => new TableRow({ cantSplit: true, children: row.map((children, i) => cell(children, i, options.fills?.[r]?.[i])) }),
        ),
      ],
    });
  }
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

function preliminaryRun(size: number): TextRun {
  return new TextRun({ text: PRELIMINARY_NOTICE.toUpperCase(), bold: true, color: '9C0006', size });
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
function coreProperties(title: string, date: Date, preliminary: boolean): string {
  const stamp = w3cdtf(date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    (preliminary ? `<dc:description>${escapeXml(PRELIMINARY_NOTICE)}</dc:description>` : '') +
    `<dc:creator>${APP_NAME}</dc:creator>` +
    `<cp:lastModifiedBy>${APP_NAME}</cp:lastModifiedBy>` +
    '<dc:language>sv-SE</dc:language>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
