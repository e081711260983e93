// can(user, action, resource) and authorize(): the one place that decides access
// (DESIGN.md, "Who uses it"). Every expectation below is written out by hand; nothing is
// derived from the policy's own sets.
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/current-user';
import { ForbiddenError } from '@/lib/errors';
import { type Action, authorize, can, type Resource, type ResourceKind } from '@/lib/policy';
import type { Role } from '@/lib/roles';

const ORG = 'org-malby';
const OTHER_ORG = 'org-grannby';

// The unit tree of the tests:
//   KS (board)
//   ├── KLF (department)
//   │   ├── HR  (unit)
//   │   └── AME (unit)
//   └── SUF (department)
//       └── SKOLA (unit)
const TREE: Record<string, string | null> = {
  KS: null,
  KLF: 'KS',
  HR: 'KLF',
  AME: 'KLF',
  SUF: 'KS',
  SKOLA: 'SUF',
};

// What the app computes when it loads an editor: the granted units and their descendants.
// The policy only checks membership, so the tests spell the lists out.
const COVERED = {
  HR: ['HR'],
  AME: ['AME'],
  KLF: ['KLF', 'HR', 'AME'],
  SUF: ['SUF', 'SKOLA'],
  KS: ['KS', 'KLF', 'HR', 'AME', 'SUF', 'SKOLA'],
} as const;

let nextId = 0;
function makeUser(
  roles: Role[],
  opts: { id?: string; organizationId?: string; grant?: keyof typeof COVERED } = {},
): CurrentUser {
  const id = opts.id ?? `user-${++nextId}`;
  return {
    id,
    organizationId: opts.organizationId ?? ORG,
    organizationName: opts.organizationId === OTHER_ORG ? 'Grannby kommun' : 'Malby kommun',
    name: id,
    email: `${id}@example.se`,
    title: null,
    roles,
    grantUnits: opts.grant ? [{ id: opts.grant, name: opts.grant }] : [],
    coveredUnitIds: opts.grant ? [...COVERED[opts.grant]] : [],
  };
}

function res(kind: ResourceKind, extra: Partial<Resource> = {}): Resource {
  return { kind, organizationId: ORG, ...extra };
}

const ACTIONS: readonly Action[] = ['read', 'report', 'send_back', 'approve', 'manage'];
const KINDS: readonly ResourceKind[] = [
  'organization',
  'unit',
  'plan',
  'period',
  'goal',
  'indicator',
  'value',
  'assignment',
  'report',
  'text_block',
  'user',
];

const admin = makeUser(['admin'], { id: 'admin' });
const director = makeUser(['director'], { id: 'director' });
const viewer = makeUser(['viewer'], { id: 'viewer' });
const editorHR = makeUser(['editor'], { id: 'editor-hr', grant: 'HR' });
const editorKLF = makeUser(['editor'], { id: 'editor-klf', grant: 'KLF' });
const editorSUF = makeUser(['editor'], { id: 'editor-suf', grant: 'SUF' });
const editorKS = makeUser(['editor'], { id: 'editor-ks', grant: 'KS' });
const noRoles = makeUser([], { id: 'no-roles' });

describe('test fixtures', () => {
  it('COVERED is each grant plus its descendants in TREE', () => {
    const descendants = (id: string): string[] =>
      Object.entries(TREE)
        .filter(([, parent]) => parent === id)
        .flatMap(([child]) => [child, ...descendants(child)]);
    for (const [grant, covered] of Object.entries(COVERED)) {
      expect([...covered].sort()).toEqual([grant, ...descendants(grant)].sort());
    }
  });
});

// ---------------------------------------------------------------------------------------
// The full matrix: who × kind × action. Every resource is in the user's own organization,
// unlocked, answered for by HR (so the HR editor is covered), and a 'user' resource is some
// OTHER user (reading oneself is tested further down).
// Columns:            read   report send_back approve manage
// ---------------------------------------------------------------------------------------
type Row = readonly [boolean, boolean, boolean, boolean, boolean];
type Matrix = Record<ResourceKind, Row>;

const NO: Row = [false, false, false, false, false];
const NOTHING: Matrix = {
  organization: NO,
  unit: NO,
  plan: NO,
  period: NO,
  goal: NO,
  indicator: NO,
  value: NO,
  assignment: NO,
  report: NO,
  text_block: NO,
  narrative: NO,
  report_template: NO,
  user: NO,
  finance: NO,
};

const MATRIX: { who: string; user: CurrentUser | null | undefined; matrix: Matrix }[] = [
  {
    // systemförvaltare: reads and manages everything, reports for any unit, never reviews.
    who: 'admin',
    user: admin,
    matrix: {
      organization: [true, false, false, false, true],
      unit: [true, true, false, false, true],
      plan: [true, false, false, false, true],
      period: [true, false, false, false, true],
      goal: [true, true, false, false, true],
      indicator: [true, true, false, false, true],
      value: [true, true, false, false, true],
      assignment: [true, true, false, false, true],
      report: [true, true, false, false, true],
      text_block: [true, true, false, false, true],
      narrative: [true, true, false, false, true],
      report_template: [true, false, false, false, true],
      user: [true, false, false, false, true],
      finance: [true, true, false, false, true],
    },
  },
  {
    // kommundirektör: reads everything but other users, sends back, approves periods.
    who: 'director',
    user: director,
    matrix: {
      organization: [true, false, false, false, false],
      unit: [true, false, false, false, false],
      plan: [true, false, false, false, false],
      period: [true, false, false, true, false],
      goal: [true, false, true, false, false],
      indicator: [true, false, true, false, false],
      value: [true, false, true, false, false],
      assignment: [true, false, true, false, false],
      report: [true, false, true, false, false],
      text_block: [true, false, false, false, false],
      narrative: [true, false, true, false, false],
      report_template: [true, false, false, false, false],
      user: [false, false, false, false, false],
      finance: [true, false, false, false, false],
    },
  },
  {
    // kommunstyrelsen's members: read-only, and not other users.
    who: 'viewer',
    user: viewer,
    matrix: {
      organization: [true, false, false, false, false],
      unit: [true, false, false, false, false],
      plan: [true, false, false, false, false],
      period: [true, false, false, false, false],
      goal: [true, false, false, false, false],
      indicator: [true, false, false, false, false],
      value: [true, false, false, false, false],
      assignment: [true, false, false, false, false],
      report: [true, false, false, false, false],
      text_block: [true, false, false, false, false],
      narrative: [true, false, false, false, false],
      report_template: [true, false, false, false, false],
      user: [false, false, false, false, false],
      finance: [true, false, false, false, false],
    },
  },
  {
    // enhetschef with a grant on HR: reads, and reports on what HR answers for.
    who: 'editor (HR)',
    user: editorHR,
    matrix: {
      organization: [true, false, false, false, false],
      unit: [true, true, false, false, false],
      plan: [true, false, false, false, false],
      period: [true, false, false, false, false],
      goal: [true, true, false, false, false],
      indicator: [true, true, false, false, false],
      value: [true, true, false, false, false],
      assignment: [true, true, false, false, false],
      report: [true, true, false, false, false],
      text_block: [true, true, false, false, false],
      narrative: [true, true, false, false, false],
      report_template: [true, false, false, false, false],
      user: [false, false, false, false, false],
      finance: [true, true, false, false, false],
    },
  },
  ...(
    [
      // A signed-in user without any role, and nobody signed in: nothing at all.
      ['user without roles', noRoles],
      ['null user', null],
      ['undefined user', undefined],
    ] as const
  ).map(([who, user]) => ({
    who,
    user,
    matrix: NOTHING,
  })),
];

describe('can(): every role × every action × every kind', () => {
  const rows = MATRIX.flatMap(({ who, user, matrix }) =>
    KINDS.flatMap((kind) =>
      ACTIONS.map((action, i) => ({ who, user, kind, action, expected: matrix[kind][i] })),
    ),
  );

  it.each(rows)('$who: $action $kind → $expected', ({ user, kind, action, expected }) => {
    const resource = res(kind, { unitIds: ['HR'], ...(kind === 'user' ? { userId: 'someone-else' } : {}) });
    expect(can(user, action, resource)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Another organization: whatever the role (admin included), even with unit ids that happen
// to match and even for "their own" user id, everything is refused.
// ---------------------------------------------------------------------------------------
describe("can(): a user of another organization gets nothing of this organization's", () => {
  const strangers = [
    ['admin', makeUser(['admin'], { id: 'x-admin', organizationId: OTHER_ORG })],
    ['director', makeUser(['director'], { id: 'x-director', organizationId: OTHER_ORG })],
    ['viewer', makeUser(['viewer'], { id: 'x-viewer', organizationId: OTHER_ORG })],
    ['editor (KS)', makeUser(['editor'], { id: 'x-editor', organizationId: OTHER_ORG, grant: 'KS' })],
    [
      'every role',
      makeUser(['admin', 'director', 'viewer', 'editor'], { id: 'x-all', organizationId: OTHER_ORG, grant: 'KS' }),
    ],
  ] as const;
  const rows = strangers.flatMap(([who, user]) =>
    KINDS.flatMap((kind) => ACTIONS.map((action) => ({ who, user, kind, action }))),
  );

  it.each(rows)('$who of another organization: $action $kind → false', ({ user, kind, action }) => {
    const resource = res(kind, { unitIds: ['HR'], ...(kind === 'user' ? { userId: user.id } : {}) });
    expect(can(user, action, resource)).toBe(false);
  });

  it('is allowed the same thing in its own organization (sanity check)', () => {
    const otherAdmin = strangers[0][1];
    expect(can(otherAdmin, 'manage', { kind: 'plan', organizationId: OTHER_ORG })).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// Editor coverage: a grant covers the granted unit and, through coveredUnitIds, the units
// below it; never the units above or beside it.
// ---------------------------------------------------------------------------------------
describe("can(): an editor reports only on what the editor's units answer for", () => {
  it.each([
    // HR editor: HR only.
    { who: 'editor (HR)', user: editorHR, unitIds: ['HR'], expected: true },
    { who: 'editor (HR)', user: editorHR, unitIds: ['AME'], expected: false },
    { who: 'editor (HR)', user: editorHR, unitIds: ['KLF'], expected: false },
    { who: 'editor (HR)', user: editorHR, unitIds: ['KS'], expected: false },
    { who: 'editor (HR)', user: editorHR, unitIds: ['SUF', 'KLF'], expected: false },
    { who: 'editor (HR)', user: editorHR, unitIds: ['AME', 'HR'], expected: true },
    // KLF editor: KLF and both units below it, not the board above nor SUF beside.
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['HR'], expected: true },
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['AME'], expected: true },
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['KLF'], expected: true },
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['KS'], expected: false },
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['SUF'], expected: false },
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['SKOLA'], expected: false },
    // An item with several units: any one covered unit is enough.
    { who: 'editor (KLF)', user: editorKLF, unitIds: ['SUF', 'KLF'], expected: true },
    { who: 'editor (SUF)', user: editorSUF, unitIds: ['SUF', 'KLF'], expected: true },
    { who: 'editor (AME)', user: makeUser(['editor'], { grant: 'AME' }), unitIds: ['SUF', 'KLF'], expected: false },
    { who: 'editor (SUF)', user: editorSUF, unitIds: ['SKOLA', 'HR'], expected: true },
    // A board grant covers the whole tree.
    { who: 'editor (KS)', user: editorKS, unitIds: ['KS'], expected: true },
    { who: 'editor (KS)', user: editorKS, unitIds: ['SKOLA'], expected: true },
    { who: 'editor (KS)', user: editorKS, unitIds: ['AME'], expected: true },
    // Units that are not in the tree at all.
    { who: 'editor (KS)', user: editorKS, unitIds: ['unknown-unit'], expected: false },
    // No units on the item: nobody's grant covers it.
    { who: 'editor (KS)', user: editorKS, unitIds: [], expected: false },
    { who: 'editor (KS)', user: editorKS, unitIds: undefined, expected: false },
    { who: 'editor (HR)', user: editorHR, unitIds: undefined, expected: false },
    // An editor with the role but no grant at all.
    { who: 'editor (no grant)', user: makeUser(['editor']), unitIds: ['HR'], expected: false },
  ])('$who: report on a value of $unitIds → $expected', ({ user, unitIds, expected }) => {
    expect(can(user, 'report', res('value', { unitIds }))).toBe(expected);
  });

  // The same rule on every reportable kind, for the KLF editor.
  it.each([
    { kind: 'value', unitIds: ['AME'], expected: true },
    { kind: 'indicator', unitIds: ['AME'], expected: true },
    { kind: 'goal', unitIds: ['AME'], expected: true },
    { kind: 'assignment', unitIds: ['AME'], expected: true },
    { kind: 'report', unitIds: ['AME'], expected: true },
    { kind: 'text_block', unitIds: ['KLF'], expected: true },
    { kind: 'unit', unitIds: ['HR'], expected: true },
    { kind: 'value', unitIds: ['SKOLA'], expected: false },
    { kind: 'indicator', unitIds: ['SKOLA'], expected: false },
    { kind: 'goal', unitIds: ['SKOLA'], expected: false },
    { kind: 'assignment', unitIds: ['SKOLA'], expected: false },
    { kind: 'report', unitIds: ['SKOLA'], expected: false },
    { kind: 'text_block', unitIds: ['KS'], expected: false },
    { kind: 'unit', unitIds: ['SUF'], expected: false },
    // Structural kinds stay refused even when their units are covered.
    { kind: 'organization', unitIds: ['KLF'], expected: false },
    { kind: 'plan', unitIds: ['KLF'], expected: false },
    { kind: 'period', unitIds: ['KLF'], expected: false },
    { kind: 'user', unitIds: ['KLF'], expected: false },
  ] as const)('editor (KLF): report on $kind of $unitIds → $expected', ({ kind, unitIds, expected }) => {
    expect(can(editorKLF, 'report', res(kind, { unitIds }))).toBe(expected);
  });

  // Coverage grants reporting only: the KLF editor still can't review, approve or manage.
  it.each([
    { action: 'read', expected: true },
    { action: 'report', expected: true },
    { action: 'send_back', expected: false },
    { action: 'approve', expected: false },
    { action: 'manage', expected: false },
  ] as const)('editor (KLF): $action a covered value → $expected', ({ action, expected }) => {
    expect(can(editorKLF, action, res('value', { unitIds: ['HR'] }))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// The admin may report for any unit: units don't matter, only the kind does.
// ---------------------------------------------------------------------------------------
describe('can(): the admin reports on every reportable kind whatever its units', () => {
  const unitLists = [['HR'], ['SKOLA'], ['SUF', 'KLF'], ['unknown-unit'], [], undefined];
  const rows = (['value', 'indicator', 'goal', 'assignment', 'report', 'text_block', 'unit'] as const).flatMap(
    (kind) => unitLists.map((unitIds) => ({ kind, unitIds })),
  );

  it.each(rows)('admin: report on $kind of $unitIds → true', ({ kind, unitIds }) => {
    expect(can(admin, 'report', res(kind, { unitIds }))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// locked: the period is closed or the board's period approved. Nobody reports or sends
// back any more, but everyone who could read still reads.
// ---------------------------------------------------------------------------------------
describe('can(): a locked item refuses report and send_back, never read', () => {
  const cases = [
    // who                  read   report send_back
    ['admin', admin, true, false, false],
    ['director', director, true, false, false],
    ['editor (HR)', editorHR, true, false, false],
    ['editor (KS)', editorKS, true, false, false],
    ['viewer', viewer, true, false, false],
    ['every role', makeUser(['admin', 'director', 'viewer', 'editor'], { grant: 'KS' }), true, false, false],
  ] as const;
  const kinds = ['value', 'indicator', 'goal', 'assignment', 'report', 'text_block', 'unit'] as const;
  const rows = cases.flatMap(([who, user, read, report, sendBack]) =>
    kinds.flatMap((kind) => [
      { who, user, kind, action: 'read' as const, expected: read },
      { who, user, kind, action: 'report' as const, expected: report },
      { who, user, kind, action: 'send_back' as const, expected: sendBack },
    ]),
  );

  it.each(rows)('$who: $action a locked $kind → $expected', ({ user, kind, action, expected }) => {
    expect(can(user, action, res(kind, { unitIds: ['HR'], locked: true }))).toBe(expected);
  });

  // locked: false is the same as not saying.
  it.each([
    { who: 'admin', user: admin, action: 'report', expected: true },
    { who: 'editor (HR)', user: editorHR, action: 'report', expected: true },
    { who: 'director', user: director, action: 'send_back', expected: true },
  ] as const)('$who: $action a value with locked: false → $expected', ({ user, action, expected }) => {
    expect(can(user, action, res('value', { unitIds: ['HR'], locked: false }))).toBe(expected);
  });

  // A locked (closed) period is what the director approves, and the admin still manages it.
  it.each([
    { who: 'director', user: director, action: 'approve', expected: true },
    { who: 'admin', user: admin, action: 'manage', expected: true },
    { who: 'admin', user: admin, action: 'approve', expected: false },
    { who: 'viewer', user: viewer, action: 'approve', expected: false },
  ] as const)('$who: $action a locked period → $expected', ({ user, action, expected }) => {
    expect(can(user, action, res('period', { unitIds: ['KS'], locked: true }))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Reading a 'user': the admin reads anyone, everyone else only themself.
// ---------------------------------------------------------------------------------------
describe("can(): reading a 'user'", () => {
  it.each([
    { who: 'admin', user: admin, userId: 'viewer', expected: true },
    { who: 'admin', user: admin, userId: 'admin', expected: true },
    { who: 'admin', user: admin, userId: undefined, expected: true },
    { who: 'director', user: director, userId: 'director', expected: true },
    { who: 'director', user: director, userId: 'viewer', expected: false },
    { who: 'viewer', user: viewer, userId: 'viewer', expected: true },
    { who: 'viewer', user: viewer, userId: 'director', expected: false },
    { who: 'editor (HR)', user: editorHR, userId: 'editor-hr', expected: true },
    { who: 'editor (HR)', user: editorHR, userId: 'editor-klf', expected: false },
    { who: 'editor (HR)', user: editorHR, userId: undefined, expected: false },
    // Without any role a signed-in user is refused everything, even reading themself.
    { who: 'user without roles', user: noRoles, userId: 'no-roles', expected: false },
  ])('$who: read user $userId → $expected', ({ user, userId, expected }) => {
    expect(can(user, 'read', res('user', { userId }))).toBe(expected);
  });

  // Only reading: nobody but the admin manages a user, themself included.
  it.each([
    { who: 'admin', user: admin, action: 'manage', expected: true },
    { who: 'director', user: director, action: 'manage', expected: false },
    { who: 'editor (HR)', user: editorHR, action: 'manage', expected: false },
    { who: 'editor (HR)', user: editorHR, action: 'report', expected: false },
    { who: 'viewer', user: viewer, action: 'send_back', expected: false },
  ] as const)('$who: $action themself → $expected', ({ user, action, expected }) => {
    expect(can(user, action, res('user', { userId: user.id }))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// What each action allows by kind, seen by a user who holds every role and covers the whole
// tree, so that only the kind decides.
// Columns:       report send_back approve manage
// ---------------------------------------------------------------------------------------
describe('can(): which kinds each action applies to (user with every role)', () => {
  const everything = makeUser(['admin', 'director', 'viewer', 'editor'], { grant: 'KS' });

  it.each([
    // Structural kinds: never reported on; only a period is approved.
    { kind: 'organization', report: false, send_back: false, approve: false, manage: true },
    { kind: 'plan', report: false, send_back: false, approve: false, manage: true },
    { kind: 'period', report: false, send_back: false, approve: true, manage: true },
    { kind: 'user', report: false, send_back: false, approve: false, manage: true },
    // Reviewable kinds: reported on and sent back.
    { kind: 'value', report: true, send_back: true, approve: false, manage: true },
    { kind: 'indicator', report: true, send_back: true, approve: false, manage: true },
    { kind: 'goal', report: true, send_back: true, approve: false, manage: true },
    { kind: 'assignment', report: true, send_back: true, approve: false, manage: true },
    { kind: 'report', report: true, send_back: true, approve: false, manage: true },
    // Reported on, but not sent back.
    { kind: 'text_block', report: true, send_back: false, approve: false, manage: true },
    { kind: 'unit', report: true, send_back: false, approve: false, manage: true },
  ] as const)('$kind: report $report, send_back $send_back, approve $approve, manage $manage', (row) => {
    const resource = res(row.kind, { unitIds: ['KS'], userId: 'someone-else' });
    expect(can(everything, 'report', resource)).toBe(row.report);
    expect(can(everything, 'send_back', resource)).toBe(row.send_back);
    expect(can(everything, 'approve', resource)).toBe(row.approve);
    expect(can(everything, 'manage', resource)).toBe(row.manage);
  });

  // Roles combine: an editor who is also a viewer reports; a director who is also an editor
  // reports on covered items and still sends back.
  it.each([
    { who: 'viewer + editor (HR)', user: makeUser(['viewer', 'editor'], { grant: 'HR' }), action: 'report', expected: true },
    { who: 'director + editor (HR)', user: makeUser(['director', 'editor'], { grant: 'HR' }), action: 'report', expected: true },
    { who: 'director + editor (HR)', user: makeUser(['director', 'editor'], { grant: 'HR' }), action: 'send_back', expected: true },
    { who: 'director + editor (HR)', user: makeUser(['director', 'editor'], { grant: 'HR' }), action: 'manage', expected: false },
    { who: 'admin + viewer', user: makeUser(['admin', 'viewer']), action: 'send_back', expected: false },
  ] as const)('$who: $action a value of HR → $expected', ({ user, action, expected }) => {
    expect(can(user, action, res('value', { unitIds: ['HR'] }))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// authorize(): throws ForbiddenError exactly when can() is false.
// ---------------------------------------------------------------------------------------
describe('authorize()', () => {
  it.each([
    { case: 'nobody signed in', user: null, action: 'read', resource: res('plan') },
    { case: 'undefined user', user: undefined, action: 'read', resource: res('plan') },
    { case: 'user without roles', user: noRoles, action: 'read', resource: res('plan') },
    { case: 'viewer reporting', user: viewer, action: 'report', resource: res('value', { unitIds: ['HR'] }) },
    { case: 'editor outside the grant', user: editorHR, action: 'report', resource: res('value', { unitIds: ['AME'] }) },
    { case: 'director approving a goal', user: director, action: 'approve', resource: res('goal', { unitIds: ['HR'] }) },
    { case: 'admin reporting on a locked value', user: admin, action: 'report', resource: res('value', { locked: true }) },
    {
      case: 'admin of another organization',
      user: makeUser(['admin'], { organizationId: OTHER_ORG }),
      action: 'read',
      resource: res('plan'),
    },
  ] as const)('throws ForbiddenError: $case', ({ user, action, resource }) => {
    expect(() => authorize(user, action, resource)).toThrow(ForbiddenError);
  });

  it.each([
    { case: 'viewer reading a plan', user: viewer, action: 'read', resource: res('plan') },
    { case: 'editor reporting in the grant', user: editorKLF, action: 'report', resource: res('value', { unitIds: ['HR'] }) },
    { case: 'director approving a period', user: director, action: 'approve', resource: res('period', { unitIds: ['KS'] }) },
    { case: 'director sending back a value', user: director, action: 'send_back', resource: res('value', { unitIds: ['HR'] }) },
    { case: 'admin managing a user', user: admin, action: 'manage', resource: res('user', { userId: 'viewer' }) },
    { case: 'user reading themself', user: viewer, action: 'read', resource: res('user', { userId: 'viewer' }) },
  ] as const)('returns without throwing: $case', ({ user, action, resource }) => {
    expect(authorize(user, action, resource)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------
// view_reporting: opening a unit's reporting page. The admin (who reports for any unit) and
// the director (who reads it to review) pick any unit; an editor sees the units of their
// grants; the viewer and everyone outside the organization see none.
// ---------------------------------------------------------------------------------------
describe("can(): view_reporting opens a unit's reporting page", () => {
  it.each([
    { who: 'admin', user: admin, unit: 'HR', expected: true },
    { who: 'director', user: director, unit: 'HR', expected: true },
    { who: 'director', user: director, unit: 'SUF', expected: true },
    { who: 'editor (HR)', user: editorHR, unit: 'HR', expected: true },
    { who: 'editor (HR)', user: editorHR, unit: 'AME', expected: false },
    { who: 'editor (KLF)', user: editorKLF, unit: 'AME', expected: true },
    { who: 'viewer', user: viewer, unit: 'HR', expected: false },
    { who: 'user without roles', user: noRoles, unit: 'HR', expected: false },
    { who: 'null user', user: null, unit: 'HR', expected: false },
  ] as const)('$who: view_reporting of $unit → $expected', ({ user, unit, expected }) => {
    expect(can(user, 'view_reporting', res('unit', { unitIds: [unit] }))).toBe(expected);
  });

  it('picks any unit (no unitIds) only as the admin or the director; only for kind unit; never in another organization', () => {
    expect([admin, director, viewer, editorHR].map((u) => can(u, 'view_reporting', res('unit')))).toEqual([true, true, false, false]);
    expect(can(director, 'view_reporting', res('value', { unitIds: ['HR'] }))).toBe(false);
    expect(can(director, 'view_reporting', { kind: 'unit', organizationId: 'other-org', unitIds: ['HR'] })).toBe(false);
    // Reading a unit's page is not reporting for it: the director's forms stay read-only.
    expect(can(director, 'report', res('unit', { unitIds: ['HR'] }))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
// search_texts: searching every text of the organization's periods (/sok, issue 15). The
// roles that read the whole kommun as their job: the admin, the director and the board's
// members. Editors report for their units and do not search; nobody outside the organization.
// ---------------------------------------------------------------------------------------
describe('can(): search_texts searches every text of the organization', () => {
  it.each([
    { who: 'admin', user: admin, expected: true },
    { who: 'director', user: director, expected: true },
    { who: 'viewer', user: viewer, expected: true },
    { who: 'editor (HR)', user: editorHR, expected: false },
    { who: 'editor (KS)', user: editorKS, expected: false },
    { who: 'viewer + editor (HR)', user: makeUser(['viewer', 'editor'], { grant: 'HR' }), expected: true },
    { who: 'user without roles', user: noRoles, expected: false },
    { who: 'null user', user: null, expected: false },
  ] as const)('$who: search_texts → $expected', ({ user, expected }) => {
    expect(can(user, 'search_texts', res('organization'))).toBe(expected);
  });

  it('only of kind organization, and never in another organization', () => {
    expect(can(director, 'search_texts', res('narrative', { unitIds: ['HR'] }))).toBe(false);
    expect(can(admin, 'search_texts', { kind: 'organization', organizationId: OTHER_ORG })).toBe(false);
    expect(can(makeUser(['director'], { organizationId: OTHER_ORG }), 'search_texts', res('organization'))).toBe(false);
  });
});
