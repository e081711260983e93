'use client';
// The form for a versioned Markdown text — a unit's text in a chapter of the board's document,
// the introduction of the kommun's report: saved as a new version; a stale base shows the newer
// text beside the user's own (nothing typed is lost). "Utgå från förra periodens text" fills
// the field with the previous period's text.
import { useActionState } from 'react';
import type { NarrativeVersionDTO } from '@/db/narratives';
import type { ActionResult } from '@/lib/action';
import { SubmitRow, TextAreaField } from './form-field';
import { ConflictNotice } from './conflict-notice';
import { TextDiff } from './text-diff';
import { useFields } from './use-fields';
import { DraftNotice } from './unsaved-changes';
import { useVersionBase } from './use-version-base';
import { submitWithoutReset } from './submit-without-reset';

type Result = ActionResult<{ seq: number }> | null;

/** The text's newest version, the previous period's, and what names it (posted with the text, and the draft's key). */
export interface NarrativeFormData {
  latest: NarrativeVersionDTO | null;
  previous: { periodLabel: string; body: string } | null;
  /** Hidden fields that name the text: { partId, periodId } or { periodId }. */
  ids: Record<string, string>;
  /** Where an unsaved draft is kept in the browser, e.g. "text:<part>:<period>". */
  draftKey: string;
}

export function NarrativeForm({
  data,
  save,
  label = 'Text',
  submitLabel = 'Spara texten',
}: {
  data: NarrativeFormData;
  save: (previous: Result, formData: FormData) => Promise<Exclude<Result, null>>;
  label?: string;
  submitLabel?: string;
}) {
  const [result, action, pending] = useActionState<Result, FormData>(save, null);
  const { baseSeq, conflict, hasConflict } = useVersionBase<NarrativeVersionDTO>(result, data.latest?.seq ?? 0);
  const { fields, setFields, bind, draftOffer } = useFields(
    { body: data.latest?.body ?? '' },
    { result, draft: { key: `${data.draftKey}:${baseSeq}`, fields: ['body'] } },
  );
  const previous = data.previous;

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {Object.entries(data.ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="baseSeq" value={baseSeq} />
      <DraftNotice offer={draftOffer} />
      {hasConflict && conflict && (
        <ConflictNotice author={conflict.authorName} createdAt={conflict.createdAt} seq={conflict.seq}>
          <span className="mt-2 block">Skillnaden mellan den nyare versionen och din text:</span>
          <span className="mt-1 block rounded border border-slate-300 bg-white p-2">
            <TextDiff before={conflict.body} after={fields.body} />
          </span>
        </ConflictNotice>
      )}
      {previous && (
        <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p>Det finns en text från {previous.periodLabel}.</p>
          <button
            type="button"
            className="mt-2 rounded border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2"
            onClick={() => {
              if (fields.body.trim() === '' || window.confirm('Ersätta texten i fältet med texten från förra perioden?')) {
                setFields((f) => ({ ...f, body: previous.body }));
              }
            }}
          >
            Utgå från förra periodens text
          </button>
        </div>
      )}
      <TextAreaField
        label={label}
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**. Ett tomt radbyte skiljer stycken åt."
        rows={18}
        {...bind('body', result)}
      />
      <SubmitRow pending={pending} label={submitLabel} result={result} conflictNotice />
    </form>
  );
}
