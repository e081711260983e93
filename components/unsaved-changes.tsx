'use client';
// What the user typed and has not saved: a warning before the page is left or reloaded (the
// browser's own dialog for a reload, a close or a typed address; a confirm for a link inside
// the app), and a draft of the long texts kept in this browser (localStorage) until saved,
// keyed by user, item and the version the text is based on, with an offer to restore it.
// useFields (use-fields.ts) runs this for every form that passes `unsaved`.
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { formatDateTime } from '@/lib/time-format';

export const LEAVE_QUESTION = 'Du har ändringar som inte är sparade. Vill du lämna sidan ändå?';
const PREFIX = 'malbild:utkast:';

/** Whose drafts these are: the signed-in user's id, given by the signed-in layout. */
const DraftOwner = createContext<string | null>(null);

export function DraftOwnerProvider({ userId, children }: { userId: string; children: ReactNode }) {
  return <DraftOwner.Provider value={userId}>{children}</DraftOwner.Provider>;
}

export interface UnsavedOptions<T> {
  /** The last save's result: an ok result makes what the form holds the saved state. */
  result: { status: 'ok' | 'error' } | null | undefined;
  /** Keep these (long text) fields as a draft in the browser under `key` (item and base version). */
  draft?: { key: string; fields: readonly (keyof T & string)[] };
}

export interface DraftOffer {
  savedAt: string;
  restore(): void;
  discard(): void;
}

interface StoredDraft {
  savedAt: string;
  values: Record<string, string>;
  /** The form that wrote it (this page load and mount): its own draft is never offered back to it. */
  writer?: string;
}

// The drafts as an external store for useSyncExternalStore: a snapshot is the raw stored string
// (compared by value, so a render sees a change only when the entry changed). Only this page's
// own writes are announced: a draft typed in another tab is offered when this form is opened
// again, never in the middle of typing here.
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled: no draft
  }
}

function parseDraft(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as StoredDraft;
    return typeof parsed?.savedAt === 'string' && parsed.values && typeof parsed.values === 'object' ? parsed : null;
  } catch {
    return null; // a damaged entry: no draft
  }
}

function writeDraft(key: string, draft: StoredDraft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the warning before leaving still protects the text.
  }
  for (const listener of listeners) listener();
}

// Who writes a draft: this page load and, within it, each mounted form (a form opened again
// by a link inside the app is another writer, so what the first one left is offered).
const PAGE_LOAD = Math.random().toString(36).slice(2);
let mounted = 0;
const newWriter = () => `${PAGE_LOAD}:${++mounted}`;

const differs = <T extends Record<string, unknown>>(a: T, b: T, keys: readonly string[]) => keys.some((k) => a[k] !== b[k]);

export function useUnsavedChanges<T extends Record<string, unknown>>(
  fields: T,
  setFields: (update: (f: T) => T) => void,
  options: UnsavedOptions<T> | undefined,
): { dirty: boolean; draftOffer: DraftOffer | null } {
  const owner = useContext(DraftOwner);
  const [saved, setSaved] = useState<{ fields: T; result: UnsavedOptions<T>['result'] }>({ fields, result: options?.result });
  // An ok save makes the current fields the saved ones (adjusted while rendering, as useVersionBase does).
  let baseline = saved.fields;
  if (options && options.result !== saved.result) {
    baseline = options.result?.status === 'ok' ? fields : saved.fields;
    setSaved({ fields: baseline, result: options.result });
  }
  const dirty = options !== undefined && differs(fields, baseline, Object.keys(fields));
  const draftKey = options?.draft && owner ? `${PREFIX}${owner}:${options.draft.key}` : null;
  const draftFields = options?.draft?.fields ?? [];
  const [writer] = useState(newWriter);

  // The draft stored under this key (none while rendering on the server and hydrating).
  const raw = useSyncExternalStore(
    subscribe,
    () => (draftKey ? readRaw(draftKey) : null),
    () => null,
  );
  const stored = useMemo(() => parseDraft(raw), [raw]);
  // A draft left by an earlier visit (same user, item and base version) is offered, not forced,
  // as long as it differs from what the form holds and the user has not restored or thrown it away.
  const offered =
    draftKey !== null && stored !== null && stored.writer !== writer && draftFields.some((k) => typeof stored.values[k] === 'string' && stored.values[k] !== fields[k])
      ? { key: draftKey, draft: stored }
      : null;

  // Warn before a reload, a close or leaving by the address bar.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = LEAVE_QUESTION; // older browsers want a value
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // …and before following a link inside the app (caught before Next's router sees the click).
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return; // an anchor on this page
      if (!window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty]);

  // The text moves with the form to a new base version (after a save or a conflict): the draft
  // under the old version's key goes (the form still holds the text, written again below).
  const keyRef = useRef<string | null>(null);
  useEffect(() => {
    const previous = keyRef.current;
    keyRef.current = draftKey;
    if (previous && previous !== draftKey) writeDraft(previous, null);
  }, [draftKey]);

  // Keep the long texts while they differ from the saved version, and drop this form's draft
  // once they are saved (or typed back to it). A draft the user has not decided on is never
  // touched (nor one not yet read: while hydrating, the store shows none).
  const wanted =
    draftKey === null || offered !== null
      ? undefined
      : differs(fields, baseline, draftFields)
        ? JSON.stringify(Object.fromEntries(draftFields.map((k) => [k, String(fields[k] ?? '')])))
        : null;
  const dropOwn = wanted === null && stored !== null && stored.writer === writer;
  useEffect(() => {
    if (draftKey === null || wanted === undefined) return;
    if (wanted !== null) writeDraft(draftKey, { savedAt: new Date().toISOString(), values: JSON.parse(wanted) as Record<string, string>, writer });
    else if (dropOwn) writeDraft(draftKey, null);
  }, [draftKey, wanted, writer, dropOwn]);

  const draftOffer: DraftOffer | null = offered
    ? {
        savedAt: offered.draft.savedAt,
        // The form takes the draft's texts; from then on it is this form's own draft.
        restore: () => setFields((f) => ({ ...f, ...Object.fromEntries(draftFields.map((k) => [k, offered.draft.values[k] ?? f[k]])) })),
        discard: () => writeDraft(offered.key, null),
      }
    : null;
  return { dirty, draftOffer };
}

/** The offer to bring back a draft kept in this browser. */
export function DraftNotice({ offer }: { offer: DraftOffer | null }) {
  if (!offer) return null;
  return (
    <div role="status" className="rounded border border-blue-300 bg-blue-50 p-3 text-sm">
      <p>
        <span className="font-semibold">Det finns ett osparat utkast</span> från {formatDateTime(offer.savedAt)}, sparat i den här
        webbläsaren.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={offer.restore}
          className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          Återställ utkast
        </button>
        <button
          type="button"
          onClick={offer.discard}
          className="rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          Släng utkastet
        </button>
      </div>
    </div>
  );
}
