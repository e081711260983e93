'use client';
// One of the board's texts, edited as Markdown. The next save is based on the newest
// version the user has seen; if someone saved a newer one meanwhile, it is shown and the
// user's own text stays in the form.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { TextVersionDTO } from '@/db/admin/text-blocks';
import { SubmitRow, TextAreaField, TextField } from '@/components/form-field';
import { ConflictNotice } from '@/components/conflict-notice';
import { useFields } from '@/components/use-fields';
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
  const { bind } = useFields({ heading: latest?.heading ?? '', body: latest?.body ?? '' });

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
      {hasHeading && <TextField label="Rubrik (valfri)" {...bind('heading', result)} />}
      <TextAreaField
        label={label}
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**."
        rows={6}
        {...bind('body', result)}
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
