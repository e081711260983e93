'use client';
// Archive or restore a unit, and delete one that has never been used; archiving and
// deleting ask for a confirmation first.
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { deleteUnitForm, setUnitArchivedForm } from './actions';

const button =
  'rounded border px-3 py-1.5 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

export function UnitArchiveForm({ unitId, name, archived }: { unitId: string; name: string; archived: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setUnitArchivedForm, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div>
      {archived ? (
        <form action={action} onSubmit={submitWithoutReset(action)}>
          <input type="hidden" name="unitId" value={unitId} />
          <input type="hidden" name="archived" value="false" />
          <button type="submit" disabled={pending} className={`${button} border-slate-400 bg-white hover:bg-slate-100`}>
            {pending ? 'Återställer …' : <>Återställ<span className="sr-only"> {name}</span></>}
          </button>
        </form>
      ) : confirming ? (
        <form
          action={action}
          onSubmit={(e) => {
            setConfirming(false);
            submitWithoutReset(action)(e);
          }}
          className="flex flex-wrap items-center gap-2"
        >
          <input type="hidden" name="unitId" value={unitId} />
          <input type="hidden" name="archived" value="true" />
          <span className="text-sm">Arkivera {name}? Den finns kvar i historiken men försvinner ur listorna.</span>
          <button type="submit" disabled={pending} className={`${button} border-amber-800 bg-amber-700 text-white hover:bg-amber-800`}>
            Ja, arkivera
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${button} border-slate-400 bg-white hover:bg-slate-100`}>
            Avbryt
          </button>
        </form>
      ) : (
        <button
          type="button"
          disabled={pending}
          onClick={() => setConfirming(true)}
          className={`${button} border-slate-400 bg-white hover:bg-slate-100`}
        >
          {pending ? 'Arkiverar …' : <>Arkivera<span className="sr-only"> {name}</span></>}
        </button>
      )}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}

export function UnitDeleteForm({ unitId, name }: { unitId: string; name: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(deleteUnitForm, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div>
      {confirming ? (
        <form action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="unitId" value={unitId} />
          <span className="text-sm">Radera {name} för gott?</span>
          <button type="submit" disabled={pending} className={`${button} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
            {pending ? 'Raderar …' : 'Ja, radera'}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${button} border-slate-400 bg-white hover:bg-slate-100`}>
            Avbryt
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={`${button} border-red-700 bg-white text-red-800 hover:bg-red-50`}>
          Radera<span className="sr-only"> {name}</span>
        </button>
      )}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
