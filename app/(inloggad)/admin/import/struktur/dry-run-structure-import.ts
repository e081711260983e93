// Checks an uploaded structure file without writing anything: every problem, or what an
// import would create and change.
import { defineAction } from '@/lib/action';
import { authorize } from '@/lib/policy';
import { dryRunStructureImport, type StructureDryRun } from '@/db/admin/structure-import';
import { readStructureFile, structureFileSchema } from './import-file';

export const dryRunStructureImportAction = defineAction({
  name: 'structureImport.dryRun',
  schema: structureFileSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const parsed = await readStructureFile(input.file);
    // A file that cannot be read at all stops here; otherwise the readable rows are checked
    // too, so that every problem in the file is listed at once.
    const unreadable = parsed.rows.length === 0 && parsed.problems.length > 0;
    const checked = unreadable ? null : await dryRunStructureImport(db, user, parsed.rows);
    const problems = [...parsed.problems, ...(checked?.problems ?? [])];
    const result: StructureDryRun = {
      rows: parsed.rows.length,
      problems,
      changes: problems.length || !checked ? [] : checked.changes,
      unchanged: checked?.unchanged ?? 0,
    };
    const created = result.changes.filter((c) => c.kind === 'create').length;
    const message = result.problems.length
      ? `Filen har ${result.problems.length} problem. Inget kan importeras förrän de är rättade.`
      : result.changes.length
        ? `Filen är korrekt: ${created} skapas, ${result.changes.length - created} ändras och ${result.unchanged} är oförändrade. Inget är sparat än.`
        : `Filen är korrekt men ändrar ingenting (${result.unchanged} oförändrade rader).`;
    return { status: 'ok', message, data: result };
  },
});
