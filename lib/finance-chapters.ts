// The report's finance chapters, "Delårsresultat och prognos" and "Investeringar", in the
// seed's layout, as a neutral list of blocks (headings, Markdown, tables of text cells) built
// once from a board's period's tables and rendered three ways: on a page
// (components/finance-chapter.tsx), in Word (lib/finance-docx.ts) and in Excel
// (lib/finance-xlsx.ts). The whole board document (issue 15) takes these chapters by kind
// (`finance_result` → financeResultChapter, `investments` → investmentsChapter) without their
// heading and `lead` text (lib/board-document.ts chapterExtraBlocks). Pure.
import { tkr, type CheckedWarning } from './finance-checks';
import { RESULT_LABELS, RESULT_ROWS, type FinanceTables, type Tkr } from './finance-model';

export interface ChapterCell {
  text: string;
  numeric?: boolean;
  bold?: boolean;
  italic?: boolean;
  /** Set when the figure takes part in an unexplained difference: the warnings' keys. */
  warnings?: string[];
}

export type ChapterBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `lead`: the chapter's opening text (the whole document has the units' narrative there instead). */
  | { kind: 'markdown'; text: string; lead?: true }
  | { kind: 'table'; caption: string; header: ChapterCell[]; rows: ChapterCell[][] };

export type ChapterKind = 'finance_result' | 'investments';

export interface ChapterInput {
  tables: FinanceTables;
  /** The checked warnings; unexplained ones mark their cells. Empty in a final document. */
  warnings: readonly CheckedWarning[];
  period: { year: number; endDate: string };
}

export const CHAPTER_TITLES: Record<ChapterKind, string> = {
  finance_result: 'Delårsresultat och prognos',
  investments: 'Investeringar',
};

/** "2024-08-31" → "24-08-31", "2408", "240831" as the seed's column headings write it. */
function dateForms(endDate: string) {
  const [y, m, d] = endDate.split('-') as [string, string, string];
  const yy = y.slice(2);
  return { dashed: `${yy}-${m}-${d}`, yymm: `${yy}${m}`, yymmdd: `${yy}${m}${d}`, isoMonth: `${y}-${m}` };
}

function cellsIndex(warnings: readonly CheckedWarning[]) {
  const byCell = new Map<string, string[]>();
  for (const w of warnings) {
    if (w.explanation) continue;
    for (const c of w.cells) byCell.set(c, [...(byCell.get(c) ?? []), w.key]);
  }
  return byCell;
}

function builder(input: ChapterInput) {
  const byCell = cellsIndex(input.warnings);
  const amount = (value: Tkr, cell: string | null, style: Partial<ChapterCell> = {}): ChapterCell => ({
    text: value === null ? '' : tkr(value),
    numeric: true,
    ...style,
    ...(cell && byCell.has(cell) ? { warnings: byCell.get(cell) } : {}),
  });
  const text = (t: string, style: Partial<ChapterCell> = {}): ChapterCell => ({ text: t, ...style });
  return { amount, text, dates: dateForms(input.period.endDate), year: String(input.period.year) };
}

const COLS = ['outcome', 'forecast', 'budget', 'deviation'] as const;

/** "Delårsresultat och prognos": the text, the result summary, the driftredovisning and its analyses. */
export function financeResultChapter(input: ChapterInput): ChapterBlock[] {
  const { amount, text, dates, year } = builder(input);
  const { result, operations } = input.tables;
  const blocks: ChapterBlock[] = [{ kind: 'heading', level: 1, text: CHAPTER_TITLES.finance_result }];
  if (!result && !operations) return blocks;
  if (result) {
    if (result.text.trim()) blocks.push({ kind: 'markdown', text: result.text, lead: true });
    blocks.push({
      kind: 'table',
      caption: `Resultat ${year}, tkr`,
      header: [text('(tkr)'), ...[`Utfall ${dates.dashed}`, `Helårsprognos ${year}`, `Budget ${year}`, 'Budgetavvikelse'].map((h) => text(h, { numeric: true }))],
      rows: RESULT_ROWS.map((key) => {
        const italic = key === 'staffCosts' || key === 'capitalCosts';
        const bold = key === 'result';
        return [text(RESULT_LABELS[key], { italic, bold }), ...COLS.map((c) => amount(result.rows[key][c], `result:${key}:${c}`, { italic, bold }))];
      }),
    });
  }
  if (operations) {
    blocks.push({ kind: 'heading', level: 2, text: `Driftredovisning ${year}` });
    blocks.push({
      kind: 'table',
      caption: `Driftredovisning ${year}, tkr`,
      header: [
        text('Verksamhet'),
        ...[`Utfall ${dates.yymm}`, `Prognos ${year}`, `Budget ${year}`, 'Avvikelse'].map((h) => text(h, { numeric: true })),
        text('Analys'),
      ],
      rows: [
        ...operations.rows.map((r) => [
          text(`${r.code} ${r.name}`),
          ...COLS.map((c) => amount(r[c], `operations:${r.code}:${c}`)),
          text(r.note?.number ?? ''),
        ]),
        [text(operations.totalLabel, { bold: true }), ...COLS.map((c) => amount(operations.total[c], `operations:total:${c}`, { bold: true })), text('')],
      ],
    });
    const notes = operations.rows.filter((r) => r.note);
    if (notes.length) {
      blocks.push({ kind: 'heading', level: 2, text: `Verksamhetsanalys driftbudget ${year}, tkr` });
      for (const r of notes) {
        const n = r.note!;
        const cell = (field: string) => `operations:${r.code}:note:${field}`;
        blocks.push({
          kind: 'table',
          caption: `Analys ${n.number}: ${n.heading || `${r.code} ${r.name}`}`,
          header: [
            text('Verksamhetskod'),
            text(''),
            text(`Prognos ${year}`, { numeric: true }),
            text(`Budget ${year}`, { numeric: true }),
            text('Nettoavvikelse mot budget', { numeric: true }),
          ],
          rows: [
            [
              text(n.heading || `${r.code} ${r.name}`),
              text('Intäkt'),
              amount(n.forecastIncome, cell('forecastIncome')),
              amount(n.budgetIncome, cell('budgetIncome')),
              amount(n.netDeviation, cell('netDeviation')),
            ],
            [text(''), text('Kostnad'), amount(n.forecastCost, cell('forecastCost')), amount(n.budgetCost, cell('budgetCost')), text('')],
          ],
        });
        blocks.push({ kind: 'markdown', text: `**Analys ${n.number}**\n\n${n.text}` });
      }
    }
  }
  return blocks;
}

/** "Investeringar": the text, Nettoutgifter, the investeringsredovisning, the project totals and the analyses. */
export function investmentsChapter(input: ChapterInput): ChapterBlock[] {
  const { amount, text, dates, year } = builder(input);
  const inv = input.tables.investments;
  const blocks: ChapterBlock[] = [{ kind: 'heading', level: 1, text: CHAPTER_TITLES.investments }];
  if (!inv) return blocks;
  if (inv.text.trim()) blocks.push({ kind: 'markdown', text: inv.text, lead: true });
  blocks.push({
    kind: 'table',
    caption: `Nettoutgifter ${year}, tkr`,
    header: [text('(tkr)'), ...[`Per ${dates.yymmdd}`, `Helårsprognos ${year}`, `Budget ${year}`, 'Avvikelse'].map((h) => text(h, { numeric: true }))],
    rows: [[text('Nettoutgifter'), ...COLS.map((c) => amount(inv.net[c], `investments:net:${c}`))]],
  });
  blocks.push({ kind: 'heading', level: 2, text: `Investeringsredovisning ${input.period.endDate}` });
  const rows: ChapterCell[][] = [];
  inv.projects.forEach((p, i) => {
    rows.push([text(p.name), ...COLS.map((c) => amount(p[c], `investments:${i}:${c}`)), text(p.analysisNumber)]);
    const subFlag = byCellFlag(input.warnings, `investments:${i}:subItems`);
    for (const s of p.subItems) {
      rows.push([text(s.name, { italic: true }), { ...amount(s.outcome, null, { italic: true }), ...subFlag }, text(''), text(''), text(''), text('')]);
    }
  });
  rows.push([text('Summa', { bold: true }), ...COLS.map((c) => amount(inv.total[c], `investments:total:${c}`, { bold: true })), text('')]);
  blocks.push({
    kind: 'table',
    caption: `Investeringsredovisning ${input.period.endDate}, tkr`,
    header: [
      text('Projekt'),
      ...[`Utfall ${dates.yymmdd}`, `Prognos ${year}`, `Budget ${year}`, `Avvikelse ${year}`].map((h) => text(h, { numeric: true })),
      text('Analys'),
    ],
    rows,
  });
  const withTotals = inv.projects.map((p, i) => ({ p, i })).filter(({ p }) => p.totals);
  if (withTotals.length) {
    blocks.push({ kind: 'heading', level: 2, text: `Investeringsredovisning ${input.period.endDate}, tkr` });
    const TOTAL_COLS = ['costToDate', 'totalForecast', 'totalBudget', 'accumulatedDeviation'] as const;
    blocks.push({
      kind: 'table',
      caption: `Projektkostnader ${input.period.endDate}, tkr`,
      header: [
        text('Projekt'),
        ...[
          `Utfall ${dates.isoMonth}`,
          `Prognos ${year}`,
          `Budget ${year}`,
          `Avvik ${year}`,
          `Projektkostnad tom ${dates.yymm}`,
          'Total projektprognos',
          'Total projektbudget',
          'Ack avvikelse projekt',
        ].map((h) => text(h, { numeric: true })),
      ],
      rows: withTotals.map(({ p, i }) => {
        const t = p.totals!;
        return [
          text(t.name),
          ...COLS.map((c) => amount(t[c], `investments:${i}:totals:${c}`)),
          ...TOTAL_COLS.map((c) => amount(t[c], `investments:${i}:totals:${c}`)),
        ];
      }),
    });
  }
  const analyses = inv.projects.map((p, i) => ({ p, i })).filter(({ p }) => p.analysis);
  if (analyses.length) {
    blocks.push({ kind: 'heading', level: 2, text: `Investeringsanalys ${year} tkr` });
    for (const { p, i } of analyses) {
      const a = p.analysis!;
      blocks.push({
        kind: 'table',
        caption: `Analys ${a.number}: ${a.heading || p.name}`,
        header: [text('Projekt'), text(`Prognos ${year}`, { numeric: true }), text(`Budget ${year}`, { numeric: true }), text('Avvikelse budget', { numeric: true })],
        rows: [
          [
            text(a.heading || p.name),
            amount(a.forecast, `investments:${i}:analysis:forecast`),
            amount(a.budget, `investments:${i}:analysis:budget`),
            amount(a.deviation, `investments:${i}:analysis:deviation`),
          ],
        ],
      });
      blocks.push({ kind: 'markdown', text: `**Analys ${a.number}** ${a.text}` });
    }
  }
  return blocks;
}

function byCellFlag(warnings: readonly CheckedWarning[], cell: string): Partial<ChapterCell> {
  const keys = warnings.filter((w) => !w.explanation && w.cells.includes(cell)).map((w) => w.key);
  return keys.length ? { warnings: keys } : {};
}

/** Both chapters, in the report's order. */
export function financeChapters(input: ChapterInput): { kind: ChapterKind; blocks: ChapterBlock[] }[] {
  return [
    { kind: 'finance_result', blocks: financeResultChapter(input) },
    { kind: 'investments', blocks: investmentsChapter(input) },
  ];
}
