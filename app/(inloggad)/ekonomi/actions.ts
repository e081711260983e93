'use server';
// The finance page's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { formAction } from '@/server/form-action';
import { saveFinanceRowAction } from './save-finance-row';
import { explainFinanceWarningAction } from './explain-finance-warning';
import { applyFinanceImportAction, dryRunFinanceImportAction } from './import-finance';

export const saveFinanceRowForm = formAction(saveFinanceRowAction, { revalidate: '/ekonomi' });
export const explainFinanceWarningForm = formAction(explainFinanceWarningAction, { revalidate: '/ekonomi' });

/** Reads and checks the file; writes nothing. */
export const dryRunFinanceImport = formAction(dryRunFinanceImportAction);

export const applyFinanceImport = formAction(applyFinanceImportAction, {
  revalidate: '/ekonomi',
  revalidateWhen: (result) => result.status === 'ok' && Boolean(result.data?.written),
});
