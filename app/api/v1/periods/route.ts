// GET /api/v1/periods: every period of the organization.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../endpoints';

export const GET = nextRoute(endpoints.periods);
