// The report's choices: the defaults reproduce the seed's section, and the URL round-trips.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPORT_OPTIONS,
  REPORT_OPTION_FIELDS,
  parseReportOptions,
  reportOptionsToParams,
  type ReportOptions,
} from '@/lib/report-options';

describe('report options', () => {
  it('defaults to the seed: nothing added but the marks of chosen colours and arrows', () => {
    expect(parseReportOptions(new URLSearchParams())).toEqual({
      tableOfContents: false,
      preliminaryBanner: false,
      greyLegend: false,
      goalAttainment: false,
      trendWords: false,
      overrideNotes: true,
    });
  });

  it('reads each choice from its parameter, in several spellings, and ignores nonsense', () => {
    const o = parseReportOptions(new URLSearchParams('innehall=1&preliminar=ja&gratt=on&maluppfyllelse=true&pilord=1&markeringar=0'));
    expect(o).toEqual({ tableOfContents: true, preliminaryBanner: true, greyLegend: true, goalAttainment: true, trendWords: true, overrideNotes: false });
    expect(parseReportOptions(new URLSearchParams('innehall=kanske&markeringar='))).toEqual(DEFAULT_REPORT_OPTIONS);
    // A Next.js searchParams object (arrays for repeated keys) works too.
    expect(parseReportOptions({ innehall: ['1', '0'], pilord: undefined }).tableOfContents).toBe(true);
  });

  it('writes only what differs from the default, and parses back to the same options', () => {
    expect(reportOptionsToParams(DEFAULT_REPORT_OPTIONS).toString()).toBe('');
    const chosen: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, tableOfContents: true, overrideNotes: false };
    const params = reportOptionsToParams(chosen);
    expect(params.toString()).toBe('innehall=1&markeringar=0');
    expect(parseReportOptions(params)).toEqual(chosen);
  });

  it('labels every option in Swedish with a distinct parameter', () => {
    expect(REPORT_OPTION_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_REPORT_OPTIONS).sort());
    expect(new Set(REPORT_OPTION_FIELDS.map((f) => f.param)).size).toBe(REPORT_OPTION_FIELDS.length);
  });
});
