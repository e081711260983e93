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
  colour: Colour | null;
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
