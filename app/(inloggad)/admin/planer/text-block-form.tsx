'use client';
// One of the board's texts, edited as Markdown. The next save is based on the newest
// version the user has seen; if someone saved a newer one meanwhile, it is shown and the
// user's own text stays in the form.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { TextVersionDTO } from '@/db/admin/text-blocks';
import { fieldError, SubmitRow, TextAreaField, TextField } from '@/components/form-field';
import { ConflictNotice } from '@/components/conflict-notice';
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
  const err = (name: string) => fieldError(result, name);

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
        <TextField
          id={`${id}-heading`}
          name="heading"
          label="Rubrik (valfri)"
          value={fields.heading}
          onChange={(e) => setFields((f) => ({ ...f, heading: e.target.value }))}
          error={err('heading')}
        />
      )}
      <TextAreaField
        id={`${id}-body`}
        name="body"
        label={label}
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**."
        rows={6}
        value={fields.body}
        onChange={(e) => setFields((f) => ({ ...f, body: e.target.value }))}
        error={err('body')}
      />
      <SubmitRow
        pending={pending}
        label={
          <>
            Spara texten<span className="sr-only">: {label}</span>
          </>
        }
        result={result}
        conflictNotice
      />
    </form>
  );
}
