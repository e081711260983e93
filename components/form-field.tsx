// Every form field, one implementation: a label, an optional hint, the control and its
// error. The control is described by its hint and its error (aria-describedby) and marked
// invalid (aria-invalid); the error sits in a live region that is always rendered, so a
// message that appears in it is announced. The error is words in red, never the colour alone.
//
// FormField is the frame and takes the control as a function of its accessibility props,
// for controls of their own (a file input); TextField, TextAreaField and SelectField are
// that frame around the usual controls, FieldGroup the same for a fieldset of choices.
// No hooks here: server components (the period pickers) use these too.
import type { ComponentProps, ReactNode } from 'react';
import { SaveMessage } from './conflict-notice';
import { SubmitButton } from './submit-button';

/** strong: a form's own fields; small: compact forms; plain: a sentence under a legend; hidden: read by screen readers only. */
export type LabelStyle = 'strong' | 'small' | 'plain' | 'hidden';

const LABEL: Record<LabelStyle, string> = {
  strong: 'block font-medium',
  small: 'block text-sm font-medium',
  plain: 'block text-sm',
  hidden: 'sr-only',
};

const HINT: Record<LabelStyle, string> = {
  strong: 'text-sm text-slate-700',
  small: 'text-xs text-slate-600',
  plain: 'text-xs text-slate-600',
  hidden: 'text-xs text-slate-600',
};

const CONTROL =
  'block rounded border border-slate-400 bg-white focus:border-blue-700 focus:outline-2 focus:outline-blue-700 aria-invalid:border-red-700 disabled:bg-slate-100';

/** The props a control needs to be linked to its label, hint and error. */
export interface ControlA11y {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
}

interface FieldFrame {
  /** The control's id; its hint is `${id}-hint` and its error `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  labelStyle?: LabelStyle;
  /** Shown at the end of the label's line (a button that fills the field). */
  labelAside?: ReactNode;
  /** Shown beside the control (the save button of a one-field form). */
  controlAside?: ReactNode;
  /** The hint under the control instead of above it, so the field's control lines up with its neighbours'. */
  hintBelow?: boolean;
  /** The wrapper's classes (its place in a grid). */
  className?: string;
}

interface ControlLook {
  /** The control fills its column (default); false: as wide as its content or `controlClassName` says. */
  fullWidth?: boolean;
  /** Less padding, for fields in a table row. */
  compact?: boolean;
  /** More classes for the control (a width, a maximum width, a font). */
  controlClassName?: string;
  /** More ids to describe the control by (a form-level message). */
  'aria-describedby'?: string;
}

/** The first server-side error of a field, from an action's result. */
export function fieldError(
  result: { status: string; fieldErrors?: Record<string, string[] | undefined> } | null | undefined,
  name: string,
): string | undefined {
  return result?.status === 'error' ? result.fieldErrors?.[name]?.[0] : undefined;
}

function classes(...parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

function controlClass(look: ControlLook, labelStyle: LabelStyle): string {
  return classes(
    CONTROL,
    labelStyle !== 'hidden' && 'mt-1',
    look.compact ? 'px-2 py-1.5' : 'px-3 py-2',
    look.fullWidth !== false && 'w-full',
    look.controlClassName,
  );
}

/**
 * The announced error of a field (or a group). Always rendered, and while empty only visually
 * hidden (not display:none), so it stays a live region and a message that appears is read out.
 */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm font-medium text-red-800 empty:sr-only">
      {message ?? ''}
    </p>
  );
}

/** Label, hint, the control (rendered by `children` with its accessibility props) and the error. */
export function FormField({
  id,
  label,
  hint,
  error,
  labelStyle = 'strong',
  labelAside,
  controlAside,
  hintBelow = false,
  className,
  describedBy,
  children,
}: FieldFrame & { describedBy?: string; children: (a11y: ControlA11y) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const a11y: ControlA11y = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': classes(hintId, describedBy, `${id}-error`),
  };
  const labelElement = (
    <label htmlFor={id} className={LABEL[labelStyle]}>
      {label}
    </label>
  );
  const control = children(a11y);
  const hintElement = hint && (
    <p id={hintId} className={classes(HINT[labelStyle], hintBelow && 'mt-1')}>
      {hint}
    </p>
  );
  return (
    <div className={className}>
      {labelAside ? (
        <div className="flex flex-wrap items-end justify-between gap-2">
          {labelElement}
          {labelAside}
        </div>
      ) : (
        labelElement
      )}
      {!hintBelow && hintElement}
      {controlAside ? (
        <div className="flex flex-wrap items-center gap-2">
          {control}
          {controlAside}
        </div>
      ) : (
        control
      )}
      {hintBelow && hintElement}
      <FieldError id={id} message={error} />
    </div>
  );
}

type Own<T> = Omit<T, 'id' | 'className' | 'aria-describedby' | 'aria-invalid'>;

/** A field's props, split into its frame (for FormField), its control's classes and the control's own props. */
function split<P extends FieldFrame & ControlLook>(props: P) {
  const {
    id,
    label,
    hint,
    error,
    labelStyle = 'strong',
    labelAside,
    controlAside,
    hintBelow,
    className,
    fullWidth,
    compact,
    controlClassName,
    'aria-describedby': describedBy,
    ...control
  } = props;
  const frame = { id, label, hint, error, labelStyle, labelAside, controlAside, hintBelow, className, describedBy };
  return { frame, controlClass: controlClass({ fullWidth, compact, controlClassName }, labelStyle), control };
}

/** A one-line input. Browsers' autofill does not fit most fields here: it is off unless `autoComplete` is given. */
export function TextField(props: FieldFrame & ControlLook & Own<ComponentProps<'input'>>) {
  const { frame, controlClass, control } = split(props);
  return <FormField {...frame}>{(a11y) => <input autoComplete="off" className={controlClass} {...control} {...a11y} />}</FormField>;
}

export function TextAreaField(props: FieldFrame & ControlLook & Own<ComponentProps<'textarea'>>) {
  const { frame, controlClass, control } = split(props);
  return <FormField {...frame}>{(a11y) => <textarea rows={3} className={controlClass} {...control} {...a11y} />}</FormField>;
}

export function SelectField(props: FieldFrame & ControlLook & Own<ComponentProps<'select'>>) {
  const { frame, controlClass, control } = split(props);
  return <FormField {...frame}>{(a11y) => <select className={controlClass} {...control} {...a11y} />}</FormField>;
}

/**
 * A fieldset: its legend, an optional hint, the controls (checkboxes, or fields that belong
 * together) and, with an `id`, the group's announced error. `boxed` draws its border.
 */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  labelStyle = 'strong',
  boxed = false,
  className,
  children,
}: {
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  labelStyle?: Exclude<LabelStyle, 'plain'>;
  boxed?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const hintId = id && hint ? `${id}-hint` : undefined;
  return (
    <fieldset
      className={classes(boxed && 'rounded border border-slate-300 p-3', className)}
      aria-describedby={id ? classes(hintId, `${id}-error`) : undefined}
    >
      <legend className={classes(boxed && 'px-1', labelStyle === 'small' ? 'text-sm font-medium' : LABEL[labelStyle])}>{legend}</legend>
      {hint && (
        <p id={hintId} className={HINT[labelStyle]}>
          {hint}
        </p>
      )}
      {children}
      {id && <FieldError id={id} message={error} />}
    </fieldset>
  );
}

/** A checkbox with its label around it; `multiline` for labels that run over several lines. */
export function Checkbox({
  label,
  multiline = false,
  className,
  ...input
}: Omit<ComponentProps<'input'>, 'type'> & { label: ReactNode; multiline?: boolean }) {
  return (
    <label className={classes('inline-flex gap-2', multiline ? 'items-start' : 'items-center', className)}>
      <input type="checkbox" className={classes('h-4 w-4 shrink-0', multiline && 'mt-1')} {...input} />
      {multiline ? <span>{label}</span> : label}
    </label>
  );
}

export interface CheckboxChoice {
  id: string;
  label: ReactNode;
  /** Indentation in a tree (units under their board). */
  depth?: number;
}

/** Checkboxes for a set of ids (units, KF-mål), indented by depth; the form submits the set in a hidden field. */
export function CheckboxList({
  choices,
  selected,
  onToggle,
  multiline = false,
  className = 'mt-1 space-y-1',
}: {
  choices: CheckboxChoice[];
  selected: readonly string[];
  onToggle: (id: string, checked: boolean) => void;
  multiline?: boolean;
  className?: string;
}) {
  return (
    <ul className={className}>
      {choices.map((c) => (
        <li key={c.id} style={c.depth ? { paddingLeft: `${c.depth * 1.25}rem` } : undefined}>
          <Checkbox
            label={c.label}
            multiline={multiline}
            checked={selected.includes(c.id)}
            onChange={(e) => onToggle(c.id, e.target.checked)}
          />
        </li>
      ))}
    </ul>
  );
}

const SUBMIT = {
  base: 'rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70',
  small:
    'rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70',
};

/**
 * A form's submit button with its pending label, and the announced result of the last save.
 * `conflictNotice`: the form shows a conflict in its own notice, so its message is not repeated here.
 */
export function SubmitRow({
  pending,
  label,
  pendingLabel = 'Sparar …',
  result,
  size = 'base',
  conflictNotice = false,
}: {
  pending: boolean;
  label: ReactNode;
  pendingLabel?: string;
  result: { status: 'ok' | 'error'; message?: string; code?: string } | null | undefined;
  size?: keyof typeof SUBMIT;
  conflictNotice?: boolean;
}) {
  const hidden = conflictNotice && result?.status === 'error' && result.code === 'conflict';
  return (
    <div className={classes('flex flex-wrap items-center', size === 'base' ? 'gap-4' : 'gap-3')}>
      <SubmitButton pending={pending} className={SUBMIT[size]}>
        {pending ? pendingLabel : label}
      </SubmitButton>
      <SaveMessage status={result?.status} message={hidden ? undefined : result?.message} />
    </div>
  );
}

const SMALL_BUTTON =
  'rounded border border-slate-400 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-50 aria-disabled:opacity-50';

/** The chosen ids in order (responsible units as the report names them), each movable up and down. */
export function OrderList({
  id,
  title,
  ids,
  nameOf,
  onMove,
}: {
  id: string;
  title: string;
  ids: readonly string[];
  nameOf: (id: string) => string;
  onMove: (index: number, by: -1 | 1) => void;
}) {
  return (
    <div className="mt-3">
      <p id={`${id}-label`} className="text-sm font-medium">
        {title}
      </p>
      <ol aria-labelledby={`${id}-label`} className="mt-1 space-y-1">
        {ids.map((itemId, index) => (
          <li key={itemId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="w-6 text-right tabular-nums">{index + 1}.</span>
            <span className="sm:min-w-48">{nameOf(itemId)}</span>
            <span className="inline-flex gap-2">
              <button type="button" className={SMALL_BUTTON} disabled={index === 0} onClick={() => onMove(index, -1)}>
                Upp<span className="sr-only"> med {nameOf(itemId)}</span>
              </button>
              <button type="button" className={SMALL_BUTTON} disabled={index === ids.length - 1} onClick={() => onMove(index, 1)}>
                Ned<span className="sr-only"> med {nameOf(itemId)}</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** `list` with the item at `index` moved `by` one place; for OrderList's onMove. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item!);
  return next;
}

/** `list` with `value` added at the end (checked) or taken out. */
export function toggled<T>(list: readonly T[], value: T, checked: boolean): T[] {
  return checked ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}
