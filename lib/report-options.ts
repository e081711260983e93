// The reader's choices for the "Mål och uppdrag" report (the /rapport page, its print and the
// DOCX): what the app adds to the seed's section is each a choice, and the defaults give the
// seed's section as the kommun writes it. An unapproved period is always marked preliminary in
// the page header whatever is chosen here (that is not a choice).
//
// Pure: parsed from the page's URL (URLSearchParams), written back to it, and labelled for the
// page's controls, so the page, the print and the download links agree on one set of choices.

export interface ReportOptions {
  /** "Innehåll": a table of contents (headings only, no page numbers) after the title. */
  tableOfContents: boolean;
  /** The "Preliminär" banner above the section of an unapproved period (the header always says it). */
  preliminaryBanner: boolean;
  /** The legend's extra line "Grått = ej mätt". */
  greyLegend: boolean;
  /** "Måluppfyllelse: ✕ Ej uppfyllt." (and the full-year forecast) under each goal's table. */
  goalAttainment: boolean;
  /** The trend's word beside its arrow: "↑ Bättre" rather than "↑". */
  trendWords: boolean;
  /** A marked note under a table for a colour or arrow the reporter chose, with the reason given. */
  overrideNotes: boolean;
}

export type ReportOptionKey = keyof ReportOptions;

/** The seed's section: nothing added but the marks for colours and arrows a reporter chose. */
export const DEFAULT_REPORT_OPTIONS: Readonly<ReportOptions> = Object.freeze({
  tableOfContents: false,
  preliminaryBanner: false,
  greyLegend: false,
  goalAttainment: false,
  trendWords: false,
  overrideNotes: true,
});

/** Each choice: its URL parameter and the Swedish label and hint for the page's control. */
export const REPORT_OPTION_FIELDS: readonly { key: ReportOptionKey; param: string; label: string; hint: string }[] = [
  { key: 'tableOfContents', param: 'innehall', label: 'Innehållsförteckning', hint: 'Rubrikerna efter titeln, utan sidnummer.' },
  {
    key: 'preliminaryBanner',
    param: 'preliminar',
    label: 'Ruta om preliminär rapport',
    hint: 'En ej attesterad period märks alltid som preliminär i sidhuvudet.',
  },
  { key: 'greyLegend', param: 'gratt', label: 'Raden ”Grått = ej mätt” i förklaringen', hint: 'För mått utan utfall.' },
  {
    key: 'goalAttainment',
    param: 'maluppfyllelse',
    label: 'Måluppfyllelse per mål',
    hint: 'Raden ”Måluppfyllelse: …” under varje måls tabell.',
  },
  { key: 'trendWords', param: 'pilord', label: 'Ord bredvid pilarna', hint: 'Till exempel ”↑ Bättre” i stället för ”↑”.' },
  {
    key: 'overrideNotes',
    param: 'markeringar',
    label: 'Markera färg och pil som rapportören valt',
    hint: 'En fotnot under tabellen med rapportörens motivering.',
  },
];

const TRUE = new Set(['1', 'ja', 'true', 'on']);
const FALSE = new Set(['0', 'nej', 'false', 'off']);

/** The options a URL asks for: each parameter "1"/"0" (also ja/nej, true/false, on/off); anything else is the default. */
export function parseReportOptions(params: URLSearchParams | Record<string, string | string[] | undefined>): ReportOptions {
  const get = (name: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
    const v = params[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const options: ReportOptions = { ...DEFAULT_REPORT_OPTIONS };
  for (const field of REPORT_OPTION_FIELDS) {
    const raw = get(field.param)?.trim().toLowerCase();
    if (raw === undefined) continue;
    if (TRUE.has(raw)) options[field.key] = true;
    else if (FALSE.has(raw)) options[field.key] = false;
  }
  return options;
}

/** The URL parameters for the options: only those that differ from the default, as "1"/"0". */
export function reportOptionsToParams(options: ReportOptions): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of REPORT_OPTION_FIELDS) {
    if (options[field.key] !== DEFAULT_REPORT_OPTIONS[field.key]) params.set(field.param, options[field.key] ? '1' : '0');
  }
  return params;
}
