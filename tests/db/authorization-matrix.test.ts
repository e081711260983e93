// The authorization matrix: every server action and every read behind a page, called as
// each role, anonymously and as a user of another organization, with the expected
// outcome. A refused call must leave every table exactly as it was.
//
// Every new action or read adds its rows here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getCurrentPeriod, getOverview } from '@/db/queries/overview';
import { listUsers } from '@/db/users';
import { runAction } from '@/lib/action';
import { ForbiddenError } from '@/lib/policy';
import { NotFoundError } from '@/db/errors';
import type { CurrentUser } from '@/lib/current-user';
import { setUserDisabledAction } from '@/app/admin/anvandare/set-user-disabled';
import { saveIndicatorValueAction } from '@/app/rapportering/matt/[indicatorId]/save-indicator-value';
import { saveGoalAssessmentAction } from '@/app/rapportering/mal/[goalId]/save-goal-assessment';
import { saveAssignmentReportAction } from '@/app/rapportering/uppdrag/[assignmentId]/[unitId]/save-assignment-report';
import { setReadinessAction } from '@/app/rapportering/set-readiness';
import { sendBackAction } from '@/app/rapportering/send-back';
import { approvePeriodAction, reopenPeriodAction } from '@/app/attest/approve-period';
import { getApprovalState } from '@/db/approvals';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import { getMyReporting } from '@/db/my-reporting';
import { getDeviations, listBoards } from '@/db/deviations';
import { getIndicatorHistory, getIndicatorReport } from '@/db/indicator-values';
import { getGoalAssessment, getGoalAssessmentHistory } from '@/db/goal-assessments';
import { getAssignmentReport, getAssignmentReportHistory } from '@/db/assignment-reports';
import { getAssignmentMonitor, getAssignmentPage } from '@/db/assignment-monitor';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

/** 'editor' reports for HR-avdelningen; 'otherEditor' for Arbetsmarknadsenheten. */
type Actor = 'admin' | 'director' | 'viewer' | 'editor' | 'otherEditor' | 'anonymous' | 'otherOrgAdmin';
/** 'empty': allowed, but the caller sees nothing of this organization (its own is empty). */
type Outcome = 'ok' | 'empty' | 'refused' | 'unauthenticated';
const ACTORS: Actor[] = ['admin', 'director', 'viewer', 'editor', 'otherEditor', 'anonymous', 'otherOrgAdmin'];

interface Context {
  db: Db;
  users: Record<Actor, CurrentUser | null>;
  ids: {
    hrChef: string;
    periodId: string;
    hrUnit: string;
    hrIndicator: string;
    hrGoal: string;
    klfAssignment: string;
    klfUnit: string;
    ksBoard: string;
  };
}

interface MatrixRow {
  name: string;
  /** Whether the call changes data when allowed (then a refusal must change nothing). */
  writes: boolean;
  expected: Record<Actor, Outcome>;
  call(ctx: Context, user: CurrentUser | null): Promise<Outcome>;
  /** Puts things back after an allowed write, so that rows stay independent. */
  undo?(ctx: Context): Promise<void>;
}

const readers = (outcome: Outcome): Record<Actor, Outcome> => ({
  admin: outcome,
  director: outcome,
  viewer: outcome,
  editor: outcome,
  otherEditor: outcome,
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
});

const adminOnly: Record<Actor, Outcome> = {
  admin: 'ok',
  director: 'refused',
  viewer: 'refused',
  editor: 'refused',
  otherEditor: 'refused',
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
};

/** Reporting on HR-avdelningen's items: the admin and HR's editor; anonymous is asked to log in. */
const hrReporters: Record<Actor, Outcome> = {
  ...adminOnly,
  editor: 'ok',
  anonymous: 'unauthenticated',
};

/** The newest sequence number of a history item, read as the admin (0 when none). */
async function newestSeq(ctx: Context, read: (admin: CurrentUser) => Promise<{ latest: { seq: number } | null }>) {
  return (await read(ctx.users.admin!)).latest?.seq ?? 0;
}

/** A read through db/: a result is 'ok' (or 'empty' when null), ForbiddenError or NotFoundError 'refused'. */
async function read(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return (await fn()) === null ? 'empty' : 'ok';
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return 'refused';
    throw error;
  }
}

/** A server action through runAction: its result code decides. */
function action(result: { status: string; code?: string }): Outcome {
  if (result.status === 'ok') return 'ok';
  if (result.code === 'unauthenticated') return 'unauthenticated';
  if (result.code === 'not_found') return 'refused';
  throw new Error(`unexpected action result: ${JSON.stringify(result)}`);
}

/** The `name` of every defineAction(...) under a folder. */
function definedActionNames(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) return [];
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    if (!source.includes('defineAction(')) return [];
    return [...source.matchAll(/defineAction\(\{\s*name:\s*'([^']+)'/g)].map((m) => m[1]!);
  });
}

const ROWS: MatrixRow[] = [
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
    name: 'read: Min rapportering for HR-avdelningen (page /rapportering)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getMyReporting(db, user, ids.periodId, [ids.hrUnit])),
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
      const input = { unitId: ids.hrUnit, periodId: ids.periodId, ready: String(!state!.ready), baseSeq: state!.seq };
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
  // Approval locks the period: these two rows come last. The director approves; the admin reopens.
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

async function idByCode(db: Db, table: typeof s.units | typeof s.indicators | typeof s.boardGoals | typeof s.assignments, code: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, code));
  if (!row) throw new Error(`no item with code ${code}`);
  return row.id;
}

/** Row counts of every table plus the mutable columns of users: what a refused call must not change. */
async function fingerprint(db: Db): Promise<string> {
  const tables = (Object.values(s) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const counts = await Promise.all(
    tables.map(async (table) => {
      const [row] = (await db.select({ n: sql<number>`count(*)::int` }).from(table)) as [{ n: number }];
      return row.n;
    }),
  );
  const users = await db
    .select({ id: s.users.id, disabledAt: s.users.disabledAt, passwordHash: s.users.passwordHash, email: s.users.email })
    .from(s.users)
    .orderBy(s.users.id);
  return JSON.stringify({ counts, users });
}

describe.each(engines)('authorization matrix on $name', (engine) => {
  let database: Database;
  let ctx: Context;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;

    // Another organization with its own admin.
    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [otherAdmin] = await db
      .insert(s.users)
      .values({ organizationId: other!.id, email: 'admin@annan.example', name: 'Annan Admin' })
      .returning();
    await db.insert(s.roleGrants).values({ organizationId: other!.id, userId: otherAdmin!.id, role: 'admin' });

    const hr = await demoUser(db, DEMO_EMAILS.hr);
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    ctx = {
      db,
      users: {
        admin: await demoUser(db, DEMO_EMAILS.admin),
        director: await demoUser(db, DEMO_EMAILS.director),
        viewer: await demoUser(db, DEMO_EMAILS.viewer),
        editor: hr,
        otherEditor: await demoUser(db, DEMO_EMAILS.ame),
        anonymous: null,
        otherOrgAdmin: await demoUser(db, 'admin@annan.example'),
      },
      ids: {
        hrChef: hr.id,
        periodId: period!.id,
        hrUnit: await idByCode(db, s.units, 'KS-KLF-HR'),
        hrIndicator: await idByCode(db, s.indicators, 'KS-2024-M1-I1'),
        hrGoal: await idByCode(db, s.boardGoals, 'KS-2024-M1'),
        klfAssignment: await idByCode(db, s.assignments, 'KS-U-STYRMODELL'),
        klfUnit: await idByCode(db, s.units, 'KS-KLF'),
        ksBoard: await idByCode(db, s.units, 'KS'),
      },
    };
  });

  afterAll(async () => {
    await database?.close();
  });

  const cases = ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, label: `${row.name} as ${actor}` })));

  it.each(cases)('$label', async ({ row, actor }) => {
    const before = await fingerprint(ctx.db);
    const outcome = await row.call(ctx, ctx.users[actor]);
    expect(outcome).toBe(row.expected[actor]);
    if (outcome !== 'ok' || !row.writes) {
      expect(await fingerprint(ctx.db)).toBe(before); // refused: 0 rows changed
    } else {
      await row.undo?.(ctx);
    }
  });

  it('has rows for every action defined in app/', () => {
    const defined = definedActionNames(path.join(process.cwd(), 'app'));
    expect(defined.length).toBeGreaterThan(0);
    const missing = defined.filter((name) => !ROWS.some((row) => row.name.includes(`(${name})`)));
    expect(missing).toEqual([]);
  });
});
