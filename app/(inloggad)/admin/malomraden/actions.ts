'use server';
// The målområde and KF-mål forms' server actions (server/form-action.ts: authenticate,
// parse, run, revalidate); each definition authorizes before it touches data.
import { formAction, type FormActionOptions } from '@/server/form-action';
import { createFocusAreaAction } from './create-focus-area';
import { updateFocusAreaAction } from './update-focus-area';
import { setFocusAreaArchivedAction } from './set-focus-area-archived';
import { deleteFocusAreaAction } from './delete-focus-area';
import { createCouncilGoalAction } from './create-council-goal';
import { updateCouncilGoalAction } from './update-council-goal';
import { setCouncilGoalArchivedAction } from './set-council-goal-archived';
import { deleteCouncilGoalAction } from './delete-council-goal';

// This page, and the goal administration with its choices of målområden and KF-mål.
const options: FormActionOptions<undefined> = { revalidate: ['/admin/malomraden', '/admin/mal'] };

export const createFocusArea = formAction(createFocusAreaAction, options);
export const updateFocusArea = formAction(updateFocusAreaAction, options);
export const setFocusAreaArchived = formAction(setFocusAreaArchivedAction, options);
export const deleteFocusArea = formAction(deleteFocusAreaAction, options);
export const createCouncilGoal = formAction(createCouncilGoalAction, options);
export const updateCouncilGoal = formAction(updateCouncilGoalAction, options);
export const setCouncilGoalArchived = formAction(setCouncilGoalArchivedAction, options);
export const deleteCouncilGoal = formAction(deleteCouncilGoalAction, options);
