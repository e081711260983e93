// The authorization matrix's vocabulary: who calls (actors), what comes back (outcomes),
// the shared context, and small helpers. Each rows module under tests/db/matrix/ lists
// calls with their expected outcome per actor; authorization-matrix.test.ts runs them all.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';

/** 'editor' reports for HR-avdelningen; 'otherEditor' for Arbetsmarknadsenheten. */
export type Actor = 'admin' | 'director' | 'viewer' | 'editor' | 'otherEditor' | 'anonymous' | 'otherOrgAdmin';
/** 'empty': allowed, but the caller sees nothing of this organization (its own is empty). */
export type Outcome = 'ok' | 'empty' | 'refused' | 'unauthenticated';
export const ACTORS: Actor[] = ['admin', 'director', 'viewer', 'editor', 'otherEditor', 'anonymous', 'otherOrgAdmin'];

export interface Context {
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

export interface MatrixRow {
  name: string;
  /** Whether the call changes data when allowed (then a refusal must change nothing). */
  writes: boolean;
  expected: Record<Actor, Outcome>;
  call(ctx: Context, user: CurrentUser | null): Promise<Outcome>;
  /** Puts things back after an allowed write, so that rows stay independent. */
  undo?(ctx: Context): Promise<void>;
}

export const readers = (outcome: Outcome): Record<Actor, Outcome> => ({
  admin: outcome,
  director: outcome,
  viewer: outcome,
  editor: outcome,
  otherEditor: outcome,
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
});

export const adminOnly: Record<Actor, Outcome> = {
  admin: 'ok',
  director: 'refused',
  viewer: 'refused',
  editor: 'refused',
  otherEditor: 'refused',
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
};

/** Reporting on HR-avdelningen's items: the admin and HR's editor; anonymous is asked to log in. */
export const hrReporters: Record<Actor, Outcome> = {
  ...adminOnly,
  editor: 'ok',
  anonymous: 'unauthenticated',
};

/** The newest sequence number of a history item, read as the admin (0 when none). */
export async function newestSeq(ctx: Context, read: (admin: CurrentUser) => Promise<{ latest: { seq: number } | null }>) {
  return (await read(ctx.users.admin!)).latest?.seq ?? 0;
}

/** A read through db/: a result is 'ok' (or 'empty' when null), ForbiddenError or NotFoundError 'refused'. */
export async function read(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return (await fn()) === null ? 'empty' : 'ok';
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return 'refused';
    throw error;
  }
}

/** A server action through runAction: its result code decides. */
export function action(result: { status: string; code?: string }): Outcome {
  if (result.status === 'ok') return 'ok';
  if (result.code === 'unauthenticated') return 'unauthenticated';
  if (result.code === 'not_found') return 'refused';
  throw new Error(`unexpected action result: ${JSON.stringify(result)}`);
}

export async function idByCode(db: Db, table: typeof s.units | typeof s.indicators | typeof s.boardGoals | typeof s.assignments, code: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, code));
  if (!row) throw new Error(`no item with code ${code}`);
  return row.id;
}

