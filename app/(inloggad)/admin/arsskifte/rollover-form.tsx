'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import type { ActionResult } from '@/lib/action';
import type { RolloverResultDTO } from '@/db/admin/rollover';
import { SaveMessage } from '@/components/conflict-notice';
import { ConfirmStep } from '@/components/confirm-step';
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
      <ConfirmStep
        action={action}
        hidden={{ planId }}
        pending={pending}
        size="lg"
        trigger={pending ? 'Skapar planen …' : `Skapa verksamhetsplan för ${targetYear}`}
        triggerTone="primary"
        question={`Skapa ${targetCode} från ${sourceCode} med ${goals} mål, ${indicators} mått och ${textBlocks} texter?`}
        confirmLabel="Ja, skapa planen"
        confirmTone="primary"
      />
      <SaveMessage status={result?.status} message={result?.message} />
    </div>
  );
}
