'use client';
// The economist's explanation of one difference: accepted and kept with who and when; an
// empty text withdraws it. A newer explanation saved meanwhile is a conflict, shown.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SaveMessage } from '@/components/conflict-notice';
import { TextAreaField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { useVersionBase } from '@/components/use-version-base';
import { explainFinanceWarningForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

export function ExplainForm(props: { boardId: string; periodId: string; warningKey: string; baseSeq: number; current: string }) {
  const [result, action, pending] = useActionState<ActionResult<{ seq: number }> | null, FormData>(explainFinanceWarningForm, null);
  const { bind } = useFields({ text: props.current }, { result });
  const { baseSeq, conflict } = useVersionBase<{ seq: number; text: string }>(result, props.baseSeq);
  return (
    <details className="mt-2" open={result?.status === 'error'}>
      <summary className="cursor-pointer text-sm font-medium text-blue-800 underline">
        {props.current ? 'Ändra förklaringen' : 'Förklara skillnaden'}
      </summary>
      <form action={action} onSubmit={submitWithoutReset(action)} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="boardId" value={props.boardId} />
        <input type="hidden" name="periodId" value={props.periodId} />
        <input type="hidden" name="key" value={props.warningKey} />
        <input type="hidden" name="baseSeq" value={baseSeq} />
        <TextAreaField
          label="Förklaring"
          labelStyle="small"
          hint="Varför skillnaden är godtagbar. Förklaringen gäller bara för just dessa siffror. Lämna tomt för att ta bort den."
          maxLength={2000}
          rows={2}
          {...bind('text', result)}
        />
        {conflict && (
          <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
            Någon annan har sparat en förklaring under tiden: ”{conflict.text}”. Din text finns kvar; spara igen om den ska gälla.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton
            pending={pending}
            className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70"
          >
            {pending ? 'Sparar …' : 'Spara förklaringen'}
          </SubmitButton>
          <SaveMessage status={result?.status} message={result?.status === 'error' && result.code === 'conflict' ? undefined : result?.message} />
        </div>
      </form>
    </details>
  );
}
