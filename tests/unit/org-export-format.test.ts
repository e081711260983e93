// The pure parts of the organization export: CSV escaping (RFC 4180, NULL versus empty
// text), the manifest's checks (format, version, shape), the differences between an
// export's tables and this installation's, the restore order and the JSON Schema.
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, csvTable, CSV_BOM } from '@/lib/csv';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  ExportFormatError,
  exportJsonSchema,
  parseManifest,
  restoreOrder,
  schemaDifferences,
  type Manifest,
  type TableDescriptor,
} from '@/lib/org-export-format';

describe('CSV', () => {
  it('writes plain values as they are and quotes what needs it', () => {
    expect(csvField('Sjukfrånvaro')).toBe('Sjukfrånvaro');
    expect(csvField(1.86)).toBe('1.86');
    expect(csvField(false)).toBe('false');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('"80 eller högre"')).toBe('"""80 eller högre"""');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvField('rad 1\r\nrad 2')).toBe('"rad 1\r\nrad 2"');
    expect(csvField(' inledande')).toBe('" inledande"');
    expect(csvField('=SUMMA(A1)')).toBe('=SUMMA(A1)'); // kept exactly: the export is a copy of the data
  });

  it('tells NULL (empty) from empty text ("") and writes objects as JSON', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField({ comparator: 'lt', value: 5 })).toBe('"{""comparator"":""lt"",""value"":5}"');
  });

  it('ends records with CRLF and starts a file with the BOM and the header', () => {
    expect(csvRecord(['a', null, ''])).toBe('a,,""\r\n');
    expect(csvTable(['id', 'namn'], [{ id: 1, namn: 'HR, avdelning' }, { id: 2, namn: null }])).toBe(
      `${CSV_BOM}id,namn\r\n1,"HR, avdelning"\r\n2,\r\n`,
    );
  });
});

const table = (name: string, references: string[] = [], columns = ['id', 'organization_id']): TableDescriptor => ({
  name,
  columns: columns.map((c) => ({ name: c, type: c === 'id' ? 'uuid' : 'text', notNull: c === 'id' })),
  primaryKey: ['id'],
  references,
  scope: name === 'organizations' ? 'id' : 'organization_id',
  redacted: [],
});

const manifest = (overrides: Partial<Manifest> = {}): Manifest => ({
  format: EXPORT_FORMAT,
  formatVersion: EXPORT_FORMAT_VERSION,
  exportedAt: '2026-11-30T12:00:00.000Z',
  exportedBy: { id: 'u', name: 'Sara Systemförvaltare' },
  organization: { id: '6f1c2a7e-3b7d-4c1e-9a51-2d4f8b0c1e23', code: 'askersund', name: 'Askersunds kommun' },
  tables: [
    { name: 'units', rows: 2, json: 'data/units.json', csv: 'csv/units.csv', sha256: 'a'.repeat(64), columns: ['id', 'organization_id'], redacted: [] },
  ],
  excludedTables: [{ name: 'sessions', reason: 'driftdata' }],
  reports: [],
  ...overrides,
});

describe('the manifest', () => {
  it('reads a manifest of this format and version', () => {
    expect(parseManifest(JSON.stringify(manifest()))).toEqual(manifest());
  });

  it('refuses another format, another version, broken JSON or a missing part, in Swedish', () => {
    expect(() => parseManifest('{')).toThrow(ExportFormatError);
    expect(() => parseManifest(JSON.stringify({ ...manifest(), format: 'annat' }))).toThrow(/ingen export från Målbild/);
    expect(() => parseManifest(JSON.stringify({ ...manifest(), formatVersion: 2 }))).toThrow(
      'Exporten har formatversion 2, men den här versionen av Målbild läser bara formatversion 1.',
    );
    const { tables: _tables, ...withoutTables } = manifest();
    expect(() => parseManifest(JSON.stringify(withoutTables))).toThrow(/ofullständig eller skadad/);
  });

  it('names every table and column the export and this installation do not share', () => {
    expect(schemaDifferences(manifest(), [table('units')])).toEqual([]);
    expect(schemaDifferences(manifest(), [table('units', [], ['id', 'organization_id', 'name']), table('plans')])).toEqual([
      'tabellen units saknar kolumnerna name i exporten',
      'tabellen plans saknas i exporten',
    ]);
    expect(schemaDifferences(manifest(), [table('units', [], ['id'])])).toEqual([
      'tabellen units har kolumnerna organization_id, som den här installationen saknar',
    ]);
    expect(schemaDifferences(manifest(), [])).toEqual(['tabellen units finns inte i den här installationen']);
  });
});

describe('the restore order', () => {
  it('puts every table after the tables it references, and allows a table to reference itself', () => {
    const order = restoreOrder([
      table('indicator_values', ['indicators', 'organizations']),
      table('indicators', ['indicators', 'units', 'organizations']),
      table('units', ['units', 'organizations']),
      table('organizations'),
    ]).map((t) => t.name);
    expect(order).toEqual(['organizations', 'units', 'indicators', 'indicator_values']);
  });

  it('refuses a cycle between tables', () => {
    expect(() => restoreOrder([table('a', ['b']), table('b', ['a'])])).toThrow(/cycle/);
  });
});

describe('the JSON Schema', () => {
  it('describes the manifest and every table row, with nullability and enums', () => {
    const units: TableDescriptor = {
      ...table('units'),
      columns: [
        { name: 'id', type: 'uuid', notNull: true },
        { name: 'kind', type: 'text', notNull: true, enumValues: ['board', 'unit'] },
        { name: 'archived_at', type: 'timestamp', notNull: false },
        { name: 'snapshot', type: 'json', notNull: false },
      ],
    };
    const schema = exportJsonSchema([units]) as { $schema: string; $defs: { manifest: { properties: object }; rows: Record<string, unknown> } };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs.manifest.properties)).toEqual(expect.arrayContaining(['format', 'formatVersion', 'tables']));
    expect(schema.$defs.rows.units).toMatchObject({
      required: ['id', 'kind', 'archived_at', 'snapshot'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: ['board', 'unit'] },
        archived_at: { type: ['string', 'null'], format: 'date-time' },
        snapshot: {},
      },
    });
  });
});
