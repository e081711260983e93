// ScrollTable, the one scrolling table region: named by its caption, the sorted column marked
// for assistive technology, and a long list's cell styles set once on the table.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ScrollTable } from '@/components/scroll-table';

const COLUMNS = ['Uppdrag', 'Status', 'Slutdatum'];

type Props = Parameters<typeof ScrollTable>[0];

function render(props: Partial<Omit<Props, 'children'>> = {}) {
  const row = createElement('tr', null, createElement('td', null, 'Ett uppdrag'));
  // children is given as createElement's third argument; the props' type wants it as well.
  return renderToStaticMarkup(createElement(ScrollTable, { caption: 'Uppdrag, Delår 2024', columns: COLUMNS, ...props } as Props, row));
}

describe('ScrollTable', () => {
  it('is a focusable region named by its caption, or by a shorter label', () => {
    expect(render()).toMatch(/^<div role="region" aria-label="Uppdrag, Delår 2024" tabindex="0"/);
    expect(render({ label: 'Uppdrag' })).toMatch(/^<div role="region" aria-label="Uppdrag" /);
    expect(render()).toContain('<caption class="sr-only">Uppdrag, Delår 2024</caption>');
    expect(render({ captionHidden: false })).toContain('<caption class="px-3 py-2 text-left font-semibold">Uppdrag, Delår 2024</caption>');
  });

  it('marks the sorted column, and only that one, with its direction', () => {
    expect(render()).not.toContain('aria-sort');
    const html = render({ sortedBy: { column: 'Slutdatum', direction: 'descending' } });
    expect(html).toContain('<th scope="col" aria-sort="descending">Slutdatum</th>');
    expect(html.match(/aria-sort/g)).toHaveLength(1);
    expect(render({ sortedBy: { column: 'Status', direction: 'ascending' } })).toContain('<th scope="col" aria-sort="ascending">Status</th>');
  });

  it("sets a long list's cell styles once on the table, beside the phone's stacked rows", () => {
    expect(render({ cells: '[&_td]:px-3' })).toContain('<table class="stack-table w-full text-left text-sm [&amp;_td]:px-3">');
    expect(render({ stack: false })).toContain('<table class="w-full text-left text-sm">');
  });
});
