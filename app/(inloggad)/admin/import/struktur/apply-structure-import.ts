// Imports an uploaded structure file: checked again from the start, then written in one
// transaction, or nothing at all.
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { applyStructureImport } from '@/db/admin/structure-import';
import type { ActionResult } from '@/lib/action';
import { importMessages, ImportProblemsError, type RefusedImport } from '@/lib/excel-import';
import type { StructureProblem } from '@/lib/structure-import';
import type { StructureApplyResult } from '@/db/admin/structure-import';
import { importFileSchema, readStructureFile } from '../import-file';

export const applyStructureImportAction = defineAction({
  name: 'structureImport.apply',
  schema: importFileSchema,
  async run({ user, db }, input): Promise<ActionResult<StructureApplyResult & Partial<RefusedImport<StructureProblem>>>> {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const parsed = await readStructureFile(input.file);
    const none = { created: 0, updated: 0, unchanged: 0 };
    if (parsed.problems.length) {
      // The refusal lists the problems, as the check does.
      return { status: 'error', code: 'invalid', message: importMessages.notImported(parsed.problems.length), data: { ...none, problems: parsed.problems } };
    }
    let result: StructureApplyResult;
    try {
      result = await applyStructureImport(db, user, parsed.rows);
    } catch (error) {
      if (!(error instanceof ImportProblemsError)) throw error;
      return { status: 'error', code: 'invalid', message: error.userMessage, data: { ...none, problems: error.problems } };
    }
    const message =
      result.created || result.updated
        ? `Importen är klar: ${result.created} skapades, ${result.updated} ändrades och ${result.unchanged} var oförändrade.`
        : importMessages.nothingSaved(result.unchanged);
    return { status: 'ok', message, data: result };
  },
});
