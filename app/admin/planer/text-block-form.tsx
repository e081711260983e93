'use client';
// One of the board's texts, edited as Markdown. The next save is based on the newest
// version the user has seen; if someone saved a newer one meanwhile, it is shown and the
// user's own text stays in the form.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { TextVersionDTO } from '@/db/admin/text-blocks';
import { FieldError, fieldProps } from '@/components/form-field';
import { ConflictNotice, SaveMessage } from '@/components/conflict-notice';
import { useVersionBase } from '@/components/use-version-base';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { saveTextBlockForm } from './actions';

type Result = ActionResult<{ seq: number }> | null;

export function TextBlockForm({
  planId,
  periodId,
  slot,
  focusAreaId,
  label,
  hasHeading,
  latest,
}: {
  planId: string;
  periodId: string;
  slot: string;
  focusAreaId: string | null;
  label: string;
  hasHeading: boolean;
  latest: TextVersionDTO | null;
}) {
  const [result, action, pending] = useActionState<Result, FormData>(saveTextBlockForm, null);
  const { baseSeq, conflict, hasConflict } = useVersionBase<TextVersionDTO>(result, latest?.seq ?? 0);
  const [fields, setFields] = useState({ heading: latest?.heading ?? '', body: latest?.body ?? '' });
  const id = useId();
  const errors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.[0];

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-3">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="slot" value={slot} />
      <input type="hidden" name="focusAreaId" value={focusAreaId ?? ''} />
      <input type="hidden" name="baseSeq" value={baseSeq} />
      {hasConflict && (
        <ConflictNotice author={conflict?.authorName} createdAt={conflict?.createdAt} seq={conflict?.seq}>
          {conflict && (
            <span className="mt-2 block rounded border border-amber-300 bg-white p-2">
              <span className="block font-medium">Den nyare versionen:</span>
              {conflict.heading && <span className="block font-semibold">{conflict.heading}</span>}
              <span className="block whitespace-pre-wrap">{conflict.body}</span>
            </span>
          )}
        </ConflictNotice>
      )}
      {hasHeading && (
        <div>
          <label htmlFor={`${id}-heading`} className="block font-medium">
            Rubrik (valfri)
          </label>
          <input
            id={`${id}-heading`}
            name="heading"
            value={fields.heading}
            onChange={(e) => setFields((f) => ({ ...f, heading: e.target.value }))}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
            {...fieldProps(`${id}-heading`, err('heading'))}
          />
          <FieldError id={`${id}-heading`} message={err('heading')} />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-body`} className="block font-medium">
          {label}
        </label>
        <p id={`${id}-body-hint`} className="text-sm text-slate-700">
          Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**.
        </p>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={6}
          value={fields.body}
          onChange={(e) => setFields((f) => ({ ...f, body: e.target.value }))}
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
          {pending ? 'Sparar …' : <>Spara texten<span className="sr-only">: {label}</span></>}
        </button>
        <SaveMessage status={result?.status} message={result?.status === 'error' && result.code === 'conflict' ? undefined : result?.message} />
      </div>
    </form>
  );
}
