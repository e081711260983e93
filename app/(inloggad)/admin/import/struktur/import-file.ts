// What both structure import actions receive: the uploaded file (checked for size before it
// is read) and, read from it, the rows of the structure sheets.
import { z } from 'zod';
import { MAX_FILE_BYTES, parseStructureWorkbook, type ParsedStructure } from '@/lib/structure-import';

export const structureFileSchema = z.object({
  file: z
    .custom<Blob>(
      (v) => typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function' && typeof (v as Blob).size === 'number',
      'Välj en Excelfil (.xlsx).',
    )
    .refine((file) => file.size > 0, 'Välj en Excelfil (.xlsx).')
    .refine((file) => file.size <= MAX_FILE_BYTES, 'Filen är större än 5 MB.'),
});

export async function readStructureFile(file: Blob): Promise<ParsedStructure> {
  return parseStructureWorkbook(new Uint8Array(await file.arrayBuffer()));
}
