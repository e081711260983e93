// The assignment monitor's filters (/uppdrag): parsed from the URL's search params with
// fixed lists only, applied to the rows in memory, and written back to a shareable query.
// Pure: no I/O. Nothing from the URL ever reaches SQL, least of all as an identifier.
import { z } from '@/lib/zod';
import type { ReportStatus } from './assignment-status';

export const ISSUER_FILTERS = ['council', 'board'] as const;
export const STATUS_FILTERS = ['not_started', 'in_progress', 'done', 'cancelled', 'none'] as const;
export const SORT_KEYS = ['titel', 'slutdatum', 'status', 'uppdragsgivare', 'senast'] as const;
export const SORT_ORDERS = ['stigande', 'fallande'] as const;
export const MAX_QUERY_LENGTH = 200;

export type IssuerFilter = (typeof ISSUER_FILTERS)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];

/** One assignment as the monitor shows it (built by db/assignment-monitor.ts). */
export interface AssignmentMonitorUnit {
  id: string;
  name: string;
  /** The status of the unit's newest report this period (null: no report, or none stated). */
  status: ReportStatus | null;
  /** The unit has a report this period. */
  reported: boolean;
  reportHeading: string | null;
  reportBody: string | null;
  /** When the unit's newest report this period was written (ISO timestamp). */
  lastReportedAt: string | null;
}

export interface AssignmentMonitorRow {
  id: string;
  title: string;
  description: string | null;
  issuer: IssuerFilter;
  issuerName: string;
  decisionDate: string | null;
  diaryNumber: string | null;
  dueDate: string | null;
  focusAreaId: string | null;
  /** "Målområde 2 – De kommunala kärnverksamheterna: Social omsorg" */
  focusAreaName: string | null;
  /** The focus area and every area above it (so a målområde also matches its sub-areas). */
  focusAreaPath: string[];
  /** The boards it belongs to: the issuing board and the boards of its responsible units (lib/overview-parts assignmentBoards). */
  boardIds: string[];
  units: AssignmentMonitorUnit[];
  status: ReportStatus | null;
  /** "Försenat" as of the period's end (lib/assignment-status overdueDay). */
  overdue: boolean;
  /** "Försenat i dag": late today but not at the period's end, open period only (isOverdueTodayOnly). */
  overdueToday: boolean;
  reportedThisPeriod: boolean;
  missingUnits: string[];
  changedSinceLastPeriod: boolean;
}

const uuidOrEmpty = z.union([z.uuid(), z.literal('')]).catch('');
const flag = z.enum(['1', '']).catch('');

export const assignmentFiltersSchema = z.object({
  issuer: z.enum([...ISSUER_FILTERS, ''] as const).catch(''),
  status: z.enum([...STATUS_FILTERS, ''] as const).catch(''),
  enhet: uuidOrEmpty,
  /** A board: the assignments that belong to it (as the overview's board filter counts them). */
  namnd: uuidOrEmpty,
  malomrade: uuidOrEmpty,
  forsenat: flag,
  ejrapporterat: flag,
  andrat: flag,
  q: z
    .string()
    .transform((v) => v.trim().slice(0, MAX_QUERY_LENGTH).trim())
    .catch(''),
  sort: z.enum(SORT_KEYS).catch('titel'),
  ordning: z.enum(SORT_ORDERS).catch('stigande'),
  period: uuidOrEmpty,
  /** The page of rows shown (lib/paging.ts); empty is the first. */
  sida: z.string().regex(/^[1-9][0-9]{0,5}$/).catch(''),
});

export type AssignmentFilters = z.output<typeof assignmentFiltersSchema>;

export const DEFAULT_FILTERS: AssignmentFilters = Object.freeze({
  issuer: '',
  status: '',
  enhet: '',
  namnd: '',
  malomrade: '',
  forsenat: '',
  ejrapporterat: '',
  andrat: '',
  q: '',
  sort: 'titel',
  ordning: 'stigande',
  period: '',
  sida: '',
});

const KEYS = Object.keys(DEFAULT_FILTERS) as (keyof AssignmentFilters)[];

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined> | null | undefined;

/**
 * The filters in a URL's search params (Next's searchParams object or URLSearchParams).
 * Never throws: a missing, repeated-and-odd, unknown or invalid value is its default.
 */
export function parseAssignmentFilters(params: SearchParamsInput): AssignmentFilters {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    let value: unknown;
    if (params instanceof URLSearchParams) value = params.get(key) ?? undefined;
    else if (params && typeof params === 'object' && Object.hasOwn(params, key)) value = params[key];
    if (Array.isArray(value)) value = value[0];
    if (typeof value === 'string') raw[key] = value;
  }
  // Every field has a .catch, so this cannot fail.
  return assignmentFiltersSchema.parse(raw);
}

/** The query string (without "?") holding only the non-default filters, in a fixed order. */
export function filtersToQuery(filters: Partial<AssignmentFilters>): string {
  const clean = parseAssignmentFilters(filters as Record<string, string>);
  const query = new URLSearchParams();
  for (const key of KEYS) {
    if (clean[key] !== DEFAULT_FILTERS[key]) query.set(key, clean[key]);
  }
  return query.toString();
}

/** Whether any filter that narrows the rows is set (period and sort do not narrow). */
export function hasActiveFilters(filters: AssignmentFilters): boolean {
  const narrowing: (keyof AssignmentFilters)[] = ['issuer', 'status', 'enhet', 'namnd', 'malomrade', 'forsenat', 'ejrapporterat', 'andrat', 'q'];
  return narrowing.some((key) => filters[key] !== DEFAULT_FILTERS[key]);
}

// ---------------------------------------------------------------- filtering and sorting

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Lower-cased (Swedish rules) and composed, so "Ö" matches "ö" however it was typed. */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv');
}

function searchableText(row: AssignmentMonitorRow): string {
  return fold(
    [
      row.title,
      row.description,
      row.issuerName,
      row.diaryNumber,
      row.focusAreaName,
      ...row.units.flatMap((u) => [u.name, u.reportHeading, u.reportBody]),
    ]
      .filter((part): part is string => Boolean(part))
      .join('\n'),
  );
}

/** Every word of the query appears somewhere in the row (case-insensitive substrings). */
export function matchesSearch(row: AssignmentMonitorRow, q: string): boolean {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(row);
  return words.every((w) => text.includes(w));
}

function matches(row: AssignmentMonitorRow, f: AssignmentFilters): boolean {
  if (f.issuer && row.issuer !== f.issuer) return false;
  if (f.status === 'none' ? row.status !== null : f.status && row.status !== f.status) return false;
  if (f.enhet && !row.units.some((u) => u.id === f.enhet)) return false;
  if (f.namnd && !row.boardIds.includes(f.namnd)) return false;
  if (f.malomrade && !(row.focusAreaId === f.malomrade || row.focusAreaPath.includes(f.malomrade))) return false;
  if (f.forsenat && !row.overdue) return false;
  if (f.ejrapporterat && row.reportedThisPeriod) return false;
  if (f.andrat && !row.changedSinceLastPeriod) return false;
  return matchesSearch(row, f.q);
}

/** Least advanced first, as in lib/assignment-status: none stated, then not started … cancelled. */
const STATUS_RANK: Record<StatusFilter, number> = { none: 0, not_started: 1, in_progress: 2, done: 3, cancelled: 4 };

/** The newest report on the assignment this period, by any unit (ISO timestamp), or null. */
export function lastReportedAt(row: AssignmentMonitorRow): string | null {
  let newest: string | null = null;
  for (const u of row.units) if (u.lastReportedAt && (newest === null || u.lastReportedAt > newest)) newest = u.lastReportedAt;
  return newest;
}

/** Compares two values that may be missing: missing ones always go last, whatever the order. */
function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, sign: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * cmp(a, b);
}

const byText = (x: string, y: string) => collator.compare(x, y);
const byIso = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function comparator(sort: SortKey, order: SortOrder): (a: AssignmentMonitorRow, b: AssignmentMonitorRow) => number {
  const sign = order === 'fallande' ? -1 : 1;
  const primary = (a: AssignmentMonitorRow, b: AssignmentMonitorRow): number => {
    switch (sort) {
      case 'titel':
        return sign * byText(a.title, b.title);
      case 'slutdatum':
        return compareNullable(a.dueDate, b.dueDate, byIso, sign);
      case 'status':
        return sign * (STATUS_RANK[a.status ?? 'none'] - STATUS_RANK[b.status ?? 'none']);
      case 'uppdragsgivare':
        return sign * byText(a.issuerName, b.issuerName);
      case 'senast':
        return compareNullable(lastReportedAt(a), lastReportedAt(b), byIso, sign);
    }
  };
  // Ties: by title (always A–Ö), then by id, so the order is stable and the same for everyone.
  return (a, b) => primary(a, b) || byText(a.title, b.title) || byIso(a.id, b.id);
}

/** The rows that match the filters, sorted as asked. Never changes its input. */
export function applyAssignmentFilters<R extends AssignmentMonitorRow>(rows: readonly R[], filters: AssignmentFilters): R[] {
  return rows.filter((row) => matches(row, filters)).sort(comparator(filters.sort, filters.ordning));
}

export interface StatusCounts {
  not_started: number;
  in_progress: number;
  done: number;
  cancelled: number;
  /** No status stated (ej angiven). */
  none: number;
  /** Försenade: counted besides the status. */
  overdue: number;
  /** Försenade i dag (late today, not at the period's end): counted besides the status. */
  overdueToday: number;
}

export function countByStatus(rows: readonly AssignmentMonitorRow[]): StatusCounts {
  const counts: StatusCounts = { not_started: 0, in_progress: 0, done: 0, cancelled: 0, none: 0, overdue: 0, overdueToday: 0 };
  for (const row of rows) {
    counts[row.status ?? 'none'] += 1;
    if (row.overdue) counts.overdue += 1;
    if (row.overdueToday) counts.overdueToday += 1;
  }
  return counts;
}

// ---------------------------------------------------------------- Swedish labels for the form

export const ISSUER_FILTER_LABELS: Record<IssuerFilter | '', string> = {
  '': 'Alla',
  council: 'Kommunfullmäktige',
  board: 'Nämnd',
};

export const STATUS_FILTER_LABELS: Record<StatusFilter | '', string> = {
  '': 'Alla',
  not_started: 'Ej påbörjat',
  in_progress: 'Pågår',
  done: 'Genomfört',
  cancelled: 'Avfört',
  none: 'Ej angiven',
};

export const SORT_LABELS: Record<SortKey, string> = {
  titel: 'Titel',
  slutdatum: 'Slutdatum',
  status: 'Status',
  uppdragsgivare: 'Uppdragsgivare',
  senast: 'Senast rapporterat',
};

export const SORT_ORDER_LABELS: Record<SortOrder, string> = {
  stigande: 'Stigande',
  fallande: 'Fallande',
};
