// Which tables an organization's export holds, derived from the drizzle schema itself
// (getTableConfig), so that a table added to db/schema.ts is exported without a change
// here: every table with an organization_id column is exported, and the organizations
// table by its id. A table that is not to be exported is listed in EXCLUDED_TABLES with
// the reason; a table with neither organization scope nor an exclusion is a decision
// nobody has made yet, and tests/db/org-export.test.ts fails on it.
//
// Secrets. The export is a file that leaves the system (to an archive, to the next
// supplier, on a laptop), so it carries no credential: a column that holds a password hash
// or a token hash is exported as null (REDACTED_COLUMNS), and the sessions are not
// exported at all. A hash is an offline-guessable copy of a person's password (argon2
// slows that down, it does not stop it for weak passwords), a stolen export must not let
// anyone sign in, and an archive does not need it. After an import, people sign in by
// single sign-on or get a new password from the admin; the import command sets new
// one-time passwords for the organization's admins (scripts/import-org.ts). A column whose
// name looks like a secret must be classified in REDACTED_COLUMNS or NOT_SECRET_COLUMNS
// (the test checks this too). A redacted column must be nullable, or the import could not
// restore its rows: a table whose secret is NOT NULL (say, API tokens, which are useless
// without the token itself) is excluded whole, with its reason, and nothing exported may
// reference an excluded table (also tested).
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { restoreOrder, type ColumnDescriptor, type ColumnType, type TableDescriptor } from '@/lib/org-export-format';

/** Tables left out of the export, with the reason (shown on the export page and in the manifest). */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions:
    'Inloggningssessioner är driftdata som bara gäller i den här installationen; de går ut av sig själva. Vem som loggade in och ut, och när, finns i händelseloggen.',
  login_attempts:
    'Räknare för misslyckade inloggningar (spärr mot lösenordsgissning) är driftdata utan koppling till en organisation; de nollställs av sig själva.',
  api_tokens:
    'API-nycklar följer inte med: en nyckel är en inloggning för ett annat system och ska inte gå att använda eller gissa utifrån en export. Administratören skapar nya nycklar efter en import. Nyckelns användare och allt den skrivit följer med, och händelseloggen visar när nycklar skapades och återkallades.',
  api_idempotency_keys:
    'Sparade svar på upprepade API-anrop är driftdata som bara gäller en tid i den här installationen och hör till nycklar som inte följer med.',
  api_rate_windows:
    'Räknare för API-anrop per minut (gräns per nyckel) är driftdata som nollställs av sig själva.',
};

/** Columns exported as null: "table.column" → the reason. */
export const REDACTED_COLUMNS: Readonly<Record<string, string>> = {
  'users.password_hash':
    'Lösenordens hashvärden följer inte med: en export ska inte kunna användas för att gissa lösenord eller logga in. Efter en import loggar man in med single sign-on eller får ett nytt lösenord av administratören.',
};

/** Columns whose names look like secrets but are not: "table.column" → why. */
export const NOT_SECRET_COLUMNS: Readonly<Record<string, string>> = {
  'sign_in_settings.password_login':
    'Anger bara om inloggning med lösenord är tillåten i organisationen (ja eller nej); inget lösenord.',
};

/** A column name that looks like it could hold a credential. */
export const SECRET_LIKE_NAME = /hash|secret|password|passwd|token|salt|private|credential|api_?key/i;

const TYPES: Record<string, ColumnType> = {
  PgUUID: 'uuid',
  PgText: 'text',
  PgVarchar: 'text',
  PgChar: 'text',
  PgEnumColumn: 'text',
  PgInteger: 'integer',
  PgSmallInt: 'integer',
  PgSerial: 'integer',
  PgSmallSerial: 'integer',
  PgBigInt53: 'integer',
  PgBigSerial53: 'integer',
  PgNumeric: 'number',
  PgNumericNumber: 'number',
  PgReal: 'number',
  PgDoublePrecision: 'number',
  PgBoolean: 'boolean',
  PgTimestamp: 'timestamp',
  PgTimestampString: 'timestamp',
  PgDate: 'date',
  PgDateString: 'date',
  PgJson: 'json',
  PgJsonb: 'json',
};

/** Column types that come from a sequence (its value is set past the imported rows). */
const SERIAL_TYPES = new Set(['PgSerial', 'PgSmallSerial', 'PgBigSerial53', 'PgBigSerial64']);

function columnType(column: PgColumn): ColumnType {
  const type = TYPES[column.columnType];
  // bigint/numeric in string or bigint mode would need strings in JSON: decide when one appears.
  if (!type) throw new Error(`org export: column ${column.name} has type ${column.columnType}, which the export does not know`);
  return type;
}

/** Every table of db/schema.ts. */
export function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
}

export interface ExportPlan {
  /** The exported tables, in restore order (a table after the tables it references). */
  tables: (TableDescriptor & { serialColumns: string[] })[];
  excluded: { name: string; reason: string }[];
  /** Tables with no organization scope and no exclusion: the export refuses to run with any. */
  undecided: string[];
}

export function exportPlan(): ExportPlan {
  const tables: ExportPlan['tables'] = [];
  const excluded: ExportPlan['excluded'] = [];
  const undecided: string[] = [];
  for (const table of schemaTables()) {
    const config = getTableConfig(table);
    const reason = EXCLUDED_TABLES[config.name];
    if (reason) {
      excluded.push({ name: config.name, reason });
      continue;
    }
    const names = config.columns.map((c) => c.name);
    const scope = names.includes('organization_id') ? 'organization_id' : config.name === 'organizations' ? 'id' : null;
    if (!scope) {
      undecided.push(config.name);
      continue;
    }
    const columns: ColumnDescriptor[] = config.columns.map((c) => ({
      name: c.name,
      type: columnType(c),
      notNull: c.notNull,
      ...(c.enumValues?.length && c.columnType === 'PgEnumColumn' ? { enumValues: c.enumValues } : {}),
    }));
    const primaryKey = config.primaryKeys.length
      ? config.primaryKeys[0]!.columns.map((c) => c.name)
      : config.columns.filter((c) => c.primary).map((c) => c.name);
    tables.push({
      name: config.name,
      columns,
      primaryKey: primaryKey.length ? primaryKey : names,
      references: [...new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name))],
      scope,
      redacted: config.columns
        .filter((c) => REDACTED_COLUMNS[`${config.name}.${c.name}`])
        .map((c) => ({ column: c.name, reason: REDACTED_COLUMNS[`${config.name}.${c.name}`]! })),
      serialColumns: config.columns.filter((c) => SERIAL_TYPES.has(c.columnType)).map((c) => c.name),
    });
  }
  return { tables: restoreOrder(tables), excluded, undecided };
}

/** What the export page tells the admin: the tables, and what is left out and why. */
export function exportOutline(): {
  tables: string[];
  excluded: { name: string; reason: string }[];
  redacted: { table: string; column: string; reason: string }[];
} {
  const plan = exportPlan();
  return {
    tables: plan.tables.map((t) => t.name),
    excluded: plan.excluded,
    redacted: plan.tables.flatMap((t) => t.redacted.map((r) => ({ table: t.name, ...r }))),
  };
}
