// Checks an uploaded values file without writing anything: every problem, or the changes
// an import would make.
import { defineAction } from '@/lib/action';
import { authorize } from '@/lib/policy';
import { dryRunValueImport, type DryRunResult } from '@/db/admin/value-import';
import { importFileSchema, readImportFile } from './import-file';

export const dryRunValueImportAction = defineAction({
  name: 'valueImport.dryRun',
  schema: importFileSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'value', organizationId: user.organizationId });
    const parsed = await readImportFile(input.file);
    // A file that cannot be read at all stops here; otherwise the readable rows are checked
    // too, so that every problem in the file is listed at once.
    const unreadable = parsed.rows.length === 0 && parsed.problems.length > 0;
    const checked = unreadable ? null : await dryRunValueImport(db, user, parsed.rows);
    const problems = [...parsed.problems, ...(checked?.problems ?? [])];
    const result: DryRunResult = {
      rows: parsed.rows.length,
      problems,
      changes: problems.length || !checked ? [] : checked.changes,
      unchanged: checked?.unchanged ?? 0,
    };
    const message = result.problems.length
      ? `Filen har ${result.problems.length} problem. Inget kan importeras förrän de är rättade.`
      : result.changes.length
        ? `Filen är korrekt: ${result.changes.length} värden ändras och ${result.unchanged} är oförändrade. Inget är sparat än.`
        : `Filen är korrekt men ändrar ingenting (${result.unchanged} oförändrade rader).`;
    return { status: 'ok', message, data: result };
  },
});
