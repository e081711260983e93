'use server';
// The API token forms' server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { formAction } from '@/server/form-action';
import { createApiTokenAction } from './create-api-token';
import { revokeApiTokenAction } from './revoke-api-token';

export const createApiTokenForm = formAction(createApiTokenAction, { revalidate: '/admin/api' });

export const revokeApiTokenForm = formAction(revokeApiTokenAction, { revalidate: '/admin/api' });
