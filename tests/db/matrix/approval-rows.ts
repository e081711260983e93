// Approval locks the demo's period, so these rows run last: the director approves, the
// admin reopens.
import { runAction } from '@/server/action';
import { approvePeriodAction, reopenPeriodAction } from '@/app/(inloggad)/attest/approve-period';
import { getApprovalState } from '@/db/approvals';
import { action, adminOnly, type MatrixRow } from './harness';

export const approvalRows: MatrixRow[] = [
  {
    name: "action: approve Kommunstyrelsen's period (period.approve)",
    writes: true,
    expected: { ...adminOnly, admin: 'refused', director: 'ok', anonymous: 'unauthenticated' },
    call: async ({ db, ids, users }, user) => {
      const { seq } = await getApprovalState(db, users.admin, ids.ksBoard, ids.periodId);
      return action(await runAction(approvePeriodAction, user, { boardId: ids.ksBoard, periodId: ids.periodId, baseSeq: seq }, db));
    },
  },
  {
    name: "action: reopen Kommunstyrelsen's approved period (period.reopen)",
    writes: true,
    expected: { ...adminOnly, anonymous: 'unauthenticated' },
    call: async ({ db, ids, users }, user) => {
      const { seq } = await getApprovalState(db, users.admin, ids.ksBoard, ids.periodId);
      const input = { boardId: ids.ksBoard, periodId: ids.periodId, baseSeq: seq, reason: 'Rättelse av ett utfall.' };
      return action(await runAction(reopenPeriodAction, user, input, db));
    },
  },
];
