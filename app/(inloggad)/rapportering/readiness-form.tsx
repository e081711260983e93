'use client';
import { useActionState } from 'react';
import type { UnitReadinessDTO } from '@/db/my-reporting';
import type { ActionResult } from '@/lib/action';
import { SaveMessage } from '@/components/conflict-notice';
import { TextAreaField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { setReadinessForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

/**
 * Klarmarkera a unit's part of the period, or take it back until approval. With items not
 * reported (or sent back) the unit must say why it is ready anyway; the reviewer sees it.
 */
export function ReadinessForm({ readiness, periodId }: { readiness: UnitReadinessDTO; periodId: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setReadinessForm, null);
  const { bind } = useFields({ reason: '' }, { result });
  const needsReason = !readiness.ready && readiness.missing > 0 && readiness.canChange;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-2" noValidate>
      <input type="hidden" name="unitId" value={readiness.unitId} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="ready" value={String(!readiness.ready)} />
      <input type="hidden" name="baseSeq" value={readiness.seq} />
      <p>
        <span className="font-medium">{readiness.unitName}:</span>{' '}
        {readiness.ready ? '✓ Markerad som klar' : 'Inte markerad som klar'}
        {!readiness.ready && readiness.missing > 0 && (
          <span className="text-slate-700">
            {' '}
            · {readiness.missing === 1 ? '1 post saknar rapportering eller är återsänd' : `${readiness.missing} poster saknar rapportering eller är återsända`}
          </span>
        )}
      </p>
      {readiness.ready && readiness.reason && (
        <p className="text-sm">
          <span className="font-medium">Klarmarkerad trots att allt inte var rapporterat. Skäl:</span> {readiness.reason}
        </p>
      )}
      {needsReason && (
        <TextAreaField
          label="Skäl till klarmarkering fast allt inte är rapporterat"
          labelStyle="small"
          hint="Krävs när något saknas. Kommundirektören ser skälet vid granskning och attest."
          required
          aria-required
          maxLength={2000}
          {...bind('reason', result)}
        />
      )}
      {readiness.canChange ? (
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton
            pending={pending}
            className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70"
          >
            {pending ? 'Sparar …' : readiness.ready ? 'Ta tillbaka klarmarkeringen' : 'Markera som klar'}
          </SubmitButton>
          <SaveMessage status={result?.status} message={result?.message} />
        </div>
      ) : (
        <>
          {readiness.locked && <p className="text-sm text-slate-700">Perioden är låst.</p>}
          <SaveMessage status={result?.status} message={result?.message} />
        </>
      )}
    </form>
  );
}
