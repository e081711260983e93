// Types of workers/read-workbook.mjs (plain JavaScript, so that it runs outside the bundle).

export interface ReadLimits {
  /** Bytes actually inflated, all entries together. */
  maxInflatedBytes: number;
  /** Cells present in the file (<c> elements), all sheets together. */
  maxCells: number;
}

export type ReadRefusal = 'too-large' | 'not-xlsx' | 'too-large-unpacked' | 'too-many-cells' | 'too-slow' | 'unreadable';

/** A cell as exceljs read it: its ValueType and its value (plain, structured-cloneable). */
export type SnapshotCell = [type: number, value: unknown];

export interface SheetSnapshot {
  name: string;
  actualRowCount: number;
  /** The rows present: their row number and cells by column (index 0 = column A; null = empty). */
  rows: [rowNumber: number, cells: (SnapshotCell | null)[]][];
}

export type WorkbookRead = { sheets: SheetSnapshot[] } | { refused: ReadRefusal };

export declare const DEFAULT_LIMITS: Readonly<ReadLimits>;
export declare const WORKER_JOB: string;
export declare function countCells(xml: Uint8Array): number;
export declare function checkZip(buf: Uint8Array, limits?: ReadLimits): { inflated: number; cells: number };
export declare function readWorkbook(bytes: Uint8Array, limits?: ReadLimits): Promise<WorkbookRead>;
