'use client';
// The report template's rows: a chapter (rename, move, remove) and a part of a chapter (its
// heading and the unit that writes it, move, remove), and the forms that add them. Each row
// has its own form result, shown beside it.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { TemplateChapterDTO, TemplatePartDTO } from '@/db/admin/report-template';
import type { ChapterKind } from '@/lib/period-content';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { buttonClass, ConfirmStep } from '@/components/confirm-step';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { addChapterForm, addPartForm, chapterForm, partForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

type Unit = { id: string; name: string };

function MoveButtons({
  action,
  hidden,
  name,
  first,
  last,
  pending,
}: {
  action: (formData: FormData) => void;
  hidden: Record<string, string>;
  name: string;
  first: boolean;
  last: boolean;
  pending: boolean;
}) {
  const move = (direction: 'up' | 'down', label: string, disabled: boolean) => (
    <form action={action} onSubmit={submitWithoutReset(action)}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="step" value={direction} />
      <input type="hidden" name="direction" value={direction} />
      <SubmitButton pending={pending} disabled={disabled} className={buttonClass('sm', 'plain')}>
        {label}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
    </form>
  );
  return (
    <>
      {move('up', 'Flytta upp', first)}
      {move('down', 'Flytta ner', last)}
    </>
  );
}

export function ChapterRow({ chapter, kindLabel, first, last }: { chapter: TemplateChapterDTO; kindLabel: string; first: boolean; last: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(chapterForm, null);
  const { bind } = useFields({ title: chapter.title }, { result });
  return (
    <div className="space-y-2">
      <form action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="chapterId" value={chapter.id} />
        <input type="hidden" name="step" value="rename" />
        <TextField label="Kapitlets rubrik" labelStyle="small" className="w-full sm:w-96" {...bind('title', result)} />
        <SubmitButton pending={pending} className={buttonClass('md', 'primary')}>
          Spara rubriken
        </SubmitButton>
      </form>
      <p className="text-sm text-slate-700">Innehåll: {kindLabel}</p>
      <div className="flex flex-wrap items-center gap-2">
        <MoveButtons action={action} hidden={{ chapterId: chapter.id }} name={chapter.title} first={first} last={last} pending={pending} />
        <ConfirmStep
          action={action}
          hidden={{ chapterId: chapter.id, step: 'archive' }}
          pending={pending}
          trigger={
            <>
              Ta bort ur mallen<span className="sr-only"> {chapter.title}</span>
            </>
          }
          triggerTone="dangerOutline"
          question={`Ta bort kapitlet ${chapter.title} ur mallen? Texter som redan skrivits finns kvar i historiken.`}
          confirmLabel="Ja, ta bort"
        />
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}

export function PartRow({ part, units, first, last }: { part: TemplatePartDTO; units: Unit[]; first: boolean; last: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(partForm, null);
  const { bind } = useFields({ heading: part.heading ?? '', unitId: part.unit.id }, { result });
  const name = part.heading ?? 'inledande text';
  return (
    <div className="space-y-2">
      <form action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="partId" value={part.id} />
        <input type="hidden" name="step" value="update" />
        <TextField
          label="Rubrik"
          hint="Tom: kapitlets inledande text, utan egen rubrik."
          labelStyle="small"
          className="w-full sm:w-72"
          {...bind('heading', result)}
        />
        <SelectField label="Skrivs av" labelStyle="small" fullWidth={false} className="min-w-0 max-w-full" controlClassName="max-w-full" {...bind('unitId', result)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={pending} className={buttonClass('md', 'primary')}>
          Spara<span className="sr-only"> {name}</span>
        </SubmitButton>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <MoveButtons action={action} hidden={{ partId: part.id }} name={name} first={first} last={last} pending={pending} />
        <ConfirmStep
          action={action}
          hidden={{ partId: part.id, step: 'archive' }}
          pending={pending}
          trigger={
            <>
              Ta bort<span className="sr-only"> {name}</span>
            </>
          }
          triggerTone="dangerOutline"
          question={`Ta bort delen ${name}? Texter som redan skrivits finns kvar i historiken.`}
          confirmLabel="Ja, ta bort"
        />
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}

export function AddPartForm({ chapterId, chapterTitle, units }: { chapterId: string; chapterTitle: string; units: Unit[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(addPartForm, null);
  const { bind } = useFields({ heading: '', unitId: '' }, { result });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate aria-label={`Lägg till en del i ${chapterTitle}`}>
      <input type="hidden" name="chapterId" value={chapterId} />
      <TextField label="Ny dels rubrik" labelStyle="small" className="w-full sm:w-72" {...bind('heading', result)} />
      <SelectField label="Skrivs av" labelStyle="small" fullWidth={false} className="min-w-0 max-w-full" controlClassName="max-w-full" {...bind('unitId', result)}>
        <option value="">Välj enhet …</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SubmitRow pending={pending} label="Lägg till delen" result={result} size="small" />
    </form>
  );
}

export function AddChapterForm({ periodKind, kinds }: { periodKind: string; kinds: { kind: ChapterKind; label: string }[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(addChapterForm, null);
  const { bind } = useFields({ title: '', kind: 'narrative' }, { result });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="periodKind" value={periodKind} />
      <TextField label="Rubrik" labelStyle="small" className="w-full sm:w-80" {...bind('title', result)} />
      <SelectField label="Innehåll" labelStyle="small" fullWidth={false} className="min-w-0 max-w-full" controlClassName="max-w-full" {...bind('kind', result)}>
        {kinds.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </SelectField>
      <SubmitRow pending={pending} label="Lägg till kapitlet" result={result} size="small" />
    </form>
  );
}
