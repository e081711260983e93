// Imports an uploaded structure file: checked again from the start, then written in one
// transaction, or nothing at all.
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { applyStructureImport } from '@/db/admin/structure-import';
import { importMessages } from '@/lib/excel-import';
import { importFileSchema, readStructureFile } from '../import-file';

export const applyStructureImportAction = defineAction({
  name: 'structureImport.apply',
  schema: importFileSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const parsed = await readStructureFile(input.file);
    if (parsed.problems.length) {
      return { status: 'error', code: 'invalid', message: importMessages.notImported(parsed.problems.length) };
    }
    const result = await applyStructureImport(db, user, parsed.rows);
    const message =
      result.created || result.updated
        ? `Importen är klar: ${result.created} skapades, ${result.updated} ändrades och ${result.unchanged} var oförändrade.`
        : importMessages.nothingSaved(result.unchanged);
    return { status: 'ok', message, data: result };
  },
});
