// GET /api/v1/periods/{periodId}/assignments: the assignments with each unit's newest report.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../../../endpoints';

export const GET = nextRoute<{ periodId: string }>(endpoints.periodAssignments);
