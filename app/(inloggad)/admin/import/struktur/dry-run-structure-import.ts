// Checks an uploaded structure file without writing anything: every problem, or what an
// import would create and change.
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { importMessages } from '@/lib/excel-import';
import { dryRunStructureImport, type StructureDryRun } from '@/db/admin/structure-import';
import { dryRunFile, importFileSchema, readStructureFile } from '../import-file';

export const dryRunStructureImportAction = defineAction({
  name: 'structureImport.dryRun',
  schema: importFileSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const result: StructureDryRun = await dryRunFile(await readStructureFile(input.file), (rows) => dryRunStructureImport(db, user, rows));
    const created = result.changes.filter((c) => c.kind === 'create').length;
    const message = result.problems.length
      ? importMessages.problems(result.problems.length)
      : result.changes.length
        ? `Filen är korrekt: ${created} skapas, ${result.changes.length - created} ändras och ${result.unchanged} är oförändrade. Inget är sparat än.`
        : importMessages.changesNothing(result.unchanged);
    return { status: 'ok', message, data: result };
  },
});
