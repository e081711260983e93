// The full export of an organization and its import into an empty installation, on each
// engine: the demo with an approved Delår 2024 is exported, imported into a fresh empty
// database, and then shows the same overview, gives the same DOCX bytes for the approved
// period and holds the same rows in every exported table. An import is refused, with
// nothing written, into a non-empty installation, for another format version, for a
// changed file, and when a row breaks a constraint. And the export covers the schema: a
// table is exported or excluded with a reason, a secret-looking column is classified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { getOverview } from '@/db/queries/overview';
import { getBoardReport } from '@/db/report';
import { exportOrganization, type OrganizationExport } from '@/db/org-export';
import { ExportFormatError, importOrganization, ImportRefusedError } from '@/db/org-import';
import {
  EXCLUDED_TABLES,
  exportPlan,
  NOT_SECRET_COLUMNS,
  REDACTED_COLUMNS,
  schemaTables,
  SECRET_LIKE_NAME,
} from '@/db/org-export-tables';
import { buildReportDocx } from '@/lib/report-docx';
import { verifyPassword } from '@/server/password';
import { ForbiddenError } from '@/lib/errors';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe('what the export holds, decided for every table of the schema', () => {
  const plan = exportPlan();
  const names = schemaTables().map((t) => getTableConfig(t).name);

  it('exports every table or excludes it with a reason', () => {
    expect(plan.undecided, 'tables neither exported nor in EXCLUDED_TABLES (db/org-export-tables.ts)').toEqual([]);
    const exported = plan.tables.map((t) => t.name);
    for (const name of names) expect(exported.includes(name) !== Boolean(EXCLUDED_TABLES[name]), name).toBe(true);
    for (const [name, reason] of Object.entries(EXCLUDED_TABLES)) {
      expect(names, `excluded table ${name} is not in the schema`).toContain(name);
      expect(reason.length).toBeGreaterThan(20);
    }
    expect(exported).toEqual(expect.arrayContaining(['organizations', 'indicator_values', 'approvals', 'audit_events', 'users']));
    expect(exported).not.toContain('sessions');
  });

  it('classifies every column whose name looks like a secret, and redacts the password hashes', () => {
    const unclassified = plan.tables.flatMap((t) =>
      t.columns
        .filter((c) => SECRET_LIKE_NAME.test(c.name))
        .map((c) => `${t.name}.${c.name}`)
        .filter((key) => !REDACTED_COLUMNS[key] && !NOT_SECRET_COLUMNS[key]),
    );
    expect(unclassified, 'add them to REDACTED_COLUMNS or NOT_SECRET_COLUMNS in db/org-export-tables.ts').toEqual([]);
    for (const key of Object.keys(REDACTED_COLUMNS)) {
      const [table, column] = key.split('.');
      expect(plan.tables.find((t) => t.name === table)?.redacted.map((r) => r.column), key).toContain(column);
      // Exported as null, so the import could not restore a NOT NULL column: exclude its table instead.
      expect(plan.tables.find((t) => t.name === table)!.columns.find((c) => c.name === column)!.notNull, `${key} is NOT NULL`).toBe(false);
    }
  });

  it('exports no table that references an excluded one (its rows could not be restored)', () => {
    const excluded = new Set(Object.keys(EXCLUDED_TABLES));
    const broken = plan.tables.flatMap((t) => t.references.filter((r) => excluded.has(r)).map((r) => `${t.name} → ${r}`));
    expect(broken).toEqual([]);
  });

  it('restores a table only after the tables it references', () => {
    const position = new Map(plan.tables.map((t, i) => [t.name, i]));
    for (const table of plan.tables) {
      for (const ref of table.references) {
        if (ref !== table.name && position.has(ref)) expect(position.get(ref)!, `${table.name} → ${ref}`).toBeLessThan(position.get(table.name)!);
      }
    }
  });
});

/** A copy of an export with one file replaced (and, with `fixSum`, the manifest's checksum updated). */
async function changed(zipBytes: Buffer, edit: (files: { manifest: Record<string, unknown>; zip: JSZip }) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(zipBytes);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
  await edit({ manifest, zip });
  zip.file('manifest.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function dataOf(zipBytes: Buffer): Promise<Map<string, Record<string, unknown>[]>> {
  const zip = await JSZip.loadAsync(zipBytes);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { tables: { name: string; json: string }[] };
  const out = new Map<string, Record<string, unknown>[]>();
  for (const t of manifest.tables) out.set(t.name, JSON.parse(await zip.file(t.json)!.async('string')));
  return out;
}

async function organizationCount(database: Database): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(s.organizations);
  return row!.n;
}

describe.each(engines)('export and import of the demo on $name', (engine) => {
  let source: Database;
  let target: Database;
  let exported: OrganizationExport;
  let periodId: string;
  let ks: string;

  // Two databases (one with the demo, whose passwords are hashed), an approval, an export
  // with a DOCX, an import and a second export: about 40 s on PGlite on the shared machine.
  beforeAll(async () => {
    source = await engine.open();
    await source.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    periodId = (await source.db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    ks = (await source.db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    const director = await demoUser(source.db, DEMO_EMAILS.director);
    const { seq } = await getApprovalState(source.db, director, ks, periodId);
    await approvePeriod(source.db, director, { boardId: ks, periodId, baseSeq: seq });
    const steps: string[] = [];
    exported = await exportOrganization(source.db, await demoUser(source.db, DEMO_EMAILS.admin), (p) => steps.push(p.step));
    expect(steps).toEqual(expect.arrayContaining(['Läser indicator_values', 'Packar ZIP-filen', 'Klar']));
    target = await engine.open();
    await target.prepare();
  }, 240_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('is for the admin alone', async () => {
    for (const email of [DEMO_EMAILS.director, DEMO_EMAILS.viewer, DEMO_EMAILS.hr]) {
      await expect(exportOrganization(source.db, await demoUser(source.db, email))).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(exportOrganization(source.db, null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('holds a manifest, the schema, JSON and CSV of every table, no secrets and the approved report as DOCX', async () => {
    const zip = await JSZip.loadAsync(exported.zip);
    const { manifest } = exported;
    expect(manifest).toMatchObject({ format: 'malbild-organisationsexport', formatVersion: 1, organization: { code: askersund.organization.code } });
    expect(exported.filename).toMatch(/^malbild-export-[\w-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    for (const table of manifest.tables) {
      expect(zip.file(table.json), table.json).not.toBeNull();
      const csv = await zip.file(table.csv)!.async('string');
      expect(csv.split('\r\n').length - 2, table.csv).toBeGreaterThanOrEqual(table.rows); // header + rows (texts may hold line breaks)
    }
    const users = (await dataOf(exported.zip)).get('users')!;
    expect(users.length).toBe(6);
    expect(users.every((u) => u.password_hash === null)).toBe(true);
    expect(manifest.excludedTables.map((t) => t.name).sort()).toEqual(['api_idempotency_keys', 'api_rate_windows', 'api_tokens', 'login_attempts', 'sessions']);
    const schema = JSON.parse(await zip.file('schema.json')!.async('string'));
    expect(Object.keys(schema.$defs.rows)).toEqual(expect.arrayContaining(manifest.tables.map((t) => t.name)));
    expect(manifest.reports).toHaveLength(1);
    expect(manifest.reports[0]).toMatchObject({ board: 'Kommunstyrelsen', period: expect.stringContaining('2024') });
    const docx = await zip.file(manifest.reports[0]!.file)!.async('nodebuffer');
    const viewer = await demoUser(source.db, DEMO_EMAILS.viewer);
    expect(docx.equals(await buildReportDocx(await getBoardReport(source.db, viewer, ks, periodId)))).toBe(true);
  });

  it('refuses another format version, a changed file or a broken row, and writes nothing', async () => {
    const v2 = await changed(exported.zip, async ({ manifest }) => {
      manifest.formatVersion = 2;
    });
    await expect(importOrganization(target.db, v2)).rejects.toThrow(/formatversion 2.*formatversion 1/);
    await expect(importOrganization(target.db, Buffer.from('inte en zip'))).rejects.toBeInstanceOf(ExportFormatError);
    const tampered = await changed(exported.zip, async ({ zip }) => {
      const text = await zip.file('data/indicator_values.json')!.async('string');
      zip.file('data/indicator_values.json', text.replace('1.86', '1.87'));
    });
    await expect(importOrganization(target.db, tampered)).rejects.toThrow(/kontrollsumma/);
    // A value whose indicator does not exist, with a checksum that fits: the database refuses
    // it at the ninth table, after the earlier ones were inserted, and the transaction undoes all.
    const broken = await changed(exported.zip, async ({ manifest, zip }) => {
      const rows = JSON.parse(await zip.file('data/indicator_values.json')!.async('string')) as Record<string, unknown>[];
      rows[0]!.indicator_id = '00000000-0000-4000-8000-000000000000';
      const text = JSON.stringify(rows);
      zip.file('data/indicator_values.json', text);
      const { createHash } = await import('node:crypto');
      const entry = (manifest.tables as { name: string; sha256: string }[]).find((t) => t.name === 'indicator_values')!;
      entry.sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    });
    await expect(importOrganization(target.db, broken)).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await organizationCount(target)).toBe(0);
    const [audit] = await target.db.select({ n: sql<number>`count(*)::int` }).from(s.auditEvents);
    expect(audit!.n).toBe(0);
  });

  it('imports into the empty database and shows the same overview, report bytes and rows', { timeout: 120_000 }, async () => {
    const summary = await importOrganization(target.db, exported.zip, { newAdminPasswords: true, source: 'test.zip' });
    expect(summary.organization.code).toBe(askersund.organization.code);
    expect(summary.adminPasswords.map((a) => a.email)).toEqual([DEMO_EMAILS.admin]);

    const [sourceViewer, targetViewer] = await Promise.all([demoUser(source.db, DEMO_EMAILS.viewer), demoUser(target.db, DEMO_EMAILS.viewer)]);
    expect(targetViewer).toEqual(sourceViewer);
    expect(await getOverview(target.db, targetViewer, periodId)).toEqual(await getOverview(source.db, sourceViewer, periodId));
    expect(await getOverview(target.db, targetViewer, periodId, ks)).toEqual(await getOverview(source.db, sourceViewer, periodId, ks));
    const before = await buildReportDocx(await getBoardReport(source.db, sourceViewer, ks, periodId));
    const after = await buildReportDocx(await getBoardReport(target.db, targetViewer, ks, periodId));
    expect(after.equals(before)).toBe(true);

    // Every exported row is there again, exactly; the audit log has the import's event after them.
    const again = await exportOrganization(target.db, await demoUser(target.db, DEMO_EMAILS.admin));
    const [first, second] = [await dataOf(exported.zip), await dataOf(again.zip)];
    for (const [name, rows] of first) {
      if (name === 'audit_events') continue;
      expect(second.get(name), name).toEqual(rows);
    }
    const audit = second.get('audit_events')!;
    expect(audit.slice(0, -1)).toEqual(first.get('audit_events'));
    expect(audit.at(-1)).toMatchObject({ action: 'organization.import', actor_id: null });
    expect((audit.at(-1)!.id as number) > (first.get('audit_events')!.at(-1)!.id as number)).toBe(true);

    // The admin signs in with the new one-time password; the others have none until given one.
    const [admin] = await target.db.select().from(s.users).where(eq(s.users.email, DEMO_EMAILS.admin));
    expect(await verifyPassword(admin!.passwordHash, summary.adminPasswords[0]!.password)).toBe(true);
    const [hr] = await target.db.select().from(s.users).where(eq(s.users.email, DEMO_EMAILS.hr));
    expect(hr!.passwordHash).toBeNull();
  });

  it('refuses an installation that is not empty', async () => {
    await expect(importOrganization(target.db, exported.zip)).rejects.toThrow(/inte tom.*Askersund/);
    expect(await organizationCount(target)).toBe(1);
  });
});
