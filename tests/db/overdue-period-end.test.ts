// "Försenat" is judged as of the period's end on every period view (issue 13 item 1): an
// assignment due 2024-10-31 is not late in Delår 2024 (ends 2024-08-31), read on any later day,
// on the overview, the assignment monitor and its page, Avvikelser, Min rapportering and the
// report; one due 2024-06-30 is (the control that each surface does judge). The monitor of the
// open period adds the separate "Försenat i dag" for the first one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getAssignmentMonitor, getAssignmentPage } from '@/db/assignment-monitor';
import { getOverview } from '@/db/queries/overview';
import { getDeviations } from '@/db/deviations';
import { getMyReporting } from '@/db/my-reporting';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import type { CurrentUser } from '@/lib/current-user';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

const READ_ON = '2026-11-30'; // long after both due dates and the period's end

describe.each(engines)('"Försenat" as of the period\'s end on $name', (engine) => {
  let database: Database;
  let db: Db;
  let director: CurrentUser;
  let admin: CurrentUser;
  let delar = '';
  let ks = '';
  let klf = '';
  const id: Record<string, string> = {};

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    director = await demoUser(db, DEMO_EMAILS.director);
    admin = await demoUser(db, DEMO_EMAILS.admin);
    const [p] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    delar = p!.id;
    for (const u of await db.select({ id: s.units.id, code: s.units.code }).from(s.units)) {
      if (u.code === 'KS') ks = u.id;
      if (u.code === 'KS-KLF') klf = u.id;
    }
    for (const a of await db.select({ id: s.assignments.id, code: s.assignments.code }).from(s.assignments)) id[a.code] = a.id;
    // Late after the period's end only: KF-U-DIGITAL-INFRASTRUKTUR (målområde 3) and KS-U-LANDSBYGD.
    await db.update(s.assignments).set({ dueDate: '2024-10-31' }).where(eq(s.assignments.id, id['KF-U-DIGITAL-INFRASTRUKTUR']!));
    await db.update(s.assignments).set({ dueDate: '2024-10-31' }).where(eq(s.assignments.id, id['KS-U-LANDSBYGD']!));
    // Late at the period's end: the control.
    await db.update(s.assignments).set({ dueDate: '2024-06-30' }).where(eq(s.assignments.id, id['KF-U-DIGITALISERING']!));
  });

  afterAll(async () => {
    await database?.close();
  });

  it('has the units the fixture needs', () => {
    expect(ks).not.toBe('');
    expect(klf).not.toBe('');
  });

  it('overview (on the real date, long after 2024-10-31): only the one due 2024-06-30 is Försenat', async () => {
    const overview = await getOverview(db, director, delar, ks);
    const all = overview.focusAreas.flatMap((f) => f.assignments);
    expect(all.find((a) => a.id === id['KF-U-DIGITAL-INFRASTRUKTUR'])).toMatchObject({ overdue: false });
    expect(all.find((a) => a.id === id['KF-U-DIGITALISERING'])).toMatchObject({ overdue: true });
    const mo3 = overview.focusAreas.find((f) => f.assignments.some((a) => a.id === id['KF-U-DIGITAL-INFRASTRUKTUR']))!;
    expect(mo3.rollup.overdue).toBe(0);
  });

  it('assignment monitor and an assignment\'s page: not Försenat, but "Försenat i dag" in the open period', async () => {
    const monitor = await getAssignmentMonitor(db, director, delar, { today: READ_ON });
    const late = monitor.rows.find((r) => r.id === id['KF-U-DIGITAL-INFRASTRUKTUR'])!;
    expect(late).toMatchObject({ overdue: false, overdueToday: true });
    expect(monitor.rows.find((r) => r.id === id['KF-U-DIGITALISERING'])).toMatchObject({ overdue: true, overdueToday: false });
    // Before the due date nothing is late, today or at the period's end.
    const early = await getAssignmentMonitor(db, director, delar, { today: '2024-10-01' });
    expect(early.rows.find((r) => r.id === id['KF-U-DIGITAL-INFRASTRUKTUR'])).toMatchObject({ overdue: false, overdueToday: false });
    // The real date: the same answer as READ_ON.
    const now = await getAssignmentMonitor(db, director, delar);
    expect(now.rows.find((r) => r.id === id['KF-U-DIGITAL-INFRASTRUKTUR'])).toMatchObject({ overdue: false, overdueToday: true });

    const page = await getAssignmentPage(db, director, id['KF-U-DIGITAL-INFRASTRUKTUR']!, delar, { today: READ_ON });
    expect(page.assignment).toMatchObject({ overdue: false, overdueToday: true });
    expect(page.units[0]).toMatchObject({ overdue: false, overdueToday: true });
  });

  it('"Försenat i dag" is only for an open period', async () => {
    await db.update(s.periods).set({ state: 'closed' }).where(eq(s.periods.id, delar));
    try {
      const monitor = await getAssignmentMonitor(db, director, delar, { today: READ_ON });
      expect(monitor.rows.find((r) => r.id === id['KF-U-DIGITAL-INFRASTRUKTUR'])).toMatchObject({ overdue: false, overdueToday: false });
    } finally {
      await db.update(s.periods).set({ state: 'open' }).where(eq(s.periods.id, delar));
    }
  });

  it('Avvikelser: not listed as Försenat', async () => {
    for (const today of [READ_ON, undefined]) {
      const result = await getDeviations(db, director, delar, null, today);
      const group = result.groups.find((g) => g.kind === 'assignment_overdue_or_unreported')!;
      expect(group.entries.some((e) => e.itemId === id['KS-U-LANDSBYGD'])).toBe(false);
      expect(group.entries.some((e) => e.itemId === id['KF-U-DIGITAL-INFRASTRUKTUR'] && e.overdue)).toBe(false);
      expect(group.entries.find((e) => e.itemId === id['KF-U-DIGITALISERING'])).toMatchObject({ overdue: true });
    }
  });

  it('Min rapportering: not Försenat', async () => {
    const mine = await getMyReporting(db, admin, delar, [klf, ks]);
    const item = (assignment: string) => mine.items.find((i) => i.kind === 'assignment' && i.id === id[assignment])!;
    expect(item('KS-U-LANDSBYGD')).toMatchObject({ overdue: false });
    expect(item('KF-U-DIGITAL-INFRASTRUKTUR')).toMatchObject({ overdue: false });
    expect(item('KF-U-DIGITALISERING')).toMatchObject({ overdue: true });
  });

  it('the report and its workbook: never "Försenat" for an assignment due after the period\'s end', async () => {
    // The report states each assignment's reported status only; it must not judge lateness on today.
    const report = JSON.stringify(await getBoardReport(db, director, ks, delar));
    const workbook = JSON.stringify(await getBoardWorkbook(db, director, ks, delar));
    expect(report).toContain('digital infrastruktur');
    for (const text of [report, workbook]) expect(text).not.toMatch(/Försenat/);
  });
});
