// Excel import of structure: the dry run (every code resolved within the file first, then in
// the organization; every field checked by the rules of the admin forms; each row classified
// as create, update with its changed fields, or unchanged) and the apply, which refuses on
// any problem and otherwise writes everything in one transaction in dependency order (units,
// focus areas, council goals, plans, goals with bearings and units, indicators, assignments
// with units), audited as 'structure.import'. An existing item changes only in the cells that
// are filled in. History tables are never touched: a changed target does not re-judge values.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { validateTarget, type Target } from '@/lib/target';
import { suggestTargetLabel } from '@/lib/target-label';
import { parseSwedishNumber } from '@/lib/swedish-number';
import { ImportProblemsError, normalizeText } from '@/lib/excel-import';
import {
  COMPARATOR_WORD,
  DIRECTION_WORDS,
  FREQUENCY_WORDS,
  parseComparator,
  RULE_WORDS,
  SHEET_NAMES,
  SOURCE_WORDS,
  UNIT_KIND_WORDS,
  YEARLY_KIND_WORDS,
  type ExportCell,
  type StructureExport,
  type StructureProblem,
  type StructureRow,
  type StructureSheet,
} from '@/lib/structure-import';

export interface StructureChange {
  sheet: StructureSheet;
  row: number;
  code: string;
  kind: 'create' | 'update';
  /** The columns that change (for an update). */
  fields: string[];
}

export interface StructureDryRun {
  rows: number;
  problems: StructureProblem[];
  changes: StructureChange[];
  unchanged: number;
}

export interface StructureApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

type Fields = Record<string, unknown>;
type Parsed = { value: unknown } | { error: string };

interface Entry {
  sheet: StructureSheet;
  row: number;
  code: string;
  id: string;
  kind: 'create' | 'update' | 'unchanged';
  before: Fields | null;
  after: Fields;
  /** Changed keys. */
  changed: string[];
}

/** A column → field key, how its text is read, and whether a new item needs it. */
interface Spec {
  column: string;
  key: string;
  parse: (text: string) => Parsed;
  required?: boolean;
}

// ---------------------------------------------------------------- cell readers

const MAX_TEXT = 10_000;
const text =
  (max = 500) =>
  (t: string): Parsed =>
    t.length > max ? { error: `Högst ${max} tecken.` } : { value: t };
const integer =
  (min: number, max: number, what = 'ett heltal') =>
  (t: string): Parsed => {
    const n = parseSwedishNumber(t);
    if (!n.ok || n.value === null || !Number.isInteger(n.value)) return { error: `Ange ${what}.` };
    if (n.value < min || n.value > max) return { error: `Ange ${what} mellan ${min} och ${max}.` };
    return { value: n.value };
  };
const year = integer(1900, 2200, 'ett årtal, till exempel 2024');
const number = (t: string): Parsed => {
  const n = parseSwedishNumber(t);
  return n.ok ? { value: n.value } : { error: n.error };
};
const oneOf =
  (map: Readonly<Record<string, string>>) =>
  (t: string): Parsed => {
    const value = map[t.toLowerCase()];
    return value === undefined ? { error: `Ange ${Object.keys(map).join(', ').replace(/, ([^,]*)$/, ' eller $1')}.` } : { value };
  };
const date = (t: string): Parsed => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return { error: 'Ange ett datum som ÅÅÅÅ-MM-DD.' };
  return { value: t };
};
const codes = (t: string) =>
  t
    .split(/[,;\n]/)
    .map((c) => c.trim())
    .filter(Boolean);

// ---------------------------------------------------------------- the organization as it is

async function loadState(db: Db, org: string) {
  const [units, areas, councilGoals, plans, goals, bearings, goalUnits, indicators, assignments, assignmentUnits] = await Promise.all([
    db.select().from(s.units).where(eq(s.units.organizationId, org)),
    db.select().from(s.focusAreas).where(eq(s.focusAreas.organizationId, org)),
    db.select().from(s.councilGoals).where(eq(s.councilGoals.organizationId, org)),
    db.select().from(s.plans).where(eq(s.plans.organizationId, org)),
    db.select().from(s.boardGoals).where(eq(s.boardGoals.organizationId, org)),
    db.select().from(s.boardGoalCouncilGoals).where(eq(s.boardGoalCouncilGoals.organizationId, org)),
    db.select().from(s.boardGoalUnits).where(eq(s.boardGoalUnits.organizationId, org)).orderBy(asc(s.boardGoalUnits.position)),
    db.select().from(s.indicators).where(eq(s.indicators.organizationId, org)),
    db.select().from(s.assignments).where(eq(s.assignments.organizationId, org)),
    db.select().from(s.assignmentUnits).where(eq(s.assignmentUnits.organizationId, org)).orderBy(asc(s.assignmentUnits.position)),
  ]);
  const codeOf = <T extends { id: string; code: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r.code]));
  const cgCode = codeOf(councilGoals);
  const unitCode = codeOf(units);
  const pick = <T extends Fields>(row: T, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
  const existing: Record<StructureSheet, Map<string, { id: string; fields: Fields }>> = {
    Enheter: new Map(units.map((u) => [u.code, { id: u.id, fields: pick(u, ['name', 'kind', 'parentId']) }])),
    Målområden: new Map(areas.map((a) => [a.code, { id: a.id, fields: pick(a, ['number', 'name', 'parentId', 'validFrom', 'validTo']) }])),
    'KF-mål': new Map(
      councilGoals.map((c) => [c.code, { id: c.id, fields: pick(c, ['focusAreaId', 'text', 'phrase', 'validFrom', 'validTo']) }]),
    ),
    Planer: new Map(plans.map((p) => [p.code, { id: p.id, fields: pick(p, ['boardId', 'year']) }])),
    Mål: new Map(
      goals.map((g) => [
        g.code,
        {
          id: g.id,
          fields: {
            ...pick(g, ['planId', 'number', 'text', 'methodText', 'rule', 'focusAreaId', 'continuesId']),
            // Compared by code order, as the file lists them.
            councilGoalIds: bearings.filter((b) => b.boardGoalId === g.id).map((b) => b.councilGoalId).sort((a, b) => cgCode.get(a)!.localeCompare(cgCode.get(b)!)),
            unitIds: goalUnits.filter((u) => u.boardGoalId === g.id).map((u) => u.unitId),
          },
        },
      ]),
    ),
    Mått: new Map(
      indicators.map((i) => [
        i.code,
        {
          id: i.id,
          fields: pick(i, [
            'goalId', 'name', 'unitOfMeasure', 'decimals', 'comparator', 'targetValue', 'targetLow', 'targetHigh', 'direction',
            'tolerance', 'trendTolerance', 'targetLabel', 'frequency', 'yearlyPeriodKind', 'baselineValue', 'baselineYear',
            'source', 'sourceRef', 'responsibleUnitId', 'continuesId',
          ]),
        },
      ]),
    ),
    Uppdrag: new Map(
      assignments.map((a) => [
        a.code,
        {
          id: a.id,
          fields: {
            ...pick(a, ['issuer', 'issuerBoardId', 'decisionDate', 'diaryNumber', 'title', 'description', 'focusAreaId', 'groupLabel', 'dueDate']),
            unitIds: assignmentUnits.filter((u) => u.assignmentId === a.id).map((u) => u.unitId),
          },
        },
      ]),
    ),
  };
  return { existing, unitCode, archivedUnits: new Set(units.filter((u) => u.archivedAt).map((u) => u.id)) };
}

// ---------------------------------------------------------------- the plan

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** "1,5" for 1.5: how a number the "Jämförelse" cell gives is written into its column. */
const swedishNumber = (n: number) => String(n).replace('.', ',');

/** Checks every row against the file and the organization; what would be written, and every problem. */
async function planImport(db: Db, org: string, fileRows: StructureRow[]) {
  const { existing, archivedUnits } = await loadState(db, org);
  const problems: StructureProblem[] = [];
  const problem = (sheet: string, row: number, column: string | null, message: string) => problems.push({ sheet, row, column, message });

  // A "Jämförelse" with its numbers ("minst 80", "mellan 10 och 20") fills Värde, or Lägsta and
  // Högsta; a filled-in cell that says otherwise is a problem.
  const rows = fileRows.map((r) => {
    if (r.sheet !== 'Mått' || !r.cells.Jämförelse) return r;
    const parsed = parseComparator(r.cells.Jämförelse);
    if ('error' in parsed) return r; // reported by the column's reader below
    const cells = { ...r.cells };
    const given: [string, number | undefined][] = [['Värde', parsed.value], ['Lägsta', parsed.low], ['Högsta', parsed.high]];
    for (const [column, value] of given) {
      if (value === undefined) continue;
      const cell = cells[column] ?? '';
      const inCell = cell ? parseSwedishNumber(cell) : null;
      if (!cell) cells[column] = swedishNumber(value);
      else if (!inCell?.ok || inCell.value !== value) problem('Mått', r.row, column, `Jämförelsen "${r.cells.Jämförelse}" säger ${swedishNumber(value)} men ${column} säger ${cell}. Skriv värdet på ett ställe.`);
    }
    return { ...r, cells };
  });

  // Every code of the file first (new items get their id now), then the organization's.
  const ids = {} as Record<StructureSheet, Map<string, string>>;
  for (const sheet of SHEET_NAMES) {
    ids[sheet] = new Map([...existing[sheet]].map(([code, e]) => [code, e.id]));
    const seen = new Set<string>();
    for (const r of rows.filter((x) => x.sheet === sheet)) {
      const code = r.cells.Kod!;
      if (seen.has(code)) problem(sheet, r.row, 'Kod', `Koden ${code} finns på flera rader i bladet.`);
      seen.add(code);
      if (code.length > 100) problem(sheet, r.row, 'Kod', 'Koden får vara högst 100 tecken.');
      if (!ids[sheet].has(code)) ids[sheet].set(code, randomUUID());
    }
  }
  // With the Swedish article: "ingen enhet", "inget mål".
  const WHAT: Record<StructureSheet, string> = {
    Enheter: 'ingen enhet',
    Målområden: 'inget målområde',
    'KF-mål': 'inget KF-mål',
    Planer: 'ingen plan',
    Mål: 'inget mål',
    Mått: 'inget mått',
    Uppdrag: 'inget uppdrag',
  };
  const ref =
    (target: StructureSheet) =>
    (t: string): Parsed => {
      const id = ids[target].get(t);
      return id ? { value: id } : { error: `Det finns ${WHAT[target]} med koden ${t}.` };
    };
  const refs =
    (target: StructureSheet, sorted = false) =>
    (t: string): Parsed => {
      const list = sorted ? codes(t).sort((a, b) => a.localeCompare(b)) : codes(t);
      const unknown = list.filter((c) => !ids[target].has(c));
      if (unknown.length) return { error: `Okända koder: ${unknown.join(', ')}.` };
      if (new Set(list).size !== list.length) return { error: 'En kod får bara stå en gång.' };
      return { value: list.map((c) => ids[target].get(c)!) };
    };

  const entries: Record<StructureSheet, Entry[]> = Object.fromEntries(SHEET_NAMES.map((n) => [n, []])) as never;
  /** The final fields of every item (the organization's, as changed by the file). */
  const final = (sheet: StructureSheet, id: string): Fields | undefined =>
    entries[sheet].find((e) => e.id === id)?.after ?? [...existing[sheet].values()].find((e) => e.id === id)?.fields;

  function readSheet(sheet: StructureSheet, specs: Spec[], defaults: Fields, check: (after: Fields, err: (column: string, message: string) => void, entry: Entry) => void) {
    for (const r of rows.filter((x) => x.sheet === sheet)) {
      const code = r.cells.Kod!;
      const current = existing[sheet].get(code);
      const after: Fields = { ...(current?.fields ?? defaults) };
      const given = new Set<string>();
      let ok = true;
      for (const spec of specs) {
        const t = r.cells[spec.column] ?? '';
        if (!t) {
          if (!current && spec.required) {
            problem(sheet, r.row, spec.column, 'Värdet saknas.');
            ok = false;
          }
          continue;
        }
        const parsed = spec.parse(t);
        if ('error' in parsed) {
          problem(sheet, r.row, spec.column, parsed.error);
          ok = false;
        } else {
          // A text that differs from the stored one only in whitespace (line breaks, spaces at
          // the ends of lines) is the stored one: a file exported and uploaded unchanged changes nothing.
          const stored = current?.fields[spec.key];
          const sameText = typeof parsed.value === 'string' && typeof stored === 'string' && normalizeText(stored) === normalizeText(parsed.value);
          after[spec.key] = sameText ? stored : parsed.value;
          given.add(spec.key);
        }
      }
      const entry: Entry = { sheet, row: r.row, code, id: ids[sheet].get(code)!, kind: current ? 'update' : 'create', before: current?.fields ?? null, after, changed: [] };
      entries[sheet].push(entry);
      if (!ok) continue;
      check(after, (column, message) => problem(sheet, r.row, column, message), entry);
      entry.changed = current ? Object.keys(after).filter((k) => !same(after[k], current.fields[k])) : Object.keys(after);
      if (current && !entry.changed.length) entry.kind = 'unchanged';
    }
  }

  // Units.
  readSheet(
    'Enheter',
    [
      { column: 'Namn', key: 'name', parse: text(200), required: true },
      { column: 'Typ', key: 'kind', parse: oneOf(UNIT_KIND_WORDS), required: true },
      { column: 'Överordnad kod', key: 'parentId', parse: ref('Enheter') },
    ],
    { parentId: null },
    (a, err, e) => {
      if (a.kind === 'board' && a.parentId) err('Överordnad kod', 'En nämnd eller styrelse har ingen överordnad enhet.');
      if ((a.kind === 'department' || a.kind === 'unit') && !a.parentId) err('Överordnad kod', 'Ange vilken enhet den hör till.');
      if (a.parentId && a.parentId !== e.before?.parentId && archivedUnits.has(a.parentId as string)) err('Överordnad kod', 'Den överordnade enheten är arkiverad.');
    },
  );
  for (const e of entries.Enheter) {
    const seen = new Set<string>([e.id]);
    for (let p = e.after.parentId as string | null; p; p = (final('Enheter', p)?.parentId as string | null) ?? null) {
      if (seen.has(p)) {
        problem('Enheter', e.row, 'Överordnad kod', 'En enhet kan inte ligga under sig själv.');
        break;
      }
      seen.add(p);
    }
  }
  const isBoard = (id: unknown) => final('Enheter', id as string)?.kind === 'board';

  // Focus areas.
  readSheet(
    'Målområden',
    [
      { column: 'Nummer', key: 'number', parse: integer(1, 999) },
      { column: 'Namn', key: 'name', parse: text(200), required: true },
      { column: 'Överordnat målområde (kod)', key: 'parentId', parse: ref('Målområden') },
      { column: 'Giltig från', key: 'validFrom', parse: year, required: true },
      { column: 'Giltig till', key: 'validTo', parse: year },
    ],
    { number: null, parentId: null, validTo: null },
    (a, err, e) => {
      if (a.validTo !== null && (a.validTo as number) < (a.validFrom as number)) err('Giltig till', 'Sista giltighetsåret kan inte vara före det första.');
      if (a.parentId) {
        if (a.parentId === e.id) err('Överordnat målområde (kod)', 'Ett målområde kan inte ligga under sig självt.');
        else if (final('Målområden', a.parentId as string)?.parentId) err('Överordnat målområde (kod)', 'Välj ett målområde på översta nivån.');
        if (a.number !== null) err('Nummer', 'Delområden numreras inte. Lämna numret tomt.');
      } else if (a.number === null) err('Nummer', 'Ange målområdets nummer.');
    },
  );
  for (const e of entries.Målområden) {
    const a = e.after;
    if (a.parentId || a.number === null) continue;
    const others = [...existing.Målområden.values()].map((x) => ({ id: x.id, f: final('Målområden', x.id)! }))
      .concat(entries.Målområden.filter((x) => x.kind === 'create').map((x) => ({ id: x.id, f: x.after })));
    const clash = others.some(
      (o) => o.id !== e.id && !o.f.parentId && o.f.number === a.number &&
        (o.f.validFrom as number) <= ((a.validTo as number | null) ?? Infinity) && (a.validFrom as number) <= ((o.f.validTo as number | null) ?? Infinity),
    );
    if (clash) problem('Målområden', e.row, 'Nummer', 'Ett annat målområde har samma nummer under samma år.');
  }

  // Council goals.
  readSheet(
    'KF-mål',
    [
      { column: 'Målområde (kod)', key: 'focusAreaId', parse: ref('Målområden'), required: true },
      { column: 'Text', key: 'text', parse: text(MAX_TEXT), required: true },
      { column: 'Fras', key: 'phrase', parse: text(500) },
      { column: 'Giltig från', key: 'validFrom', parse: year, required: true },
      { column: 'Giltig till', key: 'validTo', parse: year },
    ],
    { phrase: null, validTo: null },
    (a, err) => {
      if (a.validTo !== null && (a.validTo as number) < (a.validFrom as number)) err('Giltig till', 'Sista giltighetsåret kan inte vara före det första.');
    },
  );

  // Plans.
  readSheet(
    'Planer',
    [
      { column: 'Nämnd (kod)', key: 'boardId', parse: ref('Enheter'), required: true },
      { column: 'År', key: 'year', parse: year, required: true },
    ],
    {},
    (a, err, e) => {
      if (!isBoard(a.boardId)) err('Nämnd (kod)', 'En verksamhetsplan hör till en nämnd eller styrelse.');
      if (e.before && (a.boardId !== e.before.boardId || a.year !== e.before.year)) err('År', 'Nämnd och år kan inte ändras för en plan som finns.');
      const clash = [...ids.Planer.values()].some((id) => id !== e.id && final('Planer', id)?.boardId === a.boardId && final('Planer', id)?.year === a.year);
      if (clash) err('År', 'Nämnden har redan en plan för året.');
    },
  );
  const planOf = (goalId: unknown) => final('Planer', final('Mål', goalId as string)?.planId as string);

  // Goals.
  readSheet(
    'Mål',
    [
      { column: 'Plan (kod)', key: 'planId', parse: ref('Planer'), required: true },
      { column: 'Nummer', key: 'number', parse: integer(1, 999), required: true },
      { column: 'Text', key: 'text', parse: text(MAX_TEXT), required: true },
      { column: 'Mått/metod', key: 'methodText', parse: text(MAX_TEXT) },
      { column: 'Regel', key: 'rule', parse: oneOf(RULE_WORDS), required: true },
      { column: 'Målområde (kod)', key: 'focusAreaId', parse: ref('Målområden'), required: true },
      { column: 'Bäring på (KF-mål-koder)', key: 'councilGoalIds', parse: refs('KF-mål', true) },
      { column: 'Ansvariga enheter (koder)', key: 'unitIds', parse: refs('Enheter') },
      { column: 'Fortsätter (kod)', key: 'continuesId', parse: ref('Mål') },
    ],
    { methodText: null, councilGoalIds: [], unitIds: [], continuesId: null },
    (a, err, e) => {
      if (e.before && a.planId !== e.before.planId) err('Plan (kod)', 'Ett mål kan inte flyttas till en annan plan.');
      const before = e.before?.unitIds as string[] | undefined;
      if ((a.unitIds as string[]).some((u) => archivedUnits.has(u) && !before?.includes(u))) err('Ansvariga enheter (koder)', 'En arkiverad enhet kan inte bli ansvarig.');
    },
  );
  for (const e of entries.Mål) {
    const a = e.after;
    const plan = final('Planer', a.planId as string);
    if (a.continuesId && plan) {
      const earlier = planOf(a.continuesId);
      if (a.continuesId === e.id || !earlier || earlier.boardId !== plan.boardId || (earlier.year as number) >= (plan.year as number)) {
        problem('Mål', e.row, 'Fortsätter (kod)', 'Ange ett mål i en tidigare plan för samma nämnd.');
      }
    }
    // A goal sits under a målområde that is valid in its plan's year (and so is the area above
    // a sub-area); otherwise it would be accepted and then shown nowhere.
    if (plan && (!e.before || e.changed.includes('focusAreaId') || e.changed.includes('planId'))) {
      const year = plan.year as number;
      for (let areaId = a.focusAreaId as string | null; areaId; areaId = (final('Målområden', areaId)?.parentId as string | null) ?? null) {
        const area = final('Målområden', areaId);
        if (!area) break;
        const from = area.validFrom as number;
        const to = area.validTo as number | null;
        if (year < from || (to !== null && year > to)) {
          const code = [...ids.Målområden].find(([, id]) => id === areaId)?.[0] ?? '';
          problem('Mål', e.row, 'Målområde (kod)', `Målområdet ${code} gäller ${to === null ? `från ${from}` : from === to ? `bara ${from}` : `${from}–${to}`}, inte planens år ${year}. Välj ett målområde som gäller ${year}.`);
          break;
        }
      }
    }
    const clash = [...ids.Mål.values()].some((id) => id !== e.id && final('Mål', id)?.planId === a.planId && final('Mål', id)?.number === a.number);
    if (clash) problem('Mål', e.row, 'Nummer', `Planen har redan ett mål ${a.number}.`);
  }

  // Indicators.
  const TARGET_KEYS = ['comparator', 'targetValue', 'targetLow', 'targetHigh', 'direction', 'decimals'];
  readSheet(
    'Mått',
    [
      { column: 'Mål (kod)', key: 'goalId', parse: ref('Mål'), required: true },
      { column: 'Namn', key: 'name', parse: text(500), required: true },
      { column: 'Enhet', key: 'unitOfMeasure', parse: text(100) },
      { column: 'Decimaler', key: 'decimals', parse: integer(0, 6) },
      {
        column: 'Jämförelse',
        key: 'comparator',
        parse: (t) => {
          const parsed = parseComparator(t);
          return 'error' in parsed ? parsed : { value: parsed.comparator };
        },
        required: true,
      },
      { column: 'Värde', key: 'targetValue', parse: number },
      { column: 'Lägsta', key: 'targetLow', parse: number },
      { column: 'Högsta', key: 'targetHigh', parse: number },
      { column: 'Riktning', key: 'direction', parse: oneOf(DIRECTION_WORDS) },
      { column: 'Tolerans', key: 'tolerance', parse: number },
      { column: 'Trendtolerans', key: 'trendTolerance', parse: number },
      { column: 'Etikett', key: 'targetLabel', parse: text(200) },
      { column: 'Frekvens', key: 'frequency', parse: oneOf(FREQUENCY_WORDS) },
      { column: 'Årlig period', key: 'yearlyPeriodKind', parse: oneOf(YEARLY_KIND_WORDS) },
      { column: 'Basvärde', key: 'baselineValue', parse: number },
      { column: 'Basår', key: 'baselineYear', parse: year },
      { column: 'Källa', key: 'source', parse: oneOf(SOURCE_WORDS) },
      { column: 'Källreferens', key: 'sourceRef', parse: text(200) },
      { column: 'Ansvarig enhet (kod)', key: 'responsibleUnitId', parse: ref('Enheter'), required: true },
      { column: 'Fortsätter (kod)', key: 'continuesId', parse: ref('Mått') },
    ],
    {
      unitOfMeasure: null, decimals: 0, targetValue: null, targetLow: null, targetHigh: null, direction: null, tolerance: null,
      trendTolerance: null, targetLabel: '', frequency: 'every_period', yearlyPeriodKind: null, baselineValue: null,
      baselineYear: null, source: 'manual', sourceRef: null, continuesId: null,
    },
    (a, err, e) => {
      // Only the fields the comparator, frequency and source use; an empty label is the suggestion.
      const c = a.comparator as Target['comparator'];
      const single = c !== 'between' && c !== 'not_worse';
      if (!single) a.targetValue = null;
      if (c !== 'between') a.targetLow = a.targetHigh = null;
      a.direction = c === 'not_worse' ? (a.direction ?? 'higher') : null;
      a.yearlyPeriodKind = a.frequency === 'yearly' ? (a.yearlyPeriodKind ?? 'helar') : null;
      if (a.source === 'manual') a.sourceRef = null;
      const labelGiven = !!(rows.find((r) => r.sheet === 'Mått' && r.row === e.row)?.cells.Etikett);
      const targetChanged = !e.before || TARGET_KEYS.some((k) => !same(a[k], e.before![k]));
      if (!labelGiven && targetChanged) a.targetLabel = '';
      const target: Target = { comparator: c, value: a.targetValue as number | null, low: a.targetLow as number | null, high: a.targetHigh as number | null, direction: a.direction as Target['direction'], tolerance: a.tolerance as number | null };
      const message = validateTarget(target);
      if (message) {
        const column = single && target.value === null ? 'Värde' : c === 'between' && target.low === null ? 'Lägsta' : c === 'between' ? 'Högsta' : 'Tolerans';
        err(column, message);
      } else if (!a.targetLabel) a.targetLabel = suggestTargetLabel(target, a.decimals as number);
      if (a.trendTolerance !== null && (a.trendTolerance as number) < 0) err('Trendtolerans', 'Trendtoleransen får inte vara negativ.');
      if (a.baselineValue !== null && a.baselineYear === null) err('Basår', 'Ange vilket år basvärdet avser.');
      if (a.baselineValue === null && a.baselineYear !== null) err('Basvärde', 'Ange basvärdet, eller lämna även året tomt.');
      if (a.source === 'kolada' && a.sourceRef && !/^[A-Za-z]\d{5}$/.test(a.sourceRef as string)) err('Källreferens', 'Ett Kolada-id är en bokstav och fem siffror, till exempel N00945.');
      if (a.responsibleUnitId !== e.before?.responsibleUnitId && archivedUnits.has(a.responsibleUnitId as string)) err('Ansvarig enhet (kod)', 'Enheten är arkiverad.');
    },
  );
  for (const e of entries.Mått) {
    const a = e.after;
    if (!a.continuesId) continue;
    const plan = planOf(a.goalId);
    const earlier = planOf(final('Mått', a.continuesId as string)?.goalId);
    if (a.continuesId === e.id || !plan || !earlier || earlier.boardId !== plan.boardId || (earlier.year as number) >= (plan.year as number)) {
      problem('Mått', e.row, 'Fortsätter (kod)', 'Ange ett mått i en tidigare plan för samma nämnd.');
    }
  }

  // Assignments.
  readSheet(
    'Uppdrag',
    [
      {
        column: 'Uppdragsgivare',
        key: 'issuerBoardId',
        parse: (t) => (t.toUpperCase() === 'KF' ? { value: null } : ref('Enheter')(t)),
        required: true,
      },
      { column: 'Beslutsdatum', key: 'decisionDate', parse: date },
      { column: 'Diarienummer', key: 'diaryNumber', parse: text(100) },
      { column: 'Titel', key: 'title', parse: text(500), required: true },
      { column: 'Beskrivning', key: 'description', parse: text(MAX_TEXT) },
      { column: 'Målområde (kod)', key: 'focusAreaId', parse: ref('Målområden') },
      { column: 'Grupp', key: 'groupLabel', parse: text(200) },
      { column: 'Ansvariga enheter (koder)', key: 'unitIds', parse: refs('Enheter'), required: true },
      { column: 'Slutdatum', key: 'dueDate', parse: date },
    ],
    { issuer: 'council', issuerBoardId: null, decisionDate: null, diaryNumber: null, description: null, focusAreaId: null, groupLabel: null, dueDate: null },
    (a, err, e) => {
      a.issuer = a.issuerBoardId ? 'board' : 'council';
      if (a.issuerBoardId && !isBoard(a.issuerBoardId)) err('Uppdragsgivare', 'Uppdragsgivaren ska vara KF eller en nämnds kod.');
      const units = a.unitIds as string[];
      if (!units.length) err('Ansvariga enheter (koder)', 'Ange minst en ansvarig enhet.');
      const before = e.before?.unitIds as string[] | undefined;
      if (units.some((u) => archivedUnits.has(u) && !before?.includes(u))) err('Ansvariga enheter (koder)', 'En arkiverad enhet kan inte få nya uppdrag.');
    },
  );
  // A responsible unit that has reported on the assignment stays.
  const removals = entries.Uppdrag.filter((e) => e.before).flatMap((e) =>
    (e.before!.unitIds as string[]).filter((u) => !(e.after.unitIds as string[]).includes(u)).map((u) => ({ e, u })),
  );
  if (removals.length) {
    const reported = await db
      .selectDistinct({ assignmentId: s.assignmentReports.assignmentId, unitId: s.assignmentReports.unitId })
      .from(s.assignmentReports)
      .where(and(eq(s.assignmentReports.organizationId, org), inArray(s.assignmentReports.assignmentId, removals.map((r) => r.e.id))));
    for (const { e, u } of removals) {
      if (reported.some((r) => r.assignmentId === e.id && r.unitId === u)) {
        problem('Uppdrag', e.row, 'Ansvariga enheter (koder)', 'En ansvarig enhet som har rapporterat på uppdraget kan inte tas bort.');
      }
    }
  }

  problems.sort((a, b) => SHEET_NAMES.indexOf(a.sheet as StructureSheet) - SHEET_NAMES.indexOf(b.sheet as StructureSheet) || (a.row ?? 0) - (b.row ?? 0));
  return { problems, entries };
}

const COLUMN_OF: Record<string, string> = {
  name: 'Namn', kind: 'Typ', parentId: 'Överordnad kod', number: 'Nummer', validFrom: 'Giltig från', validTo: 'Giltig till',
  focusAreaId: 'Målområde', text: 'Text', phrase: 'Fras', boardId: 'Nämnd', year: 'År', planId: 'Plan', methodText: 'Mått/metod',
  rule: 'Regel', councilGoalIds: 'Bäring på', unitIds: 'Ansvariga enheter', continuesId: 'Fortsätter', goalId: 'Mål',
  unitOfMeasure: 'Enhet', decimals: 'Decimaler', comparator: 'Jämförelse', targetValue: 'Värde', targetLow: 'Lägsta',
  targetHigh: 'Högsta', direction: 'Riktning', tolerance: 'Tolerans', trendTolerance: 'Trendtolerans', targetLabel: 'Etikett',
  frequency: 'Frekvens', yearlyPeriodKind: 'Årlig period', baselineValue: 'Basvärde', baselineYear: 'Basår', source: 'Källa',
  sourceRef: 'Källreferens', responsibleUnitId: 'Ansvarig enhet', issuer: 'Uppdragsgivare', issuerBoardId: 'Uppdragsgivare',
  decisionDate: 'Beslutsdatum', diaryNumber: 'Diarienummer', title: 'Titel', description: 'Beskrivning', groupLabel: 'Grupp',
  dueDate: 'Slutdatum',
};

function summarize(rows: StructureRow[], planned: Awaited<ReturnType<typeof planImport>>): StructureDryRun {
  const all = SHEET_NAMES.flatMap((n) => planned.entries[n]);
  const changes = planned.problems.length
    ? []
    : all
        .filter((e) => e.kind !== 'unchanged')
        .map((e) => ({
          sheet: e.sheet,
          row: e.row,
          code: e.code,
          kind: e.kind as 'create' | 'update',
          fields: e.kind === 'update' ? [...new Set(e.changed.map((k) => COLUMN_OF[k] ?? k))] : [],
        }));
  return { rows: rows.length, problems: planned.problems, changes, unchanged: all.filter((e) => e.kind === 'unchanged').length };
}

/** Checks a parsed file without writing anything: every problem, or what would be created and changed. */
export async function dryRunStructureImport(db: Db, user: CurrentUser | null, rows: StructureRow[]): Promise<StructureDryRun> {
  const org = authorizeInOwnOrganization(user, 'manage', 'unit');
  return summarize(rows, await planImport(db, org, rows));
}

/** Items whose reference to another item of the same kind is written first (parents, continued items). */
function dependencyOrder(entries: Entry[], key: string): Entry[] {
  const pending = new Map(entries.map((e) => [e.id, e]));
  const out: Entry[] = [];
  while (pending.size) {
    const ready = [...pending.values()].filter((e) => !pending.has(e.after[key] as string));
    if (!ready.length) throw new Error('circular references in the import'); // the dry run refuses these
    for (const e of ready) {
      out.push(e);
      pending.delete(e.id);
    }
  }
  return out;
}

const changedOnly = (e: Entry, keys: string[]) => Object.fromEntries(e.changed.filter((k) => keys.includes(k)).map((k) => [k, e.after[k]]));

/** Checks the file again and, with no problem, writes it all in one transaction; refuses otherwise. */
export async function applyStructureImport(db: Db, user: CurrentUser, rows: StructureRow[]): Promise<StructureApplyResult> {
  const org = authorizeInOwnOrganization(user, 'manage', 'unit');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const planned = await planImport(tx, org, rows);
    if (planned.problems.length) throw new ImportProblemsError(planned.problems);
    const E = planned.entries;
    const todo = (sheet: StructureSheet) => E[sheet].filter((e) => e.kind !== 'unchanged');
    const base = (e: Entry) => ({ id: e.id, organizationId: org, code: e.code });

    async function write<T extends typeof s.units | typeof s.focusAreas | typeof s.councilGoals | typeof s.plans | typeof s.boardGoals | typeof s.indicators | typeof s.assignments>(
      table: T,
      list: Entry[],
      keys: string[],
      extra: (e: Entry) => Fields = () => ({}),
    ) {
      for (const e of list) {
        if (e.kind === 'create') {
          const values = { ...base(e), ...Object.fromEntries(keys.map((k) => [k, e.after[k]])), ...extra(e) };
          await tx.insert(table).values(values as never);
        } else {
          const set = changedOnly(e, keys);
          if (Object.keys(set).length) {
            await tx.update(table).set(set as never).where(and(eq(table.organizationId, org), eq(table.id, e.id)));
          }
        }
      }
    }

    await write(s.units, dependencyOrder(todo('Enheter'), 'parentId'), ['name', 'kind', 'parentId']);
    await write(s.focusAreas, dependencyOrder(todo('Målområden'), 'parentId'), ['number', 'name', 'parentId', 'validFrom', 'validTo'], (e) => ({ sortOrder: (e.after.number as number | null) ?? 0 }));
    await write(s.councilGoals, todo('KF-mål'), ['focusAreaId', 'text', 'phrase', 'validFrom', 'validTo']);
    await write(s.plans, todo('Planer'), ['boardId', 'year']);
    const goals = dependencyOrder(todo('Mål'), 'continuesId');
    await write(s.boardGoals, goals, ['planId', 'number', 'text', 'methodText', 'rule', 'focusAreaId', 'continuesId'], (e) => ({ sortOrder: e.after.number }));
    for (const e of goals) {
      if (e.changed.includes('councilGoalIds')) {
        await tx.delete(s.boardGoalCouncilGoals).where(and(eq(s.boardGoalCouncilGoals.organizationId, org), eq(s.boardGoalCouncilGoals.boardGoalId, e.id)));
        const ids = e.after.councilGoalIds as string[];
        if (ids.length) await tx.insert(s.boardGoalCouncilGoals).values(ids.map((councilGoalId) => ({ organizationId: org, boardGoalId: e.id, councilGoalId })));
      }
      if (e.changed.includes('unitIds')) {
        await tx.delete(s.boardGoalUnits).where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.boardGoalUnits.boardGoalId, e.id)));
        const ids = e.after.unitIds as string[];
        if (ids.length) await tx.insert(s.boardGoalUnits).values(ids.map((unitId, position) => ({ organizationId: org, boardGoalId: e.id, unitId, position })));
      }
    }
    const INDICATOR_KEYS = [
      'goalId', 'name', 'unitOfMeasure', 'decimals', 'comparator', 'targetValue', 'targetLow', 'targetHigh', 'direction', 'tolerance',
      'trendTolerance', 'targetLabel', 'frequency', 'yearlyPeriodKind', 'baselineValue', 'baselineYear', 'source', 'sourceRef',
      'responsibleUnitId', 'continuesId',
    ];
    await write(s.indicators, dependencyOrder(todo('Mått'), 'continuesId'), INDICATOR_KEYS, (e) => ({ sortOrder: E.Mått.indexOf(e) }));
    const assignments = todo('Uppdrag');
    await write(s.assignments, assignments, ['issuer', 'issuerBoardId', 'decisionDate', 'diaryNumber', 'title', 'description', 'focusAreaId', 'groupLabel', 'dueDate']);
    for (const e of assignments) {
      if (!e.changed.includes('unitIds')) continue;
      // Units with reports stay in the list (the dry run refuses removing them).
      const ids = e.after.unitIds as string[];
      await tx.delete(s.assignmentUnits).where(and(eq(s.assignmentUnits.organizationId, org), eq(s.assignmentUnits.assignmentId, e.id)));
      await tx.insert(s.assignmentUnits).values(ids.map((unitId, position) => ({ organizationId: org, assignmentId: e.id, unitId, position })));
    }

    const all = SHEET_NAMES.flatMap((n) => E[n]);
    const result = {
      created: all.filter((e) => e.kind === 'create').length,
      updated: all.filter((e) => e.kind === 'update').length,
      unchanged: all.filter((e) => e.kind === 'unchanged').length,
    };
    if (result.created || result.updated) {
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'structure.import',
        entityType: 'structure',
        entityId: null,
        changes: {
          ...result,
          items: all
            .filter((e) => e.kind !== 'unchanged')
            .map((e) => ({
              sheet: e.sheet,
              code: e.code,
              id: e.id,
              kind: e.kind,
              before: e.before ? Object.fromEntries(e.changed.map((k) => [k, e.before![k]])) : null,
              after: Object.fromEntries(e.changed.map((k) => [k, e.after[k]])),
            })),
        },
      });
    }
    return result;
  });
}

// ---------------------------------------------------------------- the export

/** The word a cell holds for a coded value (the first word of the map that means it). */
const wordOf = (words: Readonly<Record<string, string>>) => {
  const byValue = new Map<string, string>();
  for (const [word, value] of Object.entries(words)) if (!byValue.has(value)) byValue.set(value, word);
  return (value: unknown): ExportCell => (typeof value === 'string' ? (byValue.get(value) ?? value) : null);
};
const YEARLY_KIND_WORD: Record<string, string> = { T1: 'T1', delar: 'delår', helar: 'helår' };

/**
 * The organization's structure as the template's rows (every sheet, codes for every
 * reference, words for coded values), so the admin edits it without looking codes up; the
 * file uploaded untouched is "nothing changes".
 */
export async function getStructureExport(db: Db, user: CurrentUser | null): Promise<StructureExport> {
  const org = authorizeInOwnOrganization(user, 'manage', 'unit');
  const { existing } = await loadState(db, org);
  const codeOf = {} as Record<StructureSheet, Map<string, string>>;
  for (const sheet of SHEET_NAMES) codeOf[sheet] = new Map([...existing[sheet]].map(([code, e]) => [e.id, code]));
  const code = (sheet: StructureSheet) => (id: unknown): ExportCell => (typeof id === 'string' ? (codeOf[sheet].get(id) ?? null) : null);
  const codes = (sheet: StructureSheet) => (ids: unknown): ExportCell => ((ids as string[] | undefined)?.length ? (ids as string[]).map((id) => codeOf[sheet].get(id)).join(', ') : null);
  const cell = (v: unknown): ExportCell => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
  const rows = (sheet: StructureSheet, line: (f: Fields) => unknown[]) =>
    [...existing[sheet]].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([c, e]) => [c, ...line(e.fields).map(cell)] as ExportCell[]);
  const unit = code('Enheter');
  const area = code('Målområden');
  return {
    Enheter: rows('Enheter', (f) => [f.name, wordOf(UNIT_KIND_WORDS)(f.kind), unit(f.parentId)]),
    Målområden: rows('Målområden', (f) => [f.number, f.name, area(f.parentId), f.validFrom, f.validTo]),
    'KF-mål': rows('KF-mål', (f) => [area(f.focusAreaId), f.text, f.phrase, f.validFrom, f.validTo]),
    Planer: rows('Planer', (f) => [unit(f.boardId), f.year]),
    Mål: rows('Mål', (f) => [
      code('Planer')(f.planId), f.number, f.text, f.methodText, wordOf(RULE_WORDS)(f.rule), area(f.focusAreaId),
      codes('KF-mål')(f.councilGoalIds), codes('Enheter')(f.unitIds), code('Mål')(f.continuesId),
    ]),
    Mått: rows('Mått', (f) => [
      code('Mål')(f.goalId), f.name, f.unitOfMeasure, f.decimals, COMPARATOR_WORD[f.comparator as keyof typeof COMPARATOR_WORD],
      f.targetValue, f.targetLow, f.targetHigh, wordOf(DIRECTION_WORDS)(f.direction), f.tolerance, f.trendTolerance, f.targetLabel,
      wordOf(FREQUENCY_WORDS)(f.frequency), typeof f.yearlyPeriodKind === 'string' ? YEARLY_KIND_WORD[f.yearlyPeriodKind] : null,
      f.baselineValue, f.baselineYear, wordOf(SOURCE_WORDS)(f.source), f.sourceRef, unit(f.responsibleUnitId), code('Mått')(f.continuesId),
    ]),
    Uppdrag: rows('Uppdrag', (f) => [
      f.issuer === 'council' ? 'KF' : unit(f.issuerBoardId), f.decisionDate, f.diaryNumber, f.title, f.description, area(f.focusAreaId),
      f.groupLabel, codes('Enheter')(f.unitIds), f.dueDate,
    ]),
  };
}
