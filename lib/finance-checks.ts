// Everything in the finance tables that is computed, checked against what was typed
// (DESIGN.md, "Finance"): every Avvikelse (prognos − budget, the seed's convention), every
// Summa row, the "varav" rows against their parent, the analysis notes against their row,
// and every figure repeated across tables. A disagreement is a warning naming both figures;
// an explanation accepts one warning for exactly those figures (a later change of either
// figure makes the warning unexplained again). Pure.
import { formatNumber } from './swedish-number';
import {
  RESULT_LABELS,
  RESULT_ROWS,
  type Figures,
  type FinanceTable,
  type FinanceTables,
  type Investments,
  type Operations,
  type ResultSummary,
  type Tkr,
} from './finance-model';

export interface FinanceWarning {
  /** Stable within a board's period: which check, on which row and column. */
  key: string;
  table: FinanceTable;
  /** Swedish, naming both figures. */
  message: string;
  /** The typed figure and the figure the check expected. */
  typed: number;
  expected: number;
  /** The cells holding the figures involved (lib/finance-chapters.ts marks them), "operations:92:outcome". */
  cells: string[];
}

export interface FinanceExplanation {
  key: string;
  /** The figures the explanation was given for ("typed|expected"). */
  figures: string;
  text: string;
  authorName: string;
  createdAt: Date | string;
}

const COLUMN_LABEL: Record<keyof Figures, string> = {
  outcome: 'Utfall',
  forecast: 'Prognos',
  budget: 'Budget',
  deviation: 'Avvikelse',
};
const COLUMNS = ['outcome', 'forecast', 'budget', 'deviation'] as const;

/** "−26 632" with U+2212 and a no-break space. */
export const tkr = (value: number): string => formatNumber(value);

/** A subtracted term: a negative one in parentheses, "− (−7 700)". */
const term = (value: number): string => (value < 0 ? `(${tkr(value)})` : tkr(value));

export const figuresKey = (w: Pick<FinanceWarning, 'typed' | 'expected'>): string => `${w.typed}|${w.expected}`;

/** Avvikelse = prognos − budget; null when either is missing. */
export function deviationOf(forecast: Tkr, budget: Tkr): Tkr {
  return forecast === null || budget === null ? null : forecast - budget;
}

/** The sum of the present values; null when none is present. */
export function sumOf(values: readonly Tkr[]): Tkr {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

/** Reads "typed −2 662 but the column needs −26 632" when one digit was lost or added. */
function typoHint(typed: number, needed: number): string {
  const a = String(Math.abs(typed));
  const b = String(Math.abs(needed));
  if (Math.sign(typed) !== Math.sign(needed) || Math.abs(a.length - b.length) !== 1) return '';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return ' (troligen en felskrivning: en siffra saknas eller är för mycket)';
  }
  return '';
}

class Collector {
  readonly warnings: FinanceWarning[] = [];
  add(
    table: FinanceTable,
    key: string,
    typed: Tkr,
    expected: Tkr,
    message: (typed: string, expected: string) => string,
    cells: string[] = [],
  ) {
    if (typed === null || expected === null || typed === expected) return;
    this.warnings.push({ key: `${table}:${key}`, table, typed, expected, message: message(tkr(typed), tkr(expected)), cells });
  }
}

function checkDeviation(c: Collector, table: FinanceTable, key: string, rowLabel: string, f: Figures, cell: string) {
  c.add(
    table,
    `${key}:deviation`,
    f.deviation,
    deviationOf(f.forecast, f.budget),
    (typed, expected) =>
      `${rowLabel}: Avvikelse är ${typed}, men prognos − budget (${tkr(f.forecast!)} − ${term(f.budget!)}) ger ${expected}.`,
    [`${cell}:deviation`, `${cell}:forecast`, `${cell}:budget`],
  );
}

function checkResult(c: Collector, r: ResultSummary) {
  for (const key of RESULT_ROWS) checkDeviation(c, 'result', key, RESULT_LABELS[key], r.rows[key], `result:${key}`);
  for (const col of COLUMNS) {
    const { income, costs, staffCosts, capitalCosts, result } = r.rows;
    c.add(
      'result',
      `result:${col}`,
      result[col],
      sumOf([income[col], costs[col]]),
      (typed, expected) => `Resultat, ${COLUMN_LABEL[col]}: ${typed} är angivet, men intäkter + kostnader ger ${expected}.`,
      [`result:result:${col}`, `result:income:${col}`, `result:costs:${col}`],
    );
    // A "varav" row is part of its parent: same sign and, together, no larger than it.
    const parent = costs[col];
    const parts = sumOf([staffCosts[col], capitalCosts[col]]);
    if (col !== 'deviation' && parent !== null && parts !== null && Math.abs(parts) > Math.abs(parent)) {
      c.add(
        'result',
        `varav:${col}`,
        parts,
        parent,
        (typed, expected) =>
          `Kostnader, ${COLUMN_LABEL[col]}: varav-raderna summerar till ${typed}, mer än kostnaderna ${expected} som de är en del av.`,
        [`result:staffCosts:${col}`, `result:capitalCosts:${col}`, `result:costs:${col}`],
      );
    }
    for (const part of ['staffCosts', 'capitalCosts'] as const) {
      const v = r.rows[part][col];
      if (col !== 'deviation' && v !== null && parent !== null && v !== 0 && parent !== 0 && Math.sign(v) !== Math.sign(parent)) {
        c.add(
          'result',
          `${part}:${col}:sign`,
          v,
          -v,
          (typed, expected) =>
            `${RESULT_LABELS[part]}, ${COLUMN_LABEL[col]}: ${typed} har omvänt tecken mot kostnaderna ${tkr(parent)}; väntat ${expected}.`,
          [`result:${part}:${col}`],
        );
      }
    }
  }
}

function checkOperations(c: Collector, o: Operations) {
  for (const row of o.rows) {
    const rowLabel = `${row.code} ${row.name}`;
    checkDeviation(c, 'operations', `row:${row.code}`, rowLabel, row, `operations:${row.code}`);
    const n = row.note;
    if (!n) continue;
    const noteLabel = `Analys ${n.number} (${rowLabel})`;
    c.add(
      'operations',
      `note:${row.code}:forecast`,
      row.forecast,
      sumOf([n.forecastIncome, n.forecastCost]),
      (typed, expected) => `${noteLabel}: prognosen ${typed} i driftredovisningen, men intäkt + kostnad i analysen ger ${expected}.`,
      [`operations:${row.code}:forecast`, `operations:${row.code}:note:forecastIncome`, `operations:${row.code}:note:forecastCost`],
    );
    c.add(
      'operations',
      `note:${row.code}:budget`,
      row.budget,
      sumOf([n.budgetIncome, n.budgetCost]),
      (typed, expected) => `${noteLabel}: budgeten ${typed} i driftredovisningen, men intäkt + kostnad i analysen ger ${expected}.`,
      [`operations:${row.code}:budget`, `operations:${row.code}:note:budgetIncome`, `operations:${row.code}:note:budgetCost`],
    );
    c.add(
      'operations',
      `note:${row.code}:net`,
      n.netDeviation,
      row.deviation,
      (typed, expected) => `${noteLabel}: nettoavvikelsen ${typed} i analysen, men avvikelsen i driftredovisningen är ${expected}.`,
      [`operations:${row.code}:note:netDeviation`, `operations:${row.code}:deviation`],
    );
  }
  checkDeviation(c, 'operations', 'total', o.totalLabel, o.total, 'operations:total');
  for (const col of COLUMNS) {
    const sum = sumOf(o.rows.map((r) => r[col]));
    const typedTotal = o.total[col];
    if (typedTotal === null || sum === null || typedTotal === sum) continue;
    // Which single row would make the Summa hold: named when that row looks mistyped.
    const diff = typedTotal - sum;
    const suspect = o.rows
      .filter((r) => r[col] !== null)
      .map((r) => ({ r, needed: r[col]! + diff }))
      .find(({ r, needed }) => typoHint(r[col]!, needed) !== '');
    if (suspect) {
      c.add(
        'operations',
        `sum:${col}:row:${suspect.r.code}`,
        suspect.r[col],
        suspect.needed,
        (typed, expected) =>
          `${suspect.r.code} ${suspect.r.name}, ${COLUMN_LABEL[col]}: ${typed} är angivet, men ${o.totalLabel} (${tkr(typedTotal)}) ` +
          `kräver ${expected}${typoHint(suspect.r[col]!, suspect.needed)}.`,
        [`operations:${suspect.r.code}:${col}`, `operations:total:${col}`],
      );
    } else {
      c.add(
        'operations',
        `sum:${col}`,
        typedTotal,
        sum,
        (typed, expected) => `${o.totalLabel}, ${COLUMN_LABEL[col]}: ${typed} är angivet, men raderna summerar till ${expected}.`,
        [`operations:total:${col}`],
      );
    }
  }
}

function checkInvestments(c: Collector, inv: Investments) {
  // Sub-items: their sum is the parent's utfall.
  const subSums = new Map<string, number>();
  for (const [i, p] of inv.projects.entries()) {
    checkDeviation(c, 'investments', `project:${p.name}`, p.name, p, `investments:${i}`);
    const subSum = sumOf(p.subItems.map((s) => s.outcome));
    if (p.subItems.length > 0 && subSum !== null && p.outcome !== null && subSum !== p.outcome) {
      subSums.set(p.name, subSum);
      c.add(
        'investments',
        `subitems:${p.name}`,
        p.outcome,
        subSum,
        (typed, expected) => `${p.name}, Utfall: ${typed} är angivet, men delposterna summerar till ${expected}.`,
        [`investments:${i}:outcome`, `investments:${i}:subItems`],
      );
    }
    const t = p.totals;
    if (t) {
      // The second table repeats the year's figures: each must be the same.
      for (const col of COLUMNS) {
        c.add('investments', `totals:${p.name}:${col}`, t[col], p[col], (typed, expected) => {
          const flipped = t[col] === -(p[col] ?? 0) ? ' (omvänt tecken)' : '';
          return (
            `${p.name}, ${COLUMN_LABEL[col]}: ${expected} i investeringsredovisningen, men ${typed} i tabellen med ` +
            `projektkostnader ("${t.name}")${flipped}.`
          );
        }, [`investments:${i}:${col}`, `investments:${i}:totals:${col}`]);
      }
      checkDeviation(c, 'investments', `totals:${p.name}`, `${t.name} (projektkostnader)`, t, `investments:${i}:totals`);
      c.add(
        'investments',
        `totals:${p.name}:accumulated`,
        t.accumulatedDeviation,
        deviationOf(t.totalForecast, t.totalBudget),
        (typed, expected) =>
          `${t.name}: Ack. avvikelse är ${typed}, men total projektprognos − total projektbudget ger ${expected}.`,
        [`investments:${i}:totals:accumulatedDeviation`, `investments:${i}:totals:totalForecast`, `investments:${i}:totals:totalBudget`],
      );
    }
    const a = p.analysis;
    if (a) {
      for (const col of ['forecast', 'budget', 'deviation'] as const) {
        c.add(
          'investments',
          `analysis:${p.name}:${col}`,
          a[col],
          p[col],
          (typed, expected) => `Analys ${a.number} (${p.name}), ${COLUMN_LABEL[col]}: ${typed} i analysen, men ${expected} i tabellen.`,
          [`investments:${i}:analysis:${col}`, `investments:${i}:${col}`],
        );
      }
    }
  }
  checkDeviation(c, 'investments', 'total', 'Summa', inv.total, 'investments:total');
  checkDeviation(c, 'investments', 'net', 'Nettoutgifter', inv.net, 'investments:net');
  for (const col of COLUMNS) {
    const sum = sumOf(inv.projects.map((p) => p[col]));
    const typedTotal = inv.total[col];
    if (typedTotal !== null && sum !== null && typedTotal !== sum) {
      // Does the Summa hold with a project's sub-item sum instead of its typed utfall?
      const holdsWith =
        col === 'outcome'
          ? inv.projects.find((p) => subSums.has(p.name) && sum - p.outcome! + subSums.get(p.name)! === typedTotal)
          : undefined;
      const hint = holdsWith
        ? ` Summan stämmer om ${holdsWith.name} har delposternas ${tkr(subSums.get(holdsWith.name)!)} i stället för ${tkr(holdsWith.outcome!)}.`
        : '';
      c.add(
        'investments',
        `sum:${col}`,
        typedTotal,
        sum,
        (typed, expected) => `Summa, ${COLUMN_LABEL[col]}: ${typed} är angivet, men projekten summerar till ${expected}.${hint}`,
        [`investments:total:${col}`],
      );
    }
    c.add(
      'investments',
      `net:${col}`,
      inv.net[col],
      typedTotal,
      (typed, expected) => `Nettoutgifter, ${COLUMN_LABEL[col]}: ${typed}, men investeringsredovisningens Summa är ${expected}.`,
      [`investments:net:${col}`, `investments:total:${col}`],
    );
  }
}

function checkAcross(c: Collector, r: ResultSummary, o: Operations) {
  for (const col of COLUMNS) {
    c.add(
      'result',
      `across:result:${col}`,
      r.rows.result[col],
      o.total[col],
      (typed, expected) =>
        `Resultat, ${COLUMN_LABEL[col]}: ${typed} i resultatsammanställningen, men ${expected} i driftredovisningens ${o.totalLabel}.`,
      [`result:result:${col}`, `operations:total:${col}`],
    );
  }
}

/** Every warning of a board's period, in table order. */
export function checkFinance(tables: FinanceTables): FinanceWarning[] {
  const c = new Collector();
  if (tables.result) checkResult(c, tables.result);
  if (tables.operations) checkOperations(c, tables.operations);
  if (tables.investments) checkInvestments(c, tables.investments);
  if (tables.result && tables.operations) checkAcross(c, tables.result, tables.operations);
  return c.warnings;
}

export interface CheckedWarning extends FinanceWarning {
  explanation: FinanceExplanation | null;
}

/** The warnings with the explanation that accepts each (given for exactly its figures). */
export function withExplanations(warnings: FinanceWarning[], explanations: readonly FinanceExplanation[]): CheckedWarning[] {
  const byKey = new Map(explanations.map((e) => [e.key, e]));
  return warnings.map((w) => {
    const e = byKey.get(w.key);
    return { ...w, explanation: e && e.figures === figuresKey(w) && e.text.trim() !== '' ? e : null };
  });
}

/** The readiness rule: the unexplained warnings that keep the board from being marked ready. */
export function unexplained(warnings: readonly CheckedWarning[]): CheckedWarning[] {
  return warnings.filter((w) => w.explanation === null);
}

export function readinessRefusalForFinance(count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? 'Ekonomitabellerna har en oförklarad skillnad. Rätta siffran eller förklara skillnaden på sidan Ekonomi.'
    : `Ekonomitabellerna har ${count} oförklarade skillnader. Rätta siffrorna eller förklara skillnaderna på sidan Ekonomi.`;
}
