// The one rule of what is live in a period.
import { describe, expect, it } from 'vitest';
import { isLive } from '@/lib/live';

const y2024 = { year: 2024 };
const when = new Date('2024-09-01T10:00:00Z');

describe('isLive', () => {
  it('keeps a plan, goal and indicator of the period year that nothing above has archived', () => {
    expect(isLive({ kind: 'plan', planYear: 2024, archivedAt: null }, y2024)).toBe(true);
    expect(isLive({ kind: 'goal', planYear: 2024, planArchivedAt: null, archivedAt: null }, y2024)).toBe(true);
    expect(isLive({ kind: 'indicator', planYear: 2024, planArchivedAt: null, goalArchivedAt: null, archivedAt: null }, y2024)).toBe(true);
  });

  it('drops an item archived itself or under an archived goal or plan', () => {
    expect(isLive({ kind: 'plan', planYear: 2024, archivedAt: when }, y2024)).toBe(false);
    expect(isLive({ kind: 'goal', planYear: 2024, planArchivedAt: when, archivedAt: null }, y2024)).toBe(false);
    expect(isLive({ kind: 'goal', planYear: 2024, planArchivedAt: null, archivedAt: when }, y2024)).toBe(false);
    expect(isLive({ kind: 'indicator', planYear: 2024, planArchivedAt: when, goalArchivedAt: null, archivedAt: null }, y2024)).toBe(false);
    expect(isLive({ kind: 'indicator', planYear: 2024, planArchivedAt: null, goalArchivedAt: when, archivedAt: null }, y2024)).toBe(false);
    expect(isLive({ kind: 'indicator', planYear: 2024, planArchivedAt: null, goalArchivedAt: null, archivedAt: '2024-09-01' }, y2024)).toBe(false);
  });

  it('drops plan items of another year', () => {
    expect(isLive({ kind: 'plan', planYear: 2023, archivedAt: null }, y2024)).toBe(false);
    expect(isLive({ kind: 'goal', planYear: 2025, planArchivedAt: null, archivedAt: null }, y2024)).toBe(false);
    expect(isLive({ kind: 'indicator', planYear: 2023, planArchivedAt: null, goalArchivedAt: null, archivedAt: null }, y2024)).toBe(false);
  });

  it('keeps an assignment across years until it is archived', () => {
    expect(isLive({ kind: 'assignment', archivedAt: null }, { year: 2031 })).toBe(true);
    expect(isLive({ kind: 'assignment', archivedAt: when }, y2024)).toBe(false);
  });

  it('keeps a focus area or council goal in the years it is valid', () => {
    const area = { kind: 'focus_area' as const, validFrom: 2023, validTo: 2024, archivedAt: null };
    expect(isLive(area, { year: 2022 })).toBe(false);
    expect(isLive(area, { year: 2023 })).toBe(true);
    expect(isLive(area, { year: 2024 })).toBe(true);
    expect(isLive(area, { year: 2025 })).toBe(false);
    expect(isLive({ ...area, validTo: null }, { year: 2040 })).toBe(true);
    expect(isLive({ ...area, kind: 'council_goal', archivedAt: when }, y2024)).toBe(false);
  });
});
