// What both import actions receive: the uploaded file (checked for size before it is read)
// and, read from it, the rows of the "Värden" sheet.
import { z } from 'zod';
import { MAX_FILE_BYTES, parseValuesWorkbook, type ParsedWorkbook } from '@/lib/value-import';

/** A File (or Blob) from the form; anything else, or an empty or too large file, is refused. */
export const importFileSchema = z.object({
  file: z
    .custom<Blob>(
      (v) => typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function' && typeof (v as Blob).size === 'number',
      'Välj en Excelfil (.xlsx).',
    )
    .refine((file) => file.size > 0, 'Välj en Excelfil (.xlsx).')
    .refine((file) => file.size <= MAX_FILE_BYTES, 'Filen är större än 5 MB.'),
});

export async function readImportFile(file: Blob): Promise<ParsedWorkbook> {
  return parseValuesWorkbook(new Uint8Array(await file.arrayBuffer()));
}
