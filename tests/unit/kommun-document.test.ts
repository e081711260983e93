// The kommun's report's pure rules (lib/kommun-document.ts): the saved layout applied to the
// boards there are, one change at a time, the approval line, preliminary, the title; and its
// forms' schemas (lib/kommun-report-input.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyLayoutChange,
  boardApprovalText,
  boardHasContent,
  kommunDocumentTitle,
  kommunPreliminary,
  LAYOUT_CHANGES,
  layoutSchema,
  NOT_APPROVED,
  resolveLayout,
  type LayoutEntry,
} from '@/lib/kommun-document';
import { kommunIntroSchema, kommunLayoutChangeSchema } from '@/lib/kommun-report-input';
import type { BoardDocumentModel } from '@/lib/board-document';
import { reportFixture } from '../support/report-fixture';

const boards = [
  { id: 'ks', name: 'Kommunstyrelsen' },
  { id: 'sn', name: 'Socialnämnden' },
  { id: 'tn', name: 'Tekniska nämnden' },
];
const order = (list: { id: string; included: boolean }[]) => list.map((b) => `${b.id}${b.included ? '' : '-'}`);

describe('resolveLayout', () => {
  it('with nothing saved: every board in the given order, included', () => {
    expect(order(resolveLayout(boards, null))).toEqual(['ks', 'sn', 'tn']);
  });

  it('follows the saved order and choices; a board the layout does not know comes last, included', () => {
    const saved: LayoutEntry[] = [
      { boardId: 'tn', included: true },
      { boardId: 'ks', included: false },
    ];
    expect(order(resolveLayout(boards, saved))).toEqual(['tn', 'ks-', 'sn']);
  });

  it('drops an entry that is no longer a board, and a repeated one', () => {
    const saved: LayoutEntry[] = [
      { boardId: 'gone', included: true },
      { boardId: 'sn', included: false },
      { boardId: 'sn', included: true },
    ];
    expect(order(resolveLayout(boards, saved))).toEqual(['sn-', 'ks', 'tn']);
  });

  it('always holds each board exactly once (property)', () => {
    const entry = fc.record({ boardId: fc.constantFrom('ks', 'sn', 'tn', 'x', 'y'), included: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (saved) => {
        expect(resolveLayout(boards, saved).map((b) => b.id).sort()).toEqual(['ks', 'sn', 'tn']);
      }),
    );
  });
});

describe('applyLayoutChange', () => {
  const layout: LayoutEntry[] = boards.map((b) => ({ boardId: b.id, included: true }));
  const ids = (l: LayoutEntry[]) => l.map((e) => `${e.boardId}${e.included ? '' : '-'}`);

  it('moves a board one place up or down', () => {
    expect(ids(applyLayoutChange(layout, 'tn', 'up'))).toEqual(['ks', 'tn', 'sn']);
    expect(ids(applyLayoutChange(layout, 'ks', 'down'))).toEqual(['sn', 'ks', 'tn']);
  });

  it('leaves the order alone at the ends and for an unknown board', () => {
    expect(ids(applyLayoutChange(layout, 'ks', 'up'))).toEqual(['ks', 'sn', 'tn']);
    expect(ids(applyLayoutChange(layout, 'tn', 'down'))).toEqual(['ks', 'sn', 'tn']);
    expect(ids(applyLayoutChange(layout, 'x', 'exclude'))).toEqual(['ks', 'sn', 'tn']);
  });

  it('leaves a board out and puts it back, in its place', () => {
    const out = applyLayoutChange(layout, 'sn', 'exclude');
    expect(ids(out)).toEqual(['ks', 'sn-', 'tn']);
    expect(ids(applyLayoutChange(out, 'sn', 'include'))).toEqual(['ks', 'sn', 'tn']);
  });

  it('never changes the layout it is given', () => {
    const copy = structuredClone(layout);
    for (const change of LAYOUT_CHANGES) applyLayoutChange(layout, 'sn', change);
    expect(layout).toEqual(copy);
  });
});

describe('the report around the boards', () => {
  const approval = { approvedAt: '2024-09-20T08:15:00.000Z', approvedBy: 'Karin Kommundirektör' };

  it('names who approved a board and when, or says it is not approved', () => {
    expect(boardApprovalText(approval)).toBe('Attesterad 20 september 2024 av Karin Kommundirektör');
    expect(boardApprovalText(null)).toBe(NOT_APPROVED);
  });

  it('is preliminary while any board in it is not approved', () => {
    expect(kommunPreliminary({ boards: [] })).toBe(false);
    const board = (a: typeof approval | null) => ({ boardId: 'b', boardName: 'B', approval: a, document: null as never });
    expect(kommunPreliminary({ boards: [board(approval)] })).toBe(false);
    expect(kommunPreliminary({ boards: [board(approval), board(null)] })).toBe(true);
  });

  it('is called by its kind of period', () => {
    expect(kommunDocumentTitle({ year: 2024, kind: 'delar', endDate: '2024-08-31' })).toBe('Delårsrapport 2024-01-01 – 2024-08-31');
    expect(kommunDocumentTitle({ year: 2024, kind: 'helar', endDate: '2024-12-31' })).toBe('Årsredovisning 2024-01-01 – 2024-12-31');
  });

  it('reads a saved layout only in its own shape', () => {
    expect(layoutSchema.safeParse([{ boardId: 'ks', included: true }]).success).toBe(true);
    expect(layoutSchema.safeParse([{ boardId: 'ks' }]).success).toBe(false);
    expect(layoutSchema.safeParse({ boardId: 'ks', included: true }).success).toBe(false);
  });
});

describe('the forms', () => {
  const periodId = '0b0f6a57-1a84-4d7f-9d0a-3a5f3c1e2b11';
  it('the introduction needs a text, in Swedish', () => {
    const result = kommunIntroSchema.safeParse({ periodId, baseSeq: '0', body: '  ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Skriv texten.');
    expect(kommunIntroSchema.parse({ periodId, baseSeq: '2', body: 'Text' })).toEqual({ periodId, baseSeq: 2, body: 'Text' });
  });

  it('a layout change is one of the four, for a board by id', () => {
    const ok = { periodId, baseSeq: '1', boardId: periodId, change: 'up' };
    expect(kommunLayoutChangeSchema.parse(ok)).toEqual({ ...ok, baseSeq: 1 });
    expect(kommunLayoutChangeSchema.safeParse({ ...ok, change: 'delete' }).success).toBe(false);
    expect(kommunLayoutChangeSchema.safeParse({ ...ok, boardId: 'KS' }).success).toBe(false);
  });
});

describe('a board with nothing for the period', () => {
  const area = reportFixture().focusAreas[0]!;
  const nothing: BoardDocumentModel = {
    version: 1,
    organizationName: 'Askersunds kommun',
    // The målområden with the kommun's KF-mål, but nothing of the board's own.
    report: reportFixture({
      intro: null,
      focusAreas: [{ ...area, notes: [], goals: [], councilAssignments: [], parts: undefined }],
      sections: [],
      boardAssignments: { intro: null, groups: [{ label: 'Andra pågående uppdrag', assignments: [] }] },
    }),
    chapters: [
      // A part its unit has not written, and chapters with nothing in them.
      { kind: 'narrative', title: 'Översikt över verksamhetens utveckling', parts: [{ partId: 'p', heading: null, unitName: 'Förvaltningen', body: null }], extra: [] },
      { kind: 'goals', title: 'Mål och uppdrag', parts: [], extra: [] },
      { kind: 'overall_perspective', title: 'Övergripande perspektiv', parts: [], extra: [] },
      { kind: 'finance_result', title: 'Delårsresultat och prognos', parts: [{ partId: 'f', heading: null, unitName: 'Förvaltningen', body: '  ' }], extra: [] },
    ],
  };

  it('has no content: no text written, no goal, no assignment, no finance table', () => {
    expect(boardHasContent(nothing)).toBe(false);
  });

  it('has content as soon as one thing of its own is there', () => {
    const report = nothing.report;
    const withReport = (r: Partial<typeof report>) => ({ ...nothing, report: { ...report, ...r } });
    const assignment = reportFixture().boardAssignments.groups[0]!.assignments[0]!;
    const cases: BoardDocumentModel[] = [
      withReport({ intro: 'Nämndens inledning.' }),
      withReport({ sections: [{ heading: 'Övergripande perspektiv', body: 'Ett perspektiv.' }] }),
      withReport({ boardAssignments: { intro: 'Uppdragen följs upp här.', groups: [] } }),
      withReport({ boardAssignments: { intro: null, groups: [{ label: 'Andra pågående uppdrag', assignments: [assignment] }] } }),
      withReport({ focusAreas: [area] }), // goals
      withReport({ focusAreas: [{ ...area, goals: [], notes: [{ heading: null, body: 'Det finns inget mål angivet för nämnden.' }] }] }),
      withReport({ focusAreas: [{ ...area, goals: [], councilAssignments: [{ focusAreaLabel: 'Målområde 1', title: 'Ett KF-uppdrag', status: null, reports: [] }] }] }),
      { ...nothing, chapters: [{ ...nothing.chapters[0]!, parts: [{ partId: 'p', heading: null, unitName: 'Förvaltningen', body: 'Verksamheten har gått bra.' }] }] },
      { ...nothing, chapters: [{ ...nothing.chapters[3]!, extra: [{ kind: 'heading', level: 2, text: 'Driftredovisning' }] as BoardDocumentModel['chapters'][number]['extra'] }] },
    ];
    for (const document of cases) expect(boardHasContent(document)).toBe(true);
  });
});
