'use client';
// The form for a unit's återrapportering on an assignment: status ("försenat" is derived,
// never chosen), an optional heading and the text.
import { useActionState } from 'react';
import type { AssignmentReportDTO, ReportVersionDTO } from '@/db/assignment-reports';
import type { ActionResult } from '@/lib/action';
import { reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';
import { SelectField, SubmitRow, TextAreaField, TextField } from './form-field';
import { ConflictNotice } from './conflict-notice';
import { useFields } from './use-fields';
import { DraftNotice } from './unsaved-changes';
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
  const { fields, bind, draftOffer } = useFields(
    {
      status: latest?.status ?? '',
      cancelReason: latest?.cancelReason ?? '',
      heading: latest?.heading ?? '',
      body: latest?.body ?? '',
    },
    {
      result,
      draft: { key: `uppdrag:${data.assignment.id}:${data.unit.id}:${data.period.id}:${baseSeq}`, fields: ['heading', 'body', 'cancelReason'] },
    },
  );

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate>
      <input type="hidden" name="assignmentId" value={data.assignment.id} />
      <input type="hidden" name="unitId" value={data.unit.id} />
      <input type="hidden" name="periodId" value={data.period.id} />
      <input type="hidden" name="baseSeq" value={baseSeq} />
      <DraftNotice offer={draftOffer} />
      {hasConflict && (
        <ConflictNotice author={conflict?.authorName} createdAt={conflict?.createdAt} seq={conflict?.seq}>
          {conflict?.status && `Status: ${reportStatusLabel(conflict.status)}.`}
        </ConflictNotice>
      )}
      <SelectField
        label="Status"
        hint="”Försenat” visas automatiskt när slutdatum har passerats och uppdraget varken är genomfört eller avfört."
        fullWidth={false}
        {...bind('status', result)}
      >
        <option value="">Välj status …</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {reportStatusLabel(s)}
          </option>
        ))}
      </SelectField>
      {fields.status === 'cancelled' && (
        <TextAreaField label="Skäl till att uppdraget avförs" rows={2} {...bind('cancelReason', result)} />
      )}
      <TextField label="Rubrik (valfri)" placeholder="till exempel Återrapportering från socialförvaltningen" {...bind('heading', result)} />
      <TextAreaField
        label="Återrapportering"
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**."
        rows={12}
        {...bind('body', result)}
      />
      <SubmitRow pending={pending} label="Spara återrapporteringen" result={result} conflictNotice />
    </form>
  );
}
