// Restores an organization's export (db/org-export.ts) into an empty installation: the
// manifest's format and version are checked, every file against its checksum and row
// count, the tables and columns against this installation's schema, and then every row is
// inserted in one transaction (all or nothing) in the order of the foreign keys, with the
// database's own constraints checking every reference. Ids, sequence numbers and times are
// kept as they were, so history, approvals and their snapshots read exactly as before.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Db } from './client';
import { recordAudit } from './audit';
import { exportPlan } from './org-export-tables';
import { ExportFormatError, parseManifest, schemaDifferences, type Manifest } from '@/lib/org-export-format';
import { hashPassword } from '@/server/password';

export { ExportFormatError };

/** The target is not empty (or the data does not fit): nothing was written. Swedish message. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportSummary {
  organization: { code: string; name: string };
  tables: number;
  rows: number;
  /** New one-time passwords of the organization's active admins (with `newAdminPasswords`). */
  adminPasswords: { email: string; password: string }[];
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Rows per INSERT statement (a table that references itself goes in one statement). */
const CHUNK = 2000;

/** Reads and checks the ZIP; throws ExportFormatError with a Swedish message. */
export async function readExport(bytes: Uint8Array): Promise<{ manifest: Manifest; data: Map<string, string> }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ExportFormatError('Filen är ingen ZIP-fil, eller så är den skadad.');
  }
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) throw new ExportFormatError('Filen saknar manifest.json: den är ingen export från Målbild.');
  const manifest = parseManifest(await manifestFile.async('string'));
  const differences = schemaDifferences(manifest, exportPlan().tables);
  if (differences.length) {
    throw new ExportFormatError(
      `Exporten är gjord med en annan version av Målbild och kan inte läsas in här: ${differences.join('; ')}.`,
    );
  }
  const data = new Map<string, string>();
  for (const table of manifest.tables) {
    const file = zip.file(table.json);
    if (!file) throw new ExportFormatError(`Filen ${table.json} saknas i exporten.`);
    const text = await file.async('string');
    if (createHash('sha256').update(text, 'utf8').digest('hex') !== table.sha256) {
      throw new ExportFormatError(`Filen ${table.json} stämmer inte med sin kontrollsumma i manifest.json: exporten är ändrad eller skadad.`);
    }
    data.set(table.name, text);
  }
  return { manifest, data };
}

/**
 * Imports an export into an empty installation (no organization at all), in one
 * transaction. Run it under the migration lock (Database.prepare), as the demo load is, so
 * that a server starting at the same moment cannot load the demo beside it.
 */
export async function importOrganization(
  db: Db,
  bytes: Uint8Array,
  options: { newAdminPasswords?: boolean; source?: string } = {},
): Promise<ImportSummary> {
  const { manifest, data } = await readExport(bytes);
  const plan = exportPlan();
  const rowsByTable = new Map<string, unknown[]>();
  for (const table of plan.tables) {
    let rows: unknown;
    try {
      rows = JSON.parse(data.get(table.name)!);
    } catch {
      throw new ExportFormatError(`Filen data/${table.name}.json går inte att läsa som JSON.`);
    }
    const expected = manifest.tables.find((t) => t.name === table.name)!.rows;
    if (!Array.isArray(rows) || rows.length !== expected) {
      throw new ExportFormatError(`Filen data/${table.name}.json har inte de ${expected} rader som manifest.json anger.`);
    }
    rowsByTable.set(table.name, rows);
  }

  const passwords = options.newAdminPasswords ? new Map<string, string>() : null;
  return db.transaction(async (tx) => {
    const existing = rowsOf<{ name: string }>(await tx.execute(sql`select name from organizations order by name limit 1`));
    if (existing.length) {
      throw new ImportRefusedError(
        `Installationen är inte tom: den har redan organisationen ${existing[0]!.name}. En export kan bara läsas in i en tom installation.`,
      );
    }
    let total = 0;
    for (const table of plan.tables) {
      const rows = rowsByTable.get(table.name)!;
      const selfReferencing = table.references.includes(table.name);
      const size = selfReferencing ? Math.max(rows.length, 1) : CHUNK;
      for (let at = 0; at < rows.length; at += size) {
        const chunk = JSON.stringify(rows.slice(at, at + size));
        try {
          await tx.execute(
            sql`insert into ${sql.identifier(table.name)} select * from json_populate_recordset(null::${sql.identifier(table.name)}, ${chunk}::json)`,
          );
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          throw new ImportRefusedError(`Tabellen ${table.name} gick inte att läsa in (${detail}). Ingenting sparades.`);
        }
      }
      for (const column of table.serialColumns) {
        // The sequence continues after the imported rows (audit_events.id).
        await tx.execute(sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), max(${sql.identifier(column)}))
          from ${sql.identifier(table.name)} having max(${sql.identifier(column)}) is not null`);
      }
      total += rows.length;
    }
    const organizationId = manifest.organization.id;
    const adminPasswords: ImportSummary['adminPasswords'] = [];
    if (passwords) {
      const admins = rowsOf<{ id: string; email: string }>(
        await tx.execute(sql`select distinct u.id, u.email from users u join role_grants g
          on g.organization_id = u.organization_id and g.user_id = u.id
          where u.organization_id = ${organizationId} and g.role = 'admin' and u.disabled_at is null order by u.email`),
      );
      for (const admin of admins) {
        const password = randomBytes(15).toString('base64url');
        await tx.execute(sql`update users set password_hash = ${await hashPassword(password)}
          where organization_id = ${organizationId} and id = ${admin.id}`);
        adminPasswords.push({ email: admin.email, password });
      }
    }
    await recordAudit(tx as unknown as Db, {
      organizationId,
      actorId: null,
      action: 'organization.import',
      entityType: 'organization',
      entityId: organizationId,
      changes: {
        source: options.source ?? null,
        exportedBy: manifest.exportedBy.name,
        rows: total,
        newAdminPasswords: adminPasswords.map((a) => a.email),
      },
    });
    return {
      organization: { code: manifest.organization.code, name: manifest.organization.name },
      tables: plan.tables.length,
      rows: total,
      adminPasswords,
    };
  });
}
