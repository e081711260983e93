'use client';
// The form for a unit's återrapportering on an assignment: status ("försenat" is derived,
// never chosen), an optional heading and the text.
import { useActionState, useId, useState } from 'react';
import type { AssignmentReportDTO, ReportVersionDTO } from '@/db/assignment-reports';
import type { ActionResult } from '@/lib/action';
import { reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';
import { fieldError, SelectField, SubmitRow, TextAreaField, TextField } from './form-field';
import { ConflictNotice } from './conflict-notice';
import { useVersionBase } from './use-version-base';
import { submitWithoutReset } from './submit-without-reset';

type Result = ActionResult<{ seq: number }> | null;
const STATUSES: ReportStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];

export function AssignmentReportForm({
  data,
  save,
}: {
  data: AssignmentReportDTO;
  save: (previous: Result, formData: FormData) => Promise<Exclude<Result, null>>;
}) {
  const [result, action, pending] = useActionState<Result, FormData>(save, null);
  const { baseSeq, conflict, hasConflict } = useVersionBase<ReportVersionDTO>(result, data.latest?.seq ?? 0);
  const latest = data.latest;
  const [fields, setFields] = useState({
    status: latest?.status ?? '',
    cancelReason: latest?.cancelReason ?? '',
    heading: latest?.heading ?? '',
    body: latest?.body ?? '',
  });
  const id = useId();
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const err = (name: string) => fieldError(result, name);

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate>
      <input type="hidden" name="assignmentId" value={data.assignment.id} />
      <input type="hidden" name="unitId" value={data.unit.id} />
      <input type="hidden" name="periodId" value={data.period.id} />
      <input type="hidden" name="baseSeq" value={baseSeq} />
      {hasConflict && (
        <ConflictNotice author={conflict?.authorName} createdAt={conflict?.createdAt} seq={conflict?.seq}>
          {conflict?.status && `Status: ${reportStatusLabel(conflict.status)}.`}
        </ConflictNotice>
      )}
      <SelectField
        id={`${id}-status`}
        name="status"
        label="Status"
        hint="”Försenat” visas automatiskt när slutdatum har passerats och uppdraget varken är genomfört eller avfört."
        fullWidth={false}
        value={fields.status}
        onChange={set('status')}
        error={err('status')}
      >
        <option value="">Välj status …</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {reportStatusLabel(s)}
          </option>
        ))}
      </SelectField>
      {fields.status === 'cancelled' && (
        <TextAreaField
          id={`${id}-reason`}
          name="cancelReason"
          label="Skäl till att uppdraget avförs"
          rows={2}
          value={fields.cancelReason}
          onChange={set('cancelReason')}
          error={err('cancelReason')}
        />
      )}
      <TextField
        id={`${id}-heading`}
        name="heading"
        label="Rubrik (valfri)"
        placeholder="till exempel Återrapportering från socialförvaltningen"
        value={fields.heading}
        onChange={set('heading')}
        error={err('heading')}
      />
      <TextAreaField
        id={`${id}-body`}
        name="body"
        label="Återrapportering"
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**."
        rows={12}
        value={fields.body}
        onChange={set('body')}
        error={err('body')}
      />
      <SubmitRow pending={pending} label="Spara återrapporteringen" result={result} conflictNotice />
    </form>
  );
}
