// GET /api/v1/periods/{periodId}/rollups: the rollup per målområde, as the overview shows it.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../../../endpoints';

export const GET = nextRoute<{ periodId: string }>(endpoints.periodRollups);
