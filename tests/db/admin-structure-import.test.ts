// Excel import of structure on each engine (demo loaded): a file creating a new board with
// plans, goals, indicators and an assignment (dry run lists the creates, apply creates them,
// the overview shows the new goal, re-importing changes nothing), a file with errors (every
// problem listed, nothing written), another organization's codes are unknown, non-admins
// are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { applyStructureImport, dryRunStructureImport, getStructureExport } from '@/db/admin/structure-import';
import { getOverview } from '@/db/queries/overview';
import { ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { buildStructureTemplate, parseStructureWorkbook, STRUCTURE_SHEETS, type StructureSheet } from '@/lib/structure-import';
import type { CurrentUser } from '@/lib/current-user';
import { runAction } from '@/server/action';
import { applyStructureImportAction } from '@/app/(inloggad)/admin/import/struktur/apply-structure-import';
import { ImportProblemsError } from '@/lib/excel-import';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

type Cell = ExcelJS.CellValue;

async function file(sheets: Partial<Record<StructureSheet, Cell[][]>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow([...STRUCTURE_SHEETS[name as StructureSheet]]);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function rowsOf(sheets: Partial<Record<StructureSheet, Cell[][]>>) {
  const parsed = await parseStructureWorkbook(await file(sheets));
  expect(parsed.problems).toEqual([]);
  return parsed.rows;
}

const _ = null;
const TN_FILE: Partial<Record<StructureSheet, Cell[][]>> = {
  Enheter: [
    ['TN', 'Tekniska nämnden', 'nämnd', _],
    ['TN-TF', 'Tekniska förvaltningen', 'förvaltning', 'TN'],
  ],
  // The demo's målområden are valid from 2024: the 2023 goal needs one valid in 2023.
  Målområden: [['MO-TN-2023', 3, 'Tillväxt och demografi', _, 2023, 2023]],
  Planer: [
    ['TN-2023', 'TN', 2023],
    ['TN-2024', 'TN', 2024],
  ],
  Mål: [
    ['TN-2023-M1', 'TN-2023', 1, 'Trygga gator', _, 'alla', 'MO-TN-2023', _, 'TN-TF', _],
    ['TN-2024-M1', 'TN-2024', 1, 'Trygga och hela gator', 'Mäts med enkät', 'majoritet', 'MO3', 'KF-MO3-ATTRAKTIV', 'TN-TF', 'TN-2023-M1'],
  ],
  Mått: [
    ['TN-2023-M1-I1', 'TN-2023-M1', 'Antal olyckor', 'st', 0, 'lt', 12, _, _, _, _, _, _, _, _, _, _, _, _, 'TN-TF', _],
    ['TN-2024-M1-I1', 'TN-2024-M1', 'Nöjdhet med gatorna', 'index', 0, 'between', _, 90, 110, _, 5, _, _, _, _, _, _, _, _, 'TN-TF', _],
    ['TN-2024-M1-I2', 'TN-2024-M1', 'Antal olyckor', 'st', 0, 'lt', 10, _, _, _, '1,5', _, _, 'årlig', 'helår', 14, 2022, _, _, 'TN-TF', 'TN-2023-M1-I1'],
  ],
  Uppdrag: [['TN-U-BELYSNING', 'TN', '2024-01-15', 'TN 2024/3', 'Byt gatubelysning', _, 'MO3', _, 'TN-TF', new Date(Date.UTC(2024, 5, 30))]],
};

async function count(db: Db) {
  const tables = [s.units, s.focusAreas, s.councilGoals, s.plans, s.boardGoals, s.boardGoalCouncilGoals, s.boardGoalUnits, s.indicators, s.assignments, s.assignmentUnits, s.auditEvents];
  const counts = await Promise.all(tables.map(async (t) => (await db.select({ n: sql<number>`count(*)::int` }).from(t))[0]!.n));
  return counts.join(',');
}

// Every test writes a workbook, parses it and runs the import's checks against the database.
describe.each(engines)('structure import on $name', { timeout: 120_000 }, (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, hr: CurrentUser, director: CurrentUser;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, hr, director] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.hr, DEMO_EMAILS.director].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser];
  });
  afterAll(async () => {
    await database?.close();
  });

  it('non-admins are refused, before anything is read', async () => {
    const rows = await rowsOf(TN_FILE);
    for (const user of [hr, director, null]) {
      await expect(dryRunStructureImport(db, user, rows)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const before = await count(db);
    for (const user of [hr, director]) await expect(applyStructureImport(db, user, rows)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count(db)).toBe(before);
  });

  it('a file with errors lists every problem and writes nothing', async () => {
    const parsed = await parseStructureWorkbook(
      await file({
        Enheter: [['TN-X', 'Trasig enhet', 'enhet', 'FINNS-INTE']],
        Mått: [
          ['TN-X-I1', 'KS-2024-M1', 'Fel jämförelse', _, 0, 'ungefär', 5, _, _, _, _, _, _, _, _, _, _, _, _, 'KS', _],
          ['TN-X-I2', 'KS-2024-M1', 'Fel intervall', _, 0, 'between', _, 110, 90, _, _, _, _, _, _, _, _, _, _, 'KS', _],
          ['TN-X-I3', 'KS-2024-M1', 'Formel', _, 0, 'lt', { formula: '2+3', result: 5 }, _, _, _, _, _, _, _, _, _, _, _, _, 'KS', _],
        ],
      }),
    );
    // The formula is refused by the parser; the rest by the dry run.
    expect(parsed.problems).toEqual([{ sheet: 'Mått', row: 4, column: 'Värde', message: expect.stringContaining('Formler') }]);
    const dry = await dryRunStructureImport(db, admin, parsed.rows);
    expect(dry.changes).toEqual([]);
    expect(dry.problems).toEqual([
      { sheet: 'Enheter', row: 2, column: 'Överordnad kod', message: 'Det finns ingen enhet med koden FINNS-INTE.' },
      { sheet: 'Mått', row: 2, column: 'Jämförelse', message: expect.stringContaining('Okänd jämförelse "ungefär"') },
      { sheet: 'Mått', row: 3, column: 'Högsta', message: 'Lägsta värdet får inte vara högre än det högsta.' },
    ]);
    const before = await count(db);
    await expect(applyStructureImport(db, admin, parsed.rows)).rejects.toBeInstanceOf(ValidationError);
    expect(await count(db)).toBe(before);
  });

  it('a goal for a year in which its målområde is not valid is refused with the reason; a refused apply lists the problems', async () => {
    const sheets: Partial<Record<StructureSheet, Cell[][]>> = {
      Målområden: [
        ['MO-GAMMAL', 9, 'Ett gammalt målområde', _, 2019, 2022],
        ['MO-GAMMAL-D', _, 'Ett delområde', 'MO-GAMMAL', 2019, _],
      ],
      Mål: [
        ['KS-2024-M8', 'KS-2024', 8, 'Ett mål under ett gammalt område', _, 'alla', 'MO-GAMMAL', _, 'KS-KLF-HR', _],
        ['KS-2024-M9', 'KS-2024', 9, 'Ett mål under dess delområde', _, 'alla', 'MO-GAMMAL-D', _, 'KS-KLF-HR', _],
      ],
    };
    const rows = await rowsOf(sheets);
    const dry = await dryRunStructureImport(db, admin, rows);
    const reason = 'Målområdet MO-GAMMAL gäller 2019–2022, inte planens år 2024. Välj ett målområde som gäller 2024.';
    expect(dry.problems).toEqual([
      { sheet: 'Mål', row: 2, column: 'Målområde (kod)', message: reason },
      { sheet: 'Mål', row: 3, column: 'Målområde (kod)', message: reason },
    ]);
    const before = await count(db);
    const refused = await applyStructureImport(db, admin, rows).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportProblemsError);
    expect((refused as ImportProblemsError).problems).toEqual(dry.problems);

    // Through the action: the refusal names the problems, not only their number.
    const result = await runAction(applyStructureImportAction, admin, { file: new Blob([new Uint8Array(await file(sheets))]) }, db);
    expect(result).toMatchObject({ status: 'error', code: 'invalid', message: 'Filen har 2 problem. Inget har importerats.', data: { problems: dry.problems } });
    expect(await count(db)).toBe(before);

    // Valid from 2024 on: accepted.
    const fine = await dryRunStructureImport(db, admin, await rowsOf({ ...sheets, Målområden: [['MO-GAMMAL', 9, 'Ett gammalt målområde', _, 2019, 2024], ['MO-GAMMAL-D', _, 'Ett delområde', 'MO-GAMMAL', 2019, _]] }));
    expect(fine.problems).toEqual([]);
  });

  it('"Jämförelse" in words, signs or codes, with its numbers', async () => {
    const line = (code: string, comparator: string, value: Cell = _, low: Cell = _, high: Cell = _): Cell[] =>
      [code, 'KS-2024-M1', 'Ett mått', _, 0, comparator, value, low, high, _, _, _, _, _, _, _, _, _, _, 'KS-KLF-HR', _];
    const rows = await rowsOf({
      Mått: [
        line('J-1', '≥', 80),
        line('J-2', 'minst 80'),
        line('J-3', 'högst', 25),
        line('J-4', 'mer än 20'),
        line('J-5', 'mindre än 5,5'),
        line('J-6', 'lika med', 100),
        line('J-7', 'mellan 10 och 20'),
        line('J-8', 'between', _, 1, 2),
        line('J-9', 'gte', 3),
        line('J-10', '< 5', 6),
        line('J-11', 'ungefär 5'),
      ],
    });
    const dry = await dryRunStructureImport(db, admin, rows);
    expect(dry.problems).toEqual([
      { sheet: 'Mått', row: 11, column: 'Värde', message: 'Jämförelsen "< 5" säger 5 men Värde säger 6. Skriv värdet på ett ställe.' },
      { sheet: 'Mått', row: 12, column: 'Jämförelse', message: expect.stringContaining('Okänd jämförelse "ungefär 5"') },
    ]);
    const ok = rows.filter((r) => !['J-10', 'J-11'].includes(r.cells.Kod!));
    expect(await applyStructureImport(db, admin, ok)).toMatchObject({ created: 9 });
    const got = await db.select().from(s.indicators).where(sql`${s.indicators.code} like 'J-%'`);
    const target = (code: string) => {
      const i = got.find((x) => x.code === code)!;
      return [i.comparator, i.targetValue, i.targetLow, i.targetHigh, i.targetLabel];
    };
    expect(target('J-1')).toEqual(['gte', 80, null, null, expect.any(String)]);
    expect(target('J-2')).toEqual(target('J-1'));
    expect(target('J-3')).toEqual(['lte', 25, null, null, expect.any(String)]);
    expect(target('J-4')).toEqual(['gt', 20, null, null, 'Högre än 20']);
    expect(target('J-5')).toEqual(['lt', 5.5, null, null, expect.any(String)]);
    expect(target('J-6')).toEqual(['eq', 100, null, null, expect.any(String)]);
    expect(target('J-7')).toEqual(['between', null, 10, 20, 'Mellan 10 och 20']);
    expect(target('J-8')).toEqual(['between', null, 1, 2, expect.any(String)]);
    expect(target('J-9')).toEqual(['gte', 3, null, null, expect.any(String)]);
  });

  it('the current structure exported into the template imports as "nothing changes"', async () => {
    const exported = await getStructureExport(db, admin);
    expect(exported.Enheter).toContainEqual(['KS-KLF-HR', 'HR-avdelningen', 'enhet', 'KS-KLF']);
    expect(exported.Mått!.find((r) => r[0] === 'KS-2024-M1-I1')).toEqual(
      expect.arrayContaining(['KS-2024-M1', 'lägre än', 5, 'Lägre än 5,00', 'KS-KLF-HR']),
    );
    // A text stored with a browser's line breaks and trailing spaces is the same text.
    await db.update(s.boardGoals).set({ methodText: 'Mäts två gånger om året.  \r\n\r\n- Enkät\r\n' }).where(eq(s.boardGoals.code, 'KS-2024-M1'));
    await expect(getStructureExport(db, hr)).rejects.toBeInstanceOf(ForbiddenError);

    const parsed = await parseStructureWorkbook(new Uint8Array(await buildStructureTemplate(await getStructureExport(db, admin))));
    expect(parsed.problems).toEqual([]);
    const before = await count(db);
    const dry = await dryRunStructureImport(db, admin, parsed.rows);
    expect(dry).toMatchObject({ problems: [], changes: [] });
    expect(dry.unchanged).toBe(parsed.rows.length);
    expect(await applyStructureImport(db, admin, parsed.rows)).toMatchObject({ created: 0, updated: 0 });
    expect(await count(db)).toBe(before);
  });

  it("another organization's codes are unknown", async () => {
    const [other] = await db.insert(s.organizations).values({ code: 'grannkommun-struktur', name: 'Grannkommunen' }).returning();
    await db.insert(s.units).values({ organizationId: other!.id, code: 'GN', kind: 'board', name: 'Grannämnden' });
    const dry = await dryRunStructureImport(db, admin, await rowsOf({ Planer: [['GN-2024', 'GN', 2024]] }));
    expect(dry.problems).toEqual([{ sheet: 'Planer', row: 2, column: 'Nämnd (kod)', message: 'Det finns ingen enhet med koden GN.' }]);
    // And the other organization's admin does not see ours.
    const otherAdmin: CurrentUser = { ...admin, id: admin.id, organizationId: other!.id, roles: ['admin'] };
    const theirs = await dryRunStructureImport(db, otherAdmin, await rowsOf({ Planer: [['KS-2025', 'KS', 2025]] }));
    expect(theirs.problems).toEqual([{ sheet: 'Planer', row: 2, column: 'Nämnd (kod)', message: 'Det finns ingen enhet med koden KS.' }]);
  });

  it('a new board: the dry run lists the creates, apply creates them all, the overview shows the goal; re-importing changes nothing', async () => {
    const rows = await rowsOf(TN_FILE);
    const before = await count(db);
    const dry = await dryRunStructureImport(db, admin, rows);
    expect(dry.problems).toEqual([]);
    expect(dry.unchanged).toBe(0);
    expect(dry.changes.map((c) => [c.sheet, c.code, c.kind])).toEqual([
      ['Enheter', 'TN', 'create'],
      ['Enheter', 'TN-TF', 'create'],
      ['Målområden', 'MO-TN-2023', 'create'],
      ['Planer', 'TN-2023', 'create'],
      ['Planer', 'TN-2024', 'create'],
      ['Mål', 'TN-2023-M1', 'create'],
      ['Mål', 'TN-2024-M1', 'create'],
      ['Mått', 'TN-2023-M1-I1', 'create'],
      ['Mått', 'TN-2024-M1-I1', 'create'],
      ['Mått', 'TN-2024-M1-I2', 'create'],
      ['Uppdrag', 'TN-U-BELYSNING', 'create'],
    ]);
    expect(await count(db)).toBe(before); // the dry run wrote nothing

    expect(await applyStructureImport(db, admin, rows)).toEqual({ created: 11, updated: 0, unchanged: 0 });
    const [board] = await db.select().from(s.units).where(eq(s.units.code, 'TN'));
    expect(board).toMatchObject({ kind: 'board', name: 'Tekniska nämnden', parentId: null });
    const [goal] = await db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'TN-2024-M1'));
    const [earlierGoal] = await db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'TN-2023-M1'));
    expect(goal).toMatchObject({ rule: 'majority', number: 1, methodText: 'Mäts med enkät', continuesId: earlierGoal!.id });
    expect(await db.select().from(s.boardGoalCouncilGoals).where(eq(s.boardGoalCouncilGoals.boardGoalId, goal!.id))).toHaveLength(1);
    const indicators = await db.select().from(s.indicators).where(eq(s.indicators.goalId, goal!.id));
    const between = indicators.find((i) => i.code === 'TN-2024-M1-I1')!;
    expect(between).toMatchObject({ comparator: 'between', targetLow: 90, targetHigh: 110, targetValue: null, tolerance: 5, targetLabel: 'Mellan 90 och 110' });
    const lower = indicators.find((i) => i.code === 'TN-2024-M1-I2')!;
    const [earlierIndicator] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'TN-2023-M1-I1'));
    expect(lower).toMatchObject({ comparator: 'lt', targetValue: 10, tolerance: 1.5, frequency: 'yearly', yearlyPeriodKind: 'helar', baselineValue: 14, baselineYear: 2022, continuesId: earlierIndicator!.id, targetLabel: 'Lägre än 10' });
    const [assignment] = await db.select().from(s.assignments).where(eq(s.assignments.code, 'TN-U-BELYSNING'));
    expect(assignment).toMatchObject({ issuer: 'board', issuerBoardId: board!.id, decisionDate: '2024-01-15', dueDate: '2024-06-30', diaryNumber: 'TN 2024/3' });
    const [audit] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'structure.import'), eq(s.auditEvents.actorId, admin.id)))
      .orderBy(desc(s.auditEvents.createdAt))
      .limit(1);
    expect(audit!.changes).toMatchObject({ created: 11, updated: 0 });

    const [period] = await db.select().from(s.periods).where(and(eq(s.periods.year, 2024), eq(s.periods.kind, 'delar')));
    const overview = await getOverview(db, admin, period!.id, board!.id);
    expect(overview.boardId).toBe(board!.id);
    const goals = overview.focusAreas.flatMap((a) => a.goals);
    expect(goals.map((g) => g.text)).toEqual(['Trygga och hela gator']);
    expect(overview.focusAreas.flatMap((a) => a.assignments).length).toBe(1);

    // The same file again: all unchanged, nothing written.
    const afterApply = await count(db);
    const again = await dryRunStructureImport(db, admin, await rowsOf(TN_FILE));
    expect(again).toMatchObject({ problems: [], changes: [], unchanged: 11 });
    expect(await applyStructureImport(db, admin, await rowsOf(TN_FILE))).toEqual({ created: 0, updated: 0, unchanged: 11 });
    expect(await count(db)).toBe(afterApply);
  });

  it('an update changes only the filled-in cells and lists them; history is not touched', async () => {
    const values = (await db.select({ n: sql<number>`count(*)::int` }).from(s.indicatorValues))[0]!.n;
    const rows = await rowsOf({
      Mått: [['TN-2024-M1-I1', _, _, _, _, _, _, 85, _, _, _, _, _, _, _, _, _, _, _, _, _]],
      Uppdrag: [['TN-U-BELYSNING', _, _, _, 'Byt all gatubelysning', _, _, _, _, _]],
    });
    const dry = await dryRunStructureImport(db, admin, rows);
    expect(dry.problems).toEqual([]);
    expect(dry.changes).toEqual([
      { sheet: 'Mått', row: 2, code: 'TN-2024-M1-I1', kind: 'update', fields: ['Lägsta', 'Etikett'] },
      { sheet: 'Uppdrag', row: 2, code: 'TN-U-BELYSNING', kind: 'update', fields: ['Titel'] },
    ]);
    expect(await applyStructureImport(db, admin, rows)).toEqual({ created: 0, updated: 2, unchanged: 0 });
    const [indicator] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'TN-2024-M1-I1'));
    expect(indicator).toMatchObject({ targetLow: 85, targetHigh: 110, name: 'Nöjdhet med gatorna', targetLabel: 'Mellan 85 och 110' });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(s.indicatorValues))[0]!.n).toBe(values);
  });
});
