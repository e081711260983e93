// Reading an upload with real limits (workers/read-workbook.mjs), in this thread and in a
// worker thread (server/read-workbook.ts): bytes actually inflated, cells present, time.
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  MAX_CELLS,
  TOO_LARGE_UNPACKED,
  TOO_MANY_CELLS,
  TOO_SLOW,
  openWorkbook,
  readRows,
} from '@/lib/excel-import';
import { countCells } from '@/workers/read-workbook.mjs';
import { readWorkbookOffThread } from '@/server/read-workbook';

/** Raw deflate of `mb` MiB of zeros, without ever holding them: ~1 KB per MiB. */
async function deflatedZeros(mb: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mb; i++) if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

interface Entry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  /** What the headers claim the entry unpacks to. */
  declaredSize: number;
}

/** A zip written by hand, so that its headers can lie about the sizes. */
function zipOf(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // crc: nobody gets that far
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const stored = (name: string, text: string): Entry => ({ name, method: 0, data: Buffer.from(text), declaredSize: Buffer.byteLength(text) });

async function workbookBytes(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad');
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading an upload with real limits', { timeout: 60_000 }, () => {
  it('counts the bytes actually inflated: a file that lies about its sizes is refused quickly, in bounded memory', async () => {
    // 1 GiB of zeros deflates to ~1 MB; the headers claim 20 000 bytes.
    const bomb = zipOf([
      stored('[Content_Types].xml', '<Types/>'),
      stored('xl/workbook.xml', '<workbook/>'),
      { name: 'xl/worksheets/sheet1.xml', method: 8, data: await deflatedZeros(1024), declaredSize: 20_000 },
    ]);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    // jszip (what exceljs reads with) believes the headers.
    const declared = Object.values((await JSZip.loadAsync(bomb)).files).map(
      (f) => (f as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize,
    );
    expect(Math.max(...declared)).toBe(20_000);

    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    expect(await openWorkbook(bomb)).toEqual({ refused: TOO_LARGE_UNPACKED });
    expect(performance.now() - started).toBeLessThan(5_000);
    // At most the 50 MB budget (+1 byte) is ever inflated, never the 1 GiB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);

    expect(await openWorkbook(await readWorkbookOffThread(bomb))).toEqual({ refused: TOO_LARGE_UNPACKED });
  });

  it('counts the budget over all entries together', async () => {
    const tenMb = await deflatedZeros(10);
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `xl/media/image${i}.bin`, method: 8 as const, data: tenMb, declaredSize: 10 }));
    const file = zipOf([stored('xl/workbook.xml', '<workbook/>'), ...entries]);
    expect(await openWorkbook(file)).toEqual({ refused: TOO_LARGE_UNPACKED });
  });

  it('caps the cells present, naming the cap', async () => {
    expect(TOO_MANY_CELLS).toBe('Filen har fler än 300\u00a0000 celler. Dela upp den i flera filer.');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData><row r="1">${'<c r="A1"/>'.repeat(MAX_CELLS + 1)}</row></sheetData></worksheet>`);
    const file = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await openWorkbook(file)).toEqual({ refused: TOO_MANY_CELLS });
  });

  it('counts <c> elements with or without a prefix, and nothing else', () => {
    const xml = Buffer.from('<row><c r="A1"><v>1</v></c><x:c r="B1"/><c>x</c><col/><cols/><c:chart/><c\n/></row>');
    expect(countCells(xml)).toBe(4);
  });

  it('reads in a worker thread exactly what it reads in this one', async () => {
    const bytes = await workbookBytes([['Kod', 'Namn'], ['A', 1.5], ['B', { richText: [{ text: 'Ri' }, { text: 'ch' }] }], [null, new Date(Date.UTC(2024, 1, 29))]]);
    const rowsOf = async (source: Parameters<typeof openWorkbook>[0]) => {
      const opened = await openWorkbook(source);
      if ('refused' in opened) throw new Error(opened.refused);
      return readRows(opened.workbook.getWorksheet('Blad')!, 'Blad', { Kod: 1, Namn: 2 }, { dates: 'iso', required: {} });
    };
    const here = await rowsOf(bytes);
    expect(here.rows).toEqual([
      { row: 2, cells: { Kod: 'A', Namn: '1,5' } },
      { row: 3, cells: { Kod: 'B', Namn: 'Rich' } },
      { row: 4, cells: { Kod: '', Namn: '2024-02-29' } },
    ]);
    expect(await rowsOf(await readWorkbookOffThread(bytes))).toEqual(here);
  });

  it('stops a read that takes longer than its time budget', async () => {
    const bytes = await workbookBytes([['Kod'], ['A']]);
    expect(await openWorkbook(await readWorkbookOffThread(bytes, { timeoutMs: 1 }))).toEqual({ refused: TOO_SLOW });
    // The next read is not held up by the stopped one.
    expect('sheets' in (await readWorkbookOffThread(bytes))).toBe(true);
  });
});
