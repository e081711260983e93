'use client';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { setUserDisabled } from './actions';

/** Disable (after a confirmation) or enable one account. */
export function UserStatusForm({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setUserDisabled, null);
  const [confirming, setConfirming] = useState(false);
  const button =
    'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';
  return (
    <div>
      {disabled ? (
        <form action={action}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value="false" />
          <button type="submit" disabled={pending} className={`${button} border-slate-400 hover:bg-slate-100`}>
            {pending ? 'Aktiverar …' : <>Aktivera<span className="sr-only"> {name}</span></>}
          </button>
        </form>
      ) : confirming ? (
        <form action={action} className="flex flex-wrap items-center gap-2" onSubmit={() => setConfirming(false)}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value="true" />
          <span className="text-sm">Inaktivera {name}?</span>
          <button type="submit" disabled={pending} className={`${button} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
            Ja, inaktivera
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${button} border-slate-400 hover:bg-slate-100`}>
            Avbryt
          </button>
        </form>
      ) : (
        <button
          type="button"
          disabled={pending}
          onClick={() => setConfirming(true)}
          className={`${button} border-slate-400 hover:bg-slate-100`}
        >
          {pending ? 'Inaktiverar …' : <>Inaktivera<span className="sr-only"> {name}</span></>}
        </button>
      )}
      <p aria-live="polite" className={`mt-1 text-sm empty:sr-only ${result?.status === 'error' ? 'text-red-800' : 'text-green-800'}`}>
        {result?.message}
      </p>
    </div>
  );
}
