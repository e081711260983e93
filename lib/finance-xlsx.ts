// The finance chapters' tables (lib/finance-chapters.ts) as an Excel workbook: one sheet per
// chapter with its tables one under the other, amounts as numbers (whole tkr). For the
// board's workbook (issue 15) `addChapterSheet` adds a chapter to a workbook of its own.
import ExcelJS from 'exceljs';
import type { ChapterBlock } from './finance-chapters';
import { parseSwedishNumber } from './swedish-number';

const amount = (text: string): number | string => {
  const parsed = parseSwedishNumber(text);
  return parsed.ok && parsed.value !== null ? parsed.value : text;
};

export function addChapterSheet(wb: ExcelJS.Workbook, name: string, blocks: ChapterBlock[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.getColumn(1).width = 44;
  for (let c = 2; c <= 9; c++) ws.getColumn(c).width = 16;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      ws.addRow([block.text]).font = { bold: true, size: block.level === 1 ? 14 : 12 };
    } else if (block.kind === 'table') {
      ws.addRow([block.caption]).font = { italic: true };
      ws.addRow(block.header.map((c) => c.text)).font = { bold: true };
      for (const row of block.rows) {
        const r = ws.addRow(row.map((c) => (c.numeric && c.text ? amount(c.text) : c.text)));
        row.forEach((c, i) => {
          const cell = r.getCell(i + 1);
          if (c.numeric) cell.numFmt = '# ##0;-# ##0';
          if (c.bold || c.italic) cell.font = { bold: c.bold, italic: c.italic };
          if (c.warnings) cell.note = 'Skillnad: se kontrollerna på sidan Ekonomi i Målbild.';
        });
      }
      ws.addRow([]);
    }
  }
  return ws;
}

export async function buildFinanceXlsx(chapters: { title: string; blocks: ChapterBlock[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Målbild';
  for (const c of chapters) addChapterSheet(wb, c.title, c.blocks);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
