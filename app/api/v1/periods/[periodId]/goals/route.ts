// GET /api/v1/periods/{periodId}/goals: the period's goals with their indicators.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../../../endpoints';

export const GET = nextRoute<{ periodId: string }>(endpoints.periodGoals);
