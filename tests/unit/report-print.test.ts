// The printed report's running header and footer: the approval stamp in Swedish (Stockholm
// time), the preliminary stamp, and CSS strings that cannot break out of their rule.
import { describe, expect, it } from 'vitest';
import { cssString, printPageCss, reportStamp, PRELIMINARY_STAMP } from '@/lib/report-print';

const period = { year: 2024, kind: 'delar' as const, label: 'Delår 2024', endDate: '2024-08-31' };

describe('reportStamp', () => {
  it('names the date (Swedish, Stockholm time) and the approver of an approved period', () => {
    expect(reportStamp({ preliminary: false }, { approvedAt: '2024-09-20T10:15:00Z', approvedBy: 'Karin Kommundirektör' })).toBe(
      'Attesterad 20 september 2024 av Karin Kommundirektör',
    );
    // 23:30 UTC on the 30th is already 1 October in Sweden.
    expect(reportStamp({ preliminary: false }, { approvedAt: '2024-09-30T23:30:00Z', approvedBy: 'K' })).toBe('Attesterad 1 oktober 2024 av K');
  });

  it('says Preliminär for an open period, whatever approval is passed', () => {
    expect(reportStamp({ preliminary: true }, null)).toBe(PRELIMINARY_STAMP);
    expect(reportStamp({ preliminary: true }, { approvedAt: '2024-09-20T10:15:00Z', approvedBy: 'K' })).toBe(PRELIMINARY_STAMP);
    expect(reportStamp({ preliminary: false }, null)).toBe(PRELIMINARY_STAMP);
    expect(PRELIMINARY_STAMP).toMatch(/^Preliminär/);
  });
});

describe('printPageCss', () => {
  it('puts board and period in the header, the stamp and page numbers in the footer', () => {
    const css = printPageCss({ boardName: 'Kommunstyrelsen', period, preliminary: false }, 'Attesterad 20 september 2024 av Karin');
    expect(css).toContain('@top-left { content: "Kommunstyrelsen · Delår 2024"; }');
    expect(css).toContain('@bottom-left { content: "Attesterad 20 september 2024 av Karin"; }');
    expect(css).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages); }');
  });

  it('marks an open period Preliminär in the header too', () => {
    expect(printPageCss({ boardName: 'KS', period, preliminary: true }, PRELIMINARY_STAMP)).toContain('content: "KS · Delår 2024 · Preliminär"');
  });

  it('escapes what could end the string or the style element', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('rad\nett')).toBe('"rad ett"');
    const css = printPageCss({ boardName: '</style><script>x</script>"}', period, preliminary: false }, 'x');
    expect(css).not.toContain('</style');
    expect(css).not.toContain('<');
    expect(css).toContain('\\"}');
  });
});
