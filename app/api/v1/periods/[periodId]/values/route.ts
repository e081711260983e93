// GET /api/v1/periods/{periodId}/values: the newest version of every indicator's value.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../../../endpoints';

export const GET = nextRoute<{ periodId: string }>(endpoints.periodValues);
