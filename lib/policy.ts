// The one place that decides access: can(user, action, resource). Every server action,
// route handler and db/ read asks it; nothing else decides who may do what.
import type { CurrentUser } from './current-user';
import { ForbiddenError } from './errors';

/**
 * view_reporting: open a unit's reporting page (Min rapportering for that unit): the admin and
 * the director for any unit (the director read-only, as 'report' decides), an editor for the
 * units of their grants. Asked without unitIds it answers whether the user may pick any unit.
 * search_texts: search every text of the organization's periods, every version with its author
 * (/sok, issue 15): the roles that read the whole kommun as their job — the admin, the director
 * and kommunstyrelsen's members (viewer). Asked of kind 'organization'.
 */
export type Action = 'read' | 'report' | 'view_reporting' | 'search_texts' | 'send_back' | 'approve' | 'manage';

export type ResourceKind =
  | 'organization'
  | 'unit'
  | 'plan'
  | 'period'
  | 'goal'
  | 'indicator'
  | 'value'
  | 'assignment'
  | 'report'
  | 'text_block'
  | 'narrative'
  | 'report_template'
  | 'user'
  /** A board's finance tables for a period (issue 16): unitIds is the board. */
  | 'finance';

export interface Resource {
  kind: ResourceKind;
  organizationId: string;
  /**
   * The units that answer for the item (an indicator's responsible unit, a goal's
   * addressed units, the unit a report or readiness is for, the board of a text block or
   * a board period). An editor grant on any of them, or on a unit above one, covers it.
   */
  unitIds?: readonly string[];
  /** The item's period is closed or its board's period approved: nobody reports on it. */
  locked?: boolean;
  /** For kind 'user': which user. */
  userId?: string;
}

/** What a unit reports on: values, goal assessments, assignment reports, texts, readiness. */
const REPORTABLE: ReadonlySet<ResourceKind> = new Set([
  'value',
  'indicator',
  'goal',
  'assignment',
  'report',
  'text_block',
  'narrative',
  'unit',
  'finance',
]);
/** What the director can send back for revision. */
const REVIEWABLE: ReadonlySet<ResourceKind> = new Set(['value', 'indicator', 'goal', 'assignment', 'report', 'narrative']);

function covers(user: CurrentUser, unitIds: readonly string[] | undefined): boolean {
  if (!unitIds?.length) return false;
  return unitIds.some((id) => user.coveredUnitIds.includes(id));
}

export function can(user: CurrentUser | null | undefined, action: Action, resource: Resource): boolean {
  if (!user || user.roles.length === 0) return false;
  if (user.organizationId !== resource.organizationId) return false;
  const has = (role: CurrentUser['roles'][number]) => user.roles.includes(role);

  switch (action) {
    case 'read':
      if (resource.kind === 'user') return has('admin') || resource.userId === user.id;
      return true; // every role reads everything in its own organization
    case 'report':
      if (!REPORTABLE.has(resource.kind) || resource.locked) return false;
      return has('admin') || (has('editor') && covers(user, resource.unitIds));
    case 'view_reporting':
      if (resource.kind !== 'unit') return false;
      if (has('admin') || has('director')) return true;
      return has('editor') && covers(user, resource.unitIds);
    case 'search_texts':
      return resource.kind === 'organization' && (has('admin') || has('director') || has('viewer'));
    case 'send_back':
      return REVIEWABLE.has(resource.kind) && !resource.locked && has('director');
    case 'approve':
      return resource.kind === 'period' && has('director');
    case 'manage':
      return has('admin');
  }
}

/** Throws ForbiddenError (lib/errors) unless can(user, action, resource). */
export function authorize(user: CurrentUser | null | undefined, action: Action, resource: Resource): asserts user is CurrentUser {
  if (!can(user, action, resource)) throw new ForbiddenError();
}

/** For reads scoped to the user's own organization: authorizes and returns its id. */
export function authorizeInOwnOrganization(
  user: CurrentUser | null | undefined,
  action: Action,
  kind: ResourceKind,
): string {
  if (!user) throw new ForbiddenError();
  authorize(user, action, { kind, organizationId: user.organizationId });
  return user.organizationId;
}
