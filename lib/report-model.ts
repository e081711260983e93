// The "Mål och uppdrag" section of a board's report for a period, as data: the print page,
// the DOCX and the XLSX are all rendered from this one shape (and an approved period's
// report is stored in its snapshot in exactly this shape). Long texts are Markdown.
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { ReportStatus } from './assignment-status';
import type { PeriodKind } from './period';

export interface ReportIndicator {
  name: string;
  targetLabel: string;
  decimals: number;
  unitOfMeasure: string | null;
  outcome: number | null;
  colour: Colour;
  trend: Trend | null;
  /** The comment in the Måluppfyllelse column (the reporter's analysis). */
  analysis: string | null;
  referenceNote: string | null;
  /** The reporter chose the colour instead of the rule's: the reason given (absent in older snapshots). */
  chosenColour?: { justification: string | null } | null;
  /** The reporter chose the arrow instead of the computed one: the reason given. */
  chosenTrend?: { justification: string | null } | null;
  /**
   * A value fetched from Kolada with the kommun's place in the län: "8 av 12 kommuner i länet
   * har lägre värde än Askersund." (computed, issue 18; absent otherwise and in older snapshots).
   */
  rankStatement?: string;
}

export interface ReportGoal {
  /** "Kommunstyrelsens mål 1" */
  title: string;
  text: string;
  /** "om en attraktiv arbetsgivare och en god arbetsmiljö", one per council goal it bears on. */
  bearings: string[];
  methodText: string | null;
  /** "Adressering": unit names in order. */
  addressedTo: string[];
  /** The sub-area it sits under ("Integration"), if any. */
  subArea: string | null;
  /** The table's header is "Mål | Utfall" with the seed's "År | 2024 | 2024" row under it (else "Mål 2024 | Utfall 2024"). */
  yearRow?: boolean;
  colour: Colour | null;
  /** The reporter chose the goal's colour instead of the rule's: the reason given (absent in older snapshots). */
  chosenColour?: { justification: string | null } | null;
  forecastColour: Colour | null;
  analysis: string | null;
  indicators: ReportIndicator[];
}

export interface ReportUnitReport {
  unitName: string;
  status: ReportStatus | null;
  heading: string | null;
  body: string | null;
}

export interface ReportCouncilAssignment {
  /** "Målområde 2 - De kommunala kärnverksamheterna: Social omsorg" */
  focusAreaLabel: string;
  /** The sub-area it sits under ("Digitalisering"), if any (absent in older snapshots). */
  subArea?: string | null;
  title: string;
  status: ReportStatus | null;
  reports: ReportUnitReport[];
}

export interface ReportFocusArea {
  number: number | null;
  name: string;
  /** The council goals (KF-mål) of the målområde, as statements. */
  councilGoals: string[];
  /** The board's own notes for the målområde ("Det finns inget mål angivet …"). */
  notes: { heading: string | null; body: string }[];
  goals: ReportGoal[];
  councilAssignments: ReportCouncilAssignment[];
  /**
   * The målområde's blocks in the plan's order: its own goals and assignments first, then each
   * sub-area in the admin's order (Ordning). Indexes into goals and councilAssignments. Absent in
   * older snapshots: areaParts() derives it.
   */
  parts?: ReportAreaPart[];
}

export interface ReportAreaPart {
  /** "Digitalisering", or null for the målområde's own goals and assignments. */
  subArea: string | null;
  goals: number[];
  councilAssignments: number[];
}

export interface ReportBoardAssignment {
  title: string;
  description: string | null;
  status: ReportStatus | null;
  /** The latest follow-up (the responsible units' reports this period). */
  followUp: ReportUnitReport[];
}

export interface ReportModel {
  version: 1;
  boardName: string;
  /** "Kommunstyrelsens" */
  boardGenitive: string;
  period: { year: number; kind: PeriodKind; label: string; endDate: string };
  /** An open (not approved) period's report is preliminary. */
  preliminary: boolean;
  /** When it was approved (ISO), for a locked report; fixes the documents' timestamps. */
  approvedAt: string | null;
  /** The intro to "Mål och uppdrag". */
  intro: string | null;
  focusAreas: ReportFocusArea[];
  /** The board's other text blocks, in order ("Övergripande perspektiv"). */
  sections: { heading: string; body: string }[];
  /** "Uppföljning av nämnds uppdrag till förvaltning" */
  boardAssignments: { intro: string | null; groups: { label: string; assignments: ReportBoardAssignment[] }[] };
}

/**
 * The status fills of the Måluppfyllelse cells, the same on the page, in print and in Word. Chosen
 * so that their greys differ too (luma ≈ 143, 191, 228 and 255 for red, green, yellow and grey),
 * and black text on each has a contrast of at least 6:1; the symbol and word carry the meaning.
 */
export const REPORT_STATUS_FILL: Record<Colour, string> = {
  red: 'DA6D6D',
  green: 'A9D18E',
  yellow: 'FFEB85',
  grey: 'FFFFFF',
};

/** The legend ("Förklaring till måluppfyllelse") as the seed writes it. */
export const REPORT_LEGEND = {
  colours: [
    { colour: 'red' as Colour, text: 'Rött = målet ej uppfyllt' },
    { colour: 'yellow' as Colour, text: 'Gult = målet delvis uppfyllt' },
    { colour: 'green' as Colour, text: 'Grönt = målet är uppfyllt' },
    { colour: 'grey' as Colour, text: 'Grått = ej mätt' },
  ],
  trends: [
    { trend: 'better' as Trend, text: 'Pil uppåt = bättre än året innan' },
    { trend: 'same' as Trend, text: 'Pil åt sidan = lika med förra året' },
    { trend: 'worse' as Trend, text: 'Pil nedåt = sämre än året innan' },
  ],
};

/** The legend's colours: the seed's three, and "Grått = ej mätt" when the reader asks for it. */
export function legendColours(options: { greyLegend: boolean }) {
  return REPORT_LEGEND.colours.filter((c) => c.colour !== 'grey' || options.greyLegend);
}

/** A målområde's parts in order (as built, or derived for a report stored before parts existed). */
export function areaParts(area: ReportFocusArea): ReportAreaPart[] {
  if (area.parts) return area.parts;
  const names: (string | null)[] = [null];
  for (const g of area.goals) if (g.subArea && !names.includes(g.subArea)) names.push(g.subArea);
  for (const a of area.councilAssignments) if (a.subArea && !names.includes(a.subArea)) names.push(a.subArea);
  return names
    .map((subArea) => ({
      subArea,
      goals: area.goals.flatMap((g, i) => ((g.subArea ?? null) === subArea ? [i] : [])),
      councilAssignments: area.councilAssignments.flatMap((a, i) => ((a.subArea ?? null) === subArea ? [i] : [])),
    }))
    .filter((p) => p.goals.length + p.councilAssignments.length > 0);
}

/**
 * The seed's outline of a målområde: sub-areas get a heading when the målområde is wholly divided
 * into them (målområde 4: Digitalisering, Integration); where it has goals of its own beside one
 * (målområde 2 and Social omsorg) the sub-area is named in the assignment's table only.
 */
export function subAreaHeadings(parts: ReportAreaPart[]): boolean {
  return parts.length > 0 && parts.every((p) => p.subArea !== null);
}

/**
 * The seed's "Uppdrag" heading: where a målområde has no goals, its KF-mål and notes come first
 * and the heading sets its assignments apart (målområde 3).
 */
export function assignmentsHeading(area: ReportFocusArea): boolean {
  return area.goals.length === 0 && area.councilAssignments.length > 0 && (area.councilGoals.length > 0 || area.notes.length > 0);
}

/** "Målområde 1 - god ekonomisk hushållning": the seed's heading, the name as the plan writes it. */
export function focusAreaHeading(area: { number: number | null; name: string }): string {
  return area.number !== null ? `Målområde ${area.number} - ${area.name}` : area.name;
}
