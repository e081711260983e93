// GET /api/v1/indicators/{indicatorId}/values: every version of the indicator's values.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../../../endpoints';

export const GET = nextRoute<{ indicatorId: string }>(endpoints.indicatorValues);
