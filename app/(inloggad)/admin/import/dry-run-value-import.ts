// Checks an uploaded values file without writing anything: every problem, or the changes
// an import would make.
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { importMessages } from '@/lib/excel-import';
import { dryRunValueImport, type DryRunResult } from '@/db/admin/value-import';
import { dryRunFile, importFileSchema, readValuesFile } from './import-file';

export const dryRunValueImportAction = defineAction({
  name: 'valueImport.dryRun',
  schema: importFileSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'value', organizationId: user.organizationId });
    const result: DryRunResult = await dryRunFile(await readValuesFile(input.file), (rows) => dryRunValueImport(db, user, rows));
    const message = result.problems.length
      ? importMessages.problems(result.problems.length)
      : result.changes.length
        ? `Filen är korrekt: ${result.changes.length} värden ändras och ${result.unchanged} är oförändrade. Inget är sparat än.`
        : importMessages.changesNothing(result.unchanged);
    return { status: 'ok', message, data: result };
  },
});
