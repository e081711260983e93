'use server';
// The rollover's server action (server/form-action.ts: authenticate, parse, run,
// revalidate); the definition authorizes before it touches data. The new plan shows in the
// plan and goal administration, the overview and the report.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { applyRolloverAction } from './apply-rollover';

export const applyRolloverForm = formAction(applyRolloverAction, { revalidate: EVERY_PAGE });
