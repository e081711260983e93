// Parsing an uploaded structure workbook: the good file, and the files it refuses.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildStructureTemplate, parseComparator, parseStructureWorkbook, STRUCTURE_SHEETS } from '@/lib/structure-import';

async function workbook(sheets: Record<string, { header?: string[]; rows: ExcelJS.CellValue[][] }>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, sheet] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow(sheet.header ?? [...STRUCTURE_SHEETS[name as keyof typeof STRUCTURE_SHEETS]]);
    for (const row of sheet.rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// Every test here writes a workbook with exceljs and reads it back (0.3–0.4 s on an idle
// machine, several times that under load): a budget well above vitest's default 5 s.
describe('parseStructureWorkbook', { timeout: 30_000 }, () => {
  it('reads a good file: rows per sheet with their row number, numbers Swedish style, dates as YYYY-MM-DD', async () => {
    const file = await workbook({
      Enheter: { rows: [['TN', 'Tekniska nämnden', 'nämnd', null], [], ['TN-TF', ' Tekniska förvaltningen ', 'förvaltning', 'TN']] },
      Uppdrag: { rows: [['TN-U1', 'TN', new Date(Date.UTC(2024, 0, 15)), 'TN 2024/1', 'Utred', null, null, null, 'TN-TF', '2024-06-30']] },
      Mått: { rows: [['TN-I1', 'TN-M1', 'Nöjdhet', 'procent', 1, 'between', null, 90.5, '110', null, null, null, null, null, null, null, null, null, null, 'TN', null]] },
    });
    const { rows, problems } = await parseStructureWorkbook(file);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.sheet, r.row, r.cells.Kod])).toEqual([
      ['Enheter', 2, 'TN'],
      ['Enheter', 4, 'TN-TF'],
      ['Mått', 2, 'TN-I1'],
      ['Uppdrag', 2, 'TN-U1'],
    ]);
    expect(rows[1]!.cells).toMatchObject({ Namn: 'Tekniska förvaltningen', Typ: 'förvaltning', 'Överordnad kod': 'TN' });
    expect(rows[2]!.cells).toMatchObject({ Decimaler: '1', Lägsta: '90,5', Högsta: '110', Värde: '' });
    expect(rows[3]!.cells).toMatchObject({ Beslutsdatum: '2024-01-15', Slutdatum: '2024-06-30' });
  });

  it('the template has the instructions and every sheet with its headers, and reads back as empty', async () => {
    const template = await buildStructureTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instruktioner', ...Object.keys(STRUCTURE_SHEETS)]);
    expect(await parseStructureWorkbook(new Uint8Array(template))).toEqual({ rows: [], problems: [] });

    // Drop-downs for the coded columns; "Jämförelse" lets other text through (signs, "mellan 10 och 20").
    const validation = (sheet: string, address: string) =>
      (wb.getWorksheet(sheet) as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];
    expect(validation('Mått', 'F2')).toMatchObject({ type: 'list', formulae: ['"lägre än,högst,högre än,minst,lika med,mellan,inte sämre"'], errorStyle: 'information' });
    expect(validation('Mått', 'F2000')).toMatchObject({ type: 'list' });
    expect(validation('Enheter', 'C2')).toMatchObject({ type: 'list', formulae: ['"nämnd,förvaltning,enhet,extern"'], errorStyle: 'stop' });
    expect(validation('Mål', 'F2')).toMatchObject({ formulae: ['"alla,majoritet,manuell"'] });
    expect(validation('Mått', 'R2')).toMatchObject({ formulae: ['"manuell,kolada,annan"'] });
    // The instructions, in Swedish, explain the words and signs.
    const instructions: string[] = [];
    wb.getWorksheet('Instruktioner')!.eachRow((row) => instructions.push(row.getCell(1).text));
    expect(instructions.join('\n')).toMatch(/minst 80.*mellan 10 och 20/s);
    expect(instructions.join('\n')).toContain('Nuvarande struktur (Excel)');
  });

  it('reads "Jämförelse" as words, signs or codes, with the numbers it gives', () => {
    expect(parseComparator('≥')).toEqual({ comparator: 'gte' });
    expect(parseComparator('>=')).toEqual({ comparator: 'gte' });
    expect(parseComparator('Minst')).toEqual({ comparator: 'gte' });
    expect(parseComparator('minst 80')).toEqual({ comparator: 'gte', value: 80 });
    expect(parseComparator('≥80')).toEqual({ comparator: 'gte', value: 80 });
    expect(parseComparator('högst')).toEqual({ comparator: 'lte' });
    expect(parseComparator('≤ 25 %')).toEqual({ comparator: 'lte', value: 25 });
    expect(parseComparator('lägre än eller lika med 2')).toEqual({ comparator: 'lte', value: 2 });
    expect(parseComparator('mer än 20')).toEqual({ comparator: 'gt', value: 20 });
    expect(parseComparator('> 20')).toEqual({ comparator: 'gt', value: 20 });
    expect(parseComparator('mindre än 5,00')).toEqual({ comparator: 'lt', value: 5 });
    expect(parseComparator('<')).toEqual({ comparator: 'lt' });
    expect(parseComparator('lika med')).toEqual({ comparator: 'eq' });
    expect(parseComparator('= 100')).toEqual({ comparator: 'eq', value: 100 });
    expect(parseComparator('mellan 10 och 20')).toEqual({ comparator: 'between', low: 10, high: 20 });
    expect(parseComparator('Mellan 99,5 och 100')).toEqual({ comparator: 'between', low: 99.5, high: 100 });
    expect(parseComparator('mellan')).toEqual({ comparator: 'between' });
    expect(parseComparator('inte sämre')).toEqual({ comparator: 'not_worse' });
    for (const code of ['lt', 'lte', 'gt', 'gte', 'eq', 'between', 'not_worse']) expect(parseComparator(code)).toEqual({ comparator: code });
    expect(parseComparator('ungefär')).toEqual({ error: expect.stringContaining('Okänd jämförelse "ungefär"') });
    expect(parseComparator('mellan 10')).toEqual({ error: expect.stringContaining('mellan 10 och 20') });
    expect(parseComparator('minst åtta')).toEqual({ error: expect.stringContaining('"åtta" är inte ett tal') });
    expect(parseComparator('lte5')).toEqual({ error: expect.stringContaining('Okänd jämförelse') });
  });

  it('refuses a formula without evaluating it', async () => {
    const file = await workbook({ Planer: { rows: [['TN-2024', 'TN', { formula: '2000+24', result: 2024 }]] } });
    const { rows, problems } = await parseStructureWorkbook(file);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ sheet: 'Planer', row: 2, column: 'År', message: expect.stringContaining('Formler är inte tillåtna') }]);
  });

  it('names a missing column once and reads no rows then (no follow-on errors); a row without a code is a problem', async () => {
    const file = await workbook({
      Enheter: { header: ['Kod', 'Namn', 'Sort', 'Överordnad kod'], rows: [['TN', 'Tekniska nämnden', 'nämnd', null]] },
      Planer: { rows: [[null, 'TN', 2024], ['TN-2024', 'TN', 2024]] },
    });
    const { rows, problems } = await parseStructureWorkbook(file);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ sheet: 'Enheter', row: 1, column: 'Typ', message: 'Kolumnen "Typ" saknas i bladet "Enheter". Lägg till den i rubrikraden eller utgå från mallen.' }]);

    const noCode = await parseStructureWorkbook(await workbook({ Planer: { rows: [[null, 'TN', 2024]] } }));
    expect(noCode.problems).toEqual([{ sheet: 'Planer', row: 2, column: 'Kod', message: 'Koden saknas.' }]);
  });

  it('refuses a file that is not an XLSX, and a workbook without any structure sheet', async () => {
    const notXlsx = await parseStructureWorkbook(new TextEncoder().encode('Kod;Namn\nTN;Tekniska'));
    expect(notXlsx.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/inte en Excelfil/) })]);
    const other = await workbook({ Värden: { header: ['Kod'], rows: [['x']] } });
    expect((await parseStructureWorkbook(other)).problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/inget av bladen/) })]);
  });
});
