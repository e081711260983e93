// POST /api/v1/values: a new version of an indicator's value, by the form's rules.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../endpoints';

export const POST = nextRoute(endpoints.writeValue);
