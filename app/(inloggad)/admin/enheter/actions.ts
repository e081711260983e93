'use server';
// The unit forms' server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data. Units show on every
// page (names, reporting, the report), so every page is revalidated.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { createUnitAction } from './create-unit';
import { updateUnitAction } from './update-unit';
import { setUnitArchivedAction } from './set-unit-archived';
import { deleteUnitAction } from './delete-unit';

export const createUnitForm = formAction(createUnitAction, {
  revalidate: EVERY_PAGE,
  redirectTo: (created) => `/admin/enheter?skapad=${created!.id}`,
});

export const updateUnitForm = formAction(updateUnitAction, { revalidate: EVERY_PAGE });

export const setUnitArchivedForm = formAction(setUnitArchivedAction, { revalidate: EVERY_PAGE });

export const deleteUnitForm = formAction(deleteUnitAction, {
  revalidate: EVERY_PAGE,
  redirectTo: () => '/admin/enheter?raderad=1',
});
