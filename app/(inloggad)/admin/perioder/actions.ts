'use server';
// The period forms' server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data. A period's state shows
// on every page (reporting, overview, attest).
import { EVERY_PAGE, formAction, formActionByStep } from '@/server/form-action';
import { createPeriodAction } from './create-period';
import { updatePeriodAction } from './update-period';
import { openPeriodAction } from './open-period';
import { closePeriodAction } from './close-period';
import { reopenClosedPeriodAction } from './reopen-closed-period';
import { deletePeriodAction } from './delete-period';

export const createPeriodForm = formAction(createPeriodAction, { revalidate: EVERY_PAGE });

export const updatePeriodForm = formAction(updatePeriodAction, { revalidate: EVERY_PAGE });

/** The state buttons of a period (open, close, reopen with a reason, delete) share one form result. */
export const changePeriodStateForm = formActionByStep(
  { open: openPeriodAction, close: closePeriodAction, reopen: reopenClosedPeriodAction, delete: deletePeriodAction },
  { revalidate: EVERY_PAGE },
);
