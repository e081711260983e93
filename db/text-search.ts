// Search across every text written in a period (issue 15, item 5): the units' texts for the
// board's document (narrative_versions), goal assessments, indicator analyses, reference notes
// ("avser mätning 2023") and the reporter's justifications, assignment reports
// (återrapportering), the board's own texts (text_block_versions), the explanations of finance
// differences and the director's comments when sending an item back (revision_requests: each
// its own text, with no versions). By default each item's
// newest version in the period; with `history` every version that matches, so that "who
// wrote what" can be followed back.
//
// Matching: every term must occur somewhere in the text (also inside a longer word), case
// folded by translate() over lib/text-search.ts FOLD_FROM/FOLD_TO (the same folding on
// PGlite and on any PostgreSQL server, whatever its locale), with LIKE and the term's
// \, % and _ escaped, after a cheap ILIKE that rules out most texts first (npm run
// bench:search). Counted and paged in SQL; only the page's texts are read out.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { getPeriod } from './queries/periods';
import { loadUnitTree } from './unit-tree';
import { focusAreaNoteLabel, SLOT_LABELS, type TextSlot } from './admin/text-blocks';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorize } from '@/lib/policy';
import { pageWindow, type PageInfo } from '@/lib/paging';
import { periodLabel } from '@/lib/period';
import { FINANCE_TABLE_LABELS, type FinanceTable } from '@/lib/finance-model';
import {
  buildSnippet,
  containsPattern,
  FOLD_FROM,
  FOLD_TO,
  prefilterPattern,
  TEXT_KIND_LABELS,
  TEXT_SEARCH_PAGE_SIZE,
  type SnippetPart,
  type TextKind,
} from '@/lib/text-search';

export interface TextSearchInput {
  periodId: string;
  /** Folded terms (lib/text-search.ts parseQuery); every one must occur. */
  terms: string[];
  /** Only the texts of this board: its plan's goals, indicators and texts, and what its units wrote. */
  boardId?: string | null;
  /** Every matching version, not only each item's newest one in the period. */
  history?: boolean;
  page?: number;
}

export interface TextSearchHit {
  kind: TextKind;
  /** "Analys av mått", … */
  kindLabel: string;
  /** What the text is about: "Sjukfrånvaro exkl. AME, procent", "HR i Översikt över verksamhetens utveckling". */
  item: string;
  /** Where the item sits: "Mål 1", an assignment report's heading (null when nothing to add). */
  context: string | null;
  board: string | null;
  /** The units that wrote or answer for it (a goal's addressed units, the reporting unit, …). */
  units: string[];
  authorName: string;
  /** ISO timestamp. */
  createdAt: string;
  /** The version; null for a text without versions (a send-back comment). */
  seq: number | null;
  /** The item's newest version in the period (always, for a text without versions). */
  newest: boolean;
  /** The item, or its history page. */
  href: string;
  snippet: SnippetPart[];
}

export interface TextSearchResult {
  period: { id: string; label: string };
  board: { id: string; name: string } | null;
  history: boolean;
  hits: TextSearchHit[];
  page: PageInfo;
}

interface Row {
  kind: TextKind;
  item_id: string;
  board_id: string | null;
  unit_id: string | null;
  title: string;
  context: string | null;
  extra: string | null;
  seq: number | null;
  newest: boolean;
  author_name: string;
  created_at: string;
  body: string;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Whether a newer version of the same item (same table, same key columns) exists. */
function newer(table: string, alias: string, keys: string[]): SQL {
  const same = keys.map((k) => `n.${k} = ${alias}.${k}`).join(' and ');
  return sql.raw(
    `exists (select 1 from ${table} n where n.organization_id = ${alias}.organization_id and ${same} and n.seq > ${alias}.seq)`,
  );
}

/**
 * Every text of the period as (kind, item, board or unit, title, context, version, author,
 * time, body). `rank` orders the kinds as TEXT_KINDS does; `ord` orders items as the report does.
 */
function periodTexts(org: string, periodId: string): SQL {
  return sql`
    select 'narrative' as kind, 1 as rank, c.sort_order * 10000 + pt.sort_order as ord, v.part_id as item_id,
      null::uuid as board_id, pt.unit_id as unit_id, coalesce(pt.heading, '') as title, c.title as context,
      null::text as extra, v.id as version_id, v.seq, v.author_id, v.created_at, v.body as body,
      not ${newer('narrative_versions', 'v', ['part_id', 'period_id'])} as newest
    from narrative_versions v
    join report_chapter_parts pt on pt.organization_id = v.organization_id and pt.id = v.part_id
    join report_chapters c on c.organization_id = pt.organization_id and c.id = pt.chapter_id
    where v.organization_id = ${org} and v.period_id = ${periodId}
    union all
    select 'goal', 2, g.number, a.goal_id, p.board_id, null::uuid, g.text, g.number::text,
      (select string_agg(gu.unit_id::text, ',' order by gu.position) from board_goal_units gu
        where gu.organization_id = g.organization_id and gu.board_goal_id = g.id),
      a.id, a.seq, a.author_id, a.created_at, concat_ws(E'\n\n', a.analysis, a.justification),
      not ${newer('goal_assessments', 'a', ['goal_id', 'period_id'])}
    from goal_assessments a
    join board_goals g on g.organization_id = a.organization_id and g.id = a.goal_id
    join plans p on p.organization_id = g.organization_id and p.id = g.plan_id
    where a.organization_id = ${org} and a.period_id = ${periodId}
    union all
    select 'indicator', 3, g.number * 10000 + i.sort_order, v.indicator_id, p.board_id, i.responsible_unit_id, i.name,
      g.number::text, null, v.id, v.seq, v.author_id, v.created_at,
      concat_ws(E'\n\n', v.analysis, v.reference_note, v.colour_justification, v.trend_justification),
      not ${newer('indicator_values', 'v', ['indicator_id', 'period_id'])}
    from indicator_values v
    join indicators i on i.organization_id = v.organization_id and i.id = v.indicator_id
    join board_goals g on g.organization_id = i.organization_id and g.id = i.goal_id
    join plans p on p.organization_id = g.organization_id and p.id = g.plan_id
    where v.organization_id = ${org} and v.period_id = ${periodId}
    union all
    select 'report', 4, a.sort_order, r.assignment_id, null::uuid, r.unit_id, a.title, r.heading, null, r.id, r.seq,
      r.author_id, r.created_at, concat_ws(E'\n\n', r.heading, r.body, r.cancel_reason),
      not ${newer('assignment_reports', 'r', ['assignment_id', 'unit_id', 'period_id'])}
    from assignment_reports r
    join assignments a on a.organization_id = r.organization_id and a.id = r.assignment_id
    where r.organization_id = ${org} and r.period_id = ${periodId}
    union all
    select 'text_block', 5, coalesce(fa.number, 0), b.id, p.board_id, null::uuid, b.slot::text, fa.number::text, fa.name,
      v.id, v.seq, v.author_id, v.created_at, concat_ws(E'\n\n', v.heading, v.body),
      not ${newer('text_block_versions', 'v', ['text_block_id'])}
    from text_block_versions v
    join text_blocks b on b.organization_id = v.organization_id and b.id = v.text_block_id
    join plans p on p.organization_id = b.organization_id and p.id = b.plan_id
    left join focus_areas fa on fa.organization_id = b.organization_id and fa.id = b.focus_area_id
    where v.organization_id = ${org} and b.period_id = ${periodId}
    union all
    select 'finance', 6, 0, e.board_id, e.board_id, null::uuid, e.warning_key, null, null, e.id, e.seq,
      e.author_id, e.created_at, e.text,
      not ${newer('finance_explanations', 'e', ['board_id', 'period_id', 'warning_key'])}
    from finance_explanations e
    where e.organization_id = ${org} and e.period_id = ${periodId}
    union all
    select 'send_back', 7, 0, r.item_id, null::uuid, r.unit_id,
      coalesce(
        (select i.name from indicators i where r.item_kind = 'indicator' and i.organization_id = r.organization_id and i.id = r.item_id),
        (select g.text from board_goals g where r.item_kind = 'goal' and g.organization_id = r.organization_id and g.id = r.item_id),
        (select a.title from assignments a where r.item_kind = 'assignment' and a.organization_id = r.organization_id and a.id = r.item_id),
        (select coalesce(pt.heading, 'Inledande text') || ' i ' || c.title from report_chapter_parts pt
          join report_chapters c on c.organization_id = pt.organization_id and c.id = pt.chapter_id
          where r.item_kind = 'narrative' and pt.organization_id = r.organization_id and pt.id = r.item_id),
        ''),
      r.item_kind::text, null, r.id, null::int, r.author_id, r.created_at, r.comment, true
    from revision_requests r
    where r.organization_id = ${org} and r.period_id = ${periodId}`;
}

/**
 * The texts of a period that contain every term, a page at a time (TEXT_SEARCH_PAGE_SIZE),
 * in the order of TEXT_KINDS and then as the report orders its items, newest version first.
 * Asks the policy (search_texts); NotFoundError for a period or board not of the user's organization.
 */
export async function searchTexts(db: Db, user: CurrentUser | null, input: TextSearchInput): Promise<TextSearchResult> {
  authorize(user, 'search_texts', { kind: 'organization', organizationId: user?.organizationId ?? '' });
  const org = user.organizationId;
  if (input.terms.length === 0) throw new Error('searchTexts needs at least one term');
  const [period, tree] = await Promise.all([getPeriod(db, user, input.periodId), loadUnitTree(db, org)]);
  const boardId = input.boardId ?? null;
  const board = boardId ? tree.get(boardId) : undefined;
  if (boardId && board?.kind !== 'board') throw new NotFoundError('board');
  const history = input.history ?? false;

  // ILIKE first rules out most texts cheaply; translate() then decides exactly (lib/text-search.ts).
  const conditions: SQL[] = input.terms.map(
    (term) => sql`t.body ilike ${prefilterPattern(term)} and translate(t.body, ${FOLD_FROM}, ${FOLD_TO}) like ${containsPattern(term)}`,
  );
  if (!history) conditions.push(sql`t.newest`);
  if (boardId) {
    const units = tree.units.filter((u) => tree.boardOf(u.id) === boardId).map((u) => sql`${u.id}::uuid`);
    conditions.push(sql`(t.board_id = ${boardId}::uuid or (t.board_id is null and t.unit_id in (${sql.join(units, sql`, `)})))`);
  }
  // A version's author is a user of the same organization (a composite foreign key).
  const from = sql`from (${periodTexts(org, period.id)}) t
    join users u on u.organization_id = ${org} and u.id = t.author_id
    where ${sql.join(conditions, sql` and `)}`;

  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total ${from}`)) as [{ total: number }];
  const { offset, info } = pageWindow(Number(total), input.page ?? 1, TEXT_SEARCH_PAGE_SIZE);
  const rows =
    info.total === 0
      ? []
      : rowsOf<Row>(
          await db.execute(sql`
            select t.kind, t.item_id::text as item_id, t.board_id::text as board_id, t.unit_id::text as unit_id, t.title,
              t.context, t.extra, t.seq::int as seq, t.newest, u.name as author_name,
              to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, t.body
            ${from}
            order by t.rank, t.ord, t.title, t.unit_id nulls first, t.seq desc, t.version_id
            limit ${TEXT_SEARCH_PAGE_SIZE} offset ${offset}`),
        );
  return {
    period: { id: period.id, label: periodLabel(period.kind, period.year) },
    board: board ? { id: board.id, name: board.name } : null,
    history,
    hits: rows.map((row) => toHit(row, period.id, tree, input.terms)),
    page: info,
  };
}

function toHit(row: Row, periodId: string, tree: Awaited<ReturnType<typeof loadUnitTree>>, terms: string[]): TextSearchHit {
  const base = {
    kind: row.kind,
    kindLabel: TEXT_KIND_LABELS[row.kind],
    authorName: row.author_name,
    createdAt: row.created_at,
    seq: row.seq === null ? null : Number(row.seq),
    newest: Boolean(row.newest),
    snippet: buildSnippet(row.body, terms),
  };
  const boardName = (id: string | null) => (id ? tree.name(id) || null : null);
  const unitName = (id: string | null) => (id ? [tree.name(id)] : []);
  switch (row.kind) {
    case 'narrative':
      return {
        ...base,
        item: `${row.title || 'Inledande text'} i ${row.context ?? ''}`,
        context: null,
        board: boardName(tree.boardOf(row.unit_id!)),
        units: unitName(row.unit_id),
        href: `/rapportering/text/${row.item_id}?period=${periodId}`,
      };
    case 'goal':
      return {
        ...base,
        item: row.title,
        context: `Mål ${row.context}`,
        board: boardName(row.board_id),
        units: (row.extra ?? '').split(',').filter(Boolean).map((id) => tree.name(id)),
        href: `/historik/mal/${row.item_id}`,
      };
    case 'indicator':
      return {
        ...base,
        item: row.title,
        context: `Mått under mål ${row.context}`,
        board: boardName(row.board_id),
        units: unitName(row.unit_id),
        href: `/historik/matt/${row.item_id}`,
      };
    case 'report':
      return {
        ...base,
        item: row.title,
        context: row.context,
        board: boardName(tree.boardOf(row.unit_id!)),
        units: unitName(row.unit_id),
        href: `/historik/uppdrag/${row.item_id}`,
      };
    case 'text_block': {
      const slot = row.title as TextSlot;
      const item =
        slot === 'focus_area_note'
          ? focusAreaNoteLabel({ number: row.context === null ? null : Number(row.context), name: row.extra ?? '' })
          : SLOT_LABELS[slot];
      const query = new URLSearchParams({ period: periodId, namnd: row.board_id ?? '' });
      if (slot === 'overall_perspective') query.set('dokument', 'hela');
      return { ...base, item, context: null, board: boardName(row.board_id), units: [], href: `/rapport?${query}` };
    }
    case 'finance': {
      const [table, ...rest] = row.title.split(':');
      const label = FINANCE_TABLE_LABELS[table as FinanceTable] ?? table;
      return {
        ...base,
        item: `Förklaring av en differens i ${label.toLowerCase()}`,
        context: rest.filter((part) => part && !['totals', 'outcome', 'forecast', 'budget', 'deviation'].includes(part)).join(', ') || null,
        board: boardName(row.board_id),
        units: [],
        href: `/ekonomi?${new URLSearchParams({ namnd: row.board_id ?? '', period: periodId })}`,
      };
    }
    case 'send_back': {
      // The item sent back (context: its kind), and the unit asked to complete it.
      const kind = row.context as keyof typeof SENT_BACK_ITEM;
      return {
        ...base,
        item: row.title,
        context: SENT_BACK_ITEM[kind]?.label ?? null,
        board: boardName(tree.boardOf(row.unit_id!)),
        units: unitName(row.unit_id),
        href: SENT_BACK_ITEM[kind]?.href(row.item_id, periodId) ?? `/rapportering?period=${periodId}`,
      };
    }
  }
}

/** What a send-back comment is about, as the hit names it, and where that item is read. */
const SENT_BACK_ITEM = {
  indicator: { label: 'Om ett mått', href: (id: string) => `/historik/matt/${id}` },
  goal: { label: 'Om ett mål', href: (id: string) => `/historik/mal/${id}` },
  assignment: { label: 'Om ett uppdrag', href: (id: string) => `/historik/uppdrag/${id}` },
  narrative: { label: 'Om en text till rapporten', href: (id: string, periodId: string) => `/rapportering/text/${id}?period=${periodId}` },
} as const;
