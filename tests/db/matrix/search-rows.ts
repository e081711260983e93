// Issue 15, item 5: the search across a period's texts behind /sok. The admin, the director and
// the board's members search (lib/policy search_texts); the editors, anyone signed out and the
// other organization's admin are refused (the page shows them its 404 page).
import { searchTexts } from '@/db/text-search';
import { parseQuery } from '@/lib/text-search';
import { read, type Actor, type MatrixRow, type Outcome } from './harness';

const searchers: Record<Actor, Outcome> = {
  admin: 'ok',
  director: 'ok',
  viewer: 'ok',
  editor: 'refused',
  otherEditor: 'refused',
  anonymous: 'refused',
  otherOrgAdmin: 'refused',
};

function terms(q: string): string[] {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.terms;
}

export const searchRows: MatrixRow[] = [
  {
    name: 'read: search the texts of a period (searchTexts, /sok)',
    writes: false,
    expected: searchers,
    call: ({ db, ids }, user) => read(() => searchTexts(db, user, { periodId: ids.periodId, terms: terms('sjukfrånvaro') })),
  },
  {
    name: "read: search a board's texts with their history (searchTexts, /sok)",
    writes: false,
    expected: searchers,
    call: ({ db, ids }, user) =>
      read(() => searchTexts(db, user, { periodId: ids.periodId, terms: terms('sjukfrånvaro'), boardId: ids.ksBoard, history: true })),
  },
];
