// Reading an uploaded .xlsx into plain data, with real limits. Plain JavaScript outside the
// Next.js bundle, so that the same file runs in-process (tests, scripts, via
// lib/excel-import.ts) and as a worker thread (server/read-workbook.ts starts it from the
// project folder at run time, off the request thread).
//
// Limits, never trusting what the file declares about itself:
// - the zip is walked entry by entry and every entry is inflated with zlib's
//   maxOutputLength set to what is left of the budget: inflation stops as soon as the
//   bytes actually inflated pass it (a file that claims 20 000 bytes and unpacks 1 GiB is
//   refused after 50 MB, in well under a second);
// - cells actually present (<c> elements in the inflated XML) are counted before exceljs
//   parses anything, and a file with too many is refused.
// Answers are codes (lib/excel-import.ts has the Swedish messages); the workbook comes
// back as a snapshot of plain values (see read-workbook.d.mts).
import { inflateRawSync } from 'node:zlib';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

export const DEFAULT_LIMITS = Object.freeze({ maxInflatedBytes: 50 * 1024 * 1024, maxCells: 300_000 });
export const WORKER_JOB = 'malbild-read-workbook';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Refused extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

/** The entries of the central directory; compressed data is bounded by the file itself. */
function zipEntries(buf) {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refused('not-xlsx');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new Refused('not-xlsx'); // zip64: never an upload of this size
  const entries = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== CENTRAL) throw new Refused('not-xlsx');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = Buffer.from(buf.buffer, buf.byteOffset + p + 46, nameLength).toString('utf8');
    p += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buf.length || view.getUint32(localOffset, true) !== LOCAL) throw new Refused('not-xlsx');
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (start + compressedSize > buf.length) throw new Refused('not-xlsx');
    entries.push({ name, method, data: buf.subarray(start, start + compressedSize) });
  }
  return entries;
}

const isNameChar = (b) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;

/** The number of <c> elements (with or without a namespace prefix) in XML bytes. */
export function countCells(xml) {
  let cells = 0;
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length - 2; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    let nameStart = j;
    while (j < xml.length && isNameChar(xml[j])) j++;
    if (xml[j] === 0x3a) {
      nameStart = j + 1; // a prefix: the local name follows
      j = nameStart;
      while (j < xml.length && isNameChar(xml[j])) j++;
    }
    if (j - nameStart === 1 && xml[nameStart] === 0x63) {
      const next = xml[j];
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) cells++;
    }
  }
  return cells;
}

/**
 * Inflates every entry against a running budget of bytes actually produced and counts the
 * cells. Throws Refused('too-large-unpacked' | 'too-many-cells' | 'not-xlsx').
 */
export function checkZip(buf, limits = DEFAULT_LIMITS) {
  let inflated = 0;
  let cells = 0;
  let workbook = false;
  for (const entry of zipEntries(buf)) {
    if (entry.name.endsWith('/')) continue;
    const left = limits.maxInflatedBytes - inflated;
    let bytes;
    if (entry.method === 0) {
      bytes = entry.data;
    } else if (entry.method === 8) {
      try {
        // One byte over what is left: inflating more than that throws, and stops there.
        bytes = inflateRawSync(entry.data, { maxOutputLength: Math.max(1, left + 1) });
      } catch (error) {
        if (error?.code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new Refused('too-large-unpacked');
        throw new Refused('not-xlsx');
      }
    } else {
      throw new Refused('not-xlsx');
    }
    inflated += bytes.length;
    if (inflated > limits.maxInflatedBytes) throw new Refused('too-large-unpacked');
    if (entry.name.toLowerCase().endsWith('.xml')) {
      cells += countCells(bytes);
      if (cells > limits.maxCells) throw new Refused('too-many-cells');
    }
    if (entry.name === 'xl/workbook.xml') workbook = true;
  }
  if (!workbook) throw new Refused('not-xlsx');
  return { inflated, cells };
}

/**
 * The workbook as plain values, flat so that handing it to another thread is cheap: per
 * sheet the rows present (their numbers, and where their cells start), and per cell its
 * column, its exceljs ValueType and its value.
 */
function snapshot(wb) {
  return wb.worksheets.map((ws) => {
    const rowNumbers = [];
    const rowStarts = [];
    const columns = [];
    const types = [];
    const values = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rowNumbers.push(rowNumber);
      rowStarts.push(columns.length);
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        columns.push(column);
        types.push(cell.type);
        values.push(cell.value);
      });
    });
    rowStarts.push(columns.length);
    return {
      name: ws.name,
      actualRowCount: ws.actualRowCount,
      rowNumbers: Int32Array.from(rowNumbers),
      rowStarts: Int32Array.from(rowStarts),
      columns: Int32Array.from(columns),
      types: Uint8Array.from(types),
      values,
    };
  });
}

/** Reads a file: { sheets } or { refused: code }. */
export async function readWorkbook(bytes, limits = DEFAULT_LIMITS) {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    checkZip(buf, limits);
  } catch (error) {
    return { refused: error instanceof Refused ? error.code : 'not-xlsx' };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch {
    return { refused: 'not-xlsx' };
  }
  return { sheets: snapshot(wb) };
}

// As a worker thread: read the file handed over and post the answer back.
if (!isMainThread && parentPort && workerData?.job === WORKER_JOB) {
  readWorkbook(workerData.bytes, workerData.limits ?? DEFAULT_LIMITS).then(
    (answer) => parentPort.postMessage(answer),
    () => parentPort.postMessage({ refused: 'not-xlsx' }),
  );
}
