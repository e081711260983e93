// The assignment monitor's filters: parsed from the URL with fixed lists only (anything
// else falls back to the default), applied in memory, counted and written back to a query.
import { describe, expect, it } from 'vitest';
import {
  applyAssignmentFilters,
  countByStatus,
  DEFAULT_FILTERS,
  filtersToQuery,
  parseAssignmentFilters,
  type AssignmentFilters,
  type AssignmentMonitorRow,
  type AssignmentMonitorUnit,
} from '@/lib/assignment-filters';

const UNIT_A = '0b7c2a4e-8f1d-4c3b-9a6e-2d5f7e9a1c3b';
const UNIT_B = '1c8d3b5f-9a2e-4d4c-8b7f-3e6a8f0b2d4c';
const AREA_TOP = '2d9e4c6a-0b3f-4e5d-9c8a-4f7b9a1c3e5d';
const AREA_SUB = '3e0f5d7b-1c4a-4f6e-8d9b-5a8c0b2d4f6e';
const PERIOD = '5e8d1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';

const BOARD_KS = '00000000-0000-4000-8000-0000000000b1';
const BOARD_SN = '00000000-0000-4000-8000-0000000000b2';

function unit(id: string, name: string, over: Partial<AssignmentMonitorUnit> = {}): AssignmentMonitorUnit {
  return { id, name, status: null, reported: false, reportHeading: null, reportBody: null, lastReportedAt: null, ...over };
}

function row(id: string, over: Partial<AssignmentMonitorRow> = {}): AssignmentMonitorRow {
  return {
    id,
    title: `Uppdrag ${id}`,
    description: null,
    issuer: 'board',
    issuerName: 'Kommunstyrelsen',
    decisionDate: null,
    diaryNumber: null,
    dueDate: null,
    focusAreaId: null,
    focusAreaName: null,
    focusAreaPath: [],
    boardIds: [BOARD_KS],
    units: [unit(UNIT_A, 'Kommunledningsförvaltningen')],
    status: null,
    overdue: false,
    overdueToday: false,
    reportedThisPeriod: false,
    missingUnits: ['Kommunledningsförvaltningen'],
    changedSinceLastPeriod: false,
    ...over,
  };
}

const ROWS: AssignmentMonitorRow[] = [
  row('a', {
    title: 'Digitalisering i verksamheterna',
    issuer: 'council',
    issuerName: 'Kommunfullmäktige',
    dueDate: '2024-12-31',
    status: 'in_progress',
    reportedThisPeriod: true,
    missingUnits: [],
    units: [unit(UNIT_A, 'Kommunledningsförvaltningen', { status: 'in_progress', reported: true, lastReportedAt: '2024-08-01T10:00:00.000Z' })],
    focusAreaId: AREA_SUB,
    focusAreaPath: [AREA_TOP, AREA_SUB],
    changedSinceLastPeriod: true,
  }),
  row('b', {
    title: 'Översiktsplan för landsbygden',
    dueDate: '2024-06-30',
    status: 'not_started',
    overdue: true,
    units: [
      unit(UNIT_A, 'Kommunledningsförvaltningen', {
        status: 'not_started',
        reported: true,
        reportBody: 'Arbetet med byarnas strategi har ännu inte startat.',
        lastReportedAt: '2024-08-20T10:00:00.000Z',
      }),
      unit(UNIT_B, 'Socialnämnden'),
    ],
    missingUnits: ['Socialnämnden'],
    boardIds: [BOARD_KS, BOARD_SN],
  }),
  row('c', { title: 'Arena och namnrättigheter', description: 'Sponsring av den nya idrottshallen.', status: 'done', reportedThisPeriod: true, missingUnits: [] }),
  row('d', { title: 'Budget i balans', dueDate: '2024-03-25', status: 'cancelled' }),
  row('e', { title: 'Ärendehantering', issuer: 'council', issuerName: 'Kommunfullmäktige', focusAreaId: AREA_TOP, focusAreaPath: [AREA_TOP] }),
];

const ids = (rows: AssignmentMonitorRow[]) => rows.map((r) => r.id);
const withFilters = (over: Partial<AssignmentFilters>): AssignmentFilters => ({ ...DEFAULT_FILTERS, ...over });

describe('parseAssignmentFilters', () => {
  it('gives the defaults for no params at all', () => {
    expect(parseAssignmentFilters({})).toEqual(DEFAULT_FILTERS);
    expect(parseAssignmentFilters(undefined)).toEqual(DEFAULT_FILTERS);
    expect(parseAssignmentFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
  });

  it.each([
    ['sort', 'title; drop table assignments', 'titel'],
    ['sort', 'assignments.title', 'titel'],
    ['sort', 'TITEL', 'titel'],
    ['sort', '', 'titel'],
    ['ordning', 'desc', 'stigande'],
    ['ordning', "fallande' or 1=1", 'stigande'],
    ['status', 'klar', ''],
    ['status', 'done; --', ''],
    ['issuer', 'kommunfullmäktige', ''],
    ['issuer', 'admin', ''],
    ['enhet', 'not-a-uuid', ''],
    ['enhet', "' or '1'='1", ''],
    ['malomrade', '123', ''],
    ['period', 'gårdagens', ''],
    ['forsenat', 'true', ''],
    ['ejrapporterat', 'on', ''],
    ['andrat', '2', ''],
  ] as const)('%s=%j falls back to %j', (key, value, expected) => {
    expect(parseAssignmentFilters({ [key]: value })[key]).toBe(expected);
  });

  it.each([
    ['sort', 'slutdatum'],
    ['sort', 'senast'],
    ['sort', 'uppdragsgivare'],
    ['ordning', 'fallande'],
    ['status', 'none'],
    ['status', 'cancelled'],
    ['issuer', 'council'],
    ['enhet', UNIT_A],
    ['malomrade', AREA_TOP],
    ['period', PERIOD],
    ['forsenat', '1'],
  ] as const)('keeps a valid %s=%j', (key, value) => {
    expect(parseAssignmentFilters({ [key]: value })[key]).toBe(value);
  });

  it('trims the search text and cuts it at 200 characters', () => {
    expect(parseAssignmentFilters({ q: '  digital  ' }).q).toBe('digital');
    expect(parseAssignmentFilters({ q: 'å'.repeat(500) }).q).toHaveLength(200);
    expect(parseAssignmentFilters({ q: 'title; drop table x' }).q).toBe('title; drop table x'); // text, never SQL
  });

  it('takes the first of repeated params, ignores unknown ones and reads URLSearchParams', () => {
    expect(parseAssignmentFilters({ sort: ['status', 'titel'], okand: 'x' })).toEqual({ ...DEFAULT_FILTERS, sort: 'status' });
    expect(parseAssignmentFilters(new URLSearchParams('status=done&q=%C3%B6k&ordning=fallande'))).toEqual({
      ...DEFAULT_FILTERS,
      status: 'done',
      q: 'ök',
      ordning: 'fallande',
    });
  });

  it('never throws, whatever arrives', () => {
    for (const value of [null, 42, {}, ['a'], undefined]) {
      expect(() => parseAssignmentFilters({ sort: value as unknown as string, q: value as unknown as string })).not.toThrow();
    }
    expect(parseAssignmentFilters({ sort: 42 as unknown as string }).sort).toBe('titel');
  });
});

describe('filtersToQuery', () => {
  it('is empty for the defaults', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toBe('');
  });

  it('holds only non-default values, in a fixed order, and round-trips', () => {
    const filters = withFilters({ q: 'ö digital', sort: 'slutdatum', status: 'none', forsenat: '1', period: PERIOD });
    const query = filtersToQuery(filters);
    expect(query).toBe(`status=none&forsenat=1&q=%C3%B6+digital&sort=slutdatum&period=${PERIOD}`);
    expect(parseAssignmentFilters(new URLSearchParams(query))).toEqual(filters);
  });

  it('drops invalid values instead of passing them on', () => {
    expect(filtersToQuery({ sort: 'drop table' as never, enhet: 'x' })).toBe('');
  });
});

describe('applyAssignmentFilters', () => {
  it.each<[string, Partial<AssignmentFilters>, string[]]>([
    ['no filters: everything, by title A–Ö', {}, ['c', 'd', 'a', 'e', 'b']],
    ['issuer council', { issuer: 'council' }, ['a', 'e']],
    ['issuer board', { issuer: 'board' }, ['c', 'd', 'b']],
    ['status not started', { status: 'not_started' }, ['b']],
    ['status none', { status: 'none' }, ['e']],
    ['a responsible unit', { enhet: UNIT_B }, ['b']],
    ['a board (issuer or a responsible unit in it)', { namnd: BOARD_SN }, ['b']],
    ['a board and a status', { namnd: BOARD_KS, status: 'done' }, ['c']],
    ['a målområde takes its sub-areas', { malomrade: AREA_TOP }, ['a', 'e']],
    ['a sub-area', { malomrade: AREA_SUB }, ['a']],
    ['overdue', { forsenat: '1' }, ['b']],
    ['not reported this period', { ejrapporterat: '1' }, ['d', 'e', 'b']],
    ['changed since last period', { andrat: '1' }, ['a']],
    ['"digital" finds "Digitalisering"', { q: 'digital' }, ['a']],
    ['upper case finds lower case', { q: 'DIGITAL' }, ['a']],
    ['"ö" words: "översikt"', { q: 'översikt' }, ['b']],
    ['"Ä" finds "Ärende" whatever the case', { q: 'äRENDE' }, ['e']],
    ['in the description', { q: 'idrottshallen' }, ['c']],
    ['in a unit name', { q: 'socialnämnden' }, ['b']],
    ['in the latest report', { q: 'byarnas' }, ['b']],
    ['every word must match', { q: 'landsbygden strategi' }, ['b']],
    ['no match', { q: 'finns inte' }, []],
    ['combined filters', { issuer: 'board', status: 'done' }, ['c']],
  ])('%s', (_name, filters, expected) => {
    expect(ids(applyAssignmentFilters(ROWS, withFilters(filters)))).toEqual(expected);
  });

  it.each<[string, Partial<AssignmentFilters>, string[]]>([
    ['title descending (Swedish: Ä and Ö after Z)', { ordning: 'fallande' }, ['b', 'e', 'a', 'd', 'c']],
    ['due date, missing last', { sort: 'slutdatum' }, ['d', 'b', 'a', 'c', 'e']],
    ['due date descending, missing still last', { sort: 'slutdatum', ordning: 'fallande' }, ['a', 'b', 'd', 'c', 'e']],
    ['status, least advanced first (ej angiven first)', { sort: 'status' }, ['e', 'b', 'a', 'c', 'd']],
    ['issuer, then title', { sort: 'uppdragsgivare' }, ['a', 'e', 'c', 'd', 'b']],
    ['latest report, missing last', { sort: 'senast', ordning: 'fallande' }, ['b', 'a', 'c', 'd', 'e']],
  ])('sorts by %s', (_name, filters, expected) => {
    expect(ids(applyAssignmentFilters(ROWS, withFilters(filters)))).toEqual(expected);
  });

  it('sorts with Swedish collation: å, ä, ö after z', () => {
    const rows = ['Örebro', 'Ängen', 'Åsbro', 'Zon', 'Askersund'].map((title, i) => row(String(i), { title }));
    expect(applyAssignmentFilters(rows, DEFAULT_FILTERS).map((r) => r.title)).toEqual(['Askersund', 'Zon', 'Åsbro', 'Ängen', 'Örebro']);
  });

  it('does not change its input', () => {
    const before = ids(ROWS);
    applyAssignmentFilters(ROWS, withFilters({ sort: 'status', ordning: 'fallande' }));
    expect(ids(ROWS)).toEqual(before);
  });
});

describe('countByStatus', () => {
  it('counts each status, none stated and overdue', () => {
    expect(countByStatus(ROWS)).toEqual({ not_started: 1, in_progress: 1, done: 1, cancelled: 1, none: 1, overdue: 1, overdueToday: 0 });
  });

  it('counts "Försenat i dag" apart from "Försenat"', () => {
    const rows = [row('x', { overdueToday: true }), row('y', { overdue: true })];
    expect(countByStatus(rows)).toMatchObject({ overdue: 1, overdueToday: 1 });
  });

  it('is all zeros for no rows', () => {
    expect(countByStatus([])).toEqual({ not_started: 0, in_progress: 0, done: 0, cancelled: 0, none: 0, overdue: 0, overdueToday: 0 });
  });
});
