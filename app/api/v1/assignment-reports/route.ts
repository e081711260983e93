// POST /api/v1/assignment-reports: a new version of a unit's report, by the form's rules.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../endpoints';

export const POST = nextRoute(endpoints.writeReport);
