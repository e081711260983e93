// The authorization matrix: every server action and every read behind a page, called as
// each role, anonymously and as a user of another organization, with the expected
// outcome. A refused call (and every read) must leave every table exactly as it was:
// compared by a digest of the whole content of every table (./matrix/digest.ts).
//
// Every new action or read adds its rows to a module under tests/db/matrix/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { ACTORS, idByCode, type Context, type MatrixRow } from './matrix/harness';
import { changedTables, databaseDigest, type Digest } from './matrix/digest';
import { coreRows } from './matrix/core-rows';
import { adminPeopleRows } from './matrix/admin-people-rows';
import { adminPeriodRows } from './matrix/admin-period-rows';
import { adminStructureRows } from './matrix/admin-structure-rows';
import { adminAssignmentRows } from './matrix/admin-assignment-rows';
import { adminRolloverRows } from './matrix/admin-rollover-rows';
import { adminImportRows } from './matrix/admin-import-rows';
import { adminStructureImportRows } from './matrix/admin-structure-import-rows';
import { approvalRows } from './matrix/approval-rows';
import { orgExportRows } from './matrix/org-export-rows';
import { apiRows, prepareApiTokens } from './matrix/api-rows';
import { documentRows } from './matrix/document-rows';
import { signInRows } from './matrix/sign-in-rows';
import { koladaRows } from './matrix/kolada-rows';
import { financeRows } from './matrix/finance-rows';
import { searchRows } from './matrix/search-rows';

const ROWS: MatrixRow[] = [
  ...coreRows,
  ...adminPeopleRows,
  ...adminPeriodRows,
  ...adminStructureRows,
  ...adminAssignmentRows,
  ...adminRolloverRows,
  ...adminImportRows,
  ...adminStructureImportRows,
  ...apiRows,
  ...documentRows,
  ...financeRows, // issue 16
  ...approvalRows,
  ...orgExportRows,
  ...signInRows,
  ...koladaRows,
  ...searchRows, // issue 15: search across texts
];

/** The `name` of every defineAction(...) under a folder. */
function definedActionNames(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) return [];
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    if (!source.includes('defineAction(')) return [];
    return [...source.matchAll(/defineAction\(\{\s*name:\s*'([^']+)'/g)].map((m) => m[1]!);
  });
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
    await prepareApiTokens(ctx);
  });

  afterAll(async () => {
    await database?.close();
  });

  const cases = ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, label: `${row.name} as ${actor}` })));

  // The digest taken after an unchanged call is the next call's "before": the cases run one
  // after another, so the chain of digests still covers every moment, at half the queries.
  let unchanged: Digest | undefined;

  // Plain titles (not it.each's $label, which vitest cuts at 40 characters) so that a
  // failure names its actor.
  for (const { row, actor, label } of cases) {
    it(label, async () => {
      const before = unchanged ?? (await databaseDigest(ctx.db));
      unchanged = undefined;
      const outcome = await row.call(ctx, ctx.users[actor]);
      expect(outcome).toBe(row.expected[actor]);
      if (outcome !== 'ok' || !row.writes) {
        // Refused (or a read): every row of every table exactly as it was, not only the counts.
        const after = await databaseDigest(ctx.db);
        expect(changedTables(before, after), 'tables changed by a call that must change nothing').toEqual([]);
        unchanged = after;
      } else {
        await row.undo?.(ctx);
      }
    });
  }

  it('has rows for every action defined in app/', () => {
    const defined = definedActionNames(path.join(process.cwd(), 'app'));
    expect(defined.length).toBeGreaterThan(0);
    const missing = defined.filter((name) => !ROWS.some((row) => row.name.includes(`(${name})`)));
    expect(missing).toEqual([]);
  });
});
