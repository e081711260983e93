// The database on each engine: migrations, the Askersund demo (loaded once, verbatim),
// the overview's figures, append-only history, sequence conflicts and organization
// boundaries enforced by the database itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getCurrentPeriod, getOverview, type OverviewDTO } from '@/db/queries/overview';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

/** The driver's own error under drizzle's wrapper: { code, message }. */
async function pgError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return { code: (cause as { code?: string }).code, message: String((cause as Error).message) };
  }
  throw new Error('expected the statement to fail');
}

describe.each(engines)('database on $name', (engine) => {
  let database: Database;
  let orgId: string;
  let overview: OverviewDTO;

  beforeAll(async () => {
    database = await engine.open();
    let loaded = false;
    await database.prepare(async (db) => {
      loaded = await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
    });
    expect(loaded).toBe(true);
    const viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    orgId = viewer.organizationId;
    const period = await getCurrentPeriod(database.db, viewer);
    overview = await getOverview(database.db, viewer, period!.id);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('applies migrations again without change and never loads the demo twice', async () => {
    let loadedAgain = true;
    await database.prepare(async (db) => {
      loadedAgain = await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
    });
    expect(loadedAgain).toBe(false);
    const [{ n }] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(s.organizations)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('holds the seed structure: units, users, periods, goals, indicators, assignments, texts', async () => {
    const count = async (table: PgTable) => {
      const [row] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(table)) as [{ n: number }];
      return row.n;
    };
    expect(await count(s.units)).toBe(9);
    expect(await count(s.users)).toBe(6);
    expect(await count(s.periods)).toBe(3);
    expect(await count(s.boardGoals)).toBe(4);
    expect(await count(s.indicators)).toBe(6);
    expect(await count(s.indicatorValues)).toBe(6);
    expect(await count(s.assignments)).toBe(7);
    expect(await count(s.assignmentReports)).toBe(7);
    expect(await count(s.textBlocks)).toBe(4);

    const periods = await database.db
      .select({ kind: s.periods.kind, state: s.periods.state })
      .from(s.periods)
      .orderBy(s.periods.endDate);
    expect(periods).toEqual([
      { kind: 'T1', state: 'closed' },
      { kind: 'delar', state: 'open' },
      { kind: 'helar', state: 'draft' },
    ]);
  });

  it('shows the open period delår 2024 with the seed figures and colours', () => {
    expect(overview.period).toMatchObject({ year: 2024, kind: 'delar', endDate: '2024-08-31', state: 'open' });
    const [mo1, mo2, mo3, mo4] = overview.focusAreas;
    expect(overview.focusAreas.map((a) => `${a.number} ${a.name}`)).toEqual([
      '1 god ekonomisk hushållning',
      '2 De kommunala kärnverksamheterna',
      '3 Tillväxt och demografi',
      '4 Specifika utvecklingsområden',
    ]);

    const [m1, m2] = mo1!.goals;
    expect(m1!.colour).toBe('green');
    expect(m1!.indicators.map((i) => [i.targetLabel, i.outcome, i.colour, i.trend])).toEqual([
      ['Lägre än 5,00', 1.86, 'green', 'better'],
      ['Lägre än 7,00', 6.59, 'green', 'better'],
    ]);
    expect(m2!.colour).toBe('grey');
    expect(m2!.indicators[0]).toMatchObject({ targetLabel: '80 eller högre', outcome: null, colour: 'grey' });
    expect(m2!.indicators[0]!.analysis).toMatch(/^Mätningen för 2024 genomförs under hösten\./);

    expect(mo2!.goals.map((g) => [g.number, g.colour])).toEqual([[3, 'red']]);
    expect(mo2!.goals[0]!.indicators[0]).toMatchObject({ targetLabel: '>20', outcome: 15, colour: 'red' });

    expect(mo3!.goals).toEqual([]);
    expect(mo3!.councilGoals).toEqual(['Vi är en attraktiv kommun att arbeta och leva i.']);
    expect(mo3!.notes[0]!.body).toMatch(/^Det finns inget mål angivet för kommunstyrelsen avseende detta\./);

    expect(mo4!.goals.map((g) => [g.number, g.colour, g.subAreaName])).toEqual([[4, 'red', 'Integration']]);
    expect(mo4!.goals[0]!.indicators.map((i) => [i.targetLabel, i.outcome, i.colour])).toEqual([
      ['100', 58, 'red'],
      ['25', 33, 'red'],
    ]);

    // Kommunstyrelsen's own assignments to its administration (no målområde) have their section,
    // its counts open the monitor filtered to them; nobody gave a forecast in the demo.
    expect(overview.boardAssignments.map((b) => [b.title, b.assignments.map((a) => a.title).sort()])).toEqual([
      [
        'Kommunstyrelsens uppdrag till förvaltningen',
        [
          'Arbeta fram en samlad strategi för hur vi som kommunorganisation kan stärka byar och orter på landsbygden utifrån de förutsättningar som finns i respektive by eller ort.',
          'Färdigställa styrmodellen för Askersunds kommun.',
          'Handlingsplaner för att minska kommunens befarade underskott 2024.',
          'Intensifiera arbetet med att sälja namnrättigheterna m.m. till den nya idrottshallen',
        ].sort(),
      ],
    ]);
    const ks = overview.boards.find((b) => b.name === 'Kommunstyrelsen')!;
    expect(overview.boardAssignments[0]!.links.all).toBe(`/uppdrag?issuer=board&namnd=${ks.id}&period=${overview.period.id}`);
    expect(overview.boardAssignments[0]!.rollup.assignments.not_started).toBe(1);
    expect(mo2!.assignmentLinks.all).toBe(`/uppdrag?malomrade=${mo2!.id}&period=${overview.period.id}`);
    expect(overview.focusAreas.map((a) => a.noForecast)).toEqual([true, true, true, true]);
  });

  it('keeps the texts verbatim with their Markdown structure', async () => {
    const reports = await database.db
      .select({ heading: s.assignmentReports.heading, body: s.assignmentReports.body, status: s.assignmentReports.status })
      .from(s.assignmentReports);
    const digital = reports.find((r) => r.heading === 'Uppföljning om vad som gjorts för att främja digitala lösningar.');
    expect(digital?.body).toContain(
      '1. Nationell identitets- och behörighetshantering\n2. Införande av SDK (Standardiserade Digitala Kommunikationen) i socialtjänsten',
    );
    expect(digital?.body).toContain('7. Akutstöd – Digitala nationella prov (DNP)');
    expect(digital?.body).toContain('### Nästa steg');
    const styrmodell = reports.find((r) => r.body?.startsWith('Under 2024 har vi tagit viktiga steg'));
    expect(styrmodell?.body).toContain('- Styrning: Samla kommunens verksamheter kring gemensamma mål och strategier.');
    expect(styrmodell?.body).toContain('Beslut om inriktning kommer att fattas under oktober-24.');
    // The only status the seed states in its own words ("har ännu inte startat").
    expect(reports.filter((r) => r.status !== null).map((r) => r.status)).toEqual(['not_started']);
    expect(reports.some((r) => r.heading === 'Återrapporering från socialförvaltningen')).toBe(true);
  });

  const historyTables = {
    indicator_values: s.indicatorValues,
    assignment_reports: s.assignmentReports,
    text_block_versions: s.textBlockVersions,
    audit_events: s.auditEvents,
  };
  it.each(Object.keys(historyTables) as (keyof typeof historyTables)[])(
    'refuses UPDATE and DELETE on history table %s',
    async (table) => {
      const countRows = async () => {
        const [row] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(historyTables[table])) as [
          { n: number },
        ];
        return row.n;
      };
      const before = await countRows();
      expect(before).toBeGreaterThan(0);
      const update = await pgError(database.db.execute(sql.raw(`update ${table} set created_at = now()`)));
      expect(update.message).toMatch(/append-only/);
      const del = await pgError(database.db.execute(sql.raw(`delete from ${table}`)));
      expect(del.message).toMatch(/append-only/);
      const truncate = await pgError(database.db.execute(sql.raw(`truncate ${table} cascade`)));
      expect(truncate.message).toMatch(/append-only/);
      expect(await countRows()).toBe(before);
    },
  );

  it('refuses a second write on the same base version (same sequence number)', async () => {
    const [value] = await database.db
      .select()
      .from(s.indicatorValues)
      .where(eq(s.indicatorValues.organizationId, orgId))
      .limit(1);
    const { id: _id, createdAt: _c, ...rest } = value!;
    const next = { ...rest, seq: rest.seq + 1, outcome: 2.5 };
    await database.db.insert(s.indicatorValues).values(next);
    const conflict = await pgError(database.db.insert(s.indicatorValues).values({ ...next, outcome: 3 }));
    expect(conflict.code).toBe('23505');
    const rows = await database.db
      .select({ seq: s.indicatorValues.seq, outcome: s.indicatorValues.outcome })
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, rest.indicatorId), eq(s.indicatorValues.periodId, rest.periodId)))
      .orderBy(s.indicatorValues.seq);
    expect(rows).toEqual([
      { seq: 1, outcome: rest.outcome },
      { seq: 2, outcome: 2.5 },
    ]);
  });

  it("refuses a row that points into another organization's items", async () => {
    const [other] = await database.db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [otherPeriod] = await database.db
      .insert(s.periods)
      .values({ organizationId: other!.id, year: 2024, kind: 'delar', endDate: '2024-08-31', state: 'open' })
      .returning();
    const [value] = await database.db.select().from(s.indicatorValues).limit(1);
    const { id: _id, createdAt: _c, ...rest } = value!;
    const crossed = await pgError(
      database.db.insert(s.indicatorValues).values({ ...rest, periodId: otherPeriod!.id, seq: 1 }),
    );
    expect(crossed.code).toBe('23503'); // foreign_key_violation
  });
});
