// The finance chapters (lib/finance-chapters.ts) in Word: `chapterDocx` gives a chapter's
// blocks as docx paragraphs and tables, for the board's whole document (issue 15) to place;
// `buildFinanceDocx` is both chapters as a document of their own (the finance page's
// download). Cells in an unexplained difference are marked "⚠" in a preliminary document.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ChapterBlock, ChapterCell } from './finance-chapters';
import { markdownBlocks, type Run } from './markdown-blocks';
import { setZipTimestamps } from './zip-timestamps';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEADER_FILL = 'E7ECF3';
const WARNING_FILL = 'FCE7B2';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runs(list: Run[], extra: { bold?: boolean } = {}): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.bold || extra.bold, italics: r.italic }));
}

function cell(c: ChapterCell, header: boolean, size: number): TableCell {
  const text = c.warnings ? `${c.text} ⚠` : c.text;
  return new TableCell({
    children: [
      new Paragraph({
        alignment: c.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header || c.bold, italics: c.italic, size })],
      }),
    ],
    shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : c.warnings ? { type: ShadingType.CLEAR, fill: WARNING_FILL, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** The A4 text width with 2,5 cm margins, in twips. */
const TEXT_WIDTH = 11906 - 2 * 1418;

/**
 * Column widths in twips: the row labels ("10 Nämnder/Styrelser", project names) get the room of
 * two and a half figures, so they do not break mid-word; the "Analys" number column is narrow.
 */
function columnWidths(header: ChapterCell[]): number[] {
  const wide = header.length > 6; // the project totals' nine columns leave less room for the label
  const weights = header.map((c, i) => (i === 0 ? (wide ? 1.6 : 2.5) : c.text === 'Analys' ? 0.6 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

/** Half-points: 9 pt, or 8 pt in a table of more than six columns (its headings then break less). */
const fontSize = (header: ChapterCell[]) => (header.length > 6 ? 16 : 18);

/** One chapter's blocks as Word paragraphs and tables. */
export function chapterDocx(blocks: ChapterBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      out.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] }));
    } else if (block.kind === 'markdown') {
      for (const b of markdownBlocks(block.text)) {
        if (b.kind === 'list') {
          b.items.forEach((item, i) => out.push(new Paragraph({ children: [new TextRun(b.ordered ? `${i + 1}. ` : '• '), ...runs(item)] })));
        } else {
          out.push(new Paragraph({ children: runs(b.runs, { bold: b.kind === 'heading' }), spacing: { after: 120 } }));
        }
      }
    } else {
      out.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: columnWidths(block.header),
          borders: BORDERS,
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((c) => cell(c, true, fontSize(block.header))) }),
            ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c, false, fontSize(block.header))) })),
          ],
        }),
      );
      out.push(new Paragraph({ children: [] }));
    }
  }
  return out;
}

/**
 * Both chapters as a document. `approvedAt`: the zip entries carry the approval's time;
 * without it the document is marked preliminary.
 */
export async function buildFinanceDocx(input: {
  title: string;
  chapters: ChapterBlock[][];
  approvedAt: Date | null;
}): Promise<Buffer> {
  const date = input.approvedAt ?? new Date();
  const preliminary = input.approvedAt
    ? []
    : [new Paragraph({ children: [new TextRun({ text: 'Preliminär – perioden är inte attesterad', bold: true, color: '9A3412' })] })];
  const doc = new Document({
    creator: 'Målbild',
    title: input.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [{ children: [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.title)] }), ...preliminary, ...input.chapters.flatMap(chapterDocx)] }],
  });
  const buffer = await Packer.toBuffer(doc);
  return input.approvedAt ? setZipTimestamps(buffer, date) : buffer;
}
