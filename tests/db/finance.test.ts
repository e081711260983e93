// The board's finance tables on each engine (issue 16): the demo holds the seed's tables
// verbatim with their warnings; a save is a new version, a stale base a conflict; history
// is append-only; an explanation accepts a difference for its figures; klarmarkering of the
// board is refused while a difference is unexplained; an approved period is locked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { askersundFinance } from '@/db/demo/askersund-finance';
import { explainFinanceWarning, kommunResult, loadBoardFinance, saveFinanceTables } from '@/db/finance';
import { setReadiness } from '@/db/readiness';
import { approvePeriod, getApprovalState, reopenPeriod } from '@/db/approvals';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import type { FinanceTables } from '@/lib/finance-model';
import { runAction } from '@/server/action';
import { applyFinanceImportAction, dryRunFinanceImportAction } from '@/app/(inloggad)/ekonomi/import-finance';
import { financeTemplate } from '@/lib/finance-import';
import ExcelJS from 'exceljs';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

async function financeRows(db: Db): Promise<number> {
  const [a] = (await db.select({ n: sql<number>`count(*)::int` }).from(s.financeVersions)) as [{ n: number }];
  const [b] = (await db.select({ n: sql<number>`count(*)::int` }).from(s.financeExplanations)) as [{ n: number }];
  return a.n * 1000 + b.n;
}

/** The seed with every error corrected (the same corrections as the unit test). */
function corrected(): FinanceTables {
  const t = structuredClone(askersundFinance) as FinanceTables;
  const row92 = t.operations!.rows.find((r) => r.code === '92')!;
  row92.outcome = -26_632;
  row92.note!.forecastCost = -40_855;
  row92.note!.budgetCost = -40_197;
  const p = (name: string) => t.investments!.projects.find((x) => x.name.startsWith(name))!;
  p('Investering enligt reinvesteringsplan').outcome = -1_057;
  p('Åsbro förskola').totals!.outcome = -17_833;
  p('Askersund förskola').totals!.outcome = -21_390;
  p('Hammars skola').totals!.outcome = -14_282;
  p('Hammars skola').totals!.forecast = -14_500;
  p('Exploatering Gustavslund').totals!.forecast = -2_178;
  p('Kommunens intranät').forecast = -223;
  p('Kommunens intranät').deviation = -3;
  return t;
}

describe.each(engines)('finance on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, hr: CurrentUser;
  let boardId: string, periodId: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    admin = await demoUser(db, DEMO_EMAILS.admin);
    director = await demoUser(db, DEMO_EMAILS.director);
    viewer = await demoUser(db, DEMO_EMAILS.viewer);
    hr = await demoUser(db, DEMO_EMAILS.hr);
    const [ks] = await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'KS'));
    const [delar] = await db.select({ id: s.periods.id }).from(s.periods).where(and(eq(s.periods.year, 2024), eq(s.periods.kind, 'delar')));
    boardId = ks!.id;
    periodId = delar!.id;
  }, 60_000); // PGlite initialises and the demo loads: a few seconds on a shared machine

  afterAll(async () => {
    await database?.close();
  });

  it('the demo holds the seed’s three tables verbatim, with their 14 warnings, readable by everyone', async () => {
    for (const user of [admin, director, viewer, hr]) {
      const f = await loadBoardFinance(db, user, boardId, periodId);
      expect(f.tables).toEqual(askersundFinance);
      expect(f.warnings).toHaveLength(14);
      expect(f.warnings.every((w) => w.explanation === null)).toBe(true);
    }
    const f = await loadBoardFinance(db, admin, boardId, periodId);
    expect(f.versions.operations?.seq).toBe(1);
    expect(f.canWrite).toBe(true);
    expect((await loadBoardFinance(db, hr, boardId, periodId)).canWrite).toBe(false);
    expect((await loadBoardFinance(db, viewer, boardId, periodId)).canWrite).toBe(false);
  });

  it('only the board’s editor or the admin writes; a refusal writes nothing', async () => {
    for (const user of [director, viewer, hr]) {
      const before = await financeRows(db);
      await expect(
        saveFinanceTables(db, user, { boardId, periodId, tables: [{ table: 'result', data: askersundFinance.result, baseSeq: 1 }] }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await financeRows(db)).toBe(before);
    }
  });

  it('klarmarkering of the board is refused while a difference is unexplained, and allowed once explained', async () => {
    const before = await financeRows(db);
    const ready = () => setReadiness(db, admin, { unitId: boardId, periodId, ready: true, baseSeq: 0, reason: 'Ekonomin är klar.' });
    await expect(ready()).rejects.toThrow(/14 oförklarade skillnader/);
    expect(await financeRows(db)).toBe(before);
  });

  it('a save is a new version; a second save on the same base is a conflict that writes nothing', async () => {
    const data = structuredClone(askersundFinance.operations!);
    data.rows.find((r) => r.code === '92')!.outcome = -26_632;
    const { seqs } = await saveFinanceTables(db, admin, { boardId, periodId, tables: [{ table: 'operations', data, baseSeq: 1 }] });
    expect(seqs.operations).toBe(2);
    const before = await financeRows(db);
    await expect(
      saveFinanceTables(db, admin, { boardId, periodId, tables: [{ table: 'operations', data, baseSeq: 1 }] }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await financeRows(db)).toBe(before);
    const f = await loadBoardFinance(db, admin, boardId, periodId);
    expect(f.warnings.map((w) => w.key)).not.toContain('operations:sum:outcome:row:92');
    expect(f.warnings).toHaveLength(13);
    // Version 1 is still there: history is never overwritten, and the database refuses it.
    const versions = await db.select({ seq: s.financeVersions.seq }).from(s.financeVersions).where(eq(s.financeVersions.table, 'operations'));
    expect(versions.map((v) => v.seq).sort()).toEqual([1, 2]);
    for (const statement of [sql`update finance_versions set reason = 'x'`, sql`delete from finance_versions`, sql`truncate finance_versions`]) {
      const error = await db.execute(statement).then(
        () => null,
        (e: { cause?: Error } & Error) => e.cause ?? e,
      );
      expect(error?.message).toMatch(/append-only/);
    }
  });

  it('several tables are saved all or nothing: one stale base writes none', async () => {
    const before = await financeRows(db);
    await expect(
      saveFinanceTables(db, admin, {
        boardId,
        periodId,
        tables: [
          { table: 'investments', data: corrected().investments, baseSeq: 1 },
          { table: 'operations', data: corrected().operations, baseSeq: 1 }, // stale: 2 is newest
        ],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await financeRows(db)).toBe(before);
    // Invalid data (a fraction of a tkr) is refused before anything is written.
    const bad = structuredClone(askersundFinance.result!);
    bad.rows.income.outcome = 1.5;
    await expect(saveFinanceTables(db, admin, { boardId, periodId, tables: [{ table: 'result', data: bad, baseSeq: 1 }] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await financeRows(db)).toBe(before);
  });

  it('an explanation is kept with who and when, accepts its difference, and a stale base is a conflict', async () => {
    const key = 'investments:totals:Åsbro förskola:outcome';
    await explainFinanceWarning(db, admin, { boardId, periodId, key, text: 'Rättelse bokförd efter uttaget.', baseSeq: 0 });
    await expect(explainFinanceWarning(db, admin, { boardId, periodId, key, text: 'Annan.', baseSeq: 0 })).rejects.toBeInstanceOf(ConflictError);
    await expect(explainFinanceWarning(db, hr, { boardId, periodId, key, text: 'HR.', baseSeq: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      explainFinanceWarning(db, admin, { boardId, periodId, key: 'operations:sum:outcome:row:92', text: 'Gammal.', baseSeq: 0 }),
    ).rejects.toBeInstanceOf(ValidationError); // corrected above: there is no such difference any more
    const f = await loadBoardFinance(db, viewer, boardId, periodId);
    const w = f.warnings.find((x) => x.key === key)!;
    expect(w.explanation).toMatchObject({ text: 'Rättelse bokförd efter uttaget.', authorName: admin.name });
    expect(f.explanationSeqs[key]).toBe(1);
  });

  it('with every difference corrected or explained the board can be marked ready; the director sees it in the kommun-wide view', async () => {
    const f = await loadBoardFinance(db, admin, boardId, periodId);
    await saveFinanceTables(db, admin, {
      boardId,
      periodId,
      tables: [
        { table: 'operations', data: corrected().operations, baseSeq: f.versions.operations!.seq },
        { table: 'investments', data: corrected().investments, baseSeq: f.versions.investments!.seq },
      ],
      reason: 'Import från Excel',
    });
    expect((await loadBoardFinance(db, admin, boardId, periodId)).warnings).toEqual([]);
    await setReadiness(db, admin, { unitId: boardId, periodId, ready: true, baseSeq: 0, reason: 'Allt är klart.' });
    const rows = await kommunResult(db, director, periodId);
    expect(rows[0]).toMatchObject({ boardName: 'Kommunstyrelsen', forecast: -174_861, budget: -169_744, deviation: -5_117, warnings: 0 });
    expect(rows.find((r) => r.boardName === 'Socialnämnden')).toMatchObject({ deviation: null });
  });

  it('an approved period is read as approved and locked for writing; reopening unlocks it', async () => {
    const state = await getApprovalState(db, director, boardId, periodId);
    await approvePeriod(db, director, { boardId, periodId, baseSeq: state.seq });
    const f = await loadBoardFinance(db, admin, boardId, periodId);
    expect(f.locked).toBe(true);
    expect(f.canWrite).toBe(false);
    expect(f.approvedAt).not.toBeNull();
    const before = await financeRows(db);
    await expect(
      saveFinanceTables(db, admin, { boardId, periodId, tables: [{ table: 'result', data: askersundFinance.result, baseSeq: 1 }] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await financeRows(db)).toBe(before);
    const again = await getApprovalState(db, admin, boardId, periodId);
    await reopenPeriod(db, admin, { boardId, periodId, baseSeq: again.seq, reason: 'Test' });
    expect((await loadBoardFinance(db, admin, boardId, periodId)).canWrite).toBe(true);
  });

  it('an Excel import is all or nothing: one bad cell in one sheet writes no table; the good file writes both', async () => {
    const template = await financeTemplate(askersundFinance);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    wb.getWorksheet('Driftredovisning')!.getRow(2).getCell(3).value = '-1 986,5';
    const broken = new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
    const before = await financeRows(db);
    const input = (file: Blob) => ({ file, boardId, periodId });
    const refused = await runAction(applyFinanceImportAction, admin, input(broken), db);
    expect(refused).toMatchObject({ status: 'error', code: 'invalid', data: { problems: [{ sheet: 'Driftredovisning', row: 2, column: 'Utfall' }] } });
    expect(await financeRows(db)).toBe(before);
    // Nobody else may check or import; a refusal says nothing about the file.
    for (const user of [director, viewer, hr]) {
      expect(await runAction(dryRunFinanceImportAction, user, input(new Blob([new Uint8Array(template)])), db)).toMatchObject({ code: 'not_found' });
      expect(await runAction(applyFinanceImportAction, user, input(new Blob([new Uint8Array(template)])), db)).toMatchObject({ code: 'not_found' });
    }
    expect(await financeRows(db)).toBe(before);

    const good = input(new Blob([new Uint8Array(template)]));
    const check = await runAction(dryRunFinanceImportAction, admin, good, db);
    expect(check).toMatchObject({ status: 'ok', data: { problems: [] } });
    expect(await financeRows(db)).toBe(before);
    const applied = await runAction(applyFinanceImportAction, admin, input(new Blob([new Uint8Array(template)])), db);
    expect(applied).toMatchObject({ status: 'ok', data: { written: 2 } }); // the result table was unchanged
    const f = await loadBoardFinance(db, admin, boardId, periodId);
    expect(f.versions.operations!.reason).toBe('Import från Excel');
    // The seed's differences are back; the one explained for exactly these figures stays explained.
    expect(f.warnings).toHaveLength(14);
    expect(f.warnings.filter((w) => w.explanation)).toHaveLength(1);
  });
});
