// The format of an organization's full export (a ZIP): its manifest, the JSON Schema that
// describes it, the order in which tables are restored, and the checks an import makes
// before it writes anything. Pure: the tables arrive as plain descriptors (db/org-export-
// tables.ts derives them from the drizzle schema), so the format follows the schema.
import { z } from '@/lib/zod';
import type { StreamProgress } from './progress-stream';

export const EXPORT_FORMAT = 'malbild-organisationsexport';
/** Raised when the layout of the ZIP or of the manifest changes (not when a table is added). */
export const EXPORT_FORMAT_VERSION = 1;

export type ColumnType = 'uuid' | 'text' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'date' | 'json';

export interface ColumnDescriptor {
  name: string;
  type: ColumnType;
  notNull: boolean;
  enumValues?: readonly string[];
}

export interface TableDescriptor {
  name: string;
  columns: readonly ColumnDescriptor[];
  primaryKey: readonly string[];
  /** The other tables this one's foreign keys point at (its own name for a self-reference). */
  references: readonly string[];
  /** How a row belongs to the organization: its organization_id, or (organizations) its id. */
  scope: 'organization_id' | 'id';
  /** Columns whose values are replaced by null in the export (secrets), with the reason. */
  redacted: readonly { column: string; reason: string }[];
}

export const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.number().int(),
  exportedAt: z.string(),
  exportedBy: z.object({ id: z.string(), name: z.string() }),
  organization: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  tables: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int().min(0),
      json: z.string(),
      csv: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      columns: z.array(z.string()),
      redacted: z.array(z.object({ column: z.string(), reason: z.string() })),
    }),
  ),
  excludedTables: z.array(z.object({ name: z.string(), reason: z.string() })),
  reports: z.array(z.object({ file: z.string(), board: z.string(), period: z.string(), approvedAt: z.string() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** An export the import cannot read; the message is for the person running it (Swedish). */
export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

/** The manifest of a ZIP, checked: the format's name and version first, then its shape. */
export function parseManifest(text: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ExportFormatError('Filen manifest.json går inte att läsa: den är ingen export från Målbild.');
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== EXPORT_FORMAT) {
    throw new ExportFormatError('Filen är ingen export från Målbild (manifest.json anger inte formatet malbild-organisationsexport).');
  }
  if (head.data.formatVersion !== EXPORT_FORMAT_VERSION) {
    throw new ExportFormatError(
      `Exporten har formatversion ${head.data.formatVersion}, men den här versionen av Målbild läser bara formatversion ${EXPORT_FORMAT_VERSION}.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ExportFormatError('Filen manifest.json är ofullständig eller skadad.');
  return parsed.data;
}

/**
 * Where the export's tables differ from this installation's: a table or a column that one
 * has and the other has not. Empty when the export can be restored here as it is.
 */
export function schemaDifferences(manifest: Manifest, tables: readonly TableDescriptor[]): string[] {
  const problems: string[] = [];
  const here = new Map(tables.map((t) => [t.name, t]));
  const there = new Map(manifest.tables.map((t) => [t.name, t]));
  for (const table of manifest.tables) {
    const mine = here.get(table.name);
    if (!mine) {
      problems.push(`tabellen ${table.name} finns inte i den här installationen`);
      continue;
    }
    const mineCols = mine.columns.map((c) => c.name);
    const missing = mineCols.filter((c) => !table.columns.includes(c));
    const extra = table.columns.filter((c) => !mineCols.includes(c));
    if (missing.length) problems.push(`tabellen ${table.name} saknar kolumnerna ${missing.join(', ')} i exporten`);
    if (extra.length) problems.push(`tabellen ${table.name} har kolumnerna ${extra.join(', ')}, som den här installationen saknar`);
  }
  for (const table of tables) if (!there.has(table.name)) problems.push(`tabellen ${table.name} saknas i exporten`);
  return problems;
}

/**
 * The tables in an order in which every row's references already exist: a table after
 * every table it points at (a table's references to itself are restored in one statement,
 * where the database checks them at its end). Throws on a cycle between tables.
 */
export function restoreOrder<T extends Pick<TableDescriptor, 'name' | 'references'>>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: T[] = [];
  const visit = (table: T) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`the tables' foreign keys form a cycle through ${table.name}`);
    visiting.add(table.name);
    for (const name of [...table.references].sort()) {
      const target = byName.get(name);
      if (target && name !== table.name) visit(target);
    }
    visiting.delete(table.name);
    done.add(table.name);
    order.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return order;
}

const COLUMN_SCHEMAS: Record<ColumnType, Record<string, unknown>> = {
  uuid: { type: 'string', format: 'uuid' },
  text: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  timestamp: { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  json: {},
};

function columnSchema(column: ColumnDescriptor): Record<string, unknown> {
  const base: Record<string, unknown> = column.enumValues ? { type: 'string', enum: [...column.enumValues] } : { ...COLUMN_SCHEMAS[column.type] };
  if (column.notNull || column.type === 'json') return base;
  if (base.enum) return { ...base, type: ['string', 'null'], enum: [...column.enumValues!, null] };
  return { ...base, type: [base.type as string, 'null'] };
}

/**
 * The JSON Schema (2020-12) of the export: the manifest, and per table the array of rows
 * in data/<table>.json. The CSV files hold the same rows and columns.
 */
export function exportJsonSchema(tables: readonly TableDescriptor[]): Record<string, unknown> {
  const manifest = z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  delete manifest.$schema;
  const rowDefs = Object.fromEntries(
    tables.map((table) => [
      table.name,
      {
        description: `En rad i data/${table.name}.json (och csv/${table.name}.csv).`,
        type: 'object',
        properties: Object.fromEntries(table.columns.map((c) => [c.name, columnSchema(c)])),
        required: table.columns.map((c) => c.name),
        additionalProperties: false,
      },
    ]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:malbild:${EXPORT_FORMAT}:${EXPORT_FORMAT_VERSION}`,
    title: 'Målbild: export av en organisation',
    description:
      'manifest.json följer $defs.manifest; data/<tabell>.json är en lista av rader som följer $defs.rows.<tabell>. ' +
      'Tider är ISO 8601 med tidszon, datum ÅÅÅÅ-MM-DD, belopp och mätvärden JSON-tal.',
    $defs: { manifest, rows: rowDefs },
  };
}

/** One line of the export's progress stream (GET /admin/export/fil?forlopp=1, NDJSON). */
export type ExportStreamMessage =
  | ({ kind: 'progress' } & StreamProgress)
  | { kind: 'done'; filename: string; bytes: number; zip: string }
  | { kind: 'error'; message: string };
