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
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

type Actor = 'admin' | 'director' | 'viewer' | 'editor' | 'anonymous' | 'otherOrgAdmin';
/** 'empty': allowed, but the caller sees nothing of this organization (its own is empty). */
type Outcome = 'ok' | 'empty' | 'refused' | 'unauthenticated';
const ACTORS: Actor[] = ['admin', 'director', 'viewer', 'editor', 'anonymous', 'otherOrgAdmin'];

interface Context {
  db: Db;
  users: Record<Actor, CurrentUser | null>;
  ids: { hrChef: string; periodId: string };
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
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
});

const adminOnly: Record<Actor, Outcome> = {
  admin: 'ok',
  director: 'refused',
  viewer: 'refused',
  editor: 'refused',
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
};

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
];

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
        anonymous: null,
        otherOrgAdmin: await demoUser(db, 'admin@annan.example'),
      },
      ids: { hrChef: hr.id, periodId: period!.id },
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
