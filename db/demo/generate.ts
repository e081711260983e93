// A deterministic generator of a large kommun (issue 19) for benchmarks and size-bound
// tests: the same seed and scale always give the same rows (ids included). It writes
// through the app's own schema with bulk inserts. At scale 1 an organization has
// 20 boards, 200 units, 600 board goals and 2 400 indicators a year over 10 years,
// 300 assignments and 50 editors; a scale of 0.05 gives a twentieth of the structure
// (tests), with at least one board.
//
// Per year: one plan per board; T1, delår and helår periods (every year closed but the last,
// whose delår is open and helår draft); a value for every indicator due in each
// period of the past years and for most of the open delår; goal assessments, text blocks,
// readiness; assignment reports for the last two years.
import { createHash } from 'node:crypto';
import type { Db } from '../client';
import * as s from '../schema';
import { evaluateTarget, type Target } from '@/lib/target';
import { computeTrend } from '@/lib/trend';

export interface GenerateOptions {
  /** Organization code and name suffix; also the seed. */
  code: string;
  /** 1 = the large kommun of issue 19. */
  scale?: number;
  /** Number of years (the last one is the current, open year). */
  years?: number;
  /** The last (current) year. */
  lastYear?: number;
  /** Every generated user's password hash (hash once, reuse). */
  passwordHash: string;
}

export interface GeneratedOrganization {
  organizationId: string;
  code: string;
  counts: Record<string, number>;
  /** The open period (the last year's delår). */
  openPeriodId: string;
  /** Boards' ids in order. */
  boardIds: string[];
  /** Editors' e-mail addresses with the unit each reports for. */
  editors: { email: string; userId: string; unitId: string }[];
  admin: { email: string; userId: string };
  viewer: { email: string; userId: string };
}

const KINDS = ['T1', 'delar', 'helar'] as const;
const END: Record<(typeof KINDS)[number], string> = { T1: '04-30', delar: '08-31', helar: '12-31' };
const CHUNK = 1000;

/** A deterministic stream: ids and choices from (seed, counter). */
function stream(seed: string) {
  let counter = 0;
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return {
    uuid(): string {
      const h = createHash('sha1').update(`${seed}:${counter++}`).digest();
      h[6] = (h[6]! & 0x0f) | 0x40;
      h[8] = (h[8]! & 0x3f) | 0x80;
      const x = h.subarray(0, 16).toString('hex');
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
    },
    /** mulberry32: a float in [0, 1). */
    next(): number {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    int(n: number): number {
      return Math.floor(this.next() * n);
    },
  };
}

async function insertAll<T extends Parameters<Db['insert']>[0]>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

const ANALYSIS =
  'Utfallet följs upp varje månad i ledningsgruppen. Avvikelsen beror främst på ökad efterfrågan under ' +
  'perioden och på vakanser som har tagit tid att tillsätta. Åtgärder: förstärkt rekrytering, översyn av ' +
  'arbetssätt och tätare uppföljning med berörda enheter.';

/** Generates one organization in one transaction; returns what a benchmark needs to find it. */
export async function generateOrganization(db: Db, options: GenerateOptions): Promise<GeneratedOrganization> {
  return db.transaction((tx) => generate(tx as unknown as Db, options));
}

async function generate(db: Db, options: GenerateOptions): Promise<GeneratedOrganization> {
  const scale = options.scale ?? 1;
  const years = options.years ?? 10;
  const lastYear = options.lastYear ?? 2024;
  const firstYear = lastYear - years + 1;
  const r = stream(`malbild-generate:${options.code}:${scale}:${years}:${lastYear}`);
  const boards = Math.max(1, Math.round(20 * scale));
  const unitsPerBoard = Math.max(3, Math.round((200 * scale) / boards)); // board + department + units
  const goalsPerBoard = Math.max(1, Math.round((600 * scale) / boards));
  const indicatorsPerGoal = 4;
  const assignmentCount = Math.max(1, Math.round(300 * scale));
  const editorCount = Math.max(1, Math.min(50, Math.round(50 * Math.max(scale, 0.1))));

  const organizationId = r.uuid();
  await db.insert(s.organizations).values({ id: organizationId, code: options.code, name: `Storköpings kommun ${options.code}` });
  const org = { organizationId };

  // Units: per board, the board, its förvaltning and its avdelningar/enheter.
  const units: (typeof s.units.$inferInsert)[] = [];
  const boardIds: string[] = [];
  const reportingUnitsOf = new Map<string, string[]>();
  for (let b = 0; b < boards; b++) {
    const boardId = r.uuid();
    const deptId = r.uuid();
    boardIds.push(boardId);
    units.push({ ...org, id: boardId, code: `N${b + 1}`, kind: 'board', name: `Nämnd ${b + 1}`, parentId: null, sortOrder: units.length });
    units.push({ ...org, id: deptId, code: `N${b + 1}-F`, kind: 'department', name: `Förvaltning ${b + 1}`, parentId: boardId, sortOrder: units.length });
    const own: string[] = [];
    for (let u = 0; u < unitsPerBoard - 2; u++) {
      const id = r.uuid();
      own.push(id);
      units.push({ ...org, id, code: `N${b + 1}-E${u + 1}`, kind: 'unit', name: `Enhet ${b + 1}.${u + 1}`, parentId: deptId, sortOrder: units.length });
    }
    reportingUnitsOf.set(boardId, own.length ? own : [deptId]);
  }
  await insertAll(db, s.units, units);

  // Users: an admin, a director, a viewer and editors, each on one unit (round robin over boards).
  const adminId = r.uuid();
  const directorId = r.uuid();
  const viewerId = r.uuid();
  const mail = (who: string) => `${who}@${options.code.toLowerCase()}.example`;
  const users = [
    { ...org, id: adminId, email: mail('admin'), name: 'Systemförvaltare', passwordHash: options.passwordHash },
    { ...org, id: directorId, email: mail('kommundirektor'), name: 'Kommundirektör', passwordHash: options.passwordHash },
    { ...org, id: viewerId, email: mail('ledamot'), name: 'Ledamot', passwordHash: options.passwordHash },
  ];
  const grants: (typeof s.roleGrants.$inferInsert)[] = [
    { ...org, id: r.uuid(), userId: adminId, role: 'admin', unitId: null },
    { ...org, id: r.uuid(), userId: directorId, role: 'director', unitId: null },
    { ...org, id: r.uuid(), userId: viewerId, role: 'viewer', unitId: null },
  ];
  const editors: GeneratedOrganization['editors'] = [];
  for (let e = 0; e < editorCount; e++) {
    const board = boardIds[e % boards]!;
    const own = reportingUnitsOf.get(board)!;
    const unitId = own[Math.floor(e / boards) % own.length]!;
    const userId = r.uuid();
    users.push({ ...org, id: userId, email: mail(`rapportor${e + 1}`), name: `Rapportör ${e + 1}`, passwordHash: options.passwordHash });
    grants.push({ ...org, id: r.uuid(), userId, role: 'editor', unitId });
    editors.push({ email: mail(`rapportor${e + 1}`), userId, unitId });
  }
  await insertAll(db, s.users, users);
  await insertAll(db, s.roleGrants, grants);

  // Periods.
  const periods: (typeof s.periods.$inferInsert)[] = [];
  const periodId = new Map<string, string>();
  for (let y = firstYear; y <= lastYear; y++) {
    for (const kind of KINDS) {
      const id = r.uuid();
      periodId.set(`${y}-${kind}`, id);
      const state = y < lastYear || kind === 'T1' ? 'closed' : kind === 'delar' ? 'open' : 'draft';
      periods.push({ ...org, id, year: y, kind, endDate: `${y}-${END[kind]}`, deadline: null, state });
    }
  }
  await insertAll(db, s.periods, periods);
  const openPeriodId = periodId.get(`${lastYear}-delar`)!;

  // Focus areas (four målområden, two sub-areas) and council goals, valid every year.
  const areaIds: string[] = [];
  const areas: (typeof s.focusAreas.$inferInsert)[] = [];
  const AREA_NAMES = ['God ekonomisk hushållning', 'De kommunala kärnverksamheterna', 'Tillväxt och demografi', 'Specifika utvecklingsområden'];
  for (const [i, name] of AREA_NAMES.entries()) {
    const id = r.uuid();
    areaIds.push(id);
    areas.push({ ...org, id, code: `MO${i + 1}`, number: i + 1, name, parentId: null, sortOrder: i * 10, validFrom: firstYear });
  }
  for (const [i, name] of ['Social omsorg', 'Digitalisering'].entries()) {
    const id = r.uuid();
    areaIds.push(id);
    areas.push({ ...org, id, code: `MO${i + 2}-${i + 1}`, number: null, name, parentId: areaIds[i + 1]!, sortOrder: (i + 1) * 10 + 1, validFrom: firstYear });
  }
  await insertAll(db, s.focusAreas, areas);
  const councilGoalIds: string[] = [];
  const councilGoals: (typeof s.councilGoals.$inferInsert)[] = [];
  for (let i = 0; i < 10; i++) {
    const id = r.uuid();
    councilGoalIds.push(id);
    councilGoals.push({
      ...org,
      id,
      code: `KF${i + 1}`,
      focusAreaId: areaIds[i % 4]!,
      text: `Kommunfullmäktiges mål ${i + 1}: en kommun där invånarna får god service och verksamheten är effektiv.`,
      phrase: `mål ${i + 1}`,
      sortOrder: i,
      validFrom: firstYear,
    });
  }
  await insertAll(db, s.councilGoals, councilGoals);

  // Plans, goals, indicators, values and assessments, year by year.
  const counts: Record<string, number> = { units: units.length, users: users.length, periods: periods.length };
  const add = (key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
  let previousIndicators: { id: string; last: number | null }[] = [];
  let previousGoals: string[] = [];
  const COMPARATORS = ['lt', 'gt', 'gte', 'lte', 'between', 'not_worse'] as const;
  for (let y = firstYear; y <= lastYear; y++) {
    const plans: (typeof s.plans.$inferInsert)[] = [];
    const goals: (typeof s.boardGoals.$inferInsert)[] = [];
    const goalUnits: (typeof s.boardGoalUnits.$inferInsert)[] = [];
    const bearings: (typeof s.boardGoalCouncilGoals.$inferInsert)[] = [];
    const indicators: (typeof s.indicators.$inferInsert)[] = [];
    const values: (typeof s.indicatorValues.$inferInsert)[] = [];
    const assessments: (typeof s.goalAssessments.$inferInsert)[] = [];
    const textBlocks: (typeof s.textBlocks.$inferInsert)[] = [];
    const textVersions: (typeof s.textBlockVersions.$inferInsert)[] = [];
    const readiness: (typeof s.readinessEvents.$inferInsert)[] = [];
    const thisYearIndicators: { id: string; last: number | null }[] = [];
    const thisYearGoals: string[] = [];
    const dueKinds = (y === lastYear ? (['T1', 'delar'] as const) : KINDS).filter(Boolean);
    for (const [b, boardId] of boardIds.entries()) {
      const planId = r.uuid();
      plans.push({ ...org, id: planId, code: `N${b + 1}-${y}`, boardId, year: y });
      const own = reportingUnitsOf.get(boardId)!;
      for (let g = 0; g < goalsPerBoard; g++) {
        const goalId = r.uuid();
        const goalIndex = b * goalsPerBoard + g;
        thisYearGoals.push(goalId);
        const rule = (['all', 'majority', 'manual'] as const)[goalIndex % 3]!;
        goals.push({
          ...org,
          id: goalId,
          code: `N${b + 1}-${y}-M${g + 1}`,
          planId,
          focusAreaId: areaIds[g % areaIds.length]!,
          number: g + 1,
          text: `Nämndens mål ${g + 1}: verksamheten ska nå sina mål med god kvalitet och inom budget (${y}).`,
          methodText: 'Mäts med de mått som anges nedan och följs upp vid varje delår och helår.',
          rule,
          continuesId: previousGoals[goalIndex] ?? null,
          sortOrder: g,
        });
        const unitA = own[g % own.length]!;
        const unitB = own[(g + 1) % own.length]!;
        goalUnits.push({ ...org, boardGoalId: goalId, unitId: unitA, position: 0 });
        if (unitB !== unitA && g % 2 === 0) goalUnits.push({ ...org, boardGoalId: goalId, unitId: unitB, position: 1 });
        bearings.push({ ...org, boardGoalId: goalId, councilGoalId: councilGoalIds[goalIndex % 10]! });
        if (g % 3 === 0) bearings.push({ ...org, boardGoalId: goalId, councilGoalId: councilGoalIds[(goalIndex + 3) % 10]! });
        for (let i = 0; i < indicatorsPerGoal; i++) {
          const indicatorId = r.uuid();
          const index = goalIndex * indicatorsPerGoal + i;
          const comparator = COMPARATORS[index % COMPARATORS.length]!;
          const base = 10 + (index % 90);
          const target: Target = {
            comparator,
            value: comparator === 'between' || comparator === 'not_worse' ? null : base,
            low: comparator === 'between' ? base - 5 : null,
            high: comparator === 'between' ? base + 5 : null,
            direction: comparator === 'not_worse' ? 'higher' : null,
            tolerance: index % 2 === 0 ? 2 : null,
          };
          const yearly = index % 4 === 3;
          indicators.push({
            ...org,
            id: indicatorId,
            code: `N${b + 1}-${y}-M${g + 1}-I${i + 1}`,
            goalId,
            name: `Mått ${i + 1} för mål ${g + 1}: andel ärenden inom tidsgräns`,
            unitOfMeasure: 'procent',
            decimals: 1,
            comparator,
            targetValue: target.value,
            targetLow: target.low,
            targetHigh: target.high,
            direction: target.direction,
            targetLabel:
              comparator === 'between' ? `Mellan ${base - 5} och ${base + 5}` : comparator === 'not_worse' ? 'Öka eller vara kvar' : `${comparator === 'lt' || comparator === 'lte' ? 'Lägre' : 'Högre'} än ${base}`,
            tolerance: target.tolerance,
            trendTolerance: 0.5,
            frequency: yearly ? 'yearly' : 'every_period',
            yearlyPeriodKind: yearly ? 'helar' : null,
            baselineValue: y === firstYear ? base : null,
            baselineYear: y === firstYear ? y - 1 : null,
            source: 'manual',
            responsibleUnitId: own[(g + i) % own.length]!,
            continuesId: previousIndicators[index]?.id ?? null,
            sortOrder: i,
          });
          let earlier = previousIndicators[index]?.last ?? (y === firstYear ? base : null);
          let last: number | null = null;
          for (const kind of dueKinds) {
            if (yearly && kind !== 'helar') continue;
            // The open period: a value for three in four indicators.
            if (y === lastYear && kind === 'delar' && index % 4 === 1) continue;
            const outcome = Math.round((base - 8 + r.next() * 16) * 10) / 10;
            const computedColour = evaluateTarget(target, outcome, earlier);
            values.push({
              ...org,
              id: r.uuid(),
              indicatorId,
              periodId: periodId.get(`${y}-${kind}`)!,
              seq: 1,
              outcome,
              analysis: computedColour === 'green' ? null : ANALYSIS,
              computedColour,
              computedTrend: computeTrend(target, outcome, earlier, 0.5),
              judgedAgainst: { ...target, previous: earlier },
              authorId: adminId,
              reason: 'Genererad testdata',
              createdAt: new Date(`${y}-${END[kind]}T10:00:00Z`),
            });
            last = outcome;
          }
          earlier = last ?? earlier;
          thisYearIndicators.push({ id: indicatorId, last: earlier });
        }
        for (const kind of dueKinds) {
          const colour = (['green', 'yellow', 'red', 'green'] as const)[(goalIndex + y) % 4]!;
          assessments.push({
            ...org,
            id: r.uuid(),
            goalId,
            periodId: periodId.get(`${y}-${kind}`)!,
            seq: 1,
            computedColour: rule === 'manual' ? null : colour,
            chosenColour: rule === 'manual' ? colour : null,
            justification: rule === 'manual' ? 'Bedömning utifrån måtten och verksamhetens analys.' : null,
            analysis: colour === 'green' ? null : ANALYSIS,
            forecastColour: kind === 'delar' ? colour : null,
            authorId: adminId,
            createdAt: new Date(`${y}-${END[kind]}T11:00:00Z`),
          });
        }
      }
      for (const kind of dueKinds) {
        const blockId = r.uuid();
        textBlocks.push({ ...org, id: blockId, planId, periodId: periodId.get(`${y}-${kind}`)!, slot: 'goals_intro', focusAreaId: null });
        textVersions.push({
          ...org,
          id: r.uuid(),
          textBlockId: blockId,
          seq: 1,
          body: `Nämnd ${b + 1} redovisar här sina mål och uppdrag för ${y}.`,
          authorId: adminId,
          createdAt: new Date(`${y}-${END[kind]}T12:00:00Z`),
        });
        if (y < lastYear) {
          for (const unitId of own) {
            readiness.push({ ...org, id: r.uuid(), unitId, periodId: periodId.get(`${y}-${kind}`)!, seq: 1, ready: true, authorId: adminId });
          }
        }
      }
    }
    await insertAll(db, s.plans, plans);
    await insertAll(db, s.boardGoals, goals);
    await insertAll(db, s.boardGoalUnits, goalUnits);
    await insertAll(db, s.boardGoalCouncilGoals, bearings);
    await insertAll(db, s.indicators, indicators);
    await insertAll(db, s.indicatorValues, values);
    await insertAll(db, s.goalAssessments, assessments);
    await insertAll(db, s.textBlocks, textBlocks);
    await insertAll(db, s.textBlockVersions, textVersions);
    await insertAll(db, s.readinessEvents, readiness);
    add('plans', plans.length);
    add('goals', goals.length);
    add('indicators', indicators.length);
    add('values', values.length);
    add('assessments', assessments.length);
    add('textBlocks', textBlocks.length);
    previousIndicators = thisYearIndicators;
    previousGoals = thisYearGoals;
  }

  // Assignments: from KF or a board, one or two units, reports for the last two years' periods.
  const assignments: (typeof s.assignments.$inferInsert)[] = [];
  const assignmentUnits: (typeof s.assignmentUnits.$inferInsert)[] = [];
  const reports: (typeof s.assignmentReports.$inferInsert)[] = [];
  const STATUSES = ['not_started', 'in_progress', 'done', 'in_progress'] as const;
  for (let a = 0; a < assignmentCount; a++) {
    const id = r.uuid();
    const board = boardIds[a % boards]!;
    const own = reportingUnitsOf.get(board)!;
    const council = a % 3 === 0;
    const decided = lastYear - 1 - (a % 3);
    assignments.push({
      ...org,
      id,
      code: `U${a + 1}`,
      issuer: council ? 'council' : 'board',
      issuerBoardId: council ? null : board,
      decisionDate: `${decided}-0${1 + (a % 9)}-15`,
      diaryNumber: `KS ${decided}/${100 + a}`,
      title: `Uppdrag ${a + 1}: utreda och föreslå åtgärder för en effektivare verksamhet`,
      description: 'Uppdraget ska redovisas till nämnden med förslag på åtgärder och kostnader.',
      focusAreaId: areaIds[a % 4]!,
      dueDate: `${lastYear - (a % 2)}-${a % 2 ? '12' : '06'}-30`,
      groupLabel: council ? null : a % 2 ? 'Andra pågående uppdrag' : 'Pågående uppdrag från föregående verksamhetsplan',
      sortOrder: a,
    });
    const unitIds = a % 4 === 0 && own.length > 1 ? [own[a % own.length]!, own[(a + 1) % own.length]!] : [own[a % own.length]!];
    for (const [position, unitId] of unitIds.entries()) {
      assignmentUnits.push({ ...org, assignmentId: id, unitId, position });
      for (let y = Math.max(firstYear, lastYear - 1); y <= lastYear; y++) {
        for (const kind of y === lastYear ? (['T1', 'delar'] as const) : KINDS) {
          if (y === lastYear && kind === 'delar' && a % 3 === 2) continue;
          reports.push({
            ...org,
            id: r.uuid(),
            assignmentId: id,
            unitId,
            periodId: periodId.get(`${y}-${kind}`)!,
            seq: 1,
            status: STATUSES[(a + y) % 4]!,
            body: 'Arbetet pågår enligt plan. En delrapport har lämnats till nämnden och slutrapporten planeras till årets slut.',
            authorId: adminId,
            createdAt: new Date(`${y}-${END[kind]}T13:00:00Z`),
          });
        }
      }
    }
  }
  await insertAll(db, s.assignments, assignments);
  await insertAll(db, s.assignmentUnits, assignmentUnits);
  await insertAll(db, s.assignmentReports, reports);
  add('assignments', assignments.length);
  add('assignmentReports', reports.length);

  return {
    organizationId,
    code: options.code,
    counts,
    openPeriodId,
    boardIds,
    editors,
    admin: { email: mail('admin'), userId: adminId },
    viewer: { email: mail('ledamot'), userId: viewerId },
  };
}
