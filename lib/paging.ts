// Pages of a list that grows with the kommun (issue 19): every page of the app shows a
// bounded number of rows whatever the size of the organization. The page number travels
// in the URL's `sida` (1-based); anything that is not a page number is the first page, and a
// number past the end is the last page.

export const PAGE_PARAM = 'sida';

export interface PageInfo {
  /** 1-based page shown. */
  page: number;
  pages: number;
  total: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  first: number;
  last: number;
}

export function parsePage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^[1-9][0-9]{0,5}$/.test(value)) return 1;
  return Number(value);
}

export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; info: PageInfo } {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (shown - 1) * size;
  const rows = items.slice(start, start + size);
  return {
    items: rows,
    info: { page: shown, pages, total, first: rows.length ? start + 1 : 0, last: start + rows.length },
  };
}

/**
 * A page of a list counted and cut in SQL (LIMIT/OFFSET): `total` rows, the page asked for
 * clamped as pageOf does, the offset of its first row and the page's info.
 */
export function pageWindow(total: number, page: number, size: number): { offset: number; info: PageInfo } {
  const pages = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const offset = (shown - 1) * size;
  const count = Math.max(0, Math.min(size, total - offset));
  return { offset, info: { page: shown, pages, total, first: count ? offset + 1 : 0, last: offset + count } };
}

/**
 * One page of rows listed in sections (Avvikelser's kinds), the sections in their order: the
 * rows of each section that fall on the page (pageOf over all of them, concatenated).
 */
export function pageOfSections<T>(sections: readonly (readonly T[])[], page: number, size: number): { sections: T[][]; info: PageInfo } {
  const total = sections.reduce((n, rows) => n + rows.length, 0);
  const { offset, info } = pageWindow(total, page, size);
  const end = offset + size;
  let start = 0;
  return {
    sections: sections.map((rows) => {
      const from = start;
      start += rows.length;
      return rows.slice(Math.max(0, offset - from), Math.max(0, end - from));
    }),
    info,
  };
}

/** The href of another page of the same view: its query kept, `sida` replaced (left out for page 1). */
export function pageHref(path: string, query: Record<string, string | null | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (key !== PAGE_PARAM && value) params.set(key, value);
  if (page > 1) params.set(PAGE_PARAM, String(page));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Pages whose rows weigh differently (a goal with its indicators): each page holds rows until
 * the next would pass `maxWeight` or `maxItems` (a page always holds at least one row).
 */
export function pageOfWeighted<T>(
  items: readonly T[],
  page: number,
  weight: (item: T) => number,
  limits: { maxWeight: number; maxItems: number },
): { items: T[]; info: PageInfo } {
  const starts: number[] = [0];
  let load = 0;
  let count = 0;
  items.forEach((item, i) => {
    const w = weight(item);
    if (count > 0 && (load + w > limits.maxWeight || count + 1 > limits.maxItems)) {
      starts.push(i);
      load = 0;
      count = 0;
    }
    load += w;
    count += 1;
  });
  const pages = starts.length;
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = items.length ? starts[shown - 1]! : 0;
  const end = shown < pages ? starts[shown]! : items.length;
  const rows = items.slice(start, end);
  return {
    items: rows,
    info: { page: shown, pages, total: items.length, first: rows.length ? start + 1 : 0, last: start + rows.length },
  };
}
