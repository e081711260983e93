'use client';
// A step that is asked for twice (disable, archive, delete, create next year's plan): a
// button, then the question with "Ja, …" and "Avbryt" in its place. `children` are the
// other controls of the row, shown beside the button and hidden while the question is asked.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { submitWithoutReset } from './submit-without-reset';
import { SubmitButton } from './submit-button';

export type ButtonTone = 'plain' | 'primary' | 'danger' | 'dangerOutline' | 'warning';
export type ButtonSize = 'sm' | 'md' | 'lg';

const SIZES: Record<ButtonSize, string> = { sm: 'px-2.5 py-1 text-sm', md: 'px-3 py-1.5 text-sm', lg: 'px-3 py-2 text-sm font-medium' };
const TONES: Record<ButtonTone, string> = {
  plain: 'border-slate-400 bg-white hover:bg-slate-100',
  primary: 'border-blue-800 bg-blue-800 text-white hover:bg-blue-900',
  danger: 'border-red-700 bg-red-700 text-white hover:bg-red-800',
  dangerOutline: 'border-red-700 bg-white text-red-800 hover:bg-red-50',
  warning: 'border-amber-800 bg-amber-700 text-white hover:bg-amber-800',
};

/** The bordered small buttons of the admin rows. */
export function buttonClass(size: ButtonSize, tone: ButtonTone): string {
  return `rounded border ${SIZES[size]} ${TONES[tone]} focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70`;
}

/**
 * Keyboard focus through a two-step question: when the question appears (and the first
 * button with it disappears) focus moves to its "Ja, …" button; when it is answered or
 * cancelled focus returns to the first button. Without this, focus would fall back to the
 * start of the page.
 */
export function useConfirmFocus(asking: boolean) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  return { confirmRef, triggerRef };
}

export function ConfirmStep({
  action,
  hidden,
  pending,
  trigger,
  question,
  confirmLabel,
  triggerTone = 'plain',
  confirmTone = 'danger',
  size = 'sm',
  children,
}: {
  /** The form action (useActionState's dispatcher); it gets `hidden` as the form's fields. */
  action: (formData: FormData) => void;
  hidden: Record<string, string>;
  pending: boolean;
  /** The first button's content, with its accessible name ("Inaktivera<span class=sr-only> Helena</span>"). */
  trigger: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  triggerTone?: ButtonTone;
  confirmTone?: ButtonTone;
  size?: ButtonSize;
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const submit = submitWithoutReset(action);
  const { confirmRef, triggerRef } = useConfirmFocus(asking);
  if (asking) {
    return (
      <form
        action={action}
        onSubmit={(event) => {
          setAsking(false);
          submit(event);
        }}
        className="flex flex-wrap items-center gap-2"
      >
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <span className="text-sm">{question}</span>
        <SubmitButton ref={confirmRef} pending={pending} className={buttonClass(size, confirmTone)}>
          {confirmLabel}
        </SubmitButton>
        <button type="button" onClick={() => setAsking(false)} className={buttonClass(size, 'plain')}>
          Avbryt
        </button>
      </form>
    );
  }
  const button = (
    <button ref={triggerRef} type="button" disabled={pending} onClick={() => setAsking(true)} className={buttonClass(size, triggerTone)}>
      {trigger}
    </button>
  );
  return children ? (
    <div className="flex flex-wrap gap-2">
      {children}
      {button}
    </div>
  ) : (
    button
  );
}
