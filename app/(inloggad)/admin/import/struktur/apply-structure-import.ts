// Imports an uploaded structure file: checked again from the start, then written in one
// transaction, or nothing at all.
import { defineAction } from '@/lib/action';
import { authorize } from '@/lib/policy';
import { applyStructureImport } from '@/db/admin/structure-import';
import { readStructureFile, structureFileSchema } from './import-file';

export const applyStructureImportAction = defineAction({
  name: 'structureImport.apply',
  schema: structureFileSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const parsed = await readStructureFile(input.file);
    if (parsed.problems.length) {
      return { status: 'error', code: 'invalid', message: `Filen har ${parsed.problems.length} problem. Inget har importerats.` };
    }
    const result = await applyStructureImport(db, user, parsed.rows);
    const message =
      result.created || result.updated
        ? `Importen är klar: ${result.created} skapades, ${result.updated} ändrades och ${result.unchanged} var oförändrade.`
        : `Inget behövde sparas: alla ${result.unchanged} rader var oförändrade.`;
    return { status: 'ok', message, data: result };
  },
});
