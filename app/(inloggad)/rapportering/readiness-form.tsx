'use client';
import { useActionState } from 'react';
import type { UnitReadinessDTO } from '@/db/my-reporting';
import type { ActionResult } from '@/lib/action';
import { SaveMessage } from '@/components/conflict-notice';
import { setReadinessForm } from './actions';

/** Klarmarkera a unit's part of the period, or take it back until approval. */
export function ReadinessForm({ readiness, periodId }: { readiness: UnitReadinessDTO; periodId: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setReadinessForm, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="unitId" value={readiness.unitId} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="ready" value={String(!readiness.ready)} />
      <input type="hidden" name="baseSeq" value={readiness.seq} />
      <p>
        <span className="font-medium">{readiness.unitName}:</span>{' '}
        {readiness.ready ? '✓ Markerad som klar' : 'Inte markerad som klar'}
      </p>
      {readiness.canChange ? (
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : readiness.ready ? 'Ta tillbaka klarmarkeringen' : 'Markera som klar'}
        </button>
      ) : (
        readiness.locked && <span className="text-sm text-slate-700">Perioden är låst.</span>
      )}
      <SaveMessage status={result?.status} message={result?.message} />
    </form>
  );
}
