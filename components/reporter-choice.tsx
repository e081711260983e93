import type { ReporterChoice } from '@/lib/overview-parts';

export const REPORTER_CHOICE_LABEL = 'Satt av rapportören';

/**
 * Marks a colour or trend arrow the reporter chose instead of the computed one, in words (never
 * colour alone), with the justification one click away in a disclosure.
 */
export function ReporterChoiceNote({ what, choice }: { what: 'Färgen' | 'Trendpilen'; choice: ReporterChoice | null | undefined }) {
  if (!choice) return null;
  return (
    <details className="mt-1 max-w-xs text-xs text-slate-800" data-testid="reporter-choice">
      <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-2">
        <span className="sr-only">{what}: </span>
        {REPORTER_CHOICE_LABEL}
      </summary>
      <p className="mt-1 break-words rounded border border-slate-200 bg-slate-50 p-1.5">
        <span className="font-medium">Motivering:</span> {choice.justification.trim() || 'ingen angiven'}
      </p>
    </details>
  );
}
