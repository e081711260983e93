'use client';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { endUserSessionsForm } from './actions';

/** End every session of a user, after a confirmation. */
export function EndSessionsForm({ userId, name }: { userId: string; name: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(endUserSessionsForm, null);
  const [confirming, setConfirming] = useState(false);
  const button = 'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';
  return (
    <div>
      {confirming ? (
        <form action={action} className="flex flex-wrap items-center gap-2" onSubmit={() => setConfirming(false)}>
          <input type="hidden" name="userId" value={userId} />
          <span className="text-sm">Logga ut {name} överallt?</span>
          <button type="submit" disabled={pending} className={`${button} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
            Ja, logga ut
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${button} border-slate-400 hover:bg-slate-100`}>
            Avbryt
          </button>
        </form>
      ) : (
        <button type="button" disabled={pending} onClick={() => setConfirming(true)} className={`${button} border-slate-400 hover:bg-slate-100`}>
          {pending ? 'Loggar ut …' : <>Avsluta alla inloggningar<span className="sr-only"> för {name}</span></>}
        </button>
      )}
      <p aria-live="polite" className={`mt-1 text-sm empty:hidden ${result?.status === 'error' ? 'text-red-800' : 'text-green-800'}`}>
        {result?.message}
      </p>
    </div>
  );
}
