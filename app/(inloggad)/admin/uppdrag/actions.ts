'use server';
// The assignment forms' server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data. An assignment shows on
// the monitor, the overview, Min rapportering and the report, so every page is revalidated.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { createAssignmentAction } from './create-assignment';
import { updateAssignmentAction } from './update-assignment';
import { archiveAssignmentAction } from './archive-assignment';
import { restoreAssignmentAction } from './restore-assignment';
import { deleteAssignmentAction } from './delete-assignment';
import { noticeUrl, type Notice } from './notice';

export const createAssignment = formAction(createAssignmentAction, {
  revalidate: EVERY_PAGE,
  redirectTo: (created) => noticeUrl(`/admin/uppdrag/${created!.id}`, 'skapat'),
});

export const updateAssignment = formAction(updateAssignmentAction, { revalidate: EVERY_PAGE });

/** After archive, restore or delete: back where the user was, with a notice (a hidden row cannot show it). */
const backWith = (notice: Notice) => (_data: unknown, formData: FormData) => noticeUrl(String(formData.get('returnTo') ?? ''), notice);

export const archiveAssignment = formAction(archiveAssignmentAction, { revalidate: EVERY_PAGE, redirectTo: backWith('arkiverat') });

export const restoreAssignment = formAction(restoreAssignmentAction, { revalidate: EVERY_PAGE, redirectTo: backWith('aterstallt') });

export const deleteAssignment = formAction(deleteAssignmentAction, { revalidate: EVERY_PAGE, redirectTo: backWith('raderat') });
