// Matrix rows for the Excel import of structure: both actions. They get a small, valid file
// whose one row repeats the unit KS-KLF as it is now (read at call time), so the admin's
// apply succeeds and writes nothing. The other organization's admin may import into their
// own organization, where the parent code KS is unknown: a problem, nothing of this
// organization seen or written ('empty').
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { runAction } from '@/server/action';
import { STRUCTURE_SHEETS } from '@/lib/structure-import';
import { dryRunStructureImportAction } from '@/app/(inloggad)/admin/import/struktur/dry-run-structure-import';
import { applyStructureImportAction } from '@/app/(inloggad)/admin/import/struktur/apply-structure-import';
import { getStructureExport } from '@/db/admin/structure-import';
import { action, adminOnly, read, type Context, type Outcome, type MatrixRow } from './harness';

const KINDS = { board: 'nämnd', department: 'förvaltning', unit: 'enhet', external: 'extern' } as const;

/** A one-row "Enheter" file with KS-KLF exactly as it is. */
async function unchangedFile(ctx: Context): Promise<Blob> {
  const org = ctx.users.admin!.organizationId;
  const [unit] = await ctx.db
    .select({ name: s.units.name, kind: s.units.kind, parentId: s.units.parentId })
    .from(s.units)
    .where(and(eq(s.units.organizationId, org), eq(s.units.code, 'KS-KLF')));
  if (!unit?.parentId) throw new Error('KS-KLF is missing');
  const [parent] = await ctx.db.select({ code: s.units.code }).from(s.units).where(and(eq(s.units.organizationId, org), eq(s.units.id, unit.parentId)));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Enheter');
  ws.addRow([...STRUCTURE_SHEETS.Enheter]);
  ws.addRow(['KS-KLF', unit.name, KINDS[unit.kind], parent!.code]);
  return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
}

/** 'empty' when the file had problems (the caller's organization does not have the codes). */
function importOutcome(result: { status: string; code?: string; data?: unknown }): Outcome {
  if (result.status === 'ok' && (result.data as { problems?: unknown[] } | undefined)?.problems?.length) return 'empty';
  if (result.status === 'error' && result.code === 'invalid') return 'empty';
  return action(result);
}

const importers: MatrixRow['expected'] = { ...adminOnly, anonymous: 'unauthenticated', otherOrgAdmin: 'empty' };

export const adminStructureImportRows: MatrixRow[] = [
  {
    name: 'read: the current structure as the template (route /admin/import/struktur/export)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db }, user) =>
      read(async () => {
        const rows = await getStructureExport(db, user);
        return rows.Enheter?.some((r) => r[0] === 'KS-KLF') ? rows : null; // another organization gets its own
      }),
  },
  {
    name: 'action: check a structure file (structureImport.dryRun)',
    writes: false,
    expected: importers,
    call: async (ctx, user) => importOutcome(await runAction(dryRunStructureImportAction, user, { file: await unchangedFile(ctx) }, ctx.db)),
  },
  {
    name: 'action: import a structure file that changes nothing (structureImport.apply)',
    writes: true,
    expected: importers,
    call: async (ctx, user) => importOutcome(await runAction(applyStructureImportAction, user, { file: await unchangedFile(ctx) }, ctx.db)),
  },
];
