'use client';
// The form for a unit's återrapportering on an assignment: status ("försenat" is derived,
// never chosen), an optional heading and the text.
import { useActionState, useId, useState } from 'react';
import type { AssignmentReportDTO, ReportVersionDTO } from '@/db/assignment-reports';
import type { ActionResult } from '@/lib/action';
import { reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';
import { FieldError, fieldProps } from './form-field';
import { ConflictNotice, SaveMessage } from './conflict-notice';
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
  const errors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.[0];

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
      <div>
        <label htmlFor={`${id}-status`} className="block font-medium">
          Status
        </label>
        <p id={`${id}-status-hint`} className="text-sm text-slate-700">
          ”Försenat” visas automatiskt när slutdatum har passerats och uppdraget varken är genomfört eller avfört.
        </p>
        <select
          id={`${id}-status`}
          name="status"
          value={fields.status}
          onChange={set('status')}
          className="mt-1 rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-status`, err('status'), `${id}-status-hint`)}
        >
          <option value="">Välj status …</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {reportStatusLabel(s)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-status`} message={err('status')} />
      </div>
      {fields.status === 'cancelled' && (
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium">
            Skäl till att uppdraget avförs
          </label>
          <textarea
            id={`${id}-reason`}
            name="cancelReason"
            rows={2}
            value={fields.cancelReason}
            onChange={set('cancelReason')}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
            {...fieldProps(`${id}-reason`, err('cancelReason'))}
          />
          <FieldError id={`${id}-reason`} message={err('cancelReason')} />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-heading`} className="block font-medium">
          Rubrik (valfri)
        </label>
        <input
          id={`${id}-heading`}
          name="heading"
          value={fields.heading}
          onChange={set('heading')}
          placeholder="till exempel Återrapportering från socialförvaltningen"
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-heading`, err('heading'))}
        />
        <FieldError id={`${id}-heading`} message={err('heading')} />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block font-medium">
          Återrapportering
        </label>
        <p id={`${id}-body-hint`} className="text-sm text-slate-700">
          Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**.
        </p>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={12}
          value={fields.body}
          onChange={set('body')}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-body`, err('body'), `${id}-body-hint`)}
        />
        <FieldError id={`${id}-body`} message={err('body')} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Spara återrapporteringen'}
        </button>
        <SaveMessage status={result?.status} message={result?.status === 'error' && result.code === 'conflict' ? undefined : result?.message} />
      </div>
    </form>
  );
}
