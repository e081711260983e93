// GET /api/v1/plans: every plan (verksamhetsplan) of the organization.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../endpoints';

export const GET = nextRoute(endpoints.plans);
