// The surfaces of a period as pure functions of its content, without a database: the live
// rule applied once (liveContent), the overview parts with snapshots, the report, Min
// rapportering, Avvikelser and the readiness boards of an external unit.
import { describe, expect, it } from 'vitest';
import { ContentIndex, liveContent, type PeriodContent } from '@/lib/period-content';
import { buildLiveParts, buildOverviewParts, boardSnapshot } from '@/lib/overview-parts';
import { assignmentLinks, buildOverview } from '@/lib/overview';
import { parseAssignmentFilters } from '@/lib/assignment-filters';
import { buildReport } from '@/lib/report-build';
import { buildMyReporting, readinessRefusal } from '@/lib/my-reporting';
import { buildDeviations, DEVIATIONS_PER_PAGE } from '@/lib/deviations';
import { pageOfSections } from '@/lib/paging';
import type { CurrentUser } from '@/lib/current-user';
import { buildDocumentChapters, chapterExtraBlocks, chapterFlow, documentOutline, documentTitle, type DocumentBlock } from '@/lib/board-document';
import { askersundFinance } from '@/db/demo/askersund-finance';
import { checkFinance, unexplained, withExplanations } from '@/lib/finance-checks';
import type { FinanceTables } from '@/lib/finance-model';

const ARCHIVED = '2024-09-01T00:00:00.000Z';
const TODAY = '2024-09-15';

/** A board (KS) with a department and two units, an external body, one plan with two goals. */
function content(edit: (c: PeriodContent) => void = () => {}): PeriodContent {
  const target = { comparator: 'lt' as const, value: 5, low: null, high: null, direction: null, tolerance: null };
  const indicator = (id: string, goalId: string, unit: string, name: string) => ({
    id,
    code: id,
    goalId,
    planYear: 2024,
    planArchivedAt: null,
    goalArchivedAt: null,
    name,
    unitOfMeasure: 'procent',
    decimals: 2,
    target,
    targetLabel: 'Lägre än 5,00',
    trendTolerance: null,
    frequency: 'every_period' as const,
    yearlyPeriodKind: null,
    baselineValue: null,
    baselineYear: null,
    responsibleUnitId: unit,
    continuesId: null,
    archivedAt: null,
  });
  const c: PeriodContent = {
    period: { id: 'p', year: 2024, kind: 'delar', endDate: '2024-08-31', deadline: null, state: 'open' },
    units: [
      { id: 'ks', name: 'Kommunstyrelsen', kind: 'board', parentId: null },
      { id: 'klf', name: 'Kommunledningsförvaltningen', kind: 'department', parentId: 'ks' },
      { id: 'hr', name: 'HR-avdelningen', kind: 'unit', parentId: 'klf' },
      { id: 'ame', name: 'Arbetsmarknadsenheten', kind: 'unit', parentId: 'klf' },
      { id: 'suf', name: 'Sydnärkes utbildningsförbund', kind: 'external', parentId: null },
    ],
    focusAreas: [
      { id: 'mo1', number: 1, name: 'God ekonomisk hushållning', parentId: null, validFrom: 2024, validTo: null, archivedAt: null },
      { id: 'mo4', number: 4, name: 'Specifika utvecklingsområden', parentId: null, validFrom: 2024, validTo: null, archivedAt: null },
      { id: 'old', number: 9, name: 'Gammalt område', parentId: null, validFrom: 2020, validTo: 2023, archivedAt: null },
    ],
    councilGoals: [
      { id: 'kf1', focusAreaId: 'mo1', text: 'En attraktiv arbetsgivare.', phrase: 'om en attraktiv arbetsgivare', validFrom: 2024, validTo: null, archivedAt: null },
    ],
    plans: [{ id: 'plan', code: 'KS-2024', boardId: 'ks', year: 2024, archivedAt: null }],
    goals: [
      {
        id: 'm1',
        code: 'M1',
        planId: 'plan',
        planYear: 2024,
        planArchivedAt: null,
        boardId: 'ks',
        focusAreaId: 'mo1',
        number: 1,
        text: 'Sjukfrånvaron ska vara låg.',
        methodText: null,
        rule: 'all',
        archivedAt: null,
        councilGoalIds: ['kf1'],
        unitIds: ['hr'],
      },
      {
        id: 'm4',
        code: 'M4',
        planId: 'plan',
        planYear: 2024,
        planArchivedAt: null,
        boardId: 'ks',
        focusAreaId: 'mo4',
        number: 4,
        text: 'Fler ska nå egen försörjning.',
        methodText: null,
        rule: 'all',
        archivedAt: null,
        councilGoalIds: [],
        unitIds: ['suf'],
      },
    ],
    indicators: [
      indicator('i1', 'm1', 'hr', 'Sjukfrånvaro exkl. AME'),
      indicator('i2', 'm1', 'hr', 'Sjukfrånvaro AME'),
      indicator('i4', 'm4', 'suf', 'SFI'),
    ],
    assignments: [
      {
        id: 'a1',
        code: 'A1',
        issuer: 'board',
        issuerBoardId: 'ks',
        decisionDate: null,
        diaryNumber: null,
        title: 'Översyn av styrmodellen',
        description: null,
        focusAreaId: 'mo1',
        dueDate: null,
        groupLabel: 'Andra pågående uppdrag',
        archivedAt: null,
        unitIds: ['klf'],
      },
    ],
    values: [
      { indicatorId: 'i1', seq: 1, outcome: 1.86, referenceNote: null, analysis: null, computedColour: 'green', chosenColour: null, colourJustification: null, computedTrend: null, chosenTrend: 'better', trendJustification: 'Enligt rapporten.' },
      { indicatorId: 'i2', seq: 2, outcome: 7.25, referenceNote: null, analysis: 'Ökar.', computedColour: 'red', chosenColour: null, colourJustification: null, computedTrend: null, chosenTrend: null, trendJustification: null },
    ],
    assessments: [],
    reports: [],
    texts: [{ planId: 'plan', slot: 'goals_intro', focusAreaId: null, seq: 1, heading: null, body: 'Inledning.' }],
    readiness: [{ unitId: 'hr', seq: 1, ready: true, comment: null }],
    revisions: [],
    approvals: [],
    chapters: [],
    chapterParts: [],
    narratives: [],
  };
  edit(c);
  return c;
}

const viewer: CurrentUser = {
  id: 'u',
  organizationId: 'org',
  organizationName: 'Askersunds kommun',
  name: 'Lars Ledamot',
  email: 'l@example',
  title: null,
  roles: ['viewer'],
  grantUnits: [],
  coveredUnitIds: [],
};
const hrChef: CurrentUser = { ...viewer, roles: ['editor'], grantUnits: [{ id: 'hr', name: 'HR-avdelningen' }], coveredUnitIds: ['hr'] };

const archive = (c: PeriodContent, kind: 'plan' | 'goal' | 'indicator', id: string) => {
  if (kind === 'plan') {
    c.plans = c.plans.map((p) => (p.id === id ? { ...p, archivedAt: ARCHIVED } : p));
    c.goals = c.goals.map((g) => (g.planId === id ? { ...g, planArchivedAt: ARCHIVED } : g));
    c.indicators = c.indicators.map((i) => ({ ...i, planArchivedAt: ARCHIVED }));
  } else if (kind === 'goal') {
    c.goals = c.goals.map((g) => (g.id === id ? { ...g, archivedAt: ARCHIVED } : g));
    c.indicators = c.indicators.map((i) => (i.goalId === id ? { ...i, goalArchivedAt: ARCHIVED } : i));
  } else {
    c.indicators = c.indicators.map((i) => (i.id === id ? { ...i, archivedAt: ARCHIVED } : i));
  }
};

describe('liveContent', () => {
  it('keeps only live focus areas, plans, goals, indicators and the live plans’ texts', () => {
    const live = liveContent(content((c) => archive(c, 'indicator', 'i2')));
    expect(live.focusAreas.map((a) => a.id)).toEqual(['mo1', 'mo4']);
    expect(live.indicators.map((i) => i.id)).toEqual(['i1', 'i4']);
    const noPlan = liveContent(content((c) => archive(c, 'plan', 'plan')));
    expect([noPlan.plans, noPlan.goals, noPlan.indicators, noPlan.texts]).toEqual([[], [], [], []]);
  });

  it('drops the indicators of an archived goal', () => {
    expect(liveContent(content((c) => archive(c, 'goal', 'm1'))).indicators.map((i) => i.id)).toEqual(['i4']);
  });
});

describe('surfaces built from one content agree', () => {
  it('judges a goal on its live indicators in the overview and the report alike', () => {
    const all = content();
    const parts = buildLiveParts(all, TODAY);
    expect(parts.goals.find((g) => g.id === 'm1')).toMatchObject({ colour: 'yellow' }); // green + red under rule all
    const report = buildReport(all, { id: 'ks', name: 'Kommunstyrelsen' });
    expect(report.focusAreas[0]!.goals[0]).toMatchObject({ colour: 'yellow', bearings: ['om en attraktiv arbetsgivare'] });

    const withoutAme = content((c) => archive(c, 'indicator', 'i2'));
    expect(buildLiveParts(withoutAme, TODAY).goals.find((g) => g.id === 'm1')).toMatchObject({ colour: 'green' });
    expect(buildReport(withoutAme, { id: 'ks', name: 'Kommunstyrelsen' }).focusAreas[0]!.goals[0]).toMatchObject({ colour: 'green' });
  });

  it('a value fetched from Kolada with its place in the län says so in the report; a typed one does not', () => {
    const fetched = content((c) => {
      c.values[1]!.koladaContext = {
        year: 2024, municipality: '1882', municipalityName: 'Askersund', countyCode: '18', kommunValue: 7.25,
        rank: 9, count: 12, better: 8, order: 'lowest_first', thresholdPlace: 3, thresholdValue: 5.1,
      } as NonNullable<(typeof c.values)[number]['koladaContext']>;
    });
    const [typed, kolada] = buildReport(fetched, { id: 'ks', name: 'Kommunstyrelsen' }).focusAreas[0]!.goals[0]!.indicators;
    expect(kolada!.rankStatement).toBe('8 av 12 kommuner i länet har lägre värde än Askersund.');
    expect(typed).not.toHaveProperty('rankStatement');
  });

  it('an archived plan leaves the overview, the report, Min rapportering and Avvikelser alike', () => {
    const c = content((x) => archive(x, 'plan', 'plan'));
    const overview = buildOverview({
      period: c.period,
      boardId: 'ks',
      boards: [{ id: 'ks', name: 'Kommunstyrelsen' }],
      allParts: buildOverviewParts(c, TODAY),
      lastYearParts: null,
      lastYearLabel: null,
    });
    expect(overview.focusAreas.flatMap((a) => a.goals)).toEqual([]);
    expect(buildReport(c, { id: 'ks', name: 'Kommunstyrelsen' }).focusAreas.flatMap((a) => a.goals)).toEqual([]);
    expect(buildMyReporting(c, hrChef, ['hr'], TODAY).items).toEqual([]);
    const deviations = buildDeviations(c, viewer, 'ks', TODAY);
    const entries = deviations.groups.flatMap((g) => g.entries);
    expect(entries.filter((e) => ['i1', 'i2', 'i4', 'm1', 'm4', 'hr', 'suf'].includes(e.itemId))).toEqual([]);
    // The assignment still stands: its unit is still asked to report and to be ready.
    expect(entries.map((e) => [e.kind, e.itemId])).toEqual([
      ['assignment_overdue_or_unreported', 'a1'],
      ['unit_not_ready', 'klf'],
    ]);
  });

  it('lists an editor’s due items with what is reported, and only their own units’', () => {
    const mine = buildMyReporting(content(), hrChef, ['hr'], TODAY);
    expect(mine.items.map((i) => [i.kind, i.id, i.reported, i.canReport])).toEqual([
      ['goal', 'm1', false, true],
      ['indicator', 'i1', true, true],
      ['indicator', 'i2', true, true],
    ]);
    expect(mine.readiness).toEqual([
      { unitId: 'hr', unitName: 'HR-avdelningen', ready: true, seq: 1, locked: false, canChange: true, missing: 1, reason: null },
    ]);
  });

  it('klarmarkering: counts what is missing or sent back, needs a reason then, and shows the reason to the reviewer', () => {
    const sentBack = content((c) => {
      c.readiness = [];
      c.revisions = [{ itemKind: 'indicator', itemId: 'i1', unitId: 'hr', comment: 'Komplettera analysen.', authorName: 'Karin', createdAt: ARCHIVED }];
    });
    const [hr] = buildMyReporting(sentBack, hrChef, ['hr'], TODAY).readiness;
    expect(hr).toMatchObject({ ready: false, missing: 2, reason: null }); // m1 unreported, i1 sent back
    expect(readinessRefusal(2, null)).toBe(
      '2 poster saknar rapportering eller är återsända. Skriv varför enheten ändå är klar, eller rapportera det som saknas först.',
    );
    expect(readinessRefusal(1, '   ')).toMatch(/^1 post saknar rapportering eller är återsänd\./);
    expect(readinessRefusal(2, 'Målet bedöms i nästa period.')).toBeNull();
    expect(readinessRefusal(0, undefined)).toBeNull();

    const withReason = content((c) => {
      c.readiness = [{ unitId: 'hr', seq: 2, ready: true, comment: 'Målet bedöms i helårsbokslutet.' }];
    });
    expect(buildMyReporting(withReason, hrChef, ['hr'], TODAY).readiness[0]).toMatchObject({ ready: true, reason: 'Målet bedöms i helårsbokslutet.' });
    const hrEntry = buildDeviations(withReason, viewer, 'ks', TODAY)
      .groups.flatMap((g) => g.entries)
      .find((e) => e.kind === 'unit_not_ready' && e.itemId === 'hr');
    expect(hrEntry?.detail).toContain('Klarmarkerad trots att allt inte var rapporterat. Skäl: ”Målet bedöms i helårsbokslutet.”');
    // Ready without a reason (nothing was missing): not listed.
    expect(
      buildDeviations(content(), viewer, 'ks', TODAY)
        .groups.flatMap((g) => g.entries)
        .some((e) => e.kind === 'unit_not_ready' && e.itemId === 'hr'),
    ).toBe(false);
  });

  it('Avvikelser: a page holds exactly the entries the whole list has there, and every section keeps its count', () => {
    // 60 more indicators without a value: more entries than one page holds.
    const many = content((c) => {
      const template = c.indicators[0]!;
      for (let n = 0; n < 60; n++) c.indicators.push({ ...template, id: `x${n}`, code: `x${n}`, name: `Mått ${n}` });
    });
    for (const board of ['ks', null]) {
      const all = buildDeviations(many, viewer, board, TODAY);
      expect(all.total).toBeGreaterThan(DEVIATIONS_PER_PAGE);
      for (const page of [1, 2, 3]) {
        const paged = buildDeviations(many, viewer, board, TODAY, page);
        const expected = pageOfSections(
          all.groups.map((g) => g.entries),
          page,
          DEVIATIONS_PER_PAGE,
        );
        expect(paged.page, `${board} page ${page}`).toEqual(expected.info);
        expect(paged.groups.map((g) => g.entries)).toEqual(expected.sections);
        expect(paged.groups.map((g) => g.count)).toEqual(all.groups.map((g) => g.count));
        expect(paged.total).toBe(all.total);
      }
    }
  });

  it("overview: the board's own assignments get their section, counts link to the monitor, no forecast says so", () => {
    const build = (c: PeriodContent, boardId: string | null) =>
      buildOverview({
        period: c.period,
        boardId,
        boards: [{ id: 'ks', name: 'Kommunstyrelsen' }],
        allParts: buildOverviewParts(c, TODAY),
        lastYearParts: null,
        lastYearLabel: null,
      });
    // a1 is Kommunstyrelsen's own assignment to its administration, without a målområde.
    const withoutArea = content((c) => {
      c.assignments = c.assignments.map((a) => ({ ...a, focusAreaId: null }));
    });
    for (const boardId of ['ks', null]) {
      const overview = build(withoutArea, boardId);
      expect(overview.focusAreas.flatMap((a) => a.assignments)).toEqual([]);
      expect(overview.boardAssignments).toHaveLength(1);
      expect(overview.boardAssignments[0]).toMatchObject({
        boardId: 'ks',
        title: 'Kommunstyrelsens uppdrag till förvaltningen',
        assignments: [{ id: 'a1', title: 'Översyn av styrmodellen', issuer: 'board' }],
        rollup: { assignments: { none: 1, not_started: 0, in_progress: 0, done: 0, cancelled: 0 }, overdue: 0 },
      });
    }
    // A council assignment is not the board's own.
    const council = content((c) => {
      c.assignments = c.assignments.map((a) => ({ ...a, issuer: 'council' as const, issuerBoardId: null, focusAreaId: null }));
    });
    expect(build(council, 'ks').boardAssignments).toEqual([]);

    // Nobody gave a forecast at delår: "ingen prognos lämnad", not 0/0/0/0.
    const overview = build(content(), 'ks');
    expect(overview.focusAreas.find((a) => a.id === 'mo1')).toMatchObject({ noForecast: true });
    const forecastGiven = content((c) => {
      c.assessments = [{ goalId: 'm1', seq: 1, computedColour: 'green', chosenColour: null, justification: null, forecastColour: 'yellow', analysis: null }];
    });
    const mo1 = build(forecastGiven, 'ks').focusAreas.find((a) => a.id === 'mo1')!;
    expect(mo1.noForecast).toBe(false);
    expect(mo1.forecast).toMatchObject({ yellow: 1, green: 0 });
  });

  it('assignment counts link to the monitor filtered to exactly what was counted', () => {
    const P = '00000000-0000-4000-8000-000000000001';
    const AREA = '00000000-0000-4000-8000-000000000002';
    const KS = '00000000-0000-4000-8000-000000000003';
    const area = assignmentLinks({ period: P, malomrade: AREA, namnd: KS });
    expect(area.all).toBe(`/uppdrag?namnd=${KS}&malomrade=${AREA}&period=${P}`);
    expect(area.byStatus.in_progress).toBe(`/uppdrag?status=in_progress&namnd=${KS}&malomrade=${AREA}&period=${P}`);
    expect(area.byStatus.none).toBe(`/uppdrag?status=none&namnd=${KS}&malomrade=${AREA}&period=${P}`);
    expect(area.overdue).toBe(`/uppdrag?namnd=${KS}&malomrade=${AREA}&forsenat=1&period=${P}`);
    // The whole kommun: no board filter.
    expect(assignmentLinks({ period: P, malomrade: AREA, namnd: '' }).all).toBe(`/uppdrag?malomrade=${AREA}&period=${P}`);
    // What the link says is what the monitor shows: the board's own = issuer board in that board.
    expect(parseAssignmentFilters(new URL(`http://x${assignmentLinks({ period: P, issuer: 'board', namnd: KS }).overdue}`).searchParams)).toMatchObject({
      issuer: 'board',
      namnd: KS,
      forsenat: '1',
      period: P,
    });
  });

  it('shows an approved board from its snapshot, not from later edits', () => {
    const live = buildLiveParts(content(), TODAY);
    const snapshot = boardSnapshot(live, 'ks');
    const edited = content((c) => {
      c.goals = c.goals.map((g) => (g.id === 'm1' ? { ...g, text: 'Ändrad efter attest.' } : g));
      c.approvals = [{ boardId: 'ks', seq: 1, action: 'approved', reason: null, authorName: 'Karin', createdAt: ARCHIVED, snapshot }];
    });
    const parts = buildOverviewParts(edited, TODAY);
    expect(parts.approvedBoards).toEqual(['ks']);
    expect(parts.goals.find((g) => g.id === 'm1')!.text).toBe('Sjukfrånvaron ska vara låg.');
    // …and nothing of it can be reported on any more.
    expect(buildMyReporting(edited, hrChef, ['hr'], TODAY).items.every((i) => !i.canReport)).toBe(true);
  });
});

describe("the reporter's choices in the overview", () => {
  it('marks an arrow the reporter set, with its justification, and nothing where the trend is computed', () => {
    const goal = buildLiveParts(content(), TODAY).goals.find((g) => g.id === 'm1')!;
    const [i1, i2] = goal.indicators;
    expect(i1).toMatchObject({ trend: 'better', trendChoice: { justification: 'Enligt rapporten.' }, colourChoice: null });
    expect(i2).toMatchObject({ trendChoice: null, colourChoice: null });
    expect(goal.colourChoice).toBeNull();
  });

  it("marks a goal colour the reporter chose, with its justification", () => {
    const c = content((x) => {
      x.assessments = [{ goalId: 'm1', seq: 1, computedColour: 'red', chosenColour: 'yellow', justification: 'Nästan i mål.', forecastColour: null, analysis: 'A.' }];
    });
    const goal = buildLiveParts(c, TODAY).goals.find((g) => g.id === 'm1')!;
    expect(goal).toMatchObject({ colour: 'yellow', colourChoice: { justification: 'Nästan i mål.' } });
  });
});

describe('ContentIndex', () => {
  it('puts an external unit under the boards of the live goals and indicators it answers for', () => {
    const index = new ContentIndex(liveContent(content()));
    expect(index.boardsOfUnit('suf')).toEqual(['ks']);
    expect(index.boardsOfUnit('hr')).toEqual(['ks']);
    const archived = new ContentIndex(liveContent(content((c) => archive(c, 'goal', 'm4'))));
    expect(archived.boardsOfUnit('suf')).toEqual([]);
  });

  it('locks a board whose newest approval row is an approval, and every board of a closed period', () => {
    const approved = new ContentIndex(
      content((c) => {
        c.approvals = [{ boardId: 'ks', seq: 1, action: 'approved', reason: null, authorName: 'K', createdAt: ARCHIVED, snapshot: null }];
      }),
    );
    expect([approved.isLockedFor('ks'), approved.isLockedFor('other'), approved.isLockedFor(null)]).toEqual([true, false, false]);
    const reopened = new ContentIndex(
      content((c) => {
        c.approvals = [{ boardId: 'ks', seq: 2, action: 'reopened', reason: 'Fel', authorName: 'S', createdAt: ARCHIVED, snapshot: null }];
      }),
    );
    expect(reopened.isLockedFor('ks')).toBe(false);
    const closed = new ContentIndex(content((c) => (c.period = { ...c.period, state: 'closed' })));
    expect(closed.isLockedFor(null)).toBe(true);
  });
});

// ---------------------------------------------------------------- issue 15: the whole document

describe('the board’s whole document from the content', () => {
  const withTemplate = (edit: (c: PeriodContent) => void = () => {}) =>
    content((c) => {
      c.units = [...c.units, { id: 'sn', name: 'Socialnämnden', kind: 'board', parentId: null }, { id: 'sf', name: 'Socialförvaltningen', kind: 'department', parentId: 'sn' }];
      c.chapters = [
        { id: 'c1', kind: 'narrative', title: 'Översikt över verksamhetens utveckling', archivedAt: null },
        { id: 'c2', kind: 'goals', title: 'Mål och uppdrag', archivedAt: null },
        { id: 'c3', kind: 'finance_result', title: 'Delårsresultat och prognos', archivedAt: null },
        { id: 'c4', kind: 'narrative', title: 'Socialtjänstens utveckling', archivedAt: null },
      ];
      c.chapterParts = [
        { id: 'p0', chapterId: 'c1', heading: null, unitId: 'klf', archivedAt: null },
        { id: 'p1', chapterId: 'c1', heading: 'HR', unitId: 'hr', archivedAt: null },
        { id: 'p2', chapterId: 'c1', heading: 'AME', unitId: 'ame', archivedAt: null },
        { id: 'p3', chapterId: 'c3', heading: null, unitId: 'klf', archivedAt: null },
        { id: 'p4', chapterId: 'c4', heading: 'Barn och unga', unitId: 'sf', archivedAt: null },
      ];
      c.narratives = [
        { partId: 'p0', seq: 1, body: 'Inledning.', authorName: 'A', createdAt: ARCHIVED },
        { partId: 'p1', seq: 3, body: 'HR:s text.', authorName: 'H', createdAt: ARCHIVED },
      ];
      edit(c);
    });

  it('holds the template’s chapters in order with the board’s own units’ parts; another board’s chapter is left out', () => {
    const chapters = buildDocumentChapters(withTemplate(), 'ks', null);
    expect(chapters.map((c) => c.title)).toEqual(['Översikt över verksamhetens utveckling', 'Mål och uppdrag', 'Delårsresultat och prognos']);
    expect(chapters[0]!.parts).toEqual([
      { partId: 'p0', heading: null, unitName: 'Kommunledningsförvaltningen', body: 'Inledning.' },
      { partId: 'p1', heading: 'HR', unitName: 'HR-avdelningen', body: 'HR:s text.' },
      { partId: 'p2', heading: 'AME', unitName: 'Arbetsmarknadsenheten', body: null },
    ]);
    expect(chapters[2]).toMatchObject({ kind: 'finance_result', extra: [] });
    expect(buildDocumentChapters(withTemplate(), 'sn', null).map((c) => c.title)).toEqual(['Mål och uppdrag', 'Delårsresultat och prognos', 'Socialtjänstens utveckling']);
  });

  it('leaves out archived chapters and parts (and the parts of an archived chapter)', () => {
    const c = withTemplate((c) => {
      c.chapterParts = c.chapterParts.map((p) => (p.id === 'p2' ? { ...p, archivedAt: ARCHIVED } : p));
      c.chapters = c.chapters.map((ch) => (ch.id === 'c3' ? { ...ch, archivedAt: ARCHIVED } : ch));
    });
    const chapters = buildDocumentChapters(c, 'ks', null);
    expect(chapters.map((ch) => ch.title)).toEqual(['Översikt över verksamhetens utveckling', 'Mål och uppdrag']);
    expect(chapters[0]!.parts.map((p) => p.partId)).toEqual(['p0', 'p1']);
    expect(liveContent(c).chapterParts.map((p) => p.id)).toEqual(['p0', 'p1', 'p4']);
  });

  it('outlines chapters and headed parts for the contents, and names the document by its period', () => {
    const chapters = buildDocumentChapters(withTemplate(), 'ks', null);
    expect(documentOutline(chapters)).toEqual([
      { title: 'Översikt över verksamhetens utveckling', level: 1, id: 'kapitel-1' },
      { title: 'HR', level: 2, id: 'kapitel-1-2' },
      { title: 'AME', level: 2, id: 'kapitel-1-3' },
      { title: 'Mål och uppdrag', level: 1, id: 'kapitel-2' },
      { title: 'Delårsresultat och prognos', level: 1, id: 'kapitel-3' },
    ]);
    expect(documentTitle({ year: 2024, kind: 'delar', endDate: '2024-08-31' })).toBe('Delårsbokslut 2024-01-01 – 2024-08-31');
    expect(documentTitle({ year: 2024, kind: 'helar', endDate: '2024-12-31' })).toBe('Årsredovisning 2024-01-01 – 2024-12-31');
  });

  it('gives the finance chapters the seed’s finance tables after the units’ text, without printing the text twice', () => {
    const tables = structuredClone(askersundFinance) as FinanceTables;
    const finance = { tables, warnings: withExplanations(checkFinance(tables), []) };
    const chapters = buildDocumentChapters(withTemplate(), 'ks', finance);
    const result = chapters.find((c) => c.kind === 'finance_result')!;
    expect(result.parts.map((p) => p.partId)).toEqual(['p3']); // the units' narrative is the chapter's text
    // No second chapter heading and no second copy of the opening text (it is the narrative part's).
    expect(result.extra.some((b) => b.kind === 'heading' && b.level === 1)).toBe(false);
    expect(result.extra.some((b) => b.kind === 'markdown' && b.text.includes('126 342 tkr'))).toBe(false);
    expect(result.extra[0]).toMatchObject({ kind: 'table', caption: 'Resultat 2024, tkr' });
    const tableOf = (blocks: DocumentBlock[], caption: string) => blocks.find((b) => b.kind === 'table' && b.caption === caption) as Extract<DocumentBlock, { kind: 'table' }>;
    // sv-SE figures: U+2212 minus, U+00A0 between thousands (written here as plain spaces).
    const rowText = (t: Extract<DocumentBlock, { kind: 'table' }>, first: string) =>
      t.rows.find((r) => r[0]!.text === first)!.map((c) => c.text.replace(/\u00a0/g, ' '));
    expect(rowText(tableOf(result.extra, 'Resultat 2024, tkr'), 'Resultat')).toEqual(['Resultat', '−114 168', '−174 861', '−169 744', '−5 117']);
    expect(rowText(tableOf(result.extra, 'Driftredovisning 2024, tkr'), '45 Gymnasieskola')).toEqual(['45 Gymnasieskola', '−46 705', '−76 294', '−70 294', '−6 000', '5']);
    expect(result.extra.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text)).toEqual([
      'Driftredovisning 2024',
      'Verksamhetsanalys driftbudget 2024, tkr',
    ]);
    // An analysis's text exists only with its table, so it stays after it.
    const i = result.extra.findIndex((b) => b.kind === 'table' && b.caption.startsWith('Analys 5'));
    expect(result.extra[i + 1]).toEqual({ kind: 'markdown', text: '**Analys 5**\n\nMedfinansiering av underskott SUF 2024.' });

    const investments = chapterExtraBlocks('investments', finance, { year: 2024, endDate: '2024-08-31' });
    expect(investments.some((b) => b.kind === 'markdown' && b.text.includes('2 184 tkr'))).toBe(false);
    expect(rowText(tableOf(investments, 'Nettoutgifter 2024, tkr'), 'Nettoutgifter')).toEqual(['Nettoutgifter', '−63 684', '−81 621', '−83 805', '2 184']);
    expect(rowText(tableOf(investments, 'Investeringsredovisning 2024-08-31, tkr'), 'Askersund förskola')).toEqual(['Askersund förskola', '−21 390', '−28 000', '−36 297', '8 297', '4']);
    expect(chapterExtraBlocks('narrative', finance, { year: 2024, endDate: '2024-08-31' })).toEqual([]);
  });

  it('places the summary table right after the opening text, and the other tables after the headed parts', () => {
    const table = (caption: string): DocumentBlock => ({ kind: 'table', caption, header: [], rows: [] });
    const part = (partId: string, heading: string | null) => ({ partId, heading, unitName: 'KLF', body: 'Text.' });
    const flow = chapterFlow({
      kind: 'investments',
      title: 'Investeringar',
      parts: [part('a', null), part('b', 'Vidtagna åtgärder')],
      extra: [table('Nettoutgifter'), { kind: 'heading', level: 2, text: 'Investeringsredovisning' }, table('Projekt')],
    });
    expect(flow.map((i) => (i.kind === 'part' ? `${i.part.partId}@${i.index}` : i.blocks.map((b) => (b.kind === 'table' ? b.caption : b.kind)).join('+')))).toEqual([
      'a@0',
      'Nettoutgifter',
      'b@1',
      'heading+Projekt',
    ]);
  });

  it('marks the figures of an unexplained difference only when given the warnings (an approval freezes none)', () => {
    const tables = structuredClone(askersundFinance) as FinanceTables;
    const warnings = unexplained(withExplanations(checkFinance(tables), []));
    expect(warnings.length).toBeGreaterThan(0); // the seed's own errors
    const marked = (w: typeof warnings) =>
      buildDocumentChapters(withTemplate(), 'ks', { tables, warnings: w })
        .flatMap((c) => c.extra)
        .flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []))
        .filter((cell) => cell.warnings);
    expect(marked(warnings).length).toBeGreaterThan(0);
    expect(marked([])).toEqual([]);
  });

  it('lists a unit’s parts in Min rapportering, unwritten first, with a sent-back comment that stands', () => {
    const c = withTemplate((c) => {
      c.revisions = [{ itemKind: 'narrative', itemId: 'p1', unitId: 'hr', comment: 'Fler siffror.', authorName: 'K', createdAt: ARCHIVED }];
    });
    const mine = buildMyReporting(c, hrChef, ['hr'], TODAY);
    const texts = mine.items.filter((i) => i.kind === 'narrative');
    expect(texts).toEqual([
      expect.objectContaining({ id: 'p1', title: 'HR', reported: true, canReport: true, href: '/rapportering/text/p1?period=p', sentBack: expect.objectContaining({ comment: 'Fler siffror.' }) }),
    ]);
    // The unit's readiness counts the sent-back text as outstanding.
    expect(mine.readiness[0]!.missing).toBeGreaterThanOrEqual(1);
    const ame = buildMyReporting(c, { ...hrChef, grantUnits: [{ id: 'ame', name: 'AME' }], coveredUnitIds: ['ame'] }, ['ame'], TODAY);
    expect(ame.items.find((i) => i.id === 'p2')).toMatchObject({ kind: 'narrative', reported: false, title: 'AME' });
  });
});
