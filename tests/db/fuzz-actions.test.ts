// A fuzz test of every server action: at least 100 generated payloads per action (fast-check,
// a fixed seed), run through runAction as a user who may not write it (the demo's viewer)
// and as the admin. Whatever the payload (control characters, huge strings, numbers,
// arrays, nested objects, any unicode, missing or unknown keys, and real ids so that some
// payloads get past the schema to the policy and the database):
//   - runAction never throws, and never answers "failed" or "unavailable" (a 500 or 503);
//   - every message and field error is Swedish (none of zod's English words);
//   - for the viewer, no row of any table changed (a digest of the whole database).
// The actions are found as the authorization matrix finds them: every defineAction(...)
// under app/, imported here; the test fails when one of them is missing.
//
// Purely random payloads rarely get past a schema, so half of the payloads start from a
// valid one: the payload the authorization matrix's own row sends as the admin (captured
// by running the matrix rows once, with their undo), with one or two fields replaced by a
// hostile value or with a control character put into a text. Those reach the policy and
// the database: this is how NUL in a valid text, which Postgres refuses, is found.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import type { CurrentUser } from '@/lib/current-user';
import type { ActionResult } from '@/lib/action';
import { runAction, type ActionDefinition } from '@/server/action';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { idByCode, type Context, type MatrixRow } from './matrix/harness';
import { changedTables, databaseDigest } from './matrix/digest';
import { coreRows } from './matrix/core-rows';
import { adminPeopleRows } from './matrix/admin-people-rows';
import { adminPeriodRows } from './matrix/admin-period-rows';
import { adminStructureRows } from './matrix/admin-structure-rows';
import { adminAssignmentRows } from './matrix/admin-assignment-rows';
import { adminRolloverRows } from './matrix/admin-rollover-rows';
import { adminImportRows } from './matrix/admin-import-rows';
import { adminStructureImportRows } from './matrix/admin-structure-import-rows';
import { approvalRows } from './matrix/approval-rows';
import { apiRows } from './matrix/api-rows';
import { documentRows } from './matrix/document-rows';
import { signInRows } from './matrix/sign-in-rows';
import { koladaRows } from './matrix/kolada-rows';
import { financeRows } from './matrix/finance-rows';

// The matrix rows call runAction: while `capturing`, each action's payloads are kept.
const capture = vi.hoisted(() => ({ on: false, payloads: new Map<string, unknown[]>() }));
vi.mock('@/server/action', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/server/action')>();
  return {
    ...actual,
    runAction: (async (definition, user, raw, db) => {
      if (capture.on && raw && typeof raw === 'object') {
        capture.payloads.set(definition.name, [...(capture.payloads.get(definition.name) ?? []), raw]);
      }
      return actual.runAction(definition, user, raw, db);
    }) as typeof actual.runAction,
  };
});

const MATRIX_ROWS: MatrixRow[] = [
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
  ...signInRows,
  ...koladaRows,
  ...financeRows,
  ...approvalRows,
];

const SEED = 20261130;
const RUNS = 100;
/** Words of zod's (or any library's) English that must never reach the user. */
const ENGLISH = /\b(expected|invalid|required|too (small|big)|received|must|string|number|undefined|null|nan|object|array|error)\b/i;
/** Answers that are a 500 or a 503 in a route handler's terms: a payload must never cause one. */
const SERVER_FAILURES = new Set(['failed', 'unavailable']);

type AnyDefinition = ActionDefinition<never, unknown>;

/** Every action definition exported by a module under app/ that calls defineAction(. */
async function allDefinitions(): Promise<{ definitions: AnyDefinition[]; names: string[] }> {
  const root = path.join(process.cwd(), 'app');
  const files = fs
    .readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.readFileSync(file, 'utf8').includes('defineAction('));
  const names = files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/defineAction\(\{\s*name:\s*'([^']+)'/g)].map((m) => m[1]!),
  );
  const definitions = new Map<string, AnyDefinition>();
  for (const file of files) {
    const exported = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      const candidate = value as Partial<AnyDefinition> | null;
      if (candidate && typeof candidate === 'object' && typeof candidate.name === 'string' && candidate.schema && typeof candidate.run === 'function') {
        definitions.set(candidate.name, candidate as AnyDefinition);
      }
    }
  }
  return { definitions: [...definitions.values()].sort((a, b) => a.name.localeCompare(b.name)), names };
}

/** The field names a schema reads (an object, behind pipes and unions); [] when it has none. */
function keysOf(schema: unknown, depth = 0): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (!def || depth > 5) return [];
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as object);
    case 'pipe':
      return keysOf(def.in, depth + 1);
    case 'union':
      return [...new Set((def.options as unknown[]).flatMap((option) => keysOf(option, depth + 1)))];
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return keysOf(def.innerType, depth + 1);
    default:
      return [];
  }
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\ud800', '\udfff'];

/** Hostile and plausible values for one field. */
function valueArbitrary(realIds: string[]): fc.Arbitrary<unknown> {
  const plausible = fc.constantFrom(
    ...realIds,
    'true',
    'false',
    'on',
    '',
    ' ',
    '0',
    '-1',
    '1,5',
    '−5\u00a0117,5',
    '1e308',
    'NaN',
    '2026-01-01',
    '2026-13-45',
    'grön',
    'gul',
    'röd',
    'admin',
    'redaktör',
    'Mål 1',
    '00000000-0000-0000-0000-000000000000',
    '__proto__',
    'constructor',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
  );
  const hostileText = fc.oneof(
    fc.string({ unit: fc.constantFrom(...CONTROL, 'a', 'å', ' ', '\n'), maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('x'.repeat(25_000), 'å'.repeat(100_001), `Text\u0000${'y'.repeat(3000)}`, '🎯'.repeat(5000)),
  );
  const scalar = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt().map((n) => n.toString()),
  );
  return fc.oneof(
    { arbitrary: plausible, weight: 4 },
    { arbitrary: hostileText, weight: 4 },
    { arbitrary: scalar, weight: 2 },
    { arbitrary: fc.array(fc.oneof(plausible, hostileText, scalar), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4 }), weight: 1 },
  );
}

/**
 * A payload: a valid one with one or two fields replaced (or dropped) or with a control
 * character put into a text; or the schema's keys with random values (each maybe missing),
 * sometimes with unknown keys; or no object at all.
 */
function payloadArbitrary(keys: string[], realIds: string[], valid: Record<string, unknown>[]): fc.Arbitrary<unknown> {
  const value = valueArbitrary(realIds);
  const mutatedKeys = keys.length > 0 ? keys : [...new Set(valid.flatMap((p) => Object.keys(p)))];
  const fields = fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });
  const withExtra = fc
    .tuple(fields, fc.dictionary(fc.string({ unit: fc.constantFrom('a', '$', '_', '\u0000', 'å'), maxLength: 8 }), value, { maxKeys: 3 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
  const options: { arbitrary: fc.Arbitrary<unknown>; weight: number }[] = [
    { arbitrary: fields, weight: 3 },
    { arbitrary: withExtra, weight: 1 },
    { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
  ];
  if (valid.length > 0 && mutatedKeys.length > 0) {
    const replaced = fc
      .tuple(fc.constantFrom(...valid), fc.subarray(mutatedKeys, { minLength: 1, maxLength: Math.min(2, mutatedKeys.length) }), fc.array(value, { minLength: 2, maxLength: 2 }), fc.boolean())
      .map(([base, chosen, values, drop]) => {
        const payload: Record<string, unknown> = { ...base };
        chosen.forEach((key, i) => {
          if (drop && i === 0) delete payload[key];
          else payload[key] = values[i];
        });
        return payload;
      });
    const poisoned = fc
      .tuple(fc.constantFrom(...valid), fc.constantFrom(...mutatedKeys), fc.constantFrom(...CONTROL), fc.nat())
      .map(([base, key, control, at]) => {
        const text = typeof base[key] === 'string' ? (base[key] as string) : '';
        const position = text.length === 0 ? 0 : at % (text.length + 1);
        return { ...base, [key]: text.slice(0, position) + control + text.slice(position) };
      });
    options.push({ arbitrary: replaced, weight: 3 }, { arbitrary: poisoned, weight: 2 }, { arbitrary: fc.constantFrom(...valid), weight: 1 });
  }
  return fc.oneof(...options);
}

function expectSwedishAnswer(result: ActionResult<unknown>, label: string) {
  expect(['ok', 'error'], label).toContain(result.status);
  if (result.status === 'error') expect(SERVER_FAILURES.has(result.code), `${label}: ${JSON.stringify(result)}`).toBe(false);
  const texts = [result.message, ...(result.status === 'error' ? Object.values(result.fieldErrors ?? {}).flat() : [])];
  for (const text of texts) {
    expect(typeof text, label).toBe('string');
    expect(text, `${label}: ${JSON.stringify(result)}`).not.toMatch(ENGLISH);
  }
  expect(result.message.length, label).toBeGreaterThan(0);
}

describe('fuzzed server actions on PGlite', () => {
  let database: Database;
  let viewer: CurrentUser;
  let admin: CurrentUser;
  let realIds: string[];
  let found: Awaited<ReturnType<typeof allDefinitions>>;

  beforeAll(async () => {
    const { openDatabase } = await import('@/db/client');
    database = await openDatabase({ dataDir: 'memory://' });
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    viewer = await demoUser(db, DEMO_EMAILS.viewer);
    admin = await demoUser(db, DEMO_EMAILS.admin);
    const hr = await demoUser(db, DEMO_EMAILS.hr);
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    realIds = [
      hr.id,
      period!.id,
      await idByCode(db, s.units, 'KS-KLF-HR'),
      await idByCode(db, s.indicators, 'KS-2024-M1-I1'),
      await idByCode(db, s.boardGoals, 'KS-2024-M1'),
      await idByCode(db, s.assignments, 'KS-U-STYRMODELL'),
    ];
    found = await allDefinitions();

    // The matrix rows' valid payloads, sent as the admin (each row undoes its write).
    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [otherAdmin] = await db.insert(s.users).values({ organizationId: other!.id, email: 'admin@annan.example', name: 'Annan Admin' }).returning();
    await db.insert(s.roleGrants).values({ organizationId: other!.id, userId: otherAdmin!.id, role: 'admin' });
    const ctx: Context = {
      db,
      users: {
        admin,
        director: await demoUser(db, DEMO_EMAILS.director),
        viewer,
        editor: hr,
        otherEditor: await demoUser(db, DEMO_EMAILS.ame),
        anonymous: null,
        otherOrgAdmin: await demoUser(db, 'admin@annan.example'),
      },
      ids: {
        hrChef: hr.id,
        periodId: period!.id,
        hrUnit: realIds[2]!,
        hrIndicator: realIds[3]!,
        hrGoal: realIds[4]!,
        klfAssignment: realIds[5]!,
        klfUnit: await idByCode(db, s.units, 'KS-KLF'),
        ksBoard: await idByCode(db, s.units, 'KS'),
      },
    };
    for (const row of MATRIX_ROWS.filter((r) => r.name.startsWith('action:'))) {
      capture.on = true;
      // Only the payload matters here: a row whose outcome depends on the matrix's order
      // (an approval that needs an earlier row's state) may answer otherwise.
      const outcome = await row.call(ctx, ctx.users.admin).catch(() => 'other').finally(() => (capture.on = false));
      if (outcome === 'ok') await row.undo?.(ctx);
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  it('finds every action that app/ defines, and a valid payload for each', () => {
    expect(found.names.length).toBeGreaterThan(40);
    expect(found.definitions.map((d) => d.name).sort()).toEqual([...new Set(found.names)].sort());
    expect(found.definitions.filter((d) => !capture.payloads.has(d.name)).map((d) => d.name)).toEqual([]);
  });

  // A generous budget: ~65 actions × 2 actors × 100 payloads, most refused by the schema in
  // microseconds; those that reach the database take milliseconds each on PGlite.
  it(
    `answers ${RUNS} generated payloads per action, as a viewer and as the admin, in Swedish and without a 500`,
    async () => {
      const unexpected = vi.spyOn(console, 'error').mockImplementation(() => {});
      const db = database.db;
      try {
        for (const definition of found.definitions) {
          const keys = keysOf(definition.schema);
          const valid = (capture.payloads.get(definition.name) ?? []) as Record<string, unknown>[];
          const payloads = payloadArbitrary(keys, realIds, valid);

          // The viewer may write nothing: the whole database stays as it was.
          const before = await databaseDigest(db);
          await fc.assert(
            fc.asyncProperty(payloads, async (payload) => {
              const result = await runAction(definition, viewer, payload, db);
              expectSwedishAnswer(result, `${definition.name} as the viewer`);
              expect(result.status, `${definition.name} as the viewer`).toBe('error');
            }),
            { seed: SEED, numRuns: RUNS },
          );
          expect(changedTables(before, await databaseDigest(db)), `${definition.name}: tables changed by the viewer`).toEqual([]);

          // The admin may write; whatever the payload, the answer is Swedish and no 500.
          await fc.assert(
            fc.asyncProperty(payloads, async (payload) => {
              expectSwedishAnswer(await runAction(definition, admin, payload, db), `${definition.name} as the admin`);
            }),
            { seed: SEED, numRuns: RUNS },
          );
        }
        expect(unexpected.mock.calls, 'errors logged as unexpected').toEqual([]);
      } finally {
        unexpected.mockRestore();
      }
    },
    180_000,
  );
});
