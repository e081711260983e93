// The full export of an organization: every row of every exported table (db/org-export-
// tables.ts decides which, from the schema) as JSON and as CSV, the JSON Schema of the
// format, a manifest with row counts and checksums, and the approved reports as DOCX
// built from their snapshots (the same bytes as /rapport/docx gives). One read-only
// transaction at REPEATABLE READ, so the files agree with each other even while people
// keep working; the export itself is written to the audit log.
import 'server-only';
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { recordAudit } from './audit';
import { exportPlan, type ExportPlan } from './org-export-tables';
import { getBoardReport } from './report';
import type { CurrentUser } from '@/lib/current-user';
import { authorize } from '@/lib/policy';
import { csvTable } from '@/lib/csv';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, exportJsonSchema, type Manifest } from '@/lib/org-export-format';
import { buildReportDocx } from '@/lib/report-docx';
import { reportFilename } from '@/lib/report-filename';
import { stockholmDate } from '@/lib/time-format';
import { zipArchive } from '@/server/zip-archive';

export interface ExportProgress {
  done: number;
  total: number;
  /** What is being done now, in Swedish. */
  step: string;
}

export interface OrganizationExport {
  zip: Buffer;
  filename: string;
  manifest: Manifest;
}

/** postgres.js returns the rows as an array, PGlite as { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** One row per line, each as JSON text made by the database, in the table's column order. */
function tableQuery(table: ExportPlan['tables'][number], organizationId: string): SQL {
  const redacted = new Set(table.redacted.map((r) => r.column));
  const columns = sql.join(
    table.columns.map((c) =>
      redacted.has(c.name) ? sql`null as ${sql.identifier(c.name)}` : sql`t.${sql.identifier(c.name)}`,
    ),
    sql`, `,
  );
  const order = sql.join(
    table.primaryKey.map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  );
  return sql`select row_to_json(x)::text as j from (select ${columns} from ${sql.identifier(table.name)} t
    where t.${sql.identifier(table.scope)} = ${organizationId} order by ${order}) x`;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The newest approval row per (board, period) whose action is 'approved'. */
function approvedBoardPeriods(approvals: Record<string, unknown>[]): { boardId: string; periodId: string; approvedAt: string }[] {
  const newest = new Map<string, Record<string, unknown>>();
  for (const row of approvals) {
    const key = `${row.board_id}/${row.period_id}`;
    const seen = newest.get(key);
    if (!seen || (row.seq as number) > (seen.seq as number)) newest.set(key, row);
  }
  return [...newest.values()]
    .filter((row) => row.action === 'approved')
    .map((row) => ({ boardId: row.board_id as string, periodId: row.period_id as string, approvedAt: row.created_at as string }));
}

const README = (manifest: Manifest) => `Export av ${manifest.organization.name} ur Målbild
Skapad ${manifest.exportedAt} av ${manifest.exportedBy.name}.

manifest.json   vad exporten innehåller: tabeller, antal rader, kontrollsummor (SHA-256),
                tabeller som inte följer med och kolumner som tömts, med skälen.
schema.json     JSON Schema (2020-12) för manifestet och för raderna i varje tabell.
data/*.json     varje tabell som en lista av rader (exakt som i databasen).
csv/*.csv       samma rader som CSV (RFC 4180, UTF-8 med BOM, kommatecken, CRLF).
                Tomt fält = värde saknas (NULL); "" = tom text. Värdena är oförändrade:
                öppna filerna via kalkylprogrammets importfunktion.
rapporter/      de attesterade rapporterna som Word-filer, byggda ur attestens ögonblicksbild.

Historiken är komplett: varje version av varje utfall, bedömning, återrapportering och text,
klarmarkeringar, återsändningar, attester med sina ögonblicksbilder och händelseloggen.

Inläsning i en tom installation av Målbild:  npm run import:org -- <den här filen>.zip
`;

/**
 * Builds the export of the user's organization (admin only). `onProgress` hears each
 * step: every table read, every report built, and the packing.
 */
export async function exportOrganization(
  db: Db,
  user: CurrentUser | null,
  onProgress: (progress: ExportProgress) => void = () => {},
  now: Date = new Date(),
): Promise<OrganizationExport> {
  authorize(user, 'manage', { kind: 'organization', organizationId: user?.organizationId ?? '' });
  const organizationId = user.organizationId;
  const plan = exportPlan();
  if (plan.undecided.length) throw new Error(`org export: no decision for the tables ${plan.undecided.join(', ')}`);

  const entries: { name: string; data: Uint8Array }[] = [];
  const add = (name: string, data: string | Uint8Array) =>
    entries.push({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  const files: Manifest['tables'] = [];
  const reports: Manifest['reports'] = [];
  let organization: Manifest['organization'] | null = null;
  const approved: ReturnType<typeof approvedBoardPeriods> = [];
  const packUnits = 1; // compressing is native (node:zlib) and quick beside the reading
  const total = () => plan.tables.length + approved.length + packUnits;

  await db.transaction(
    async (tx) => {
      for (const [i, table] of plan.tables.entries()) {
        onProgress({ done: i, total: total(), step: `Läser ${table.name}` });
        const lines = rowsOf<{ j: string }>(await tx.execute(tableQuery(table, organizationId))).map((r) => r.j);
        const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        if (table.name === 'organizations') {
          const org = rows[0]!;
          organization = { id: org.id as string, code: org.code as string, name: org.name as string };
        }
        if (table.name === 'approvals') approved.push(...approvedBoardPeriods(rows));
        const json = lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
        const columns = table.columns.map((c) => c.name);
        const entry = { json: `data/${table.name}.json`, csv: `csv/${table.name}.csv` };
        add(entry.json, json);
        add(entry.csv, csvTable(columns, rows));
        files.push({ name: table.name, rows: rows.length, ...entry, sha256: sha256(json), columns, redacted: [...table.redacted] });
      }
      const names = new Set<string>();
      for (const [i, item] of approved.entries()) {
        const report = await getBoardReport(tx as unknown as Db, user, item.boardId, item.periodId);
        let file = `rapporter/${reportFilename(report.boardName, report.period.label, 'docx')}`;
        if (names.has(file)) file = file.replace(/\.docx$/, `-${i + 1}.docx`);
        names.add(file);
        onProgress({ done: plan.tables.length + i, total: total(), step: `Skapar rapporten ${report.boardName}, ${report.period.label}` });
        add(file, await buildReportDocx(report));
        reports.push({ file, board: report.boardName, period: report.period.label, approvedAt: item.approvedAt });
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    exportedBy: { id: user.id, name: user.name },
    organization: organization!,
    tables: files,
    excludedTables: plan.excluded,
    reports,
  };
  entries.unshift(
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'schema.json', data: Buffer.from(`${JSON.stringify(exportJsonSchema(plan.tables), null, 2)}\n`, 'utf8') },
    { name: 'LASMIG.txt', data: Buffer.from(README(manifest).replaceAll('\n', '\r\n'), 'utf8') },
  );
  onProgress({ done: total() - packUnits, total: total(), step: 'Packar ZIP-filen' });
  // Compressed in libuv's thread pool, so the server keeps answering meanwhile.
  const bytes = await zipArchive(entries, now);
  const rows = files.reduce((sum, f) => sum + f.rows, 0);
  await recordAudit(db, {
    organizationId,
    actorId: user.id,
    action: 'organization.export',
    entityType: 'organization',
    entityId: organizationId,
    changes: { tables: files.length, rows, reports: reports.length, bytes: bytes.length },
  });
  onProgress({ done: total(), total: total(), step: 'Klar' });
  return { zip: bytes, filename: `malbild-export-${manifest.organization.code.replace(/[^A-Za-z0-9_-]+/g, "-")}-${stockholmDate(now)}.zip`, manifest };
}
