// Every endpoint of the REST API v1 (issue 17), defined once: the route files bind them to
// their paths, the authorization matrix calls them with each token, and the OpenAPI
// document (lib/api-openapi.ts) describes the same paths.
import { apiRead, apiWrite, type ApiParams } from '@/server/api-route';
import { apiListPeriods, apiListPlans, apiPeriodAssignments, apiPeriodGoals, apiPeriodRollups, apiPeriodValues } from '@/db/api-reads';
import { getIndicatorHistory } from '@/db/indicator-values';
import { getAssignmentReportHistory } from '@/db/assignment-reports';
import { NotFoundError } from '@/lib/errors';
import { parseId } from '@/lib/route-params';
import { saveIndicatorValueAction } from '@/app/(inloggad)/rapportering/matt/[indicatorId]/save-indicator-value';
import { saveAssignmentReportAction } from '@/app/(inloggad)/rapportering/uppdrag/[assignmentId]/[unitId]/save-assignment-report';

/** A path segment that must be an id; anything else is "not found" (never a database error). */
function idParam(params: ApiParams, name: string): string {
  const id = parseId(params[name]);
  if (!id) throw new NotFoundError(name);
  return id;
}

export const endpoints = {
  periods: apiRead('periods', ({ db, user }) => apiListPeriods(db, user)),
  plans: apiRead('plans', ({ db, user }) => apiListPlans(db, user)),
  periodGoals: apiRead('period goals', ({ db, user, params }) => apiPeriodGoals(db, user, idParam(params, 'periodId'))),
  periodValues: apiRead('period values', ({ db, user, params }) => apiPeriodValues(db, user, idParam(params, 'periodId'))),
  periodAssignments: apiRead('period assignments', ({ db, user, params }) => apiPeriodAssignments(db, user, idParam(params, 'periodId'))),
  periodRollups: apiRead('period rollups', ({ db, user, params, url }) => {
    const board = url.searchParams.get('boardId');
    const boardId = board === null ? null : parseId(board);
    if (board !== null && !boardId) throw new NotFoundError('board');
    return apiPeriodRollups(db, user, idParam(params, 'periodId'), boardId);
  }),
  indicatorValues: apiRead('indicator values', async ({ db, user, params }) => {
    const history = await getIndicatorHistory(db, user, idParam(params, 'indicatorId'));
    const { id, name, unitOfMeasure, targetLabel } = history.indicator;
    return {
      indicator: { id, name, unitOfMeasure, targetLabel },
      versions: history.versions.map(({ endDate: _endDate, ...version }) => version),
    };
  }),
  assignmentReports: apiRead('assignment reports', ({ db, user, params }) =>
    getAssignmentReportHistory(db, user, idParam(params, 'assignmentId')),
  ),
  writeValue: apiWrite(saveIndicatorValueAction),
  writeReport: apiWrite(saveAssignmentReportAction),
};
