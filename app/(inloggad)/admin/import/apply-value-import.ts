// Imports an uploaded values file: checks everything again and writes every changed row
// as a new version in one transaction, or nothing at all.
import type { ActionResult } from '@/lib/action';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { ConflictError } from '@/lib/errors';
import { applyValueImport } from '@/db/admin/value-import';
import { importMessages, ImportProblemsError, type RefusedImport } from '@/lib/excel-import';
import type { ImportProblem } from '@/lib/value-import';
import { importFileSchema, readValuesFile } from './import-file';

export const applyValueImportAction = defineAction({
  name: 'valueImport.apply',
  schema: importFileSchema,
  async run({ user, db }, input): Promise<ActionResult<{ written: number; unchanged: number } & Partial<RefusedImport<ImportProblem>>>> {
    authorize(user, 'manage', { kind: 'value', organizationId: user.organizationId });
    const parsed = await readValuesFile(input.file);
    if (parsed.problems.length) {
      // The refusal lists the problems, as the check does.
      return { status: 'error', code: 'invalid', message: importMessages.notImported(parsed.problems.length), data: { written: 0, unchanged: 0, problems: parsed.problems } };
    }
    try {
      const result = await applyValueImport(db, user, parsed.rows);
      const message = result.written
        ? `Importen är klar: ${result.written} ${result.written === 1 ? 'värde' : 'värden'} sparades som nya versioner, ${result.unchanged} var oförändrade.`
        : importMessages.nothingSaved(result.unchanged);
      return { status: 'ok', message, data: result };
    } catch (error) {
      if (error instanceof ImportProblemsError) {
        return { status: 'error', code: 'invalid', message: error.userMessage, data: { written: 0, unchanged: 0, problems: error.problems as ImportProblem[] } };
      }
      if (!(error instanceof ConflictError)) throw error;
      return {
        status: 'error',
        code: 'conflict',
        message: 'Någon sparade ett värde medan importen pågick. Inget importerades. Kontrollera filen igen.',
      };
    }
  },
});
