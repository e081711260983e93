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
    const result: StructureDryRun = parsed.problems.length
      ? { rows: parsed.rows.length, problems: parsed.problems, changes: [], unchanged: 0 }
      : await dryRunStructureImport(db, user, parsed.rows);
    const created = result.changes.filter((c) => c.kind === 'create').length;
    const message = result.problems.length
      ? `Filen har ${result.problems.length} problem. Inget kan importeras förrän de är rättade.`
      : result.changes.length
        ? `Filen är korrekt: ${created} skapas, ${result.changes.length - created} ändras och ${result.unchanged} är oförändrade. Inget är sparat än.`
        : `Filen är korrekt men ändrar ingenting (${result.unchanged} oförändrade rader).`;
    return { status: 'ok', message, data: result };
  },
});
