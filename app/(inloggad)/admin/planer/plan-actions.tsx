'use client';
// Archive or restore a plan, or delete one with no goals and no texts (after a
// confirmation). One form result, so the message stays when the buttons change.
import { useActionState, useState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/action';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { changePlanForm } from './actions';

const button = 'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';
const plain = `${button} border-slate-400 bg-white hover:bg-slate-100`;
const danger = `${button} border-red-700 bg-red-700 text-white hover:bg-red-800`;

export function PlanActions({ planId, code, archived, deletable }: { planId: string; code: string; archived: boolean; deletable: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(changePlanForm, null);
  const [confirming, setConfirming] = useState(false);
  const submit = submitWithoutReset(action);
  const stepForm = (step: 'archive' | 'restore' | 'delete', children: ReactNode) => (
    <form
      action={action}
      onSubmit={(event) => {
        setConfirming(false);
        submit(event);
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="step" value={step} />
      {children}
    </form>
  );
  return (
    <div>
      {confirming && deletable ? (
        stepForm(
          'delete',
          <>
            <span className="text-sm">Ta bort {code}? Det går inte att ångra.</span>
            <button type="submit" disabled={pending} className={danger}>
              Ja, ta bort
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={plain}>
              Avbryt
            </button>
          </>,
        )
      ) : (
        <div className="flex flex-wrap gap-2">
          {stepForm(
            archived ? 'restore' : 'archive',
            <button type="submit" disabled={pending} className={plain}>
              {pending ? 'Sparar …' : <>{archived ? 'Återställ' : 'Arkivera'}<span className="sr-only"> {code}</span></>}
            </button>,
          )}
          {deletable && (
            <button type="button" disabled={pending} onClick={() => setConfirming(true)} className={plain}>
              Ta bort<span className="sr-only"> {code}</span>
            </button>
          )}
        </div>
      )}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
