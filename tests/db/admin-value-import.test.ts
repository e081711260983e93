// Excel import of values on each engine (demo loaded): the template, the dry run (changes,
// unchanged rows, problems), the apply (one transaction, authored by the admin, audited,
// all or nothing), re-importing changes nothing, and a 10 000-row dry run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { applyValueImport, dryRunValueImport, getValueTemplateRows, IMPORT_REASON } from '@/db/admin/value-import';
import { ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { buildValuesTemplate, parseValuesWorkbook, type ImportRow } from '@/lib/value-import';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

const row = (n: number, code: string, period: string, outcome: string, analysis = '', referenceNote = ''): ImportRow => ({
  sheet: 'Värden',
  row: n,
  code,
  period,
  outcome,
  referenceNote,
  analysis,
});

async function valueCount(db: Db) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(s.indicatorValues);
  return r!.n;
}

// Every test writes or reads a workbook and checks it against the database: 2 s and more
// under load.
describe.each(engines)('value import on $name', { timeout: 120_000 }, (engine) => {
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

  /** The template as the admin downloads it, with M1-I1's outcome in Delår 2024 changed, parsed back. */
  async function templateFileWith(outcome: string) {
    const template = await buildValuesTemplate(await getValueTemplateRows(db, admin));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Värden')!;
    ws.eachRow((r) => {
      if (r.getCell(1).text === 'KS-2024-M1-I1' && r.getCell(2).text === 'Delår 2024') r.getCell(3).value = outcome;
    });
    const parsed = await parseValuesWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(parsed.problems).toEqual([]);
    return parsed.rows;
  }

  it('the template has one row per reportable indicator of the open period, with its newest values', async () => {
    const rows = await getValueTemplateRows(db, admin);
    expect(rows.map((r) => r.period)).toEqual(Array(6).fill('Delår 2024'));
    expect(rows.find((r) => r.code === 'KS-2024-M1-I1')).toMatchObject({ outcome: 1.86, decimals: 2 });
    await expect(getValueTemplateRows(db, hr)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getValueTemplateRows(db, null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('the untouched template changes nothing', async () => {
    const rows = (await parseValuesWorkbook(new Uint8Array(await buildValuesTemplate(await getValueTemplateRows(db, admin))))).rows;
    const result = await dryRunValueImport(db, admin, rows);
    expect(result).toMatchObject({ problems: [], changes: [], unchanged: 6 });
  });

  it('dry run: one change and five unchanged; apply writes one version by the admin; re-applying writes nothing', async () => {
    const rows = await templateFileWith('1,95');
    const before = await valueCount(db);
    const dry = await dryRunValueImport(db, admin, rows);
    expect(dry.problems).toEqual([]);
    expect(dry.unchanged).toBe(5);
    expect(dry.changes).toEqual([
      expect.objectContaining({
        code: 'KS-2024-M1-I1',
        period: 'Delår 2024',
        before: expect.objectContaining({ outcome: 1.86 }),
        after: expect.objectContaining({ outcome: 1.95 }),
        colour: 'green',
      }),
    ]);
    expect(await valueCount(db)).toBe(before); // a dry run writes nothing

    await expect(applyValueImport(db, hr, rows)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyValueImport(db, director, rows)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await applyValueImport(db, admin, rows)).toEqual({ written: 1, unchanged: 5 });
    expect(await valueCount(db)).toBe(before + 1);

    const [indicator] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1'));
    const [newest] = await db
      .select()
      .from(s.indicatorValues)
      .where(eq(s.indicatorValues.indicatorId, indicator!.id))
      .orderBy(desc(s.indicatorValues.seq))
      .limit(1);
    expect(newest).toMatchObject({
      seq: 2,
      outcome: 1.95,
      authorId: admin.id,
      reason: IMPORT_REASON,
      computedColour: 'green',
      chosenTrend: null, // the reporter's arrow was chosen for 1,86: a new value drops it, as in the form
    });
    expect(newest!.judgedAgainst).toMatchObject({ comparator: 'lt', value: 5, previous: null });
    const audits = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, 'indicator_value.import'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.id, changes: { rows: 6, written: 1, unchanged: 5 } });

    // The same file again: everything is unchanged and nothing is written.
    expect(await applyValueImport(db, admin, rows)).toEqual({ written: 0, unchanged: 6 });
    expect(await valueCount(db)).toBe(before + 1);
  });

  it('a row for the closed T1 2024 is a problem and nothing from the file is written', async () => {
    const rows = [row(2, 'KS-2024-M1-I1', 'Delår 2024', '2,5'), row(3, 'KS-2024-M1-I1', 'Tertial 1 2024', '1,0')];
    const dry = await dryRunValueImport(db, admin, rows);
    expect(dry.problems).toEqual([{ sheet: 'Värden', row: 3, column: 'Period', message: expect.stringMatching(/Tertial 1 2024 är stängd/) }]);
    const before = await valueCount(db);
    await expect(applyValueImport(db, admin, rows)).rejects.toBeInstanceOf(ValidationError);
    expect(await valueCount(db)).toBe(before);
  });

  it('reports unknown codes and periods, bad numbers, duplicates and a missing analysis', async () => {
    const dry = await dryRunValueImport(db, admin, [
      row(2, 'FINNS-INTE', 'Delår 2024', '1'),
      row(3, 'KS-2024-M1-I1', 'Delår 2099', '1'),
      row(4, 'KS-2024-M1-I2', 'Delår 2024', 'sex'),
      row(5, 'KS-2024-M3-I1', 'Delår 2024', '12', ''), // > 20 is the target: red, so analysis is required
      row(6, 'KS-2024-M1-I1', 'Helår 2024', '1'), // helår is a draft
      row(7, 'KS-2024-M1-I1', 'delår 2024', '1,5'),
      row(8, 'KS-2024-M1-I1', 'Delår 2024', '1,6'),
    ]);
    expect(dry.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'Kod', 'Okänd kod: FINNS-INTE.'],
      [3, 'Period', expect.stringContaining('Okänd period')],
      [4, 'Utfall', expect.stringContaining('Ange ett tal')],
      [5, 'Analys', 'Analys krävs när måluppfyllelsen inte blir grön.'],
      [6, 'Period', expect.stringContaining('inte öppen')],
      [8, 'Kod', 'Samma mått och period finns redan på rad 7.'],
    ]);
    expect(dry.changes.map((c) => c.row)).toEqual([7]);
  });

  /**
   * Two plan years (2040, 2041) of KS with open delår periods; per chain a 2040 indicator and
   * its 2041 continuation ("lower is better", < 5). Returns the codes.
   */
  let goalNumber = 0;
  async function twoYearChains(chains: string[]) {
    const org = admin.organizationId;
    const [ks] = await db.select().from(s.units).where(eq(s.units.code, 'KS'));
    const [hrUnit] = await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR'));
    const [goal2024] = await db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'KS-2024-M1'));
    const existing = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, org), eq(s.periods.year, 2040)));
    if (!existing.length) {
      await db.insert(s.periods).values([
        { organizationId: org, year: 2040, kind: 'delar', endDate: '2040-08-31', state: 'open' },
        { organizationId: org, year: 2041, kind: 'delar', endDate: '2041-08-31', state: 'open' },
      ]);
      await db.insert(s.plans).values([2040, 2041].map((year) => ({ organizationId: org, code: `KS-${year}`, boardId: ks!.id, year })));
    }
    for (const chain of chains) {
      const ids: Record<number, string> = {};
      for (const year of [2040, 2041]) {
        const [plan] = await db.select().from(s.plans).where(eq(s.plans.code, `KS-${year}`));
        const [goal] = await db
          .insert(s.boardGoals)
          .values({ organizationId: org, code: `${chain}-${year}-M1`, planId: plan!.id, focusAreaId: goal2024!.focusAreaId, number: ++goalNumber, text: 'Mål', rule: 'all' })
          .returning();
        for (const i of [1, 2]) {
          const [ind] = await db
            .insert(s.indicators)
            .values({
              organizationId: org,
              code: `${chain}-${year}-I${i}`,
              goalId: goal!.id,
              name: `Mått ${i}`,
              decimals: 2,
              comparator: 'lt',
              targetValue: 5,
              targetLabel: 'Lägre än 5,00',
              responsibleUnitId: hrUnit!.id,
              continuesId: year === 2041 ? ids[i]! : null,
            })
            .returning();
          ids[i] = ind!.id;
        }
      }
    }
  }

  /** The newest value of each of a chain's 2041 indicators: outcome, colour and trend. */
  async function results(chain: string) {
    const found = [];
    for (const i of [1, 2]) {
      const [ind] = await db.select().from(s.indicators).where(eq(s.indicators.code, `${chain}-2041-I${i}`));
      const [v] = await db
        .select()
        .from(s.indicatorValues)
        .where(eq(s.indicatorValues.indicatorId, ind!.id))
        .orderBy(desc(s.indicatorValues.seq))
        .limit(1);
      found.push({ outcome: v!.outcome, colour: v!.computedColour, trend: v!.computedTrend, previous: (v!.judgedAgainst as { previous: number | null }).previous });
    }
    return found;
  }

  it('one file with two years judges the later year against the earlier rows, whatever the order, as two files in turn would', async () => {
    await twoYearChains(['SPLIT', 'ONE']);
    const lines = (chain: string) => [
      [`${chain}-2040-I1`, 'Delår 2040', '3'],
      [`${chain}-2040-I2`, 'Delår 2040', '3'],
      [`${chain}-2041-I1`, 'Delår 2041', '2'], // lower: better
      [`${chain}-2041-I2`, 'Delår 2041', '4'], // higher: worse
    ];
    const toRows = (list: string[][]) => list.map(([code, period, outcome], i) => row(i + 2, code!, period!, outcome!));

    // Two files in turn.
    const split = lines('SPLIT');
    expect(await applyValueImport(db, admin, toRows(split.slice(0, 2)))).toEqual({ written: 2, unchanged: 0 });
    expect(await applyValueImport(db, admin, toRows(split.slice(2)))).toEqual({ written: 2, unchanged: 0 });

    // One file, the later year's rows first and the rest shuffled.
    const one = lines('ONE');
    const shuffled = toRows([one[3]!, one[0]!, one[2]!, one[1]!]);
    const dry = await dryRunValueImport(db, admin, shuffled);
    expect(dry.problems).toEqual([]);
    expect(dry.changes.map((c) => c.row)).toEqual([2, 3, 4, 5]);
    expect(await applyValueImport(db, admin, shuffled)).toEqual({ written: 4, unchanged: 0 });

    expect(await results('SPLIT')).toEqual([
      { outcome: 2, colour: 'green', trend: 'better', previous: 3 },
      { outcome: 4, colour: 'green', trend: 'worse', previous: 3 },
    ]);
    expect(await results('ONE')).toEqual(await results('SPLIT'));

    // Re-importing the file changes nothing, in any order.
    expect(await dryRunValueImport(db, admin, shuffled)).toMatchObject({ problems: [], changes: [], unchanged: 4 });
    expect(await applyValueImport(db, admin, toRows(one))).toEqual({ written: 0, unchanged: 4 });
  });

  it('an untouched template of indicators never reported passes its own dry run and changes nothing', async () => {
    await twoYearChains(['EMPTY']);
    const rows = (await parseValuesWorkbook(new Uint8Array(await buildValuesTemplate(await getValueTemplateRows(db, admin))))).rows;
    const empty = rows.filter((r) => r.code.startsWith('EMPTY-'));
    expect(empty).toHaveLength(4);
    expect(empty.every((r) => r.outcome === '' && r.analysis === '')).toBe(true);
    const before = await valueCount(db);
    expect(await dryRunValueImport(db, admin, rows)).toMatchObject({ problems: [], changes: [] });
    expect(await applyValueImport(db, admin, rows)).toMatchObject({ written: 0 });
    expect(await valueCount(db)).toBe(before);
  });

  it('a text saved with other line breaks and trailing spaces is unchanged when the template comes back', async () => {
    await twoYearChains(['SPACES']);
    const [ind] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'SPACES-2041-I1'));
    const [period] = await db.select().from(s.periods).where(and(eq(s.periods.year, 2041), eq(s.periods.kind, 'delar')));
    // As a browser's textarea sends it: \r\n, with spaces at the ends of lines and of the text.
    await db.insert(s.indicatorValues).values({
      organizationId: admin.organizationId,
      indicatorId: ind!.id,
      periodId: period!.id,
      seq: 1,
      outcome: 7,
      analysis: 'Första stycket.  \r\n\r\n\r\n- en punkt \r\n- en till\r\n ',
      referenceNote: ' avser 2041 ',
      computedColour: 'red',
      judgedAgainst: { comparator: 'lt', value: 5, previous: null },
      authorId: admin.id,
    });
    const rows = (await parseValuesWorkbook(new Uint8Array(await buildValuesTemplate(await getValueTemplateRows(db, admin))))).rows;
    expect(rows.find((r) => r.code === 'SPACES-2041-I1')).toMatchObject({ outcome: '7', analysis: expect.stringContaining('punkt') });
    const before = await valueCount(db);
    expect(await dryRunValueImport(db, admin, rows)).toMatchObject({ problems: [], changes: [] });
    expect(await applyValueImport(db, admin, rows)).toMatchObject({ written: 0 });
    expect(await valueCount(db)).toBe(before);

    // A real change stores the text with its whitespace normalised.
    const changed = rows.map((r) => (r.code === 'SPACES-2041-I1' ? { ...r, outcome: '8', analysis: `${r.analysis}  \r\n` } : r));
    expect(await applyValueImport(db, admin, changed)).toMatchObject({ written: 1 });
    const [newest] = await db
      .select()
      .from(s.indicatorValues)
      .where(eq(s.indicatorValues.indicatorId, ind!.id))
      .orderBy(desc(s.indicatorValues.seq))
      .limit(1);
    expect(newest).toMatchObject({ outcome: 8, analysis: 'Första stycket.\n\n- en punkt\n- en till', referenceNote: 'avser 2041' });
  });

  // Inserts 5 000 indicators, writes and parses a 10 000-row workbook and checks every row.
  it('a dry run of 10 000 rows completes', { timeout: 180_000 }, async () => {
    // A plan year of its own: two open periods and 5 000 indicators (10 000 rows).
    const org = admin.organizationId;
    const [ks] = await db.select().from(s.units).where(eq(s.units.code, 'KS'));
    const [hrUnit] = await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR'));
    const [goal2024] = await db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'KS-2024-M1'));
    await db.insert(s.periods).values([
      { organizationId: org, year: 2030, kind: 'T1', endDate: '2030-04-30', state: 'open' },
      { organizationId: org, year: 2030, kind: 'delar', endDate: '2030-08-31', state: 'open' },
    ]);
    const [plan] = await db.insert(s.plans).values({ organizationId: org, code: 'KS-2030', boardId: ks!.id, year: 2030 }).returning();
    const [goal] = await db
      .insert(s.boardGoals)
      .values({ organizationId: org, code: 'KS-2030-M1', planId: plan!.id, focusAreaId: goal2024!.focusAreaId, number: 1, text: 'Mål', rule: 'all' })
      .returning();
    const codes = Array.from({ length: 5000 }, (_, i) => `BULK-${i}`);
    for (let i = 0; i < codes.length; i += 1000) {
      await db.insert(s.indicators).values(
        codes.slice(i, i + 1000).map((code) => ({
          organizationId: org,
          code,
          goalId: goal!.id,
          name: code,
          comparator: 'gt' as const,
          targetValue: 10,
          targetLabel: 'Högre än 10',
          responsibleUnitId: hrUnit!.id,
        })),
      );
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Värden');
    ws.addRow(['Kod', 'Period', 'Utfall', 'Avser', 'Analys']);
    for (const code of codes) {
      ws.addRow([code, 'Tertial 1 2030', 12.5, null, null]);
      ws.addRow([code, 'Delår 2030', '8', null, 'Under målet.']);
    }
    const file = new Uint8Array(await wb.xlsx.writeBuffer());
    const parseStarted = performance.now();
    const { rows, problems } = await parseValuesWorkbook(file);
    console.log(`[${engine.name}] parse of a ${rows.length}-row file (${Math.round(file.length / 1024)} kB): ${Math.round(performance.now() - parseStarted)} ms`);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(10_000);
    const valuesBefore = await valueCount(db);
    const started = performance.now();
    const dry = await dryRunValueImport(db, admin, rows);
    const ms = performance.now() - started;
    console.log(`[${engine.name}] dry run of ${rows.length} rows: ${Math.round(ms)} ms`);
    expect(dry.problems).toEqual([]);
    expect(dry.changes).toHaveLength(10_000);
    expect(dry.changes.filter((c) => c.colour === 'green')).toHaveLength(5000);
    expect(dry.changes.filter((c) => c.colour === 'red')).toHaveLength(5000);
    expect(await valueCount(db)).toBe(valuesBefore); // a dry run writes nothing
  });
});
