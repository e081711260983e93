// What the import actions receive, for both imports (values here, structure under
// struktur/): the uploaded file, checked for size before it is read, and read with the
// Excel kit (lib/excel-import.ts) into rows and problems. And the dry run both share.
import { z } from '@/lib/zod';
import { CHOOSE_FILE, MAX_FILE_BYTES, TOO_LARGE, type SheetProblem } from '@/lib/excel-import';
import { parseValuesWorkbook, type ParsedWorkbook } from '@/lib/value-import';
import { parseStructureWorkbook, type ParsedStructure } from '@/lib/structure-import';
import { readWorkbookOffThread } from '@/server/read-workbook';

/** A File (or Blob) from the form; anything else, or an empty or too large file, is refused. */
export const importFileSchema = z.object({
  file: z
    .custom<Blob>(
      (v) => typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function' && typeof (v as Blob).size === 'number',
      CHOOSE_FILE,
    )
    .refine((file) => file.size > 0, CHOOSE_FILE)
    .refine((file) => file.size <= MAX_FILE_BYTES, TOO_LARGE),
});

/** The file read off the request thread, with a time budget (server/read-workbook.ts). */
const read = async (file: Blob) => readWorkbookOffThread(new Uint8Array(await file.arrayBuffer()));

/** The rows of the "Värden" sheet. */
export async function readValuesFile(file: Blob): Promise<ParsedWorkbook> {
  return parseValuesWorkbook(await read(file));
}

/** The rows of the structure sheets. */
export async function readStructureFile(file: Blob): Promise<ParsedStructure> {
  return parseStructureWorkbook(await read(file));
}

export interface FileDryRun<P extends SheetProblem, C> {
  rows: number;
  problems: P[];
  changes: C[];
  unchanged: number;
}

/**
 * The dry run of a parsed file. A file that cannot be read at all stops at its own
 * problems; otherwise the readable rows are checked too (`check`, against the database),
 * so that every problem in the file is listed at once. Changes are shown only when there
 * is no problem at all.
 */
export async function dryRunFile<R, P extends SheetProblem, C>(
  parsed: { rows: R[]; problems: P[] },
  check: (rows: R[]) => Promise<{ problems: P[]; changes: C[]; unchanged: number }>,
): Promise<FileDryRun<P, C>> {
  const unreadable = parsed.rows.length === 0 && parsed.problems.length > 0;
  const checked = unreadable ? null : await check(parsed.rows);
  const problems = [...parsed.problems, ...(checked?.problems ?? [])];
  return {
    rows: parsed.rows.length,
    problems,
    changes: problems.length || !checked ? [] : checked.changes,
    unchanged: checked?.unchanged ?? 0,
  };
}
