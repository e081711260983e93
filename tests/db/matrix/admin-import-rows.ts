// Matrix rows for the Excel import of values: the template's read and both actions. The
// actions get a small, valid file whose one row keeps KS-2024-M1-I1's newest value in
// Delår 2024 as it is, so the admin's apply succeeds and writes nothing. The other
// organization's admin may import into their own organization, where the file's code is
// unknown: a problem, nothing of this organization seen or written ('empty').
import { runAction } from '@/server/action';
import { getValueTemplateRows } from '@/db/admin/value-import';
import { buildValuesTemplate } from '@/lib/value-import';
import { dryRunValueImportAction } from '@/app/(inloggad)/admin/import/dry-run-value-import';
import { applyValueImportAction } from '@/app/(inloggad)/admin/import/apply-value-import';
import { action, adminOnly, read, type Context, type Outcome, type MatrixRow } from './harness';

/** A one-row file with the indicator's current values, built as the admin (a read). */
async function unchangedFile(ctx: Context): Promise<Blob> {
  const rows = await getValueTemplateRows(ctx.db, ctx.users.admin);
  const row = rows.find((r) => r.code === 'KS-2024-M1-I1' && r.period === 'Delår 2024');
  if (!row) throw new Error('KS-2024-M1-I1 is not in the template');
  return new Blob([new Uint8Array(await buildValuesTemplate([row]))]);
}

/** 'empty' when the file had problems (the caller's organization has no such code). */
function importOutcome(result: { status: string; code?: string; data?: unknown }): Outcome {
  if (result.status === 'ok' && (result.data as { problems?: unknown[] } | undefined)?.problems?.length) return 'empty';
  if (result.status === 'error' && result.code === 'invalid') return 'empty';
  return action(result);
}

const importers: MatrixRow['expected'] = { ...adminOnly, anonymous: 'unauthenticated', otherOrgAdmin: 'empty' };

export const adminImportRows: MatrixRow[] = [
  {
    name: 'read: the values template (route /admin/import/mall)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db }, user) =>
      read(async () => {
        const rows = await getValueTemplateRows(db, user);
        return rows.some((r) => r.code === 'KS-2024-M1-I1') ? rows : null; // another organization gets its own
      }),
  },
  {
    name: 'action: check a values file (valueImport.dryRun)',
    writes: false,
    expected: importers,
    call: async (ctx, user) => importOutcome(await runAction(dryRunValueImportAction, user, { file: await unchangedFile(ctx) }, ctx.db)),
  },
  {
    name: 'action: import a values file that changes nothing (valueImport.apply)',
    writes: true,
    expected: importers,
    call: async (ctx, user) => importOutcome(await runAction(applyValueImportAction, user, { file: await unchangedFile(ctx) }, ctx.db)),
  },
];
