// CSV as RFC 4180 writes it: comma-separated, CRLF between records, a field quoted when it
// holds a comma, a quote, a line break or leading/trailing space, quotes doubled inside.
// A database NULL is an empty unquoted field and an empty text is "" (quoted), so a reader
// can tell the two apart. The values are written exactly as stored: nothing is prefixed to
// defuse spreadsheet formulas (the export is an archive copy of the data; open it in a
// spreadsheet through its import dialog, not by double-clicking).

/** The byte order mark that makes Excel read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** One field as CSV text: null/undefined → empty, objects as JSON, the rest as their text. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (text === '') return '""';
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A record: the fields joined by commas, ended by CRLF. */
export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole file: the BOM, a header record, then one record per row (taken by column name). */
export function csvTable(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const parts = [CSV_BOM, csvRecord(columns)];
  for (const row of rows) parts.push(csvRecord(columns.map((c) => row[c])));
  return parts.join('');
}
