// Parsing and formatting numbers the way Swedish users write and read them.

export type ParseResult = { ok: true; value: number | null } | { ok: false; error: string };

export const NUMBER_ERROR = 'Ange ett tal, till exempel 1,86.';

// Plain space, no-break space (what Intl writes) and narrow no-break space.
const GROUP_SEPARATOR = '[ \\u00a0\\u202f]';

// Optional sign (hyphen-minus, U+2212 minus or plus), an integer part that is either plain
// digits or digits in groups of three, an optional decimal part after a comma or a point,
// and an optional trailing percent sign, with or without a space before it.
const NUMBER_PATTERN = new RegExp(
  '^([-\\u2212+])?' +
    `(\\d+|\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+)` +
    '(?:[.,](\\d+))?' +
    `(?:${GROUP_SEPARATOR}?%)?$`,
);

/**
 * Parses a number typed by a user. Empty input means "not measured" (value null).
 * The percent sign is only accepted and dropped: "6,59 %" is 6.59, not 0.0659.
 */
export function parseSwedishNumber(input: string): ParseResult {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };

  const match = NUMBER_PATTERN.exec(text);
  if (!match) return { ok: false, error: NUMBER_ERROR };

  const [, sign, integerPart = '', fractionPart] = match;
  const digits = integerPart.replace(new RegExp(GROUP_SEPARATOR, 'g'), '');
  const magnitude = Number(fractionPart === undefined ? digits : `${digits}.${fractionPart}`);
  if (!Number.isFinite(magnitude)) return { ok: false, error: NUMBER_ERROR };

  const negative = sign === '-' || sign === '\u2212';
  // Avoid -0, which would be formatted as "−0".
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value };
}

/**
 * Formats a number for Swedish readers: "−5 117,5" (U+2212 minus, U+00A0 thousands separator).
 * With `decimals`, exactly that many fraction digits; otherwise up to two.
 */
export function formatNumber(value: number, decimals?: number): string {
  return numberFormat(decimals).format(value);
}

// One formatter per number of decimals, made once: making an Intl.NumberFormat costs about as
// much as formatting a hundred numbers with it, and a page formats hundreds (issue 19).
const formatters = new Map<number | undefined, Intl.NumberFormat>();
function numberFormat(decimals: number | undefined): Intl.NumberFormat {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat('sv-SE', {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 2,
      // Never show a minus on a value that rounds to zero ("0,00", not "−0,00").
      signDisplay: 'negative',
    });
    formatters.set(decimals, formatter);
  }
  return formatter;
}

/** Formats an indicator outcome; a missing outcome is shown as an en dash. */
export function formatOutcome(value: number | null, decimals: number): string {
  return value === null ? '–' : formatNumber(value, decimals);
}
