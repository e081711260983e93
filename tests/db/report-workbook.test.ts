// The demo's XLSX holds every item of its report as data (the three KF assignments with their
// återrapportering, the board's assignments with their texts, the narrative texts, the legend),
// and an approved period's file is built from the approval snapshot: later edits do not reach
// it, and a snapshot frozen before the workbook held the report's parts takes them from its
// frozen report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { buildReportXlsx } from '@/lib/report-xlsx';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { reportItemsMissingFrom } from '../support/workbook-items';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function column(ws: ExcelJS.Worksheet, header: string): string[] {
  const col = (ws.getRow(1).values as unknown[]).map(String).indexOf(header);
  if (col < 1) throw new Error(`no column ${header}`);
  const out: string[] = [];
  ws.eachRow((row, n) => n > 1 && out.push(row.getCell(col).text));
  return out;
}

describe.each(engines)('the report workbook on $name', (engine) => {
  let database: Database;
  let viewer: CurrentUser;
  let director: CurrentUser;
  let ks: string;
  let periodId: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    director = await demoUser(database.db, DEMO_EMAILS.director);
    ks = (await database.db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    periodId = (await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('holds every item of the demo report, a sheet per part', { timeout: 60_000 }, async () => {
    const report = await getBoardReport(database.db, viewer, ks, periodId);
    const wb = await readBack(await buildReportXlsx(await getBoardWorkbook(database.db, viewer, ks, periodId)));
    const { missing, checked } = reportItemsMissingFrom(wb, report);
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(150);

    const kf = wb.getWorksheet('KF-uppdrag')!;
    const councilTitles = report.focusAreas.flatMap((a) => a.councilAssignments.map((c) => c.title));
    expect(councilTitles).toHaveLength(3);
    expect([...new Set(column(kf, 'Uppdrag'))]).toEqual(councilTitles);
    expect(column(kf, 'Återrapportering').every((t) => t.length > 50)).toBe(true);
    expect(column(kf, 'Återrapportering').join('\n')).toContain('7. Akutstöd – Digitala nationella prov (DNP)');

    const board = wb.getWorksheet('Nämndens uppdrag')!;
    expect(column(board, 'Uppdragstext').join('\n')).toContain('tillsammans med en politisk referensgrupp');
    expect(column(board, 'Uppföljning').join('\n')).toContain('Beslut om inriktning kommer att fattas under oktober-24.');

    expect(column(wb.getWorksheet('Texter')!, 'Del')).toContain('Övergripande perspektiv');
    expect(column(wb.getWorksheet('Förklaring')!, 'Förklaring')).toContain('Rött = målet ej uppfyllt');
  });

  it('an approved period’s file comes from the approval snapshot, old snapshots included', { timeout: 60_000 }, async () => {
    const council = (await database.db.select().from(s.assignments).where(eq(s.assignments.issuer, 'council')))[0]!;
    const { seq } = await getApprovalState(database.db, director, ks, periodId);
    await approvePeriod(database.db, director, { boardId: ks, periodId, baseSeq: seq });
    await database.db.update(s.assignments).set({ title: 'Ändrad efter attesten.' }).where(eq(s.assignments.id, council.id));

    const approved = await readBack(await buildReportXlsx(await getBoardWorkbook(database.db, viewer, ks, periodId)));
    const titles = column(approved.getWorksheet('KF-uppdrag')!, 'Uppdrag');
    expect(titles).toContain(council.title);
    expect(titles).not.toContain('Ändrad efter attesten.');

    // A snapshot from before the workbook held the report's parts: a newer approval row without them.
    const [row] = await database.db
      .select()
      .from(s.approvals)
      .where(and(eq(s.approvals.boardId, ks), eq(s.approvals.periodId, periodId)))
      .orderBy(desc(s.approvals.seq))
      .limit(1);
    const snapshot = structuredClone(row!.snapshot) as { workbook: Record<string, unknown> };
    delete snapshot.workbook.parts;
    await database.db.insert(s.approvals).values({ ...row!, id: undefined, seq: row!.seq + 1, snapshot } as typeof s.approvals.$inferInsert);
    const legacy = await getBoardWorkbook(database.db, viewer, ks, periodId);
    expect(legacy.parts.councilAssignments.map((a) => a.assignment)).toContain(council.title);
    expect(legacy.parts.councilAssignments.map((a) => a.assignment)).not.toContain('Ändrad efter attesten.');
  });
});
