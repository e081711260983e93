'use server';
// The report template's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition (template-actions.ts) authorizes 'manage' on the report
// template with the policy before it touches data. The template shapes every board's document and every unit's reporting list.
import { EVERY_PAGE, formAction, formActionByStep } from '@/server/form-action';
import {
  addChapterAction,
  addPartAction,
  archiveChapterAction,
  archivePartAction,
  moveChapterAction,
  movePartAction,
  renameChapterAction,
  updatePartAction,
} from './template-actions';

export const addChapterForm = formAction(addChapterAction, { revalidate: EVERY_PAGE });
export const chapterForm = formActionByStep(
  { rename: renameChapterAction, up: moveChapterAction, down: moveChapterAction, archive: archiveChapterAction },
  { revalidate: EVERY_PAGE },
);
export const addPartForm = formAction(addPartAction, { revalidate: EVERY_PAGE });
export const partForm = formActionByStep(
  { update: updatePartAction, up: movePartAction, down: movePartAction, archive: archivePartAction },
  { revalidate: EVERY_PAGE },
);
