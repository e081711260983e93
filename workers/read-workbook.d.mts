// Types of workers/read-workbook.mjs (plain JavaScript, so that it runs outside the bundle).

export interface ReadLimits {
  /** Bytes actually inflated, all entries together. */
  maxInflatedBytes: number;
  /** Cells present in the file (<c> elements), all sheets together. */
  maxCells: number;
}

export type ReadRefusal = 'too-large' | 'not-xlsx' | 'too-large-unpacked' | 'too-many-cells' | 'too-slow' | 'unreadable';

/** A sheet as plain values (flat: cheap to hand to another thread). */
export interface SheetSnapshot {
  name: string;
  actualRowCount: number;
  /** The rows present, in order. */
  rowNumbers: Int32Array;
  /** Where each row's cells start in columns/types/values (one more entry: the end). */
  rowStarts: Int32Array;
  /** Per cell: its column (1 = A), its exceljs ValueType and its value (plain, cloneable). */
  columns: Int32Array;
  types: Uint8Array;
  values: unknown[];
}

export type WorkbookRead = { sheets: SheetSnapshot[] } | { refused: ReadRefusal };

export declare const DEFAULT_LIMITS: Readonly<ReadLimits>;
export declare const WORKER_JOB: string;
export declare function countCells(xml: Uint8Array): number;
export declare function checkZip(buf: Uint8Array, limits?: ReadLimits): { inflated: number; cells: number };
export declare function readWorkbook(bytes: Uint8Array, limits?: ReadLimits): Promise<WorkbookRead>;
