// The whole Målbild data model (see ../shared/DESIGN.md, "The domain").
//
// Conventions:
// - Every table carries organization_id, every unique key includes it, and every
//   reference to another table is a composite foreign key (organization_id, x_id), so
//   the database itself refuses a row that points into another organization.
// - Structural items (units, focus areas, goals, indicators, assignments, ...) carry a
//   `code` unique per organization (imports are idempotent) and, where they live per
//   year, a `continues_id` link to last year's item.
// - History tables (indicator_values, goal_assessments, assignment_reports,
//   text_block_versions, readiness_events, revision_requests, approvals, audit_events)
//   are append-only: a trigger (migration 0001) refuses UPDATE and DELETE. Each history
//   row has a sequence number per (item, period); the unique key on it makes two writes
//   based on the same version collide, and its btree index also serves "newest row per
//   item and period" (scanned backwards).
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// ---------------------------------------------------------------- enums

export const unitKind = pgEnum('unit_kind', ['board', 'department', 'unit', 'external']);
export const role = pgEnum('role', ['admin', 'director', 'viewer', 'editor']);
export const periodKind = pgEnum('period_kind', ['T1', 'delar', 'helar']);
export const periodState = pgEnum('period_state', ['draft', 'open', 'closed']);
export const goalRule = pgEnum('goal_rule', ['all', 'majority', 'manual']);
export const comparator = pgEnum('comparator', ['lt', 'lte', 'gt', 'gte', 'eq', 'between', 'not_worse']);
export const direction = pgEnum('direction', ['higher', 'lower']);
export const frequency = pgEnum('frequency', ['every_period', 'yearly']);
export const indicatorSource = pgEnum('indicator_source', ['manual', 'kolada', 'other']);
export const colour = pgEnum('colour', ['green', 'yellow', 'red', 'grey']);
export const trend = pgEnum('trend', ['better', 'same', 'worse']);
export const issuerKind = pgEnum('issuer_kind', ['council', 'board']);
export const reportStatus = pgEnum('report_status', ['not_started', 'in_progress', 'done', 'cancelled']);
export const textSlot = pgEnum('text_slot', [
  'goals_intro', // the intro to "Mål och uppdrag"
  'focus_area_note', // a note per målområde (with focus_area_id)
  'overall_perspective', // "Övergripande perspektiv"
  'assignments_intro', // the intro to "Uppföljning av nämnds uppdrag till förvaltning"
]);
export const approvalAction = pgEnum('approval_action', ['approved', 'reopened']);
export const valueSource = pgEnum('value_source', ['manual', 'import', 'kolada']); // issue 18
export const revisionItemKind = pgEnum('revision_item_kind', ['indicator', 'goal', 'assignment', 'narrative']);

// ---------------------------------------------------------------- helpers

const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references((): AnyPgColumn => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const num = (name: string) => numeric(name, { mode: 'number' });

// ---------------------------------------------------------------- organization, units, users

export const organizations = pgTable('organizations', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const units = pgTable(
  'units',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    kind: unitKind('kind').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('units_org_id').on(t.organizationId, t.id),
    unique('units_org_code').on(t.organizationId, t.code),
    foreignKey({ columns: [t.organizationId, t.parentId], foreignColumns: [t.organizationId, t.id] }),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    organizationId: orgId(),
    email: text('email').notNull(), // stored lower-case
    name: text('name').notNull(),
    title: text('title'), // "HR-chef", "Kommundirektör"
    passwordHash: text('password_hash'),
    // An external identity (OIDC) can be linked later: issuer + subject.
    externalIssuer: text('external_issuer'),
    externalSubject: text('external_subject'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    // Sessions that began before this moment are no longer valid (set when the account is disabled).
    sessionsValidFrom: timestamp('sessions_valid_from', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('users_org_id').on(t.organizationId, t.id),
    unique('users_org_email').on(t.organizationId, t.email),
    unique('users_org_external').on(t.organizationId, t.externalIssuer, t.externalSubject),
  ],
);

/** A role for a user; an editor grant names the unit it covers (and its descendants). */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: id(),
    organizationId: orgId(),
    userId: uuid('user_id').notNull(),
    role: role('role').notNull(),
    unitId: uuid('unit_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('role_grants_org_user_role_unit').on(t.organizationId, t.userId, t.role, t.unitId).nullsNotDistinct(),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
  ],
);

/**
 * A signed-in session. The session cookie (a JWT) names it; every request checks it here, so
 * logout, an admin ending a user's sessions, the idle timeout and the absolute lifetime end
 * it on the server, whatever a copied cookie says. Operational state, not history: ending
 * a session sets ended_at (the audit log keeps who logged in and out, and when).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    organizationId: orgId(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'), // 'logout' | 'ended_by_admin' | 'idle' | 'expired'
  },
  (t) => [
    unique('sessions_org_id').on(t.organizationId, t.id),
    index('sessions_org_user').on(t.organizationId, t.userId),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }),
  ],
);

/**
 * Failed logins per key (lib/login-throttle.ts): an account (the email as typed), an account
 * from one client, a client. Keys are SHA-256 hashes, so no typed address is stored. Kept
 * without organization_id: a login is counted before anyone knows which organization (if
 * any) the address belongs to. Operational state, not history (the audit log keeps the
 * failures of real accounts).
 */
export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
});

// ---------------------------------------------------------------- periods

export const periods = pgTable(
  'periods',
  {
    id: id(),
    organizationId: orgId(),
    year: integer('year').notNull(),
    kind: periodKind('kind').notNull(),
    endDate: date('end_date').notNull(),
    deadline: date('deadline'),
    state: periodState('state').notNull().default('draft'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('periods_org_id').on(t.organizationId, t.id),
    unique('periods_org_year_kind').on(t.organizationId, t.year, t.kind),
  ],
);

// ---------------------------------------------------------------- focus areas and council goals

export const focusAreas = pgTable(
  'focus_areas',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    number: integer('number'), // top-level areas are numbered; sub-areas are not
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('focus_areas_org_id').on(t.organizationId, t.id),
    unique('focus_areas_org_code').on(t.organizationId, t.code),
    foreignKey({ columns: [t.organizationId, t.parentId], foreignColumns: [t.organizationId, t.id] }),
  ],
);

export const councilGoals = pgTable(
  'council_goals',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    focusAreaId: uuid('focus_area_id').notNull(),
    text: text('text').notNull(),
    // How running text refers to the goal: "Bäring på kommunfullmäktiges mål {phrase}."
    phrase: text('phrase'),
    sortOrder: integer('sort_order').notNull().default(0),
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('council_goals_org_id').on(t.organizationId, t.id),
    unique('council_goals_org_code').on(t.organizationId, t.code),
    foreignKey({ columns: [t.organizationId, t.focusAreaId], foreignColumns: [focusAreas.organizationId, focusAreas.id] }),
  ],
);

// ---------------------------------------------------------------- plans, goals, indicators

export const plans = pgTable(
  'plans',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    boardId: uuid('board_id').notNull(),
    year: integer('year').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('plans_org_id').on(t.organizationId, t.id),
    unique('plans_org_code').on(t.organizationId, t.code),
    unique('plans_org_board_year').on(t.organizationId, t.boardId, t.year),
    // The period loader reads a year's plans of the whole organization (issue 19).
    index('plans_org_year').on(t.organizationId, t.year),
    foreignKey({ columns: [t.organizationId, t.boardId], foreignColumns: [units.organizationId, units.id] }),
  ],
);

export const boardGoals = pgTable(
  'board_goals',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    planId: uuid('plan_id').notNull(),
    focusAreaId: uuid('focus_area_id').notNull(), // the målområde (or sub-area) it sits under
    number: integer('number').notNull(),
    text: text('text').notNull(),
    methodText: text('method_text'), // "Mått/metod", Markdown
    rule: goalRule('rule').notNull(),
    // The report's goal table has the seed's "År | 2024 | 2024" row under a "Mål | Utfall" header.
    reportYearRow: boolean('report_year_row').notNull().default(false),
    continuesId: uuid('continues_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('board_goals_org_id').on(t.organizationId, t.id),
    unique('board_goals_org_code').on(t.organizationId, t.code),
    unique('board_goals_org_plan_number').on(t.organizationId, t.planId, t.number),
    foreignKey({ columns: [t.organizationId, t.planId], foreignColumns: [plans.organizationId, plans.id] }),
    foreignKey({ columns: [t.organizationId, t.focusAreaId], foreignColumns: [focusAreas.organizationId, focusAreas.id] }),
    foreignKey({ columns: [t.organizationId, t.continuesId], foreignColumns: [t.organizationId, t.id] }),
  ],
);

/** "Bäring på": the council goals a board goal bears on. */
export const boardGoalCouncilGoals = pgTable(
  'board_goal_council_goals',
  {
    organizationId: orgId(),
    boardGoalId: uuid('board_goal_id').notNull(),
    councilGoalId: uuid('council_goal_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.boardGoalId, t.councilGoalId] }),
    foreignKey({ columns: [t.organizationId, t.boardGoalId], foreignColumns: [boardGoals.organizationId, boardGoals.id] }),
    foreignKey({ columns: [t.organizationId, t.councilGoalId], foreignColumns: [councilGoals.organizationId, councilGoals.id] }),
  ],
);

/** "Adressering": the units responsible for a board goal, in order. */
export const boardGoalUnits = pgTable(
  'board_goal_units',
  {
    organizationId: orgId(),
    boardGoalId: uuid('board_goal_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.boardGoalId, t.unitId] }),
    foreignKey({ columns: [t.organizationId, t.boardGoalId], foreignColumns: [boardGoals.organizationId, boardGoals.id] }),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    goalId: uuid('goal_id').notNull(),
    name: text('name').notNull(),
    unitOfMeasure: text('unit_of_measure'), // "procent", "index", "placering"
    decimals: integer('decimals').notNull().default(0),
    // The structured target (see lib/target.ts); never parsed from the label.
    comparator: comparator('comparator').notNull(),
    targetValue: num('target_value'),
    targetLow: num('target_low'),
    targetHigh: num('target_high'),
    direction: direction('direction'), // for not_worse: which way is better
    targetLabel: text('target_label').notNull(), // as shown: "Lägre än 5,00"
    tolerance: num('tolerance'), // yellow band, in the indicator's unit; null = none
    trendTolerance: num('trend_tolerance'),
    frequency: frequency('frequency').notNull().default('every_period'),
    yearlyPeriodKind: periodKind('yearly_period_kind'), // with frequency 'yearly'
    baselineValue: num('baseline_value'),
    baselineYear: integer('baseline_year'),
    source: indicatorSource('source').notNull().default('manual'),
    sourceRef: text('source_ref'), // Kolada KPI id or the other system's name
    responsibleUnitId: uuid('responsible_unit_id').notNull(),
    continuesId: uuid('continues_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('indicators_org_id').on(t.organizationId, t.id),
    unique('indicators_org_code').on(t.organizationId, t.code),
    // The period loader and the report read a goal's indicators (issue 19: 36,9 → 0,24 ms).
    index('indicators_org_goal').on(t.organizationId, t.goalId),
    foreignKey({ columns: [t.organizationId, t.goalId], foreignColumns: [boardGoals.organizationId, boardGoals.id] }),
    foreignKey({ columns: [t.organizationId, t.responsibleUnitId], foreignColumns: [units.organizationId, units.id] }),
    foreignKey({ columns: [t.organizationId, t.continuesId], foreignColumns: [t.organizationId, t.id] }),
  ],
);

/** A slot for one of the board's own texts in the report, per plan and period. */
export const textBlocks = pgTable(
  'text_blocks',
  {
    id: id(),
    organizationId: orgId(),
    planId: uuid('plan_id').notNull(),
    periodId: uuid('period_id').notNull(),
    slot: textSlot('slot').notNull(),
    focusAreaId: uuid('focus_area_id'), // with slot 'focus_area_note'
    createdAt: createdAt(),
  },
  (t) => [
    unique('text_blocks_org_id').on(t.organizationId, t.id),
    unique('text_blocks_org_slot').on(t.organizationId, t.planId, t.periodId, t.slot, t.focusAreaId).nullsNotDistinct(),
    index('text_blocks_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.planId], foreignColumns: [plans.organizationId, plans.id] }),
    foreignKey({ columns: [t.organizationId, t.periodId], foreignColumns: [periods.organizationId, periods.id] }),
    foreignKey({ columns: [t.organizationId, t.focusAreaId], foreignColumns: [focusAreas.organizationId, focusAreas.id] }),
  ],
);

// ---------------------------------------------------------------- assignments

export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    organizationId: orgId(),
    code: text('code').notNull(),
    issuer: issuerKind('issuer').notNull(),
    issuerBoardId: uuid('issuer_board_id'), // with issuer 'board'
    decisionDate: date('decision_date'),
    diaryNumber: text('diary_number'),
    title: text('title').notNull(),
    description: text('description'), // Markdown
    focusAreaId: uuid('focus_area_id'),
    dueDate: date('due_date'),
    groupLabel: text('group_label'), // "Pågående uppdrag från föregående verksamhetsplan"
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('assignments_org_id').on(t.organizationId, t.id),
    unique('assignments_org_code').on(t.organizationId, t.code),
    foreignKey({ columns: [t.organizationId, t.issuerBoardId], foreignColumns: [units.organizationId, units.id] }),
    foreignKey({ columns: [t.organizationId, t.focusAreaId], foreignColumns: [focusAreas.organizationId, focusAreas.id] }),
  ],
);

/** The units an assignment is given to; each reports on its own (itself or a unit below it). */
export const assignmentUnits = pgTable(
  'assignment_units',
  {
    organizationId: orgId(),
    assignmentId: uuid('assignment_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.assignmentId, t.unitId] }),
    foreignKey({ columns: [t.organizationId, t.assignmentId], foreignColumns: [assignments.organizationId, assignments.id] }),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
  ],
);

// ---------------------------------------------------------------- history (append-only)

const author = () => uuid('author_id').notNull();
const authorFk = (t: { organizationId: AnyPgColumn; authorId: AnyPgColumn }) =>
  foreignKey({ columns: [t.organizationId, t.authorId], foreignColumns: [users.organizationId, users.id] });
const periodFk = (t: { organizationId: AnyPgColumn; periodId: AnyPgColumn }) =>
  foreignKey({ columns: [t.organizationId, t.periodId], foreignColumns: [periods.organizationId, periods.id] });

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: id(),
    organizationId: orgId(),
    indicatorId: uuid('indicator_id').notNull(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    outcome: num('outcome'), // null = not measured
    referenceNote: text('reference_note'), // "avser mätning 2023"
    analysis: text('analysis'), // Markdown
    computedColour: colour('computed_colour').notNull(),
    chosenColour: colour('chosen_colour'),
    colourJustification: text('colour_justification'),
    computedTrend: trend('computed_trend'),
    chosenTrend: trend('chosen_trend'),
    trendJustification: text('trend_justification'),
    judgedAgainst: jsonb('judged_against').notNull(), // the target (and previous value) it was judged against
    authorId: author(),
    reason: text('reason'),
    createdAt: createdAt(),
    // Issue 18: where the outcome came from ('manual' typed, 'import' from a file, 'kolada'
    // fetched), with Kolada's KPI id, the fetch time and the rank in the län it was made of.
    source: valueSource('source').notNull().default('manual'),
    kpiId: text('kpi_id'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    koladaContext: jsonb('kolada_context'), // lib/kolada-rank.ts RankContext
  },
  (t) => [
    unique('indicator_values_org_item_seq').on(t.organizationId, t.indicatorId, t.periodId, t.seq),
    index('indicator_values_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.indicatorId], foreignColumns: [indicators.organizationId, indicators.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

export const goalAssessments = pgTable(
  'goal_assessments',
  {
    id: id(),
    organizationId: orgId(),
    goalId: uuid('goal_id').notNull(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    computedColour: colour('computed_colour'), // null under rule 'manual'
    chosenColour: colour('chosen_colour'),
    justification: text('justification'),
    analysis: text('analysis'),
    forecastColour: colour('forecast_colour'), // prognos helår, at delår
    authorId: author(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('goal_assessments_org_item_seq').on(t.organizationId, t.goalId, t.periodId, t.seq),
    index('goal_assessments_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.goalId], foreignColumns: [boardGoals.organizationId, boardGoals.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

export const assignmentReports = pgTable(
  'assignment_reports',
  {
    id: id(),
    organizationId: orgId(),
    assignmentId: uuid('assignment_id').notNull(),
    unitId: uuid('unit_id').notNull(), // the reporting unit
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    status: reportStatus('status'), // null: not stated
    cancelReason: text('cancel_reason'),
    heading: text('heading'),
    body: text('body'), // Markdown
    authorId: author(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('assignment_reports_org_item_seq').on(t.organizationId, t.assignmentId, t.unitId, t.periodId, t.seq),
    index('assignment_reports_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.assignmentId], foreignColumns: [assignments.organizationId, assignments.id] }),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

export const textBlockVersions = pgTable(
  'text_block_versions',
  {
    id: id(),
    organizationId: orgId(),
    textBlockId: uuid('text_block_id').notNull(),
    seq: integer('seq').notNull(),
    heading: text('heading'),
    body: text('body').notNull(), // Markdown
    authorId: author(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('text_block_versions_org_item_seq').on(t.organizationId, t.textBlockId, t.seq),
    foreignKey({ columns: [t.organizationId, t.textBlockId], foreignColumns: [textBlocks.organizationId, textBlocks.id] }),
    authorFk(t),
  ],
);

/** Klarmarkering per (unit, period): each change is a new row; the newest one counts. */
export const readinessEvents = pgTable(
  'readiness_events',
  {
    id: id(),
    organizationId: orgId(),
    unitId: uuid('unit_id').notNull(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    ready: boolean('ready').notNull(),
    comment: text('comment'),
    authorId: author(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('readiness_events_org_item_seq').on(t.organizationId, t.unitId, t.periodId, t.seq),
    index('readiness_events_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

/** The director sends an item back for revision; a later report on the item answers it. */
export const revisionRequests = pgTable(
  'revision_requests',
  {
    id: id(),
    organizationId: orgId(),
    itemKind: revisionItemKind('item_kind').notNull(),
    itemId: uuid('item_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    periodId: uuid('period_id').notNull(),
    comment: text('comment').notNull(),
    authorId: author(),
    createdAt: createdAt(),
  },
  (t) => [
    index('revision_requests_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

/** Approval (attest) of a board's period, or its reopening; the newest row per (board, period) counts. */
export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    organizationId: orgId(),
    boardId: uuid('board_id').notNull(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    action: approvalAction('action').notNull(),
    snapshot: jsonb('snapshot'), // with 'approved': everything the board's report shows, frozen
    reason: text('reason'), // required with 'reopened'
    authorId: author(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('approvals_org_item_seq').on(t.organizationId, t.boardId, t.periodId, t.seq),
    foreignKey({ columns: [t.organizationId, t.boardId], foreignColumns: [units.organizationId, units.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: orgId(),
    actorId: uuid('actor_id'), // null for the system (demo load, migrations)
    action: text('action').notNull(), // "indicator_value.save", "period.open", ...
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_org_created').on(t.organizationId, t.createdAt),
    foreignKey({ columns: [t.organizationId, t.actorId], foreignColumns: [users.organizationId, users.id] }),
  ],
);

/** The tables whose rows are never updated or deleted (enforced by a trigger). */
export const APPEND_ONLY_TABLES = [
  'indicator_values',
  'goal_assessments',
  'assignment_reports',
  'text_block_versions',
  'readiness_events',
  'revision_requests',
  'approvals',
  'audit_events',
  'narrative_versions',
  'finance_versions',
  'finance_explanations',
  'kommun_intro_versions',
  'kommun_report_layouts',
] as const;

// ---------------------------------------------------------------- issue 17: REST API v1 tokens

export const apiTokenScope = pgEnum('api_token_scope', ['read', 'write']);

/**
 * An API token made by the admin. Only the SHA-256 of its secret is stored (the secret is
 * shown once). Each token writes as its own user (`user_id`, no password, no roles), so that
 * history and the audit log name the token as the author. A write token reports for the
 * units it names (and their descendants); every token reads its whole organization.
 * Revoking sets `revoked_at`; nothing is deleted.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    organizationId: orgId(),
    name: text('name').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(), // sha-256 of the secret, hex
    prefix: text('prefix').notNull(), // the secret's first characters, to recognise it in the list
    scope: apiTokenScope('scope').notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('api_tokens_org_id').on(t.organizationId, t.id),
    unique('api_tokens_hash').on(t.tokenHash),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }),
    foreignKey({ columns: [t.organizationId, t.createdBy], foreignColumns: [users.organizationId, users.id] }),
    foreignKey({ columns: [t.organizationId, t.revokedBy], foreignColumns: [users.organizationId, users.id] }),
  ],
);

/**
 * A write's Idempotency-Key: reserved before the write runs (status null), then holding the
 * answer of a successful write, which a retry with the same key and body gets again instead
 * of a second write. A refused write gives its key up again.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    organizationId: orgId(),
    tokenId: uuid('token_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: jsonb('body'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.tokenId, t.key] }),
    foreignKey({ columns: [t.organizationId, t.tokenId], foreignColumns: [apiTokens.organizationId, apiTokens.id] }),
  ],
);

/** Calls per token per minute, for the rate limit (a counter, not history). */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    organizationId: orgId(),
    tokenId: uuid('token_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.tokenId, t.windowStart] }),
    foreignKey({ columns: [t.organizationId, t.tokenId], foreignColumns: [apiTokens.organizationId, apiTokens.id] }),
  ],
);

// ---------------------------------------------------------------- issue 15: the whole document

/** What a chapter of the board's document holds (lib/report-template.ts names them in Swedish). */
export const reportChapterKind = pgEnum('report_chapter_kind', [
  'narrative', // text written by the contributing units, part by part
  'goals', // "Mål och uppdrag" (lib/report-build.ts)
  'overall_perspective', // the board's own "Övergripande perspektiv" text block
  'board_assignments', // "Uppföljning av nämnds uppdrag till förvaltning"
  'finance_result', // "Delårsresultat och prognos": narrative parts + the finance tables (issue 16)
  'investments', // "Investeringar": narrative parts + the investment tables (issue 16)
]);

/**
 * A chapter of the organization's report template for a kind of period, in order. A board's
 * document shows the chapters; a narrative chapter's parts are those written by the board's units.
 */
export const reportChapters = pgTable(
  'report_chapters',
  {
    id: id(),
    organizationId: orgId(),
    periodKind: periodKind('period_kind').notNull(),
    kind: reportChapterKind('kind').notNull(),
    title: text('title').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('report_chapters_org_id').on(t.organizationId, t.id),
    index('report_chapters_org_kind').on(t.organizationId, t.periodKind),
  ],
);

/** A part of a chapter written by one contributing unit ("HR" by HR-avdelningen); heading null: the chapter's opening text. */
export const reportChapterParts = pgTable(
  'report_chapter_parts',
  {
    id: id(),
    organizationId: orgId(),
    chapterId: uuid('chapter_id').notNull(),
    heading: text('heading'),
    unitId: uuid('unit_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('report_chapter_parts_org_id').on(t.organizationId, t.id),
    index('report_chapter_parts_org_chapter').on(t.organizationId, t.chapterId),
    foreignKey({ columns: [t.organizationId, t.chapterId], foreignColumns: [reportChapters.organizationId, reportChapters.id] }),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
  ],
);

/** The text of a chapter part in a period (Markdown): append-only versions, the newest counts. */
export const narrativeVersions = pgTable(
  'narrative_versions',
  {
    id: id(),
    organizationId: orgId(),
    partId: uuid('part_id').notNull(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    body: text('body').notNull(),
    authorId: author(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('narrative_versions_org_item_seq').on(t.organizationId, t.partId, t.periodId, t.seq),
    index('narrative_versions_org_period').on(t.organizationId, t.periodId),
    foreignKey({ columns: [t.organizationId, t.partId], foreignColumns: [reportChapterParts.organizationId, reportChapterParts.id] }),
    periodFk(t),
    authorFk(t),
  ],
);

// ---------------------------------------------------------------- issue 16: finance

export const financeTable = pgEnum('finance_table', ['result', 'operations', 'investments']);

/**
 * One finance table of a board's period (Delårsresultat och prognos, Driftredovisning,
 * Investeringar), a version per save or import; the newest counts. `data` is the whole table
 * as lib/finance-model.ts defines it (amounts in whole tkr, integers), validated before every
 * write. The plan year is the period's year.
 */
export const financeVersions = pgTable(
  'finance_versions',
  {
    id: id(),
    organizationId: orgId(),
    boardId: uuid('board_id').notNull(),
    periodId: uuid('period_id').notNull(),
    table: financeTable('table').notNull(),
    seq: integer('seq').notNull(),
    data: jsonb('data').notNull(),
    authorId: author(),
    reason: text('reason'), // "Import från Excel", or what the editor wrote
    createdAt: createdAt(),
  },
  (t) => [
    unique('finance_versions_org_item_seq').on(t.organizationId, t.boardId, t.periodId, t.table, t.seq),
    foreignKey({ columns: [t.organizationId, t.boardId], foreignColumns: [units.organizationId, units.id] }),
    periodFk(t),
    authorFk(t),
  ],
);
// ---------------------------------------------------------------- issue 17: single sign-on (OIDC)

/**
 * How an organization lets people sign in (the admin decides; a missing row means the
 * defaults): whether a person the identity provider vouches for but Målbild does not know
 * is refused or created without rights, and whether local password accounts may log in.
 * Operational settings, not history: every change is in the audit log with before and after.
 */
export const signInSettings = pgTable('sign_in_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  unknownPeople: text('unknown_people').notNull().default('refuse'), // 'refuse' | 'create'
  passwordLogin: boolean('password_login').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A group of the identity provider's groups claim and the grant it gives: a role, and for
 * an editor the unit. When an organization has any row, a person's grants follow their
 * groups at each single sign-on login (lib/sso-mapping.ts).
 */
export const ssoGroupMappings = pgTable(
  'sso_group_mappings',
  {
    id: id(),
    organizationId: orgId(),
    groupName: text('group_name').notNull(),
    role: role('role').notNull(),
    unitId: uuid('unit_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('sso_group_mappings_org_group_role_unit').on(t.organizationId, t.groupName, t.role, t.unitId).nullsNotDistinct(),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
  ],
);

// ---------------------------------------------------------------- issue 18: Kolada

/** The organization's Kolada settings: its kommun, and the group of "liknande kommuner" the admin chose. */
export const koladaSettings = pgTable('kolada_settings', {
  organizationId: orgId().primaryKey(),
  municipalityCode: text('municipality_code').notNull(), // "1882"
  comparisonGroupId: text('comparison_group_id'), // a Kolada municipality group
  comparisonGroupTitle: text('comparison_group_title'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An indicator sourced from Kolada (lib/kolada-link.ts): the structure, edited by the admin and audited. */
export const indicatorKoladaLinks = pgTable(
  'indicator_kolada_links',
  {
    organizationId: orgId(),
    indicatorId: uuid('indicator_id').notNull(),
    kpiId: text('kpi_id').notNull(),
    gender: text('gender').notNull().default('T'), // T | K | M
    municipalityCode: text('municipality_code'), // null: the organization's kommun
    yearOffset: integer('year_offset').notNull().default(0),
    measure: text('measure').notNull().default('value'), // value | rank | share
    rankOrder: text('rank_order').notNull().default('lowest_first'), // lowest_first | highest_first
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.indicatorId] }),
    foreignKey({ columns: [t.organizationId, t.indicatorId], foreignColumns: [indicators.organizationId, indicators.id] }),
  ],
);

/** Every fetch from Kolada that was applied or failed (a dry run writes nothing): the "last successful fetch". */
export const koladaFetches = pgTable(
  'kolada_fetches',
  {
    id: id(),
    organizationId: orgId(),
    scope: text('scope').notNull(), // "indicator" | "board" | "organization"
    scopeId: uuid('scope_id'),
    ok: boolean('ok').notNull(),
    message: text('message').notNull(),
    changed: integer('changed').notNull().default(0),
    requests: integer('requests').notNull().default(0),
    actorId: uuid('actor_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('kolada_fetches_org_created').on(t.organizationId, t.createdAt),
    foreignKey({ columns: [t.organizationId, t.actorId], foreignColumns: [users.organizationId, users.id] }),
  ],
);

/**
 * The explanation that accepts one finance warning of a board's period, for the figures
 * ("typed|expected") it was given for; an empty text withdraws it. A version per change.
 */
export const financeExplanations = pgTable(
  'finance_explanations',
  {
    id: id(),
    organizationId: orgId(),
    boardId: uuid('board_id').notNull(),
    periodId: uuid('period_id').notNull(),
    warningKey: text('warning_key').notNull(),
    seq: integer('seq').notNull(),
    figures: text('figures').notNull(),
    text: text('text').notNull(),
    authorId: author(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('finance_explanations_org_item_seq').on(t.organizationId, t.boardId, t.periodId, t.warningKey, t.seq),
    foreignKey({ columns: [t.organizationId, t.boardId], foreignColumns: [units.organizationId, units.id] }),
    periodFk(t),
    authorFk(t),
  ],
);


// ---------------------------------------------------------------- issue 15 item 4: the kommun's delårsrapport

/** The kommun-level introduction of the kommun's report for a period: a Markdown text, versioned. */
export const kommunIntroVersions = pgTable(
  'kommun_intro_versions',
  {
    id: id(),
    organizationId: orgId(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    body: text('body').notNull(),
    authorId: author(),
    createdAt: createdAt(),
  },
  (t) => [unique('kommun_intro_versions_org_item_seq').on(t.organizationId, t.periodId, t.seq), periodFk(t), authorFk(t)],
);

/**
 * Which boards the kommun's report for a period holds, in which order: each version the whole
 * list ([{ boardId, included }], lib/kommun-document.ts), versioned like every other setting.
 */
export const kommunReportLayouts = pgTable(
  'kommun_report_layouts',
  {
    id: id(),
    organizationId: orgId(),
    periodId: uuid('period_id').notNull(),
    seq: integer('seq').notNull(),
    boards: jsonb('boards').notNull(),
    authorId: author(),
    createdAt: createdAt(),
  },
  (t) => [unique('kommun_report_layouts_org_item_seq').on(t.organizationId, t.periodId, t.seq), periodFk(t), authorFk(t)],
);
