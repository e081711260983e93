import { describe, expect, it } from 'vitest';
import { pageHref, pageOf, pageOfSections, pageOfWeighted, pageWindow, parsePage } from '@/lib/paging';

const rows = Array.from({ length: 23 }, (_, i) => i + 1);

describe('pages of long lists', () => {
  it('reads a page number from the URL; anything else is the first page', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', '0', '-1', '1.5', 'abc', '01', '9999999']) expect(parsePage(bad), String(bad)).toBe(1);
  });

  it('shows a page of rows with where the reader is, and clamps a page past the end to the last', () => {
    expect(pageOf(rows, 1, 10)).toEqual({ items: rows.slice(0, 10), info: { page: 1, pages: 3, total: 23, first: 1, last: 10 } });
    expect(pageOf(rows, 3, 10)).toEqual({ items: [21, 22, 23], info: { page: 3, pages: 3, total: 23, first: 21, last: 23 } });
    expect(pageOf(rows, 99, 10).info.page).toBe(3);
    expect(pageOf([], 2, 10)).toEqual({ items: [], info: { page: 1, pages: 1, total: 0, first: 0, last: 0 } });
  });

  it('fills weighted pages up to the weight or the count, at least one row a page, every row once', () => {
    const goals = [4, 4, 4, 4, 4, 4, 30, 1, 1, 1, 1].map((w, i) => ({ id: i, w }));
    const limits = { maxWeight: 24, maxItems: 3 };
    const pages = [];
    const first = pageOfWeighted(goals, 1, (g) => g.w, limits);
    for (let p = 1; p <= first.info.pages; p++) pages.push(pageOfWeighted(goals, p, (g) => g.w, limits).items.map((g) => g.id));
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6], [7, 8, 9], [10]]);
    expect(pageOfWeighted(goals, 4, (g) => g.w, limits).info).toEqual({ page: 4, pages: 5, total: 11, first: 8, last: 10 });
    expect(pageOfWeighted(goals, 50, (g) => g.w, limits).info.page).toBe(5);
  });

  it('links another page keeping the view, leaving page 1 out of the URL', () => {
    expect(pageHref('/avvikelser', { period: 'p', namnd: undefined, sida: '4' }, 2)).toBe('/avvikelser?period=p&sida=2');
    expect(pageHref('/avvikelser', { period: 'p' }, 1)).toBe('/avvikelser?period=p');
    expect(pageHref('/', {}, 1)).toBe('/');
  });

  it('pages rows listed in sections (Avvikelser) as pageOf pages them all in a row, each section keeping its rows of the page', () => {
    const a = Array.from({ length: 30 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 30 }, (_, i) => `b${i}`);
    const second = pageOfSections([a, [], b], 2, 25);
    expect(second.info).toEqual({ page: 2, pages: 3, total: 60, first: 26, last: 50 });
    expect(second.sections.map((rows) => rows.length)).toEqual([5, 0, 20]);
    expect(second.sections[0]![0]).toBe('a25');
    expect(pageOfSections([a, [], b], 3, 25).sections.map((rows) => rows.length)).toEqual([0, 0, 10]);
    for (const sizes of [[0, 0], [3, 0, 41], [40], [0, 17, 23, 1]]) {
      const sections = sizes.map((n, s) => Array.from({ length: n }, (_, i) => `${s}:${i}`));
      for (const page of [1, 2, 3, 99]) {
        const paged = pageOfSections(sections, page, 10);
        const flat = pageOf(sections.flat(), page, 10);
        expect(paged.info, `${sizes} page ${page}`).toEqual(flat.info);
        expect(paged.sections.flat()).toEqual(flat.items);
      }
    }
    expect(pageOfSections([a, b], 1, 60).sections).toEqual([a, b]);
  });

  it('pages a list counted in SQL as pageOf pages one in memory: the offset and the same info', () => {
    for (const total of [0, 1, 10, 23, 40, 41]) {
      const all = Array.from({ length: total }, (_, i) => i);
      for (const page of [1, 2, 3, 5, 99]) {
        const window = pageWindow(total, page, 10);
        const inMemory = pageOf(all, page, 10);
        expect(window.info, `${total} rows, page ${page}`).toEqual(inMemory.info);
        expect(all.slice(window.offset, window.offset + 10)).toEqual(inMemory.items);
      }
    }
  });
});
