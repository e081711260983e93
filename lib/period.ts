// How periods are named and dated in Swedish.
import { formatCalendarDate } from './time-format';
export type PeriodKind = 'T1' | 'delar' | 'helar';
export type PeriodState = 'draft' | 'open' | 'closed';

/** A period as every surface sees it. */
export interface Period {
  id: string;
  year: number;
  kind: PeriodKind;
  endDate: string;
  deadline: string | null;
  state: PeriodState;
}

const KIND_LABELS: Record<PeriodKind, string> = { T1: 'Tertial 1', delar: 'Delår', helar: 'Helår' };
const STATE_LABELS: Record<PeriodState, string> = {
  draft: 'Utkast',
  open: 'Öppen för rapportering',
  closed: 'Stängd',
};

/** "Delår 2024" */
export function periodLabel(kind: PeriodKind, year: number): string {
  return `${KIND_LABELS[kind]} ${year}`;
}

/** "Delår" */
export function periodKindLabel(kind: PeriodKind): string {
  return KIND_LABELS[kind];
}

export function periodStateLabel(state: PeriodState): string {
  return STATE_LABELS[state];
}

/** An ISO date ("2024-08-31") as Swedish prose: "31 augusti 2024". */
export function formatDate(isoDate: string): string {
  return formatCalendarDate(isoDate);
}
