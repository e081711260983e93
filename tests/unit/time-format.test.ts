// Every time shown is Swedish time, in summer (UTC+2) and winter (UTC+1), across midnight and
// the changes of clock, whatever zone the process runs in.
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatDateTimePrecise,
  formatDayOf,
  stockholmClock,
  stockholmDate,
  todayInStockholm,
} from '@/lib/time-format';

describe('Swedish time', () => {
  it('shows summer time as UTC+2 (the conflict message of issue 13: 08:28 UTC is 10:28)', () => {
    expect(formatDateTime('2024-07-01T08:28:00.000Z')).toBe('1 juli 2024 kl. 10:28');
    expect(formatDateTimePrecise('2024-07-01T08:28:05.000Z')).toBe('2024-07-01 10:28:05');
  });

  it('shows winter time as UTC+1', () => {
    expect(formatDateTime('2024-01-15T09:28:00.000Z')).toBe('15 januari 2024 kl. 10:28');
    expect(formatDateTimePrecise(new Date('2024-01-15T09:28:05.000Z'))).toBe('2024-01-15 10:28:05');
  });

  it('follows the changes of clock (last Sunday of March and of October)', () => {
    expect(formatDateTimePrecise('2024-03-31T00:59:59Z')).toBe('2024-03-31 01:59:59');
    expect(formatDateTimePrecise('2024-03-31T01:00:00Z')).toBe('2024-03-31 03:00:00');
    expect(formatDateTimePrecise('2024-10-27T00:59:59Z')).toBe('2024-10-27 02:59:59');
    expect(formatDateTimePrecise('2024-10-27T01:00:00Z')).toBe('2024-10-27 02:00:00');
  });

  it('puts an instant late in the UTC evening on the next Swedish day', () => {
    expect(formatDayOf('2024-08-31T22:30:00Z')).toBe('1 september 2024'); // 00:30 in summer
    expect(stockholmDate('2024-08-31T21:59:59Z')).toBe('2024-08-31');
    expect(stockholmDate('2024-08-31T22:00:00Z')).toBe('2024-09-01');
    expect(stockholmDate('2024-12-31T23:00:00Z')).toBe('2025-01-01'); // 00:00 in winter
    expect(todayInStockholm(new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
    expect(todayInStockholm(new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });

  it('gives the wall clock for spreadsheet cells', () => {
    expect(stockholmClock('2024-07-01T08:28:05Z')).toEqual({ year: 2024, month: 7, day: 1, hour: 10, minute: 28, second: 5 });
    expect(stockholmClock('2024-01-01T00:00:00Z')).toEqual({ year: 2024, month: 1, day: 1, hour: 1, minute: 0, second: 0 });
  });

  it('writes a calendar day as itself, never shifted by a zone', () => {
    expect(formatCalendarDate('2024-08-31')).toBe('31 augusti 2024');
    expect(formatCalendarDate('2024-01-01')).toBe('1 januari 2024');
    expect(() => formatCalendarDate('31/8')).toThrow();
  });
});
