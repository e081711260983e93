import { describe, it, expect } from 'vitest';
import {
  assignmentStatus,
  isOverdue,
  isOverdueTodayOnly,
  overdueDay,
  OVERDUE_LABEL,
  reportStatusLabel,
  type ReportStatus,
} from '@/lib/assignment-status';

describe('reportStatusLabel', () => {
  it.each<[ReportStatus, string]>([
    ['not_started', 'Ej påbörjat'],
    ['in_progress', 'Pågår'],
    ['done', 'Genomfört'],
    ['cancelled', 'Avfört'],
  ])('%s is %j', (status, label) => {
    expect(reportStatusLabel(status)).toBe(label);
  });

  it('labels overdue as Försenat', () => {
    expect(OVERDUE_LABEL).toBe('Försenat');
  });
});

describe('assignmentStatus', () => {
  it.each<[(ReportStatus | null)[], ReportStatus | null]>([
    [[], null],
    [[null], null],
    [['not_started'], 'not_started'],
    [['in_progress'], 'in_progress'],
    [['done'], 'done'],
    [['cancelled'], 'cancelled'],
    [['done', 'done'], 'done'],
    [['done', 'in_progress'], 'in_progress'],
    [['in_progress', 'not_started'], 'not_started'],
    [['done', 'not_started', 'in_progress'], 'not_started'],
    [['done', null], null],
    [['in_progress', null], null],
    [['done', 'cancelled'], 'cancelled'],
    [[null, 'cancelled'], 'cancelled'],
    [['not_started', 'cancelled', 'done'], 'cancelled'],
  ])('%j gives %s', (units, expected) => {
    expect(assignmentStatus(units)).toBe(expected);
  });
});

describe('isOverdue', () => {
  it.each<[ReportStatus | null, string | null, string, boolean]>([
    ['in_progress', '2024-06-30', '2024-08-31', true],
    ['not_started', '2024-06-30', '2024-08-31', true],
    [null, '2024-06-30', '2024-08-31', true],
    ['done', '2024-06-30', '2024-08-31', false],
    ['cancelled', '2024-06-30', '2024-08-31', false],
    ['in_progress', '2024-08-31', '2024-08-31', false], // due today is not late yet
    ['in_progress', '2024-09-01', '2024-08-31', false],
    ['in_progress', '2023-12-31', '2024-01-01', true],
    ['in_progress', null, '2024-08-31', false], // the seed gives no due dates
    [null, null, '2024-08-31', false],
  ])('%s due %s on %s: %s', (status, due, today, expected) => {
    expect(isOverdue(status, due, today)).toBe(expected);
  });
});

describe('overdueDay', () => {
  const delar2024 = { endDate: '2024-08-31' };
  it('judges a period that has ended as of its end date, whenever it is read', () => {
    expect(overdueDay(delar2024, '2026-11-30')).toBe('2024-08-31');
    // Due 2024-10-31: not overdue in Delår 2024, read two years later.
    expect(isOverdue('in_progress', '2024-10-31', overdueDay(delar2024, '2026-11-30'))).toBe(false);
    expect(isOverdue('in_progress', '2024-06-30', overdueDay(delar2024, '2026-11-30'))).toBe(true);
  });
  it('judges a period that has not ended as of today', () => {
    expect(overdueDay(delar2024, '2024-07-15')).toBe('2024-07-15');
  });
});

describe('isOverdueTodayOnly ("Försenat i dag")', () => {
  const open = { endDate: '2024-08-31', state: 'open' };
  it('is late today but not at the end of the open period', () => {
    expect(isOverdueTodayOnly('in_progress', '2024-10-31', open, '2024-11-15')).toBe(true);
    expect(isOverdueTodayOnly(null, '2024-10-31', open, '2024-11-01')).toBe(true);
  });
  it('is not shown when the period itself already says Försenat, or nothing is late', () => {
    expect(isOverdueTodayOnly('in_progress', '2024-06-30', open, '2024-11-15')).toBe(false); // Försenat already
    expect(isOverdueTodayOnly('in_progress', '2024-10-31', open, '2024-10-31')).toBe(false); // due today
    expect(isOverdueTodayOnly('in_progress', '2024-07-31', open, '2024-08-15')).toBe(false); // period not ended: plain Försenat
    expect(isOverdueTodayOnly('done', '2024-10-31', open, '2024-11-15')).toBe(false);
    expect(isOverdueTodayOnly('cancelled', '2024-10-31', open, '2024-11-15')).toBe(false);
    expect(isOverdueTodayOnly('in_progress', null, open, '2024-11-15')).toBe(false);
  });
  it('is only for an open period', () => {
    for (const state of ['closed', 'draft']) {
      expect(isOverdueTodayOnly('in_progress', '2024-10-31', { ...open, state }, '2024-11-15')).toBe(false);
    }
  });
});
