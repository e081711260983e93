'use client';
// Search Kolada's KPIs (or municipality groups) by title, with their descriptions.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { TextField, SubmitRow, fieldError } from '@/components/form-field';
import type { KoladaHit } from './search-kolada';
import { searchKolada } from './actions';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useKpiChoice } from './kpi-choice';

export function KoladaSearchForm({ kind }: { kind: 'kpi' | 'group' }) {
  const [result, action, pending] = useActionState<ActionResult<KoladaHit[]> | null, FormData>(searchKolada, null);
  const id = `kolada-search-${kind}`;
  // KPI hits can be picked for an indicator's link (the page's "Mått och nyckeltal").
  const choice = useKpiChoice();
  const pickable = kind === 'kpi' && choice !== null;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="mt-2 space-y-3">
      <input type="hidden" name="kind" value={kind} />
      <TextField
        id={id}
        name="title"
        label={kind === 'kpi' ? 'Sök nyckeltal på namn' : 'Sök kommungrupp på namn'}
        hint={kind === 'kpi' ? 'T.ex. ”arbetslöshet utrikes födda” eller ”sjukfrånvaro”.' : 'T.ex. ”liknande kommuner”.'}
        error={fieldError(result, 'title')}
        controlClassName="max-w-md"
      />
      <SubmitRow pending={pending} label="Sök i Kolada" pendingLabel="Söker i Kolada …" result={result} size="small" />
      {result?.status === 'ok' && result.data && result.data.length > 0 && (
        <ul aria-label="Träffar i Kolada" className="space-y-2">
          {result.data.map((hit) => (
            <li key={hit.id} className="rounded border border-slate-200 p-3 text-sm">
              <p>
                <span className="font-mono font-semibold">{hit.id}</span> {hit.title}
              </p>
              {hit.description && <p className="mt-1 text-slate-700">{hit.description}</p>}
              {pickable && (
                <button
                  type="button"
                  onClick={() => choice.choose(hit)}
                  aria-pressed={choice.chosen?.id === hit.id}
                  aria-label={`Välj ${hit.id} för ett mått: ${hit.title}`}
                  className="mt-2 rounded border border-slate-400 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 aria-pressed:border-blue-800 aria-pressed:font-semibold"
                >
                  {/* The same words whether chosen or not (its accessible name starts with them); aria-pressed and the status line say which is chosen. */}
                  Välj {hit.id}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {pickable && (
        <p role="status" className="text-sm text-slate-700 empty:sr-only">
          {choice.chosen ? `Valt: ${choice.chosen.id} ${choice.chosen.title}. Öppna ett mått nedan och fyll i det i kopplingen.` : ''}
        </p>
      )}
    </form>
  );
}
