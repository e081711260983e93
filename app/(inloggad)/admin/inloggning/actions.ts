'use server';
// The sign-in administration's server actions (server/form-action.ts); each definition
// authorizes before it touches data.
import { formAction } from '@/server/form-action';
import { updateSignInSettingsAction } from './update-sign-in-settings';
import { addGroupMappingAction } from './add-group-mapping';
import { removeGroupMappingAction } from './remove-group-mapping';

const PAGE = '/admin/inloggning';

export const updateSignInSettingsForm = formAction(updateSignInSettingsAction, { revalidate: PAGE });
export const addGroupMappingForm = formAction(addGroupMappingAction, { revalidate: PAGE });
export const removeGroupMappingForm = formAction(removeGroupMappingAction, { revalidate: PAGE });
