'use server';
// The finance page's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { formAction } from '@/server/form-action';
import { saveFinanceRowAction } from './save-finance-row';
import { explainFinanceWarningAction } from './explain-finance-warning';

export const saveFinanceRowForm = formAction(saveFinanceRowAction, { revalidate: '/ekonomi' });
export const explainFinanceWarningForm = formAction(explainFinanceWarningAction, { revalidate: '/ekonomi' });
