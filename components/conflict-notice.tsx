import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/time-format';

/** Shown when someone saved a newer version while the user was writing. */
export function ConflictNotice({ author, createdAt, seq, children }: { author?: string; createdAt?: string; seq?: number; children?: ReactNode }) {
  return (
    <div role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
      <p className="font-semibold">Någon annan har sparat en nyare version medan du skrev.</p>
      {author && createdAt && (
        <p className="mt-1">
          {author} sparade version {seq}{' '}
          {formatDateTime(createdAt)}. {children}
        </p>
      )}
      <p className="mt-1">Din text finns kvar i formuläret. Jämför och spara igen om din version ska gälla.</p>
    </div>
  );
}

/**
 * The line under a form's submit button: the result of the last save (conflicts have their own
 * notice). While empty it is only visually hidden, so it stays a live region that is read out.
 */
export function SaveMessage({ status, message }: { status?: 'ok' | 'error'; message?: string }) {
  return (
    <p aria-live="polite" className={`text-sm empty:sr-only ${status === 'ok' ? 'text-green-800' : 'text-red-800'}`}>
      {message ?? ''}
    </p>
  );
}
