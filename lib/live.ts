// What is live in a period: the one rule every surface asks (DESIGN.md, "History, periods,
// locks"). An archived plan, goal or indicator leaves every current view and cannot be
// reported on; it stays in history, in earlier periods' snapshots and in approved
// snapshots (which never ask this rule: they are frozen). A focus area or council goal is
// live in the years it is valid and while it is not archived; an assignment lives across
// years until it is archived.

type Archived = Date | string | null;

export type LiveItem =
  | { kind: 'plan'; planYear: number; archivedAt: Archived }
  | { kind: 'goal'; planYear: number; planArchivedAt: Archived; archivedAt: Archived }
  | { kind: 'indicator'; planYear: number; planArchivedAt: Archived; goalArchivedAt: Archived; archivedAt: Archived }
  | { kind: 'assignment'; archivedAt: Archived }
  | { kind: 'chapter'; archivedAt: Archived }
  | { kind: 'chapter_part'; chapterArchivedAt: Archived; archivedAt: Archived }
  | { kind: 'focus_area' | 'council_goal'; validFrom: number; validTo: number | null; archivedAt: Archived };

/** Is the item live in a period of this year? */
export function isLive(item: LiveItem, period: { year: number }): boolean {
  if (item.archivedAt !== null) return false;
  switch (item.kind) {
    case 'plan':
      return item.planYear === period.year;
    case 'goal':
      return item.planYear === period.year && item.planArchivedAt === null;
    case 'indicator':
      return item.planYear === period.year && item.planArchivedAt === null && item.goalArchivedAt === null;
    case 'assignment':
    case 'chapter':
      return true;
    case 'chapter_part':
      return item.chapterArchivedAt === null;
    case 'focus_area':
    case 'council_goal':
      return item.validFrom <= period.year && (item.validTo === null || item.validTo >= period.year);
  }
}

/** What a form or action says of an item that is not live. */
export const ARCHIVED_MESSAGE = 'Det här är arkiverat och kan inte längre rapporteras. Det finns kvar i historiken.';
