'use server';
// The approval forms' server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { approvePeriodAction, reopenPeriodAction } from './approve-period';

export const approvePeriodForm = formAction(approvePeriodAction, { revalidate: EVERY_PAGE });

export const reopenPeriodForm = formAction(reopenPeriodAction, { revalidate: EVERY_PAGE });
