// The rules an assignment report (återrapportering) must meet: a chosen status, a reason
// when the assignment is cancelled (avfört), a body; absent optional fields are empty.
import { describe, expect, it } from 'vitest';
import { assignmentReportSchema } from '@/lib/assignment-report-input';

const ids = {
  assignmentId: '0b7c2a4e-8f1d-4c3b-9a6e-2d5f7e9a1c3b',
  unitId: '1c8d3b5f-9a2e-4d4c-8b7f-3e6a8f0b2d4c',
  periodId: '5e8d1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a',
};
const valid = { ...ids, baseSeq: '0', status: 'in_progress', body: 'Arbetet pågår.' };

function errorsOf(raw: unknown): Record<string, string[]> {
  const result = assignmentReportSchema.safeParse(raw);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe('assignmentReportSchema', () => {
  it('defaults the absent optional fields (heading, cancel reason) to empty', () => {
    expect(assignmentReportSchema.parse(valid)).toEqual({
      ...ids,
      baseSeq: 0,
      status: 'in_progress',
      cancelReason: '',
      heading: '',
      body: 'Arbetet pågår.',
    });
  });

  it.each(['not_started', 'in_progress', 'done'] as const)('accepts status %s without a cancel reason', (status) => {
    expect(assignmentReportSchema.safeParse({ ...valid, status }).success).toBe(true);
  });

  it.each([
    { name: 'no status', raw: { ...valid, status: undefined }, errors: { status: ['Välj uppdragets status.'] } },
    { name: 'empty status', raw: { ...valid, status: '' }, errors: { status: ['Välj uppdragets status.'] } },
    { name: '"försenat" is derived, never chosen', raw: { ...valid, status: 'overdue' }, errors: { status: ['Välj uppdragets status.'] } },
    { name: 'cancelled without a reason', raw: { ...valid, status: 'cancelled' }, errors: { cancelReason: ['Ange skälet till att uppdraget avförs.'] } },
    { name: 'cancelled with a blank reason', raw: { ...valid, status: 'cancelled', cancelReason: '   ' }, errors: { cancelReason: ['Ange skälet till att uppdraget avförs.'] } },
    { name: 'cancelled with a reason', raw: { ...valid, status: 'cancelled', cancelReason: 'Ersatt av nytt uppdrag.' }, errors: {} },
    { name: 'empty body', raw: { ...valid, body: '' }, errors: { body: ['Skriv återrapporteringen.'] } },
    { name: 'blank body', raw: { ...valid, body: ' \n\t ' }, errors: { body: ['Skriv återrapporteringen.'] } },
    { name: 'too long heading', raw: { ...valid, heading: 'h'.repeat(301) }, errors: { heading: ['Rubriken får vara högst 300 tecken.'] } },
    { name: 'too long cancel reason', raw: { ...valid, status: 'cancelled', cancelReason: 'r'.repeat(2_001) }, errors: { cancelReason: ['Skälet får vara högst 2 000 tecken.'] } },
    { name: 'bad ids', raw: { ...valid, assignmentId: 'x', unitId: 'y', periodId: 'z' }, errors: { assignmentId: ['Okänt uppdrag.'], unitId: ['Okänd enhet.'], periodId: ['Okänd period.'] } },
  ])('$name', ({ raw, errors }) => {
    expect(errorsOf(raw)).toEqual(errors);
  });

  it('requires a body when it is absent', () => {
    const { body: _body, ...withoutBody } = valid;
    expect(Object.keys(errorsOf(withoutBody))).toEqual(['body']);
  });

  it('refuses a body of 100 000 characters with a Swedish message', () => {
    const errors = errorsOf({ ...valid, body: 'b'.repeat(100_000) });
    expect(Object.keys(errors)).toEqual(['body']);
    expect(errors.body![0]).toMatch(/^Texten får vara högst 20\s000 tecken\.$/);
  });

  it('keeps a cancel reason and trims heading and reason', () => {
    expect(
      assignmentReportSchema.parse({ ...valid, status: 'cancelled', cancelReason: '  Avfört av KS.  ', heading: '  Rubrik ' }),
    ).toMatchObject({ status: 'cancelled', cancelReason: 'Avfört av KS.', heading: 'Rubrik' });
  });

  it('keeps the body verbatim (Markdown, leading spaces)', () => {
    const body = '  - punkt\n\n### Rubrik\n';
    expect(assignmentReportSchema.parse({ ...valid, body }).body).toBe(body);
  });
});
