// A goal of the report as the page draws it: the words and marks of its heading, its table of
// indicators and its notes, worked out from the report model (lib/report-model.ts) and the
// reader's options, in the least data. The page hands this to its one client component per goal
// (components/report-goal.tsx), so what travels in the page's RSC payload is this data rather
// than the table's markup (issue 19: a large board's report carried every cell twice).
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { ReportGoal } from './report-model';
import type { ReportOptions } from './report-options';
import { formatOutcome } from './swedish-number';

/** An indicator's row; fields that are empty are left out (an undefined field still travels). */
export interface ReportRowView {
  name: string;
  target: string;
  /** The outcome formatted ("66,8", "–"). */
  outcome: string;
  colour: Colour;
  trend?: Trend;
  /** The note marks (¹ ²) after the colour and after the arrow, when the reporter chose them. */
  colourMark?: string;
  trendMark?: string;
  rank?: string;
  note?: string;
  /** The reporter's analysis is rendered on the server (components/markdown.tsx) and passed beside this. */
}

export interface ReportGoalView {
  title: string;
  text: string;
  bearings?: string[];
  method?: string;
  addressedTo?: string;
  /** The table's year row ("År | 2024 | 2024") instead of the year in the column headings. */
  yearRow?: true;
  rows?: ReportRowView[];
  /** The notes under the table (for the rows' marks), then those under the goal's line. */
  tableNotes?: string[];
  attainment?: { colour?: Colour; mark?: string; forecast?: Colour };
  notes?: string[];
}

/** Superscript note marks: ¹ ² ³ … (as in the DOCX). */
const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
export function noteMark(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

/** The notes "… vald av rapportören: <motivering>", numbered per goal as in the DOCX. */
function noteTaker(options: ReportOptions) {
  const notes: string[] = [];
  const mark = (chosen: { justification: string | null } | null | undefined, what: string) => {
    if (!chosen || !options.overrideNotes) return '';
    notes.push(`${what} vald av rapportören${chosen.justification ? `: ${chosen.justification}` : ' (ingen motivering angiven).'}`);
    return noteMark(notes.length);
  };
  return { notes, mark };
}

/** Only the fields that hold something. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;
}

export function reportGoalView(goal: ReportGoal, options: ReportOptions): ReportGoalView {
  const { notes, mark } = noteTaker(options);
  const rows = goal.indicators.map((ind) =>
    compact<ReportRowView>({
      name: ind.name,
      target: ind.targetLabel,
      outcome: formatOutcome(ind.outcome, ind.decimals),
      colour: ind.colour,
      colourMark: mark(ind.chosenColour, 'Färgen är'),
      // The arrow's mark is taken only where there is an arrow, as the row shows it.
      ...(ind.trend ? { trend: ind.trend, trendMark: mark(ind.chosenTrend, 'Pilen är') } : {}),
      rank: ind.rankStatement,
      note: ind.referenceNote ?? undefined,
    }),
  );
  const tableNotes = notes.length;
  const showAttainment = options.goalAttainment && (goal.colour || goal.forecastColour);
  const goalMark = options.goalAttainment && goal.colour ? mark(goal.chosenColour, 'Färgen är') : '';
  return compact<ReportGoalView>({
    title: goal.title,
    text: goal.text,
    bearings: goal.bearings.length ? goal.bearings : undefined,
    method: goal.methodText ?? undefined,
    addressedTo: goal.addressedTo.length ? goal.addressedTo.join(', ') : undefined,
    yearRow: goal.yearRow ? true : undefined,
    rows: rows.length ? rows : undefined,
    tableNotes: tableNotes ? notes.slice(0, tableNotes) : undefined,
    attainment: showAttainment ? compact({ colour: goal.colour ?? undefined, mark: goalMark, forecast: goal.forecastColour ?? undefined }) : undefined,
    notes: notes.length > tableNotes ? notes.slice(tableNotes) : undefined,
  });
}
