'use server';
// The plan forms' server actions (server/form-action.ts: authenticate, parse, run, revalidate);
// each definition authorizes before it touches data. Plans and texts show in the overview
// and the report as well, so every page is revalidated.
import { EVERY_PAGE, formAction, formActionByStep } from '@/server/form-action';
import { createPlanAction } from './create-plan';
import { updatePlanAction } from './update-plan';
import { archivePlanAction } from './archive-plan';
import { restorePlanAction } from './restore-plan';
import { deletePlanAction } from './delete-plan';
import { saveTextBlockAction } from './save-text-block';

export const createPlanForm = formAction(createPlanAction, { revalidate: EVERY_PAGE });

export const updatePlanForm = formAction(updatePlanAction, { revalidate: EVERY_PAGE });

/** The archive, restore and delete buttons of a plan share one form result. */
export const changePlanForm = formActionByStep(
  { archive: archivePlanAction, restore: restorePlanAction, delete: deletePlanAction },
  { revalidate: EVERY_PAGE },
);

export const saveTextBlockForm = formAction(saveTextBlockAction, { revalidate: EVERY_PAGE });
