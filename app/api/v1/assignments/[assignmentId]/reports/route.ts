// GET /api/v1/assignments/{assignmentId}/reports: every version of every unit's report.
import { nextRoute } from '@/server/api-route';
import { endpoints } from '../../../endpoints';

export const GET = nextRoute<{ assignmentId: string }>(endpoints.assignmentReports);
