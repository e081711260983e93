'use server';
// The goal and indicator forms' server actions (server/form-action.ts: authenticate,
// parse, run, revalidate); each definition authorizes before it touches data.
import { formAction, type FormActionOptions } from '@/server/form-action';
import { createBoardGoalAction } from './create-board-goal';
import { updateBoardGoalAction } from './update-board-goal';
import { setBoardGoalArchivedAction } from './set-board-goal-archived';
import { deleteBoardGoalAction } from './delete-board-goal';
import { createIndicatorAction } from './create-indicator';
import { updateIndicatorAction } from './update-indicator';
import { setIndicatorArchivedAction } from './set-indicator-archived';
import { deleteIndicatorAction } from './delete-indicator';

const options: FormActionOptions<undefined> = { revalidate: '/admin/mal' };

export const createBoardGoal = formAction(createBoardGoalAction, options);
export const updateBoardGoal = formAction(updateBoardGoalAction, options);
export const setBoardGoalArchived = formAction(setBoardGoalArchivedAction, options);
export const deleteBoardGoal = formAction(deleteBoardGoalAction, options);
export const createIndicator = formAction(createIndicatorAction, options);
export const updateIndicator = formAction(updateIndicatorAction, options);
export const setIndicatorArchived = formAction(setIndicatorArchivedAction, options);
export const deleteIndicator = formAction(deleteIndicatorAction, options);
