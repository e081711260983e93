// The "not found" and "something went wrong" texts, shown outside the signed-in frame
// (app/not-found.tsx, app/error.tsx, in their own <main>) and inside it
// (app/(inloggad)/not-found.tsx and error.tsx, in the frame's <main>), so both read alike.
import Link from 'next/link';
import { ACTION_REFUSALS } from '@/lib/action-origin';

/** For what does not exist and for what is not the user's alike. */
export function NotFoundNotice() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Sidan finns inte</h1>
      <p className="mt-2 text-slate-700">
        Det du söker finns inte, eller så saknar du behörighet till det. Kontrollera adressen eller gå tillbaka
        till översikten.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-blue-800 underline">
          Till översikten
        </Link>
      </p>
    </>
  );
}

/**
 * Never the error itself: production builds send no message or stack to the browser, only
 * a digest that matches the server log. The one exception is a refusal the proxy wrote in
 * Swedish (a body too large, another site's request), shown word for word. Rendered by
 * client error boundaries (it has a button).
 */
export function ErrorNotice({ digest, message, reset }: { digest?: string; message?: string; reset: () => void }) {
  const refusal = !digest && message && ACTION_REFUSALS.includes(message) ? message : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">{refusal ? 'Inget sparades' : 'Något gick fel'}</h1>
      <p className="mt-2 text-slate-700">
        {refusal ?? (
          <>
            Sidan kunde inte visas. Försök igen om en stund. Om felet finns kvar, kontakta systemförvaltaren
            {digest ? ` och ange felkoden ${digest}` : ''}.
          </>
        )}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        Försök igen
      </button>
    </>
  );
}
