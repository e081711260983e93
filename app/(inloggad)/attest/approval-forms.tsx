'use client';
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { fieldError, TextAreaField } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useConfirmFocus } from '@/components/confirm-step';
import { approvePeriodForm, reopenPeriodForm } from './actions';
import { genitive } from '@/lib/swedish-text';
import { SubmitButton } from '@/components/submit-button';

type Props = { boardId: string; periodId: string; seq: number; boardName: string; notReady: number };

const button =
  'rounded px-4 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70';

/** Approve, after a confirmation that says what it does (and how many units are not ready). */
export function ApproveForm({ boardId, periodId, seq, boardName, notReady }: Props) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(approvePeriodForm, null);
  const [confirming, setConfirming] = useState(false);
  const { confirmRef, triggerRef } = useConfirmFocus(confirming);
  return (
    <div>
      {confirming ? (
        <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3 rounded border border-blue-300 bg-blue-50 p-3">
          <input type="hidden" name="boardId" value={boardId} />
          <input type="hidden" name="periodId" value={periodId} />
          <input type="hidden" name="baseSeq" value={seq} />
          <p>
            Attestera {genitive(boardName)} period? Den låses och rapporten sparas som den ser ut nu.
            {notReady > 0 && ` ${notReady} ${notReady === 1 ? 'enhet är' : 'enheter är'} inte klarmarkerade.`}
          </p>
          <div className="flex gap-2">
            <SubmitButton ref={confirmRef} pending={pending} className={`${button} bg-blue-800 text-white hover:bg-blue-900`}>
              {pending ? 'Attesterar …' : 'Ja, attestera'}
            </SubmitButton>
            <button type="button" onClick={() => setConfirming(false)} className={`${button} border border-slate-400 bg-white`}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <button ref={triggerRef} type="button" onClick={() => setConfirming(true)} className={`${button} bg-blue-800 text-white hover:bg-blue-900`}>
          Attestera perioden
        </button>
      )}
      <div className="mt-2">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}

/** Reopen an approved period, with a reason (the admin). */
export function ReopenForm({ boardId, periodId, seq }: Omit<Props, 'boardName' | 'notReady'>) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(reopenPeriodForm, null);
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" noValidate>
      <input type="hidden" name="boardId" value={boardId} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="baseSeq" value={seq} />
      <TextAreaField
        id={`${id}-reason`}
        name="reason"
        label="Skäl till att perioden öppnas igen"
        labelStyle="small"
        rows={2}
        controlClassName="max-w-lg"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(result, 'reason')}
      />
      <SubmitButton pending={pending} className={`${button} border border-slate-500 bg-white hover:bg-slate-100`}>
        {pending ? 'Öppnar …' : 'Öppna perioden igen'}
      </SubmitButton>
      <SaveMessage status={result?.status} message={result?.message} />
    </form>
  );
}
