// Every time a user reads is Swedish time (Europe/Stockholm), whatever zone the server or the
// browser runs in: the one place that turns an instant into words, a date or a wall clock.
// An ESLint rule (eslint.config.mjs, "raw time formats") keeps every other file from
// formatting a Date itself. Pure: no I/O (the current instant is passed in or read here).

export const TIME_ZONE = 'Europe/Stockholm';

/** "1 juli 2024 kl. 10:28": history, versions, conflicts, approvals. */
const LONG = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
/** "2024-07-01 10:28:05": the audit log, where the second matters. */
const PRECISE = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: TIME_ZONE });
/** "1 juli 2024": the day of an instant. */
const DAY = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
/** The parts of the wall clock in Stockholm, for ISO dates and spreadsheet cells. */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
/** A date without a time ("2024-08-31") is a calendar day: formatted as itself, in no zone. */
const CALENDAR_DAY = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

type Instant = string | Date;
const toDate = (at: Instant): Date => (typeof at === 'string' ? new Date(at) : at);

/** An instant (ISO timestamp or Date) as "1 juli 2024 kl. 10:28", Swedish time. */
export function formatDateTime(at: Instant): string {
  return LONG.format(toDate(at));
}

/** An instant as "2024-07-01 10:28:05", Swedish time. */
export function formatDateTimePrecise(at: Instant): string {
  return PRECISE.format(toDate(at));
}

/** The Swedish calendar day of an instant: "1 juli 2024". */
export function formatDayOf(at: Instant): string {
  return DAY.format(toDate(at));
}

/** An ISO date ("2024-08-31", a calendar day with no time) as Swedish prose: "31 augusti 2024". */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) throw new Error(`not an ISO date: ${isoDate}`);
  return CALENDAR_DAY.format(new Date(Date.UTC(y, m - 1, d)));
}

/** The wall clock in Stockholm at an instant. */
export function stockholmClock(at: Instant): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = PARTS.formatToParts(toDate(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Swedish calendar day of an instant as an ISO date, 'YYYY-MM-DD'. */
export function stockholmDate(at: Instant): string {
  const c = stockholmClock(at);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

/** Today in Sweden, 'YYYY-MM-DD' (what "Försenat" and the year of a new item are judged on). */
export function todayInStockholm(now: Date = new Date()): string {
  return stockholmDate(now);
}

/**
 * The instant the day after `isoDate` begins in Stockholm: the end of that calendar day, for
 * "valid through 2027-06-30" (an API token's last day).
 */
export function endOfStockholmDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) throw new Error(`not an ISO date: ${isoDate}`);
  const next = stockholmDate(new Date(Date.UTC(y, m - 1, d + 1, 12)));
  // Stockholm is UTC+1 or UTC+2: the one of the two candidates that is midnight there.
  for (const offset of [1, 2]) {
    const at = new Date(Date.UTC(y, m - 1, d + 1) - offset * 3_600_000);
    const c = stockholmClock(at);
    if (stockholmDate(at) === next && c.hour === 0 && c.minute === 0) return at;
  }
  throw new Error(`no Stockholm midnight after ${isoDate}`);
}
