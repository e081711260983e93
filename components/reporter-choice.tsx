import type { ReporterChoice } from '@/lib/overview-parts';

export const REPORTER_CHOICE_LABEL = 'Satt av rapportören';

/**
 * Marks a colour or trend arrow the reporter chose instead of the computed one, in words (never
 * colour alone), with the justification one click away in a disclosure.
 */
export function ReporterChoiceNote({
  what,
  choice,
  align = 'left',
}: {
  what: 'Färgen' | 'Trendpilen';
  choice: ReporterChoice | null | undefined;
  /** Which edge the opened justification keeps to (right: at the right edge of a card). */
  align?: 'left' | 'right';
}) {
  if (!choice) return null;
  return (
    <details className="relative mt-1 text-xs text-slate-800" data-testid="reporter-choice">
      <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-2">
        <span className="sr-only">{what}: </span>
        {REPORTER_CHOICE_LABEL}
      </summary>
      {/* Over the neighbouring cells, so a narrow column does not break the text word by word. */}
      <p className={`absolute ${align === 'right' ? 'right-0' : 'left-0'} z-10 mt-1 w-64 max-w-[70vw] rounded border border-slate-300 bg-white p-2 text-sm shadow-md`}>
        <span className="font-medium">Motivering:</span> {choice.justification.trim() || 'ingen angiven'}
      </p>
    </details>
  );
}
