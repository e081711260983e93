'use client';
// What can be done with a period in its state: open a draft, close an open period (after
// a confirmation), open a closed one again (with a reason), delete a draft that nothing
// refers to (after a confirmation). One form result, so the message stays when the state changes.
import { useActionState, useId, useState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/action';
import type { PeriodState } from '@/lib/period';
import { fieldError, TextAreaField } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { changePeriodStateForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

type Step = 'open' | 'close' | 'reopen' | 'delete';

const button = 'rounded border px-3 py-1.5 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70';
const plain = `${button} border-slate-400 bg-white hover:bg-slate-100`;
const strong = `${button} border-blue-800 bg-blue-800 text-white hover:bg-blue-900`;
const danger = `${button} border-red-700 bg-red-700 text-white hover:bg-red-800`;

export function PeriodActions({ periodId, label, state, deletable }: { periodId: string; label: string; state: PeriodState; deletable: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(changePeriodStateForm, null);
  const [asking, setAsking] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const id = useId();
  const submit = submitWithoutReset(action);

  const stepForm = (step: Step, children: ReactNode, className = 'flex flex-wrap items-center gap-2') => (
    <form
      action={action}
      onSubmit={(event) => {
        submit(event);
        if (step !== 'reopen') setAsking(null);
      }}
      noValidate
      className={className}
    >
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="step" value={step} />
      {children}
    </form>
  );
  const cancel = (
    <button type="button" onClick={() => setAsking(null)} className={plain}>
      Avbryt
    </button>
  );
  const ask = (step: Step, text: string, className = plain) => (
    <button type="button" disabled={pending} onClick={() => setAsking(step)} className={className}>
      {text}
      <span className="sr-only"> {label}</span>
    </button>
  );

  let body: ReactNode;
  if (asking === 'close' && state === 'open') {
    body = stepForm(
      'close',
      <>
        <span className="text-sm">Stänga {label}? Ingen kan rapportera på perioden efter det.</span>
        <SubmitButton pending={pending} className={danger}>
          Ja, stäng perioden
        </SubmitButton>
        {cancel}
      </>,
    );
  } else if (asking === 'delete' && state === 'draft' && deletable) {
    body = stepForm(
      'delete',
      <>
        <span className="text-sm">Ta bort {label}? Det går inte att ångra.</span>
        <SubmitButton pending={pending} className={danger}>
          Ja, ta bort
        </SubmitButton>
        {cancel}
      </>,
    );
  } else if (asking === 'reopen' && state === 'closed') {
    body = stepForm(
      'reopen',
      <>
        <TextAreaField
          id={`${id}-reason`}
          name="reason"
          label={`Skäl till att ${label} öppnas igen`}
          labelStyle="small"
          rows={2}
          controlClassName="max-w-lg"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldError(result, 'reason')}
        />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={pending} className={strong}>
            {pending ? 'Öppnar …' : 'Öppna perioden igen'}
          </SubmitButton>
          {cancel}
        </div>
      </>,
      'space-y-2 rounded border border-slate-300 bg-slate-50 p-3',
    );
  } else if (state === 'draft') {
    body = (
      <div className="flex flex-wrap gap-2">
        {stepForm(
          'open',
          <SubmitButton pending={pending} className={strong}>
            {pending ? 'Sparar …' : <>Öppna för rapportering<span className="sr-only"> {label}</span></>}
          </SubmitButton>,
        )}
        {deletable && ask('delete', 'Ta bort')}
      </div>
    );
  } else if (state === 'open') {
    body = ask('close', pending ? 'Sparar …' : 'Stäng perioden');
  } else {
    body = ask('reopen', pending ? 'Sparar …' : 'Öppna igen …');
  }

  return (
    <div>
      {body}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
