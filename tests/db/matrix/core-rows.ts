// The matrix rows for the foundation, reporting and review: every read behind a page and
// every action, with the expected outcome per actor.
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { getApprovalState } from '@/db/approvals';
import { getAssignmentMonitor, getAssignmentPage } from '@/db/assignment-monitor';
import { getAssignmentReport, getAssignmentReportHistory } from '@/db/assignment-reports';
import { getBoardReport, getBoardReportWithApproval, getBoardWorkbook } from '@/db/report';
import { getCurrentPeriod, getOverview } from '@/db/queries/overview';
import { getDeviations, listBoards } from '@/db/deviations';
import { getGoalAssessment, getGoalAssessmentHistory } from '@/db/goal-assessments';
import { getIndicatorHistory, getIndicatorReport } from '@/db/indicator-values';
import { getMyReporting, reportingRoots } from '@/db/my-reporting';
import { ForbiddenError } from '@/lib/errors';
import { listUsers } from '@/db/users';
import { runAction } from '@/server/action';
import { saveAssignmentReportAction } from '@/app/(inloggad)/rapportering/uppdrag/[assignmentId]/[unitId]/save-assignment-report';
import { saveGoalAssessmentAction } from '@/app/(inloggad)/rapportering/mal/[goalId]/save-goal-assessment';
import { saveIndicatorValueAction } from '@/app/(inloggad)/rapportering/matt/[indicatorId]/save-indicator-value';
import { sendBackAction } from '@/app/(inloggad)/rapportering/send-back';
import { setReadinessAction } from '@/app/(inloggad)/rapportering/set-readiness';
import { setUserDisabledAction } from '@/app/(inloggad)/admin/anvandare/set-user-disabled';
import { action, adminOnly, hrReporters, newestSeq, read, readers, type MatrixRow } from './harness';

export const coreRows: MatrixRow[] = [
  {
    name: 'read: the current period',
    writes: false,
    expected: { ...readers('ok'), otherOrgAdmin: 'empty' },
    call: ({ db }, user) => read(() => getCurrentPeriod(db, user)),
  },
  {
    name: 'read: the overview of a period (page /)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getOverview(db, user, ids.periodId)),
  },
  {
    name: 'read: the user list (page /admin/anvandare)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const list = await listUsers(db, user);
        return list.some((u) => u.id === ids.hrChef) ? list : null; // another organization sees only its own
      }),
  },
  {
    name: 'action: disable a user (user.setDisabled)',
    writes: true,
    expected: { ...adminOnly, anonymous: 'unauthenticated' },
    call: async ({ db, ids }, user) =>
      action(await runAction(setUserDisabledAction, user, { userId: ids.hrChef, disabled: 'true' }, db)),
    undo: async ({ db, ids }) => {
      await db.update(s.users).set({ disabledAt: null }).where(eq(s.users.id, ids.hrChef));
    },
  },
  {
    name: 'action: enable a user (user.setDisabled)',
    writes: true,
    expected: { ...adminOnly, anonymous: 'unauthenticated' },
    call: async ({ db, ids }, user) =>
      action(await runAction(setUserDisabledAction, user, { userId: ids.hrChef, disabled: 'false' }, db)),
  },
  {
    // lib/policy 'view_reporting': the admin and the director open any unit's page, an editor
    // their own units'; the viewer and another unit's editor are refused.
    name: 'read: Min rapportering for HR-avdelningen (page /rapportering?enhet=…)',
    writes: false,
    expected: { ...readers('ok'), viewer: 'refused', otherEditor: 'refused' },
    call: ({ db, ids }, user) => read(() => getMyReporting(db, user, ids.periodId, [ids.hrUnit])),
  },
  {
    name: "read: Min rapportering for the user's own units (page /rapportering)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getMyReporting(db, user, ids.periodId, user ? reportingRoots(user, ids.hrUnit) : [])),
  },
  {
    name: "read: an assignment's page with the send-back form (page /uppdrag/…)",
    writes: false,
    expected: { ...readers('refused'), director: 'ok' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const page = await getAssignmentPage(db, user, ids.klfAssignment, ids.periodId);
        if (!page.units.some((u) => u.canSendBack)) throw new ForbiddenError();
        return page;
      }),
  },
  {
    name: 'read: an indicator with its values (page /rapportering/matt/…)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getIndicatorReport(db, user, ids.hrIndicator, ids.periodId)),
  },
  {
    name: "read: an indicator's history (page /historik/matt/…)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getIndicatorHistory(db, user, ids.hrIndicator)),
  },
  {
    name: 'read: a goal and its assessment (page /rapportering/mal/…)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getGoalAssessment(db, user, ids.hrGoal, ids.periodId)),
  },
  {
    name: "read: a unit's återrapportering on an assignment (page /rapportering/uppdrag/…)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getAssignmentReport(db, user, ids.klfAssignment, ids.klfUnit, ids.periodId)),
  },
  {
    name: "read: a goal's assessment history (page /historik/mal/…)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getGoalAssessmentHistory(db, user, ids.hrGoal)),
  },
  {
    name: "read: an assignment's report history (page /historik/uppdrag/…)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getAssignmentReportHistory(db, user, ids.klfAssignment)),
  },
  {
    name: 'read: Avvikelser (page /avvikelser)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getDeviations(db, user, ids.periodId, null)),
  },
  {
    name: 'read: the boards for the Avvikelser filter (page /avvikelser)',
    writes: false,
    expected: { ...readers('ok'), otherOrgAdmin: 'empty' },
    call: ({ db }, user) =>
      read(async () => {
        const boards = await listBoards(db, user);
        return boards.some((b) => b.name === 'Kommunstyrelsen') ? boards : null; // another organization sees only its own
      }),
  },
  {
    name: 'read: the assignment monitor (page /uppdrag)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getAssignmentMonitor(db, user, ids.periodId)),
  },
  {
    name: 'read: an assignment page (page /uppdrag/…)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getAssignmentPage(db, user, ids.klfAssignment, ids.periodId)),
  },
  {
    name: "action: save HR's indicator value (indicatorValue.save)",
    writes: true,
    expected: hrReporters,
    call: async (ctx, user) => {
      const { db, ids } = ctx;
      const baseSeq = await newestSeq(ctx, (admin) => getIndicatorReport(db, admin, ids.hrIndicator, ids.periodId));
      const input = { indicatorId: ids.hrIndicator, periodId: ids.periodId, baseSeq, outcome: '1,86' };
      return action(await runAction(saveIndicatorValueAction, user, input, db));
    },
  },
  {
    name: "action: assess HR's goal (goalAssessment.save)",
    writes: true,
    expected: hrReporters,
    call: async (ctx, user) => {
      const { db, ids } = ctx;
      const baseSeq = await newestSeq(ctx, (admin) => getGoalAssessment(db, admin, ids.hrGoal, ids.periodId));
      const input = { goalId: ids.hrGoal, periodId: ids.periodId, baseSeq, forecastColour: 'green' };
      return action(await runAction(saveGoalAssessmentAction, user, input, db));
    },
  },
  {
    name: "action: report on kommunledningsförvaltningen's assignment (assignmentReport.save)",
    writes: true,
    expected: { ...adminOnly, anonymous: 'unauthenticated' },
    call: async (ctx, user) => {
      const { db, ids } = ctx;
      const baseSeq = await newestSeq(ctx, (admin) => getAssignmentReport(db, admin, ids.klfAssignment, ids.klfUnit, ids.periodId));
      const input = {
        assignmentId: ids.klfAssignment,
        unitId: ids.klfUnit,
        periodId: ids.periodId,
        baseSeq,
        status: 'in_progress',
        body: 'Arbetet pågår.',
      };
      return action(await runAction(saveAssignmentReportAction, user, input, db));
    },
  },
  {
    name: "action: mark HR-avdelningen's period ready or take it back (readiness.set)",
    writes: true,
    expected: hrReporters,
    call: async ({ db, ids, users }, user) => {
      const [state] = (await getMyReporting(db, users.admin, ids.periodId, [ids.hrUnit])).readiness;
      const input = { unitId: ids.hrUnit, periodId: ids.periodId, ready: String(!state!.ready), baseSeq: state!.seq, reason: 'Resten rapporteras senare.' };
      return action(await runAction(setReadinessAction, user, input, db));
    },
  },
  {
    name: "read: a board's approval state (page /attest)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getApprovalState(db, user, ids.ksBoard, ids.periodId)),
  },
  {
    name: "action: send HR's indicator back for revision (item.sendBack)",
    writes: true,
    expected: { ...adminOnly, admin: 'refused', director: 'ok', anonymous: 'unauthenticated' },
    call: async ({ db, ids }, user) => {
      const input = { itemKind: 'indicator', itemId: ids.hrIndicator, unitId: ids.hrUnit, periodId: ids.periodId, comment: 'Komplettera.' };
      return action(await runAction(sendBackAction, user, input, db));
    },
  },
  {
    name: "read: a board's report (page /rapport, /rapport/docx)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getBoardReport(db, user, ids.ksBoard, ids.periodId)),
  },
  {
    name: "read: a board's workbook (/rapport/xlsx)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getBoardWorkbook(db, user, ids.ksBoard, ids.periodId)),
  },
  {
    name: "read: a board's report with its approval stamp (/rapport)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getBoardReportWithApproval(db, user, ids.ksBoard, ids.periodId)),
  },
];
