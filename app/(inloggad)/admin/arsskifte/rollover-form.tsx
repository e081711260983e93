'use client';
import { useActionState, useState } from 'react';
import Link from 'next/link';
import type { ActionResult } from '@/lib/action';
import type { RolloverResultDTO } from '@/db/admin/rollover';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { applyRolloverForm } from './actions';

/** Creates next year's plan after a confirmation; afterwards shows the counts and links to the new plan's goals. */
export function RolloverForm({
  planId,
  sourceCode,
  targetCode,
  targetYear,
  goals,
  indicators,
  textBlocks,
  blocked,
}: {
  blocked: boolean;
  planId: string;
  sourceCode: string;
  targetCode: string;
  targetYear: number;
  goals: number;
  indicators: number;
  textBlocks: number;
}) {
  const [result, action, pending] = useActionState<ActionResult<RolloverResultDTO> | null, FormData>(applyRolloverForm, null);
  const [confirming, setConfirming] = useState(false);
  const button = 'rounded border px-3 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

  if (result?.status === 'ok' && result.data) {
    const done = result.data;
    return (
      <div role="status" className="rounded-lg border border-green-700 bg-green-50 p-4">
        <p className="font-semibold">{result.message}</p>
        <ul className="mt-2 list-disc pl-6 text-sm">
          <li>{done.goals} mål</li>
          <li>{done.indicators} mått</li>
          <li>{done.textBlocks} texter</li>
        </ul>
        <p className="mt-3">
          <Link href={`/admin/mal?plan=${done.planId}`} className="text-blue-800 underline">
            Gå till målen i {done.code}
          </Link>
        </p>
      </div>
    );
  }

  if (blocked) return null;

  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={action} onSubmit={(e) => { setConfirming(false); submitWithoutReset(action)(e); }} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="planId" value={planId} />
          <span>
            Skapa {targetCode} från {sourceCode} med {goals} mål, {indicators} mått och {textBlocks} texter?
          </span>
          <button type="submit" disabled={pending} className={`${button} border-blue-800 bg-blue-800 text-white hover:bg-blue-900`}>
            Ja, skapa planen
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
          className={`${button} border-blue-800 bg-blue-800 text-white hover:bg-blue-900`}
        >
          {pending ? 'Skapar planen …' : `Skapa verksamhetsplan för ${targetYear}`}
        </button>
      )}
      <SaveMessage status={result?.status} message={result?.message} />
    </div>
  );
}
